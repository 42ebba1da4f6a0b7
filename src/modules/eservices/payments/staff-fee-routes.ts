/**
 * The officer's fee page of a dossier: /quan-tri/ho-so/:id/phi (request fees, reconcile VietQR
 * transfers, cancel an unpaid line, record a refund, query the gateway about a VNPay payment).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit/audit.ts';
import { requireAnyRolePage, requireUser } from '../../../platform/auth/guards.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/queries.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { isCsrfValid } from '../../../platform/http/csrf.ts';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { canSeeDossier } from '../act-on-dossier.ts';
import { procedureFees } from '../catalogue-queries.ts';
import type { DossierRow } from '../dossier-queries.ts';
import { dossierById } from '../staff-queries.ts';
import { cancelFeeLine, recordRefund } from './adjust-fees.ts';
import { feeRequestById, feesOfDossier, paymentById } from './fee-queries.ts';
import { SANDBOX_API_PATH } from './payment-routes.ts';
import { queryPayment } from './query-payment.ts';
import { QUERY_OUTCOMES } from './tables.ts';
import { canReconcile, reconcileTransfer } from './reconcile-transfer.ts';
import { canRequestFees, requestFees } from './request-fees.ts';
import { StaffFeesPage } from './staff-fee-pages.tsx';

const BASE = '/quan-tri/ho-so';

export function registerStaffFeeRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const staffOnly = requireAnyRolePage('officer', 'leader');

  /** A dossier of the staff member's agencies, else 404 (another agency's dossiers are not revealed). */
  async function visibleDossier(request: FastifyRequest<{ Params: { id: string } }>): Promise<DossierRow> {
    const user = requireUser(request);
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    const dossier = Number.isNaN(id) ? undefined : await dossierById(db, id);
    if (dossier === undefined || !canSeeDossier(user, dossier)) throw new AppError('not_found');
    return dossier;
  }

  async function render(request: FastifyRequest, reply: FastifyReply, dossier: DossierRow, extra: { values?: Record<string, string>; errors?: FieldErrors; alert?: string; notice?: string } = {}, status = 200) {
    const user = requireUser(request);
    const [schedule, fees] = await Promise.all([procedureFees(db, dossier.procedure_id), feesOfDossier(db, dossier.id)]);
    const page = StaffFeesPage({ ctx: await viewContext(request), adminNav: app.deps.adminNav, dossier, procedureFees: schedule, fees, canRequest: canRequestFees(user, dossier), canReconcile: canReconcile(user, dossier), canQuery: queryApiUrl(request) !== null, ...extra });
    return sendHtml(reply, page, status);
  }

  /** Where querydr goes: the configured merchant web API, else the sandbox on the origin the officer uses. */
  const queryApiUrl = (request: FastifyRequest): URL | null =>
    config.vnpay.apiUrl ?? (config.vnpay.sandbox && config.vnpay.url === null ? new URL(SANDBOX_API_PATH, `${request.protocol}://${request.host}`) : null);

  const confirmContext = async () => ({ calendar: await loadWorkingCalendar(db), today: todayInVietnam(), trackUrl: new URL('/tra-cuu', config.publicUrl).toString() });

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>(`${BASE}/:id/phi`, { preHandler: staffOnly }, async (request, reply) => {
    const dossier = await visibleDossier(request);
    const ok = request.query.ok;
    const notices: Record<string, MessageKey> = {
      'yeu-cau': 'payments.requested',
      'doi-soat': 'payments.reconciled',
      'huy-khoan': 'payments.line_cancelled',
      'hoan-tien': 'payments.refund_recorded',
      ...Object.fromEntries(QUERY_OUTCOMES.map((o) => [`tra-soat-${o}`, `payments.query_outcome_${o}` as MessageKey])),
    };
    const notice = ok === undefined ? undefined : notices[ok];
    return render(request, reply, dossier, notice === undefined ? {} : { notice: request.t(notice) });
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${BASE}/:id/phi`, { preHandler: staffOnly }, async (request, reply) => {
    const user = requireUser(request);
    const dossier = await visibleDossier(request);
    const body = request.body ?? {};
    const schedule = await procedureFees(db, dossier.procedure_id);
    const values: Record<string, string> = { note: field(body, 'note') };
    for (const f of schedule) values[`qty_${f.id}`] = field(body, `qty_${f.id}`);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render(request, reply, dossier, { values, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await requestFees(db, actorOf(request), user, dossier, schedule, { quantities: Object.fromEntries(schedule.map((f) => [f.id, values[`qty_${f.id}`] ?? ''])), note: values.note ?? '' }, { today: todayInVietnam(), trackUrl: new URL('/tra-cuu', config.publicUrl).toString() });
    } catch (err) {
      if (err instanceof AppError && err.fields !== undefined) return render(request, reply, (await dossierById(db, dossier.id)) ?? dossier, { values, errors: err.fields }, err.status);
      throw err;
    }
    return reply.redirect(`${BASE}/${dossier.id}/phi?ok=yeu-cau`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${BASE}/:id/phi/doi-soat`, { preHandler: staffOnly }, async (request, reply) => {
    const user = requireUser(request);
    const dossier = await visibleDossier(request);
    const body = request.body ?? {};
    const values = { bank_reference: field(body, 'bank_reference').slice(0, 200), amount: field(body, 'amount').slice(0, 40) };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render(request, reply, dossier, { values, alert: request.t('error.csrf_invalid') }, 403);
    const paymentId = field(body, 'payment');
    const payment = /^\d{1,9}$/.test(paymentId) ? await paymentById(db, Number(paymentId)) : undefined;
    const request_ = payment === undefined ? undefined : await db.selectFrom('fee_requests').select('dossier_id').where('id', '=', payment.fee_request_id).executeTakeFirst();
    if (payment === undefined || request_?.dossier_id !== dossier.id) throw new AppError('not_found');
    try {
      await reconcileTransfer(db, actorOf(request), user, dossier, payment, { bankReference: values.bank_reference, amount: values.amount }, await confirmContext());
    } catch (err) {
      if (err instanceof AppError && err.fields !== undefined) return render(request, reply, (await dossierById(db, dossier.id)) ?? dossier, { values, errors: err.fields }, err.status);
      throw err;
    }
    return reply.redirect(`${BASE}/${dossier.id}/phi?ok=doi-soat`, 303);
  });

  /** A line of this dossier's fees named by the form, else 404. */
  const lineId = (body: FormValues): number => {
    const raw = field(body, 'line');
    if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
    return Number(raw);
  };

  app.post<{ Params: { id: string }; Body: FormValues }>(`${BASE}/:id/phi/huy-khoan`, { preHandler: staffOnly }, async (request, reply) => {
    const user = requireUser(request);
    const dossier = await visibleDossier(request);
    const body = request.body ?? {};
    const values = { reason: field(body, 'reason').slice(0, 2000), line: field(body, 'line') };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render(request, reply, dossier, { values, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await cancelFeeLine(db, actorOf(request), user, dossier, lineId(body), values.reason, await confirmContext());
    } catch (err) {
      if (err instanceof AppError && err.fields !== undefined) return render(request, reply, (await dossierById(db, dossier.id)) ?? dossier, { values, errors: err.fields }, err.status);
      throw err;
    }
    return reply.redirect(`${BASE}/${dossier.id}/phi?ok=huy-khoan`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${BASE}/:id/phi/hoan-tien`, { preHandler: staffOnly }, async (request, reply) => {
    const user = requireUser(request);
    const dossier = await visibleDossier(request);
    const body = request.body ?? {};
    const values = { refund_amount: field(body, 'refund_amount').slice(0, 40), refund_reason: field(body, 'refund_reason').slice(0, 2000), line: field(body, 'line') };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render(request, reply, dossier, { values, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await recordRefund(db, actorOf(request), user, dossier, lineId(body), { amount: values.refund_amount, reason: values.refund_reason }, await confirmContext());
    } catch (err) {
      if (err instanceof AppError && err.fields !== undefined) return render(request, reply, dossier, { values, errors: err.fields }, err.status);
      throw err;
    }
    return reply.redirect(`${BASE}/${dossier.id}/phi?ok=hoan-tien`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${BASE}/:id/phi/tra-soat`, { preHandler: staffOnly }, async (request, reply) => {
    const user = requireUser(request);
    const dossier = await visibleDossier(request);
    const body = request.body ?? {};
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render(request, reply, dossier, { alert: request.t('error.csrf_invalid') }, 403);
    const paymentId = field(body, 'payment');
    const payment = /^\d{1,9}$/.test(paymentId) ? await paymentById(db, Number(paymentId)) : undefined;
    const feeRequest = payment === undefined ? undefined : await feeRequestById(db, payment.fee_request_id);
    if (payment === undefined || feeRequest === undefined || feeRequest.dossier_id !== dossier.id) throw new AppError('not_found');
    const apiUrl = queryApiUrl(request);
    if (apiUrl === null) return render(request, reply, dossier, { alert: request.t('payments.query_unavailable') }, 409);
    let outcome;
    try {
      outcome = await queryPayment(db, actorOf(request), user, feeRequest, payment, { apiUrl, vnpay: config.vnpay, ipAddr: request.ip }, await confirmContext());
    } catch (err) {
      if (err instanceof AppError && err.fields !== undefined) return render(request, reply, (await dossierById(db, dossier.id)) ?? dossier, { errors: err.fields }, err.status);
      throw err;
    }
    return reply.redirect(`${BASE}/${dossier.id}/phi?ok=tra-soat-${outcome}`, 303);
  });
}
