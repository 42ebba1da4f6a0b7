/** Staff routes (statisticians): /quan-tri/bao-cao-thong-ke — review submissions, open and close periods. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { isCsrfValid } from '../../../platform/http/csrf.ts';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { canManageForm, canReviewReports } from './permissions.ts';
import { assignmentById, cellsOf, currentForms, formItems, pendingSubmissions, reportPeriods, reporterUnits, submissionById, submissionsOf } from './report-queries.ts';
import { assignmentPath } from './reporter-pages.tsx';
import { openReportPeriod, setReportPeriodStatus } from './report-periods.ts';
import { approveSubmission, returnSubmission } from './review-submission.ts';
import { STAFF_PATH, StaffReportsPage, SubmissionPage, submissionPath } from './staff-pages.tsx';

const NOTICES = { ky: 'reports.period_saved', duyet: 'reports.approved_ok', tra: 'reports.returned_ok' } as const;

/** A numeric id from the path; anything else is a 404. */
export const parseId = (raw: string): number => {
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
};

export function registerStaffRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const statisticians = requireAnyRolePage('statistician');
  app.deps.adminNav.push({ href: STAFF_PATH, label: 'reports.admin_nav', roles: ['statistician'], order: 61 });
  const reportUrl = (id: number): string => new URL(assignmentPath(id), config.publicUrl).toString();

  const guard = (request: FastifyRequest, body: FormValues): void => {
    if (!canReviewReports(request.user)) throw new AppError('forbidden');
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) throw new AppError('csrf_invalid');
  };

  /**
   * The agency that owns a form decides which statisticians open and close its periods and review
   * its submissions, as it decides who manages its assignments: another agency's statistician gets 403.
   */
  async function requireFormManager(request: FastifyRequest, formId: number | null | undefined): Promise<void> {
    if (formId === null || formId === undefined) return;
    const form = await db.selectFrom('stat_report_forms').select('owner_agency_id').where('id', '=', formId).executeTakeFirst();
    if (form !== undefined && !canManageForm(request.user, form.owner_agency_id)) throw new AppError('forbidden');
  }
  const formOfPeriod = async (periodId: number): Promise<number | undefined> =>
    (await db.selectFrom('stat_report_periods').select('form_id').where('id', '=', periodId).executeTakeFirst())?.form_id;
  const formOfSubmission = async (submissionId: number): Promise<number | undefined> => {
    const submission = await submissionById(db, submissionId);
    return submission === undefined ? undefined : (await assignmentById(db, submission.assignmentId))?.formId;
  };

  async function renderStaff(request: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; errors?: FieldErrors; notice?: string }, status = 200) {
    const ctx = await viewContext(request);
    const [allPending, allPeriods, allForms, owners] = await Promise.all([pendingSubmissions(db), reportPeriods(db), currentForms(db), db.selectFrom('stat_report_forms').select(['id', 'code', 'owner_agency_id']).execute()]);
    // The statistician sees the forms of the agencies they work for (see requireFormManager).
    const managed = owners.filter((f) => canManageForm(request.user, f.owner_agency_id));
    const ids = new Set(managed.map((f) => f.id));
    const codes = new Set(managed.map((f) => f.code));
    const pending = allPending.filter((p) => ids.has(p.assignment.formId));
    const periods = allPeriods.filter((p) => codes.has(p.formCode));
    const forms = allForms.filter((f) => ids.has(f.id));
    return sendHtml(reply, StaffReportsPage({ ctx, adminNav: app.deps.adminNav, pending, periods, forms, ...extra }), status);
  }

  app.get<{ Querystring: { ok?: string } }>(STAFF_PATH, { preHandler: statisticians }, async (request, reply) => {
    const key = NOTICES[request.query.ok as keyof typeof NOTICES];
    return renderStaff(request, reply, key === undefined ? {} : { notice: request.t(key) });
  });

  app.post<{ Body: FormValues }>(`${STAFF_PATH}/ky`, { preHandler: statisticians }, async (request, reply) => {
    const body = request.body ?? {};
    guard(request, body);
    const values = { form: field(body, 'form'), period: field(body, 'period').trim(), deadline: field(body, 'deadline').trim() };
    await requireFormManager(request, /^\d{1,9}$/.test(values.form) ? Number(values.form) : undefined);
    try {
      await openReportPeriod(db, actorOf(request), { formId: /^\d{1,9}$/.test(values.form) ? Number(values.form) : 0, period: values.period, deadline: values.deadline });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderStaff(request, reply, { values, ...(err.fields === undefined ? {} : { errors: err.fields }) }, 422);
      throw err;
    }
    return reply.redirect(`${STAFF_PATH}?ok=ky`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${STAFF_PATH}/ky/:id/trang-thai`, { preHandler: statisticians }, async (request, reply) => {
    const body = request.body ?? {};
    guard(request, body);
    const status = field(body, 'status');
    if (status !== 'open' && status !== 'closed') throw new AppError('bad_request');
    await requireFormManager(request, await formOfPeriod(parseId(request.params.id)));
    await setReportPeriodStatus(db, actorOf(request), parseId(request.params.id), status);
    return reply.redirect(`${STAFF_PATH}?ok=ky`, 303);
  });

  async function renderSubmission(request: FastifyRequest, reply: FastifyReply, id: number, extra: { errors?: FieldErrors; alert?: string; notice?: string; comment?: string }, status = 200) {
    const submission = await submissionById(db, id);
    const assignment = submission === undefined ? undefined : await assignmentById(db, submission.assignmentId);
    if (submission === undefined || assignment === undefined) throw new AppError('not_found');
    await requireFormManager(request, assignment.formId);
    const [items, units, cells, history] = await Promise.all([formItems(db, assignment.formId), reporterUnits(db, assignment.reporterId, assignment.formCode, assignment.period), cellsOf(db, id), submissionsOf(db, assignment.id)]);
    const ctx = await viewContext(request);
    return sendHtml(reply, SubmissionPage({ ctx, adminNav: app.deps.adminNav, assignment, submission, items, units, cells, history, ...extra }), status);
  }

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>(`${STAFF_PATH}/nop/:id`, { preHandler: statisticians }, async (request, reply) => {
    const key = NOTICES[request.query.ok as keyof typeof NOTICES];
    return renderSubmission(request, reply, parseId(request.params.id), key === undefined ? {} : { notice: request.t(key) });
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${STAFF_PATH}/nop/:id/quyet-dinh`, { preHandler: statisticians }, async (request, reply) => {
    const body = request.body ?? {};
    guard(request, body);
    const id = parseId(request.params.id);
    const decision = field(body, 'decision');
    const comment = field(body, 'comment').trim().slice(0, 2000);
    await requireFormManager(request, await formOfSubmission(id));
    try {
      if (decision === 'approve') await approveSubmission(db, actorOf(request), id, comment);
      else if (decision === 'return') await returnSubmission(db, actorOf(request), id, comment, reportUrl);
      else throw new AppError('bad_request');
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderSubmission(request, reply, id, { comment, ...(err.fields === undefined ? {} : { errors: err.fields }) }, 422);
      if (err instanceof AppError && err.code === 'conflict') return renderSubmission(request, reply, id, { alert: request.t('reports.err.not_pending') }, 409);
      throw err;
    }
    return reply.redirect(`${submissionPath(id)}?ok=${decision === 'approve' ? 'duyet' : 'tra'}`, 303);
  });
}
