/** /quan-tri/nhat-ky: the audit log viewer and the chain check. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verifyAuditChain, type ChainReport } from '../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../platform/auth/guards.ts';
import { isIsoDate } from '../../platform/calendar/dates.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { auditEntriesForAdmin, auditVocabulary, type AuditFilters } from './audit-queries.ts';
import { pageParam, scopeOf } from './route-helpers.ts';
import { userIdsMatching } from './users-queries.ts';
import { AUDIT_PATH, AuditPage } from './views/audit-page.tsx';

type Query = Record<string, string | undefined>;

/** Start and end of a calendar day in Viet Nam (UTC+7, no daylight saving) as UTC instants. */
const startOfDay = (d: string): string => new Date(`${d}T00:00:00.000+07:00`).toISOString();
const endOfDay = (d: string): string => new Date(`${d}T23:59:59.999+07:00`).toISOString();

export function registerAuditRoutes(app: FastifyInstance): void {
  const { store } = app.deps;
  const adminOnly = requireAnyRolePage('administrator');

  async function render(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply, chain?: ChainReport) {
    const q = request.query;
    const text = (name: string): string => (q[name] ?? '').normalize('NFC').trim().slice(0, 200);
    const shown = { loai: text('loai'), 'hanh-dong': text('hanh-dong'), nguoi: text('nguoi'), tu: text('tu'), den: text('den') };
    const filters: { -readonly [K in keyof AuditFilters]: AuditFilters[K] } = {};
    if (shown.loai !== '') filters.entityType = shown.loai;
    if (shown['hanh-dong'] !== '') filters.action = shown['hanh-dong'];
    if (shown.nguoi !== '') filters.actor = { ids: await userIdsMatching(store.db, shown.nguoi), label: shown.nguoi };
    if (isIsoDate(shown.tu)) filters.fromIso = startOfDay(shown.tu);
    if (isIsoDate(shown.den)) filters.toIso = endOfDay(shown.den);
    const page = pageParam(q.trang);
    const { agencyIds } = scopeOf(request);
    const { rows, total } = await auditEntriesForAdmin(store.db, agencyIds, filters, page);
    const vocabulary = await auditVocabulary(store.db, agencyIds);
    const ctx = await viewContext(request);
    return sendHtml(reply, AuditPage({ ctx, adminNav: app.deps.adminNav, filters: shown, vocabulary, rows, total, page, ...(chain === undefined ? {} : { chain }) }));
  }

  app.get<{ Querystring: Query }>(AUDIT_PATH, { preHandler: adminOnly }, (request, reply) => render(request, reply));

  // Verifying only reads the log, so a plain link or GET form can ask for it.
  app.get<{ Querystring: Query }>(`${AUDIT_PATH}/kiem-tra`, { preHandler: adminOnly }, async (request, reply) => render(request, reply, await verifyAuditChain(store.db)));
}
