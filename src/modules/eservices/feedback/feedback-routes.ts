/**
 * Ratings and feedback: /ho-so/:id/danh-gia (the applicant rates a returned dossier once),
 * /phan-anh-kien-nghi (published answers), /phan-anh-kien-nghi/gui (the public form, rate-limited),
 * /quan-tri/phan-anh (officers accept, decline, answer and publish).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit/audit.ts';
import { agenciesWithRole, requireAnyRolePage, requireUser, requireUserPage } from '../../../platform/auth/guards.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/queries.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { isCsrfValid } from '../../../platform/http/csrf.ts';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { formatDate, todayInVietnam } from '../../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { dossierOfApplicant } from '../dossier-queries.ts';
import { procedureByCode } from '../catalogue-queries.ts';
import { proceduresOfAgencies } from '../staff-queries.ts';
import {
  FEEDBACK_STATUSES,
  feedbackAgencies,
  feedbackById,
  feedbackProcedures,
  PUBLIC_PAGE_SIZE,
  publishedFeedback,
  ratingOfDossier,
  STAFF_PAGE_SIZES,
  staffFeedbackPage,
  type FeedbackStatus,
  type StaffFeedbackFilter,
} from './feedback-queries.ts';
import { FeedbackFormPage, PublicFeedbackPage, RatingPage, StaffFeedbackListPage, StaffFeedbackPage } from './feedback-pages.tsx';
import { canHandleFeedback, handleFeedback, isFeedbackAction, type FeedbackRow } from './handle-feedback.ts';
import { rateDossier } from './rate-dossier.ts';
import { sendFeedback } from './send-feedback.ts';

const FORM_FIELDS = ['agency_id', 'procedure_id', 'category', 'name', 'email', 'phone', 'dossier_code', 'subject', 'body'] as const;
const idOf = (raw: string): number => {
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
};
const isFieldError = (err: unknown): err is AppError & { fields: FieldErrors } => err instanceof AppError && (err.code === 'validation' || err.code === 'conflict') && err.fields !== undefined;

export function registerFeedbackRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  app.deps.nav.push({ href: '/phan-anh-kien-nghi', label: 'feedback.title', order: 45 });
  app.deps.adminNav.push({ href: '/quan-tri/phan-anh', label: 'feedback.staff_title', roles: ['officer', 'leader'], order: 32 });
  const staffOnly = requireAnyRolePage('officer', 'leader');

  // ---- the applicant's rating
  async function ownDossier(request: FastifyRequest<{ Params: { id: string } }>) {
    const dossier = await dossierOfApplicant(db, idOf(request.params.id), requireUser(request).id);
    if (dossier === undefined) throw new AppError('not_found');
    return dossier;
  }

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>('/ho-so/:id/danh-gia', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    const rating = await ratingOfDossier(db, dossier.id);
    const ctx = await viewContext(request);
    if (rating === undefined && dossier.status !== 'returned') return sendHtml(reply, RatingPage({ ctx, dossier, given: null, alert: request.t('rating.error_not_returned') }), 409);
    return sendHtml(reply, RatingPage({ ctx, dossier, given: rating?.score ?? null, ...(request.query.ok === '1' ? { notice: request.t('rating.thanks') } : {}) }));
  });

  app.post<{ Params: { id: string }; Body: FormValues }>('/ho-so/:id/danh-gia', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    const body = request.body ?? {};
    const values = { score: field(body, 'score'), comment: field(body, 'comment') };
    const ctx = await viewContext(request);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return sendHtml(reply, RatingPage({ ctx, dossier, given: null, values, alert: request.t('error.csrf_invalid') }), 403);
    try {
      await rateDossier(db, dossier, values.score, values.comment);
    } catch (err) {
      if (isFieldError(err)) return sendHtml(reply, RatingPage({ ctx, dossier, given: null, values, errors: err.fields }), err.status);
      throw err;
    }
    return reply.redirect(`/ho-so/${dossier.id}/danh-gia?ok=1`, 303);
  });

  // ---- public feedback
  /** A published procedure named by its code in `thu-tuc`, if any. */
  const procedureOfQuery = async (code: string | undefined) => {
    if (code === undefined || code === '' || code.length > 40) return undefined;
    return procedureByCode(db, code);
  };

  app.get<{ Querystring: { trang?: string; ma?: string; 'thu-tuc'?: string } }>('/phan-anh-kien-nghi', async (request, reply) => {
    const page = /^\d{1,6}$/.test(request.query.trang ?? '') ? Math.max(1, Number(request.query.trang)) : 1;
    const procedure = await procedureOfQuery(request.query['thu-tuc']);
    const { items, total } = await publishedFeedback(db, page, procedure?.id);
    const ctx = await viewContext(request);
    const sent = request.query.ma === undefined ? undefined : await db.selectFrom('feedback').select(['code', 'accept_due_on', 'answer_due_on']).where('code', '=', request.query.ma.slice(0, 20)).executeTakeFirst();
    const notice = sent === undefined ? undefined : request.t('feedback.sent', { code: sent.code, accept: formatDate(sent.accept_due_on), answer: formatDate(sent.answer_due_on) });
    const about = procedure === undefined ? undefined : { code: procedure.code, name: ctx.locale === 'en' ? procedure.name_en : procedure.name_vi };
    return sendHtml(reply, PublicFeedbackPage({ ctx, items, total, page, pages: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)), ...(notice === undefined ? {} : { notice }), ...(about === undefined ? {} : { about }) }));
  });

  const formTargets = async (today: string) => {
    const [agencies, procedures] = await Promise.all([feedbackAgencies(db, today), feedbackProcedures(db, today)]);
    return { agencies, procedures };
  };

  // `?thu-tuc=<code>` (the link on a procedure's page) chooses the procedure and the agency receiving it.
  app.get<{ Querystring: { 'thu-tuc'?: string } }>('/phan-anh-kien-nghi/gui', async (request, reply) => {
    const targets = await formTargets(todayInVietnam());
    const chosen = targets.procedures.find((p) => p.code === request.query['thu-tuc']);
    const values = { name: request.user?.fullName ?? '', email: request.user?.email ?? '', ...(chosen === undefined ? {} : { procedure_id: String(chosen.id), agency_id: String(chosen.agencyId) }) };
    return sendHtml(reply, FeedbackFormPage({ ctx: await viewContext(request), ...targets, values }));
  });

  // A person sends a few messages an hour at most; the limit keeps the officers' list free of floods.
  const sendLimit = app.rateLimit({ max: 10, timeWindow: '10 minutes' });
  app.post<{ Body: FormValues }>('/phan-anh-kien-nghi/gui', { preHandler: sendLimit }, async (request, reply) => {
    const body = request.body ?? {};
    const values = Object.fromEntries(FORM_FIELDS.map((f) => [f, field(body, f)])) as Record<(typeof FORM_FIELDS)[number], string>;
    const today = todayInVietnam();
    const targets = await formTargets(today);
    const ctx = await viewContext(request);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return sendHtml(reply, FeedbackFormPage({ ctx, ...targets, values, alert: request.t('error.csrf_invalid') }), 403);
    try {
      const sent = await sendFeedback(
        db,
        { agencyId: values.agency_id, procedureId: values.procedure_id, category: values.category, dossierCode: values.dossier_code, name: values.name, email: values.email, phone: values.phone, subject: values.subject, body: values.body },
        { agencyIds: targets.agencies.map((a) => a.id), procedures: targets.procedures },
        await loadWorkingCalendar(db),
        today,
      );
      return reply.redirect(`/phan-anh-kien-nghi?ma=${encodeURIComponent(sent.code)}`, 303);
    } catch (err) {
      if (isFieldError(err)) return sendHtml(reply, FeedbackFormPage({ ctx, ...targets, values, errors: err.fields }), 422);
      throw err;
    }
  });

  // ---- staff
  const staffAgencies = (request: FastifyRequest): number[] => {
    const user = requireUser(request);
    return [...new Set([...agenciesWithRole(user, 'officer'), ...agenciesWithRole(user, 'leader')])];
  };
  async function visible(request: FastifyRequest<{ Params: { id: string } }>): Promise<FeedbackRow> {
    const f = await feedbackById(db, idOf(request.params.id));
    if (f === undefined || !canHandleFeedback(requireUser(request), f)) throw new AppError('not_found');
    return f;
  }
  const renderStaff = async (request: FastifyRequest, reply: FastifyReply, f: FeedbackRow, extra: { values?: Record<string, string>; errors?: FieldErrors; alert?: string; notice?: string }, status = 200) =>
    sendHtml(reply, StaffFeedbackPage({ ctx: await viewContext(request), adminNav: app.deps.adminNav, f, today: todayInVietnam(), procedureCode: f.procedure_id === null ? null : ((await db.selectFrom('procedures').select('code').where('id', '=', f.procedure_id).executeTakeFirst())?.code ?? null), ...extra }), status);

  // Filters and paging live in the URL (a GET form): bookmarkable, and working without JavaScript.
  app.get<{ Querystring: Record<string, string | undefined> }>('/quan-tri/phan-anh', { preHandler: staffOnly }, async (request, reply) => {
    const q = request.query;
    const status = q['trang-thai'] ?? '';
    const filter: StaffFeedbackFilter = {
      ...((FEEDBACK_STATUSES as readonly string[]).includes(status) ? { status: status as FeedbackStatus } : {}),
      ...(/^\d{1,9}$/.test(q['thu-tuc'] ?? '') ? { procedureId: Number(q['thu-tuc']) } : {}),
      ...(q.han === 'late' || q.han === 'due_soon' ? { due: q.han } : {}),
    };
    const size = STAFF_PAGE_SIZES.find((n) => String(n) === q['so-dong']) ?? STAFF_PAGE_SIZES[0];
    const requested = /^\d{1,6}$/.test(q.trang ?? '') ? Math.max(1, Number(q.trang)) : 1;
    const agencyIds = staffAgencies(request);
    const today = todayInVietnam();
    const soon = (await loadWorkingCalendar(db)).nextWorkingDay(today);
    let result = await staffFeedbackPage(db, agencyIds, filter, today, soon, requested, size);
    const pages = Math.max(1, Math.ceil(result.total / size));
    // A page past the end (the list shrank, or a hand-typed number) shows the last one.
    const page = Math.min(requested, pages);
    if (page !== requested) result = await staffFeedbackPage(db, agencyIds, filter, today, soon, page, size);
    const procedures = await proceduresOfAgencies(db, agencyIds);
    return sendHtml(reply, StaffFeedbackListPage({ ctx: await viewContext(request), adminNav: app.deps.adminNav, items: result.items, total: result.total, page, pages, size, filter, procedures, today, soon }));
  });

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>('/quan-tri/phan-anh/:id', { preHandler: staffOnly }, async (request, reply) =>
    renderStaff(request, reply, await visible(request), request.query.ok === '1' ? { notice: request.t('feedback.done') } : {}),
  );

  app.post<{ Params: { id: string }; Body: FormValues }>('/quan-tri/phan-anh/:id', { preHandler: staffOnly }, async (request, reply) => {
    const f = await visible(request);
    const body = request.body ?? {};
    const values = { text: field(body, 'text'), publish: field(body, 'publish') === '1' ? '1' : '0' };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderStaff(request, reply, f, { values, alert: request.t('error.csrf_invalid') }, 403);
    const action = field(body, 'action');
    if (!isFeedbackAction(action)) return renderStaff(request, reply, f, { values, errors: { action: { key: 'feedback.error_step' } } }, 422);
    try {
      await handleFeedback(db, actorOf(request), requireUser(request), f, { action, text: values.text, publish: values.publish === '1' }, todayInVietnam());
    } catch (err) {
      if (isFieldError(err)) return renderStaff(request, reply, (await feedbackById(db, f.id)) ?? f, { values, errors: err.fields }, err.status);
      throw err;
    }
    return reply.redirect(`/quan-tri/phan-anh/${f.id}?ok=1`, 303);
  });
}
