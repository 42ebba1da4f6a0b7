/**
 * Staff routes managing a form's assignments and its periods' deadlines and reminders:
 * /quan-tri/bao-cao-thong-ke/bieu/{code} (POST …/giao, …/giao/{reporter}/huy) and
 * /quan-tri/bao-cao-thong-ke/ky/{id} (POST …/han, …/nhac/{assignment}). Statisticians of the form's
 * owner agency only (403 for anyone else); CSRF on every POST; every change audited by the service.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { isCsrfValid } from '../../../platform/http/csrf.ts';
import { field, fieldList, type FormValues } from '../../../platform/http/form-body.ts';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { FormAdminPage, PeriodAdminPage } from './assignment-pages.tsx';
import {
  assignReporter,
  currentFormByCode,
  formReporters,
  outstandingOf,
  periodById,
  periodsOfForm,
  remindNow,
  reportersOfKind,
  setPeriodDeadline,
  unassignReporter,
  unitChoices,
  type ManagedForm,
  type ManagedPeriod,
} from './assignments.ts';
import { canManageForm } from './permissions.ts';
import { assignmentPath } from './reporter-pages.tsx';
import { formAdminPath, periodAdminPath, STAFF_PATH } from './staff-pages.tsx';
import { parseId } from './staff-routes.ts';

const FORM_NOTICES = { giao: 'reports.assigned_ok', huy: 'reports.unassigned_ok' } as const;
const PERIOD_NOTICES = { han: 'reports.deadline_ok' } as const;

export function registerAssignmentRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const statisticians = { preHandler: requireAnyRolePage('statistician') };
  const reportUrl = (id: number): string => new URL(assignmentPath(id), config.publicUrl).toString();

  async function managedForm(request: FastifyRequest, code: string): Promise<ManagedForm> {
    const form = /^[A-Z0-9-]{1,20}$/.test(code) ? await currentFormByCode(db, code) : undefined;
    if (form === undefined) throw new AppError('not_found');
    if (!canManageForm(request.user, form.ownerAgencyId)) throw new AppError('forbidden');
    return form;
  }
  async function managedPeriod(request: FastifyRequest, raw: string): Promise<{ period: ManagedPeriod; form: ManagedForm }> {
    const period = await periodById(db, parseId(raw));
    const form = period === undefined ? undefined : await currentFormByCode(db, period.formCode);
    if (period === undefined || form === undefined) throw new AppError('not_found');
    if (!canManageForm(request.user, period.ownerAgencyId)) throw new AppError('forbidden');
    return { period, form };
  }
  const checkCsrf = (request: FastifyRequest, body: FormValues): void => {
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) throw new AppError('csrf_invalid');
  };

  async function renderForm(request: FastifyRequest, reply: FastifyReply, form: ManagedForm, extra: { values?: { reporter?: string; units?: string[] }; errors?: FieldErrors; notice?: string; alert?: string }, status = 200) {
    const [assigned, reporters, groups, periods] = await Promise.all([formReporters(db, form.code), reportersOfKind(db, form.reporterKind), unitChoices(db), periodsOfForm(db, form.code)]);
    const ctx = await viewContext(request);
    return sendHtml(reply, FormAdminPage({ ctx, adminNav: app.deps.adminNav, form, assigned, reporters, groups, periods, ...extra }), status);
  }

  async function renderPeriod(request: FastifyRequest, reply: FastifyReply, found: { period: ManagedPeriod; form: ManagedForm }, extra: { deadline?: string; errors?: FieldErrors; notice?: string; alert?: string }, status = 200) {
    const outstanding = await outstandingOf(db, found.period.id, todayInVietnam());
    const ctx = await viewContext(request);
    return sendHtml(reply, PeriodAdminPage({ ctx, adminNav: app.deps.adminNav, ...found, outstanding, ...extra }), status);
  }

  app.get<{ Params: { code: string }; Querystring: { ok?: string } }>(`${STAFF_PATH}/bieu/:code`, statisticians, async (request, reply) => {
    const form = await managedForm(request, request.params.code);
    const key = FORM_NOTICES[request.query.ok as keyof typeof FORM_NOTICES];
    return renderForm(request, reply, form, key === undefined ? {} : { notice: request.t(key) });
  });

  app.post<{ Params: { code: string }; Body: FormValues }>(`${STAFF_PATH}/bieu/:code/giao`, statisticians, async (request, reply) => {
    const form = await managedForm(request, request.params.code);
    const body = request.body ?? {};
    const reporter = field(body, 'reporter');
    const units = fieldList(body, 'units').slice(0, 500);
    // A stale token re-renders the form with the choices made, instead of losing them.
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderForm(request, reply, form, { values: { reporter, units }, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await assignReporter(db, actorOf(request), form, { reporterId: /^\d{1,9}$/.test(reporter) ? Number(reporter) : null, unitIds: units });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderForm(request, reply, form, { values: { reporter, units }, ...(err.fields === undefined ? {} : { errors: err.fields }) }, 422);
      throw err;
    }
    return reply.redirect(`${formAdminPath(form.code)}?ok=giao`, 303);
  });

  app.post<{ Params: { code: string; reporter: string }; Body: FormValues }>(`${STAFF_PATH}/bieu/:code/giao/:reporter/huy`, statisticians, async (request, reply) => {
    const form = await managedForm(request, request.params.code);
    checkCsrf(request, request.body ?? {});
    await unassignReporter(db, actorOf(request), form, parseId(request.params.reporter));
    return reply.redirect(`${formAdminPath(form.code)}?ok=huy`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: { ok?: string; n?: string } }>(`${STAFF_PATH}/ky/:id`, statisticians, async (request, reply) => {
    const found = await managedPeriod(request, request.params.id);
    const ok = request.query.ok;
    const notice =
      ok === 'nhac' && /^\d{1,4}$/.test(request.query.n ?? '')
        ? request.t('reports.reminded_ok', { count: Number(request.query.n) })
        : PERIOD_NOTICES[ok as keyof typeof PERIOD_NOTICES] === undefined
          ? undefined
          : request.t(PERIOD_NOTICES[ok as keyof typeof PERIOD_NOTICES]);
    return renderPeriod(request, reply, found, notice === undefined ? {} : { notice });
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${STAFF_PATH}/ky/:id/han`, statisticians, async (request, reply) => {
    const found = await managedPeriod(request, request.params.id);
    const body = request.body ?? {};
    const deadline = field(body, 'deadline').slice(0, 20);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderPeriod(request, reply, found, { deadline, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await setPeriodDeadline(db, actorOf(request), found.period, deadline);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderPeriod(request, reply, found, { deadline, ...(err.fields === undefined ? {} : { errors: err.fields }) }, 422);
      throw err;
    }
    return reply.redirect(`${periodAdminPath(found.period.id)}?ok=han`, 303);
  });

  app.post<{ Params: { id: string; assignment: string }; Body: FormValues }>(`${STAFF_PATH}/ky/:id/nhac/:assignment`, statisticians, async (request, reply) => {
    const found = await managedPeriod(request, request.params.id);
    checkCsrf(request, request.body ?? {});
    const assignmentId = parseId(request.params.assignment);
    const owned = await db.selectFrom('stat_report_assignments').select('id').where('id', '=', assignmentId).where('report_period_id', '=', found.period.id).executeTakeFirst();
    if (owned === undefined) throw new AppError('not_found');
    let sent: number;
    try {
      sent = await remindNow(db, actorOf(request), assignmentId, todayInVietnam(), reportUrl);
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return renderPeriod(request, reply, found, { alert: request.t('reports.err.not_owed') }, 409);
      if (err instanceof AppError && err.code === 'validation') return renderPeriod(request, reply, found, { alert: request.t('reports.err.no_members') }, 422);
      throw err;
    }
    return reply.redirect(`${periodAdminPath(found.period.id)}?ok=nhac&n=${sent}`, 303);
  });
}
