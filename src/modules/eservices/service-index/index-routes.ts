/** GET /quan-tri/chi-so-phuc-vu: the service-index cockpit for officers and leaders, limited to their agencies. */
import type { FastifyInstance } from 'fastify';
import { agenciesWithRole, requireAnyRolePage, requireUser } from '../../../platform/auth/guards.ts';
import { isIsoDate } from '../../../platform/calendar/dates.ts';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { feedbackAgencies } from '../feedback/feedback-queries.ts';
import { proceduresOfAgencies } from '../staff-queries.ts';
import { computeIndex } from './compute-index.ts';
import { ServiceIndexPage, type IndexFilter } from './index-page.tsx';

const PATH = '/quan-tri/chi-so-phuc-vu';

export function registerServiceIndexRoutes(app: FastifyInstance): void {
  const db = app.deps.store.db;
  app.deps.adminNav.push({ href: PATH, label: 'sindex.title', roles: ['officer', 'leader'], order: 34 });

  app.get<{ Querystring: Record<string, string | undefined> }>(PATH, { preHandler: requireAnyRolePage('officer', 'leader') }, async (request, reply) => {
    const user = requireUser(request);
    const own = [...new Set([...agenciesWithRole(user, 'officer'), ...agenciesWithRole(user, 'leader')])];
    const q = request.query;
    const today = todayInVietnam();
    // By default the current calendar year, as the national portal ranks provinces by year (a dossier sent at a weekend is received on the next working day, possibly after today).
    const filter: IndexFilter = {
      from: isIsoDate(q.tu ?? '') ? (q.tu as string) : `${today.slice(0, 4)}-01-01`,
      to: isIsoDate(q.den ?? '') ? (q.den as string) : `${today.slice(0, 4)}-12-31`,
      ...(/^\d{1,9}$/.test(q['co-quan'] ?? '') && own.includes(Number(q['co-quan'])) ? { agencyId: Number(q['co-quan']) } : {}),
      ...(/^\d{1,9}$/.test(q['thu-tuc'] ?? '') ? { procedureId: Number(q['thu-tuc']) } : {}),
    };
    const agencyIds = filter.agencyId === undefined ? own : [filter.agencyId];
    const [allAgencies, procedures] = await Promise.all([feedbackAgencies(db, today), proceduresOfAgencies(db, own)]);
    const agencies = allAgencies.filter((a) => own.includes(a.id));
    const ctx = await viewContext(request);
    if (filter.from > filter.to) return sendHtml(reply, ServiceIndexPage({ ctx, adminNav: app.deps.adminNav, filter, agencies, procedures, result: null, alert: request.t('sindex.error_period') }), 422);
    const result = await computeIndex(db, { from: filter.from, to: filter.to, agencyIds, ...(filter.procedureId === undefined ? {} : { procedureId: filter.procedureId }) }, today);
    return sendHtml(reply, ServiceIndexPage({ ctx, adminNav: app.deps.adminNav, filter, agencies, procedures, result }));
  });
}
