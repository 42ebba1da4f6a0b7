/**
 * Staff routes managing reporters: /quan-tri/bao-cao-thong-ke/don-vi-bao-cao (list, POST: create) and
 * …/{id} (POST …/ten: rename, …/thanh-vien: add a member, …/thanh-vien/{user}/go: remove one).
 * Statisticians only (canManageReporters); CSRF on every POST, a stale token re-rendering the form
 * with the input kept; every change audited by the service.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { isCsrfValid } from '../../../platform/http/csrf.ts';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { canManageForm, canManageReporters } from './permissions.ts';
import { ReporterPage, ReportersPage } from './reporter-admin-pages.tsx';
import { REPORTERS_PATH, reporterAdminPath } from './reporter-paths.ts';
import { addReporterMember, createReporter, formsOfKind, freeAgencies, isReporterKind, listReporters, removeReporterMember, renameReporter, reporterSummary, type ReporterSummary } from './reporters.ts';
import { parseId } from './staff-routes.ts';

const NOTICES = {
  tao: 'reports.reporter_created_ok',
  ten: 'reports.reporter_renamed_ok',
  them: 'reports.member_added_ok',
  go: 'reports.member_removed_ok',
  'go-het': 'reports.member_removed_last',
} as const;
const noticeKey = (ok: string | undefined) => (ok !== undefined && Object.hasOwn(NOTICES, ok) ? NOTICES[ok as keyof typeof NOTICES] : undefined);

/** A field's value, at most `max` characters (so that a huge post cannot be echoed back whole). */
const bounded = (body: FormValues, name: string, max: number): string => field(body, name).slice(0, max);

export function registerReporterAdminRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const signedIn = requireAnyRolePage('statistician');
  // Anonymous visitors go to sign-in as on the other staff pages; then the rule of permissions.ts decides.
  const statisticians = {
    preHandler: async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      await signedIn(request, reply);
      if (!reply.sent && !canManageReporters(request.user)) throw new AppError('forbidden');
    },
  };
  const csrfOk = (request: FastifyRequest, body: FormValues): boolean => isCsrfValid(request, field(body, '_csrf'), config.secret);

  async function renderList(request: FastifyRequest, reply: FastifyReply, extra: { values?: { name?: string; kind?: string; agency?: string }; errors?: FieldErrors; notice?: string; alert?: string }, status = 200) {
    const [reporters, agencies] = await Promise.all([listReporters(db), freeAgencies(db)]);
    const ctx = await viewContext(request);
    return sendHtml(reply, ReportersPage({ ctx, adminNav: app.deps.adminNav, reporters, agencies, ...extra }), status);
  }

  async function found(raw: string): Promise<ReporterSummary> {
    const reporter = await reporterSummary(db, parseId(raw));
    if (reporter === undefined) throw new AppError('not_found');
    return reporter;
  }

  async function renderReporter(request: FastifyRequest, reply: FastifyReply, reporter: ReporterSummary, extra: { values?: { name?: string; email?: string }; errors?: FieldErrors; notice?: string; alert?: string }, status = 200) {
    const ofKind = await formsOfKind(db, reporter.kind);
    const known = new Set(ofKind.map((f) => f.code));
    const forms = [
      ...ofKind.map((f) => ({ code: f.code, nameVi: f.nameVi, nameEn: f.nameEn, manageable: canManageForm(request.user, f.ownerAgencyId) })),
      // A form of another kind the reporter was given before (assignments check the kind, so only old data).
      ...reporter.forms.filter((f) => !known.has(f.code)).map((f) => ({ ...f, manageable: false })),
    ];
    const ctx = await viewContext(request);
    return sendHtml(reply, ReporterPage({ ctx, adminNav: app.deps.adminNav, reporter, forms, ...extra }), status);
  }

  app.get<{ Querystring: { ok?: string; loai?: string } }>(REPORTERS_PATH, statisticians, async (request, reply) => {
    const key = noticeKey(request.query.ok);
    const kind = request.query.loai;
    return renderList(request, reply, { ...(key === undefined ? {} : { notice: request.t(key) }), ...(kind !== undefined && isReporterKind(kind) ? { values: { kind } } : {}) });
  });

  app.post<{ Body: FormValues }>(REPORTERS_PATH, statisticians, async (request, reply) => {
    const body = request.body ?? {};
    const values = { name: bounded(body, 'name', 1000), kind: bounded(body, 'kind', 40), agency: bounded(body, 'agency', 20) };
    if (!csrfOk(request, body)) return renderList(request, reply, { values, alert: request.t('error.csrf_invalid') }, 403);
    let id: number;
    try {
      id = await createReporter(db, actorOf(request), values);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderList(request, reply, { values, ...(err.fields === undefined ? {} : { errors: err.fields }) }, 422);
      throw err;
    }
    return reply.redirect(`${reporterAdminPath(id)}?ok=tao`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>(`${REPORTERS_PATH}/:id`, statisticians, async (request, reply) => {
    const reporter = await found(request.params.id);
    const key = noticeKey(request.query.ok);
    return renderReporter(request, reply, reporter, key === undefined ? {} : { notice: request.t(key) });
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${REPORTERS_PATH}/:id/ten`, statisticians, async (request, reply) => {
    const reporter = await found(request.params.id);
    const body = request.body ?? {};
    const name = bounded(body, 'name', 1000);
    if (!csrfOk(request, body)) return renderReporter(request, reply, reporter, { values: { name }, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await renameReporter(db, actorOf(request), reporter.id, name);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderReporter(request, reply, reporter, { values: { name }, ...(err.fields === undefined ? {} : { errors: err.fields }) }, 422);
      throw err;
    }
    return reply.redirect(`${reporterAdminPath(reporter.id)}?ok=ten`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${REPORTERS_PATH}/:id/thanh-vien`, statisticians, async (request, reply) => {
    const reporter = await found(request.params.id);
    const body = request.body ?? {};
    const email = bounded(body, 'email', 300);
    if (!csrfOk(request, body)) return renderReporter(request, reply, reporter, { values: { email }, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await addReporterMember(db, actorOf(request), reporter.id, email);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderReporter(request, reply, reporter, { values: { email }, ...(err.fields === undefined ? {} : { errors: err.fields }) }, 422);
      throw err;
    }
    return reply.redirect(`${reporterAdminPath(reporter.id)}?ok=them`, 303);
  });

  app.post<{ Params: { id: string; user: string }; Body: FormValues }>(`${REPORTERS_PATH}/:id/thanh-vien/:user/go`, statisticians, async (request, reply) => {
    const reporter = await found(request.params.id);
    const body = request.body ?? {};
    if (!csrfOk(request, body)) return renderReporter(request, reply, reporter, { alert: request.t('error.csrf_invalid') }, 403);
    const left = await removeReporterMember(db, actorOf(request), reporter.id, parseId(request.params.user));
    return reply.redirect(`${reporterAdminPath(reporter.id)}?ok=${left === 0 ? 'go-het' : 'go'}`, 303);
  });
}
