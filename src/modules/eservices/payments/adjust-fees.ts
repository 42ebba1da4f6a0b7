/**
 * After fees were requested, an officer of the collecting agency may
 * - cancel a line not yet paid (with a reason): the request's total drops, codes and orders made for
 *   the old amount are voided, and once nothing is left to pay the request is cancelled and the
 *   dossier resumes with the working days it had left;
 * - record a refund of (part of) a paid line (with a reason): never more than the line's amount
 *   less what was already refunded. The money goes back outside congso (treasury, bank); this is
 *   the record of it, shown on the electronic receipt.
 * Each step: dossier timeline, audit entry and e-mail to the applicant, in one transaction.
 */
import type { Db } from '../../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { hasRole } from '../../../platform/auth/guards.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { formatNumber } from '../../../platform/text/format.ts';
import type { DossierRow } from '../dossier-queries.ts';
import { notifyApplicant } from '../notify-applicant.ts';
import { NATIONAL_STATUS, type DossierStatus } from '../workflow.ts';
import { resumeDossier, type ConfirmContext } from './confirm-payment.ts';
import type { FeeLineRow, FeeRequestRow } from './fee-queries.ts';

export const MAX_REASON = 500;

/** Only an officer of the agency that collects the fees; a leader there is refused, anyone else sees nothing. */
function mustAdjust(user: CurrentUser, request: FeeRequestRow): void {
  if (hasRole(user, 'officer', request.agency_id)) return;
  throw new AppError(hasRole(user, 'leader', request.agency_id) ? 'forbidden' : 'not_found');
}

export const canAdjustFees = (user: CurrentUser, request: FeeRequestRow): boolean => hasRole(user, 'officer', request.agency_id);

function reasonError(reason: string): FieldErrors {
  if (reason === '') return { reason: { key: 'payments.error_reason_required' } };
  if ([...reason].length > MAX_REASON) return { reason: { key: 'shell.field_too_long', params: { field: 'reason', max: MAX_REASON } } };
  return {};
}

/** The request and line as they are now, or 404 when the line is not one of this dossier's. */
async function lineOfDossier(db: Db, dossier: DossierRow, lineId: number): Promise<{ request: FeeRequestRow; line: FeeLineRow }> {
  const line = await db.selectFrom('fee_lines').selectAll().where('id', '=', lineId).executeTakeFirst();
  const request = line === undefined ? undefined : await db.selectFrom('fee_requests').selectAll().where('id', '=', line.fee_request_id).executeTakeFirst();
  if (line === undefined || request === undefined || request.dossier_id !== dossier.id) throw new AppError('not_found');
  return { request, line };
}

/** Amount refunded so far per line of the requests given. */
export async function refundedByLine(db: Db, requestIds: readonly number[]): Promise<Map<number, number>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db.selectFrom('fee_refunds').select(['fee_line_id', 'amount_vnd']).where('fee_request_id', 'in', requestIds).execute();
  const out = new Map<number, number>();
  for (const r of rows) out.set(r.fee_line_id, (out.get(r.fee_line_id) ?? 0) + r.amount_vnd);
  return out;
}

export async function cancelFeeLine(db: Db, actor: AuditActor, user: CurrentUser, dossier: DossierRow, lineId: number, reasonInput: string, ctx: ConfirmContext, now = new Date()): Promise<void> {
  const { request, line } = await lineOfDossier(db, dossier, lineId);
  mustAdjust(user, request);
  if (request.status !== 'open' || line.cancelled_at !== null) throw new AppError('conflict', { reason: { key: 'payments.error_line_not_open' } });
  const reason = reasonInput.trim();
  const errors = reasonError(reason);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  // The applicant may be on the gateway's page paying the old amount: wait until that order expires.
  const inFlight = await db.selectFrom('fee_payments').select('id').where('fee_request_id', '=', request.id).where('method', '=', 'vnpay').where('status', '=', 'pending').where('expires_at', '>', now.toISOString()).executeTakeFirst();
  if (inFlight !== undefined) throw new AppError('conflict', { reason: { key: 'payments.error_payment_in_progress' } });
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    // The request row first: a payment confirmed meanwhile has made it paid, and then nothing is cancelled.
    const touched = await trx.updateTable('fee_requests').set({ status: 'open' }).where('id', '=', request.id).where('status', '=', 'open').executeTakeFirst();
    if (touched.numUpdatedRows === 0n) throw new AppError('conflict', { reason: { key: 'payments.error_line_not_open' } });
    const cancelled = await trx.updateTable('fee_lines').set({ cancelled_at: at, cancelled_by: user.id, cancel_reason: reason }).where('id', '=', line.id).where('cancelled_at', 'is', null).executeTakeFirst();
    if (cancelled.numUpdatedRows === 0n) throw new AppError('conflict', { reason: { key: 'payments.error_line_not_open' } });
    const rest = await trx.selectFrom('fee_lines').select('total_vnd').where('fee_request_id', '=', request.id).where('cancelled_at', 'is', null).execute();
    const total = rest.reduce((sum, l) => sum + l.total_vnd, 0);
    const nothingLeft = rest.length === 0;
    await trx.updateTable('fee_requests').set({ total_vnd: total, status: nothingLeft ? 'cancelled' : 'open' }).where('id', '=', request.id).execute();
    // Codes and orders made for the old amount can no longer be confirmed.
    const voided = await trx.updateTable('fee_payments').set({ status: 'cancelled' }).where('fee_request_id', '=', request.id).where('status', '=', 'pending').executeTakeFirst();

    const current = await trx.selectFrom('dossiers').selectAll().where('id', '=', dossier.id).executeTakeFirstOrThrow();
    const { resumed, dueOn } = nothingLeft ? await resumeDossier(trx, current, ctx, at) : { resumed: null, dueOn: current.due_on };
    const status = resumed ?? (current.status as DossierStatus);
    const note = `${line.label_vi}: ${formatNumber(line.total_vnd, 'vi')} đồng – ${reason}`;
    await trx
      .insertInto('dossier_events')
      .values({ dossier_id: dossier.id, at, actor_id: user.id, action: 'fee_line_cancelled', status, national_status: NATIONAL_STATUS[status], note, due_on: resumed === null ? null : dueOn })
      .execute();
    await recordAudit(trx, actor, {
      action: 'fee_line.cancelled',
      entityType: 'fee_line',
      entityId: line.id,
      agencyId: request.agency_id,
      before: { requestTotalVnd: request.total_vnd, requestStatus: request.status, dossierStatus: current.status },
      after: { reason, lineTotalVnd: line.total_vnd, requestTotalVnd: total, requestStatus: nothingLeft ? 'cancelled' : 'open', voidedAttempts: Number(voided.numUpdatedRows), dossierStatus: status, dueOn },
    });
    await notifyApplicant(trx, { to: current.applicant_email, code: current.code ?? '', status, note, dueOn: resumed === null ? null : dueOn, trackUrl: ctx.trackUrl });
  });
}

export interface RefundInput {
  readonly amount: string;
  readonly reason: string;
}

export async function recordRefund(db: Db, actor: AuditActor, user: CurrentUser, dossier: DossierRow, lineId: number, input: RefundInput, ctx: ConfirmContext): Promise<number> {
  const { request, line } = await lineOfDossier(db, dossier, lineId);
  mustAdjust(user, request);
  if (request.status !== 'paid' || line.cancelled_at !== null) throw new AppError('conflict', { refund_amount: { key: 'payments.error_line_not_paid' } });
  const reason = input.reason.trim();
  const amountText = input.amount.replace(/[\s.,]/g, '');
  const check = (refunded: number): FieldErrors => {
    const errors: FieldErrors = {};
    const left = line.total_vnd - refunded;
    if (!/^\d{1,15}$/.test(amountText) || Number(amountText) <= 0 || Number(amountText) > left) errors.refund_amount = { key: 'payments.error_refund_amount', params: { max: formatNumber(Math.max(0, left), 'vi') } };
    const r = reasonError(reason);
    if (r.reason !== undefined) errors.refund_reason = r.reason;
    return errors;
  };
  const first = check((await refundedByLine(db, [request.id])).get(line.id) ?? 0);
  if (Object.keys(first).length > 0) throw new AppError('validation', first);
  const amount = Number(amountText);
  const at = nowIso();
  return db.transaction().execute(async (trx) => {
    // Two refunds recorded at once: the request row serialises them (row lock on PostgreSQL, one writer on SQLite).
    await trx.updateTable('fee_requests').set({ status: 'paid' }).where('id', '=', request.id).where('status', '=', 'paid').execute();
    const again = check((await refundedByLine(trx, [request.id])).get(line.id) ?? 0);
    if (Object.keys(again).length > 0) throw new AppError('validation', again);
    const { id } = await trx
      .insertInto('fee_refunds')
      .values({ fee_request_id: request.id, fee_line_id: line.id, agency_id: request.agency_id, amount_vnd: amount, reason, refunded_on: ctx.today, recorded_by: user.id, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const current = await trx.selectFrom('dossiers').selectAll().where('id', '=', dossier.id).executeTakeFirstOrThrow();
    const status = current.status as DossierStatus;
    const note = `${line.label_vi}: ${formatNumber(amount, 'vi')} đồng – ${reason}`;
    await trx.insertInto('dossier_events').values({ dossier_id: dossier.id, at, actor_id: user.id, action: 'fee_refunded', status, national_status: NATIONAL_STATUS[status], note, due_on: null }).execute();
    await recordAudit(trx, actor, {
      action: 'fee_refund.recorded',
      entityType: 'fee_refund',
      entityId: id,
      agencyId: request.agency_id,
      after: { feeRequestId: request.id, feeLineId: line.id, amountVnd: amount, lineTotalVnd: line.total_vnd, reason },
    });
    await notifyApplicant(trx, { to: current.applicant_email, code: current.code ?? '', status, note, dueOn: null, trackUrl: ctx.trackUrl });
    return id;
  });
}
