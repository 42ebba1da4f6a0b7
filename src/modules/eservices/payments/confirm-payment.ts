/**
 * Confirming a payment: from the gateway's IPN (the only proof of an online payment) or from an
 * officer who found the transfer on the bank statement (VietQR). Either way, in one transaction:
 * the attempt and the request are marked paid (each only once, by conditional updates), an
 * electronic receipt is numbered, the dossier resumes with the working days it had left, and the
 * timeline, the audit log and the applicant's e-mail record it.
 */
import { sql, SqliteAdapter, type Selectable } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { formatNumber } from '../../../platform/text/format.ts';
import { notifyApplicant } from '../notify-applicant.ts';
import type { DossiersTable } from '../tables.ts';
import { NATIONAL_STATUS, type DossierStatus } from '../workflow.ts';
import type { FeePaymentRow } from './fee-queries.ts';

export interface ConfirmContext {
  readonly calendar: WorkingCalendar;
  readonly today: string;
  readonly trackUrl: string;
}

export interface Settlement {
  readonly responseCode: string | null;
  readonly gatewayTxnNo: string | null;
  readonly bankCode: string | null;
  readonly bankReference: string | null;
  readonly confirmedBy: number | null;
}

/** Receipt numbers: seven digits, from 0000001 in each collecting agency and year. */
export const receiptNumber = (seq: number): string => String(seq).padStart(7, '0');

/**
 * The dossier resumes, with the working days it had left when it was paused, if it is still waiting
 * for the fees (an officer may have stopped it meanwhile). Call inside a transaction.
 */
export async function resumeDossier(trx: Db, dossier: Selectable<DossiersTable>, ctx: ConfirmContext, at: string): Promise<{ resumed: DossierStatus | null; dueOn: string | null }> {
  if (dossier.status !== 'fee_requested') return { resumed: null, dueOn: dossier.due_on };
  const resumed = (dossier.resume_status ?? 'accepted') as DossierStatus;
  const left = dossier.paused_on === null || dossier.due_on === null ? 0 : ctx.calendar.workingDaysBetween(dossier.paused_on, dossier.due_on);
  const dueOn = dossier.due_on === null ? null : ctx.calendar.addWorkingDays(ctx.calendar.workingDayOnOrAfter(ctx.today), left);
  await trx
    .updateTable('dossiers')
    .set({ status: resumed, national_status: NATIONAL_STATUS[resumed], due_on: dueOn, resume_status: null, paused_on: null, updated_at: at })
    .where('id', '=', dossier.id)
    .where('status', '=', 'fee_requested')
    .execute();
  return { resumed, dueOn };
}

/** Marks a pending attempt failed (the gateway said so); false if it was no longer pending. Audited. */
export async function failPayment(trx: Db, actor: AuditActor, payment: FeePaymentRow, agencyId: number, s: Pick<Settlement, 'responseCode' | 'gatewayTxnNo' | 'bankCode'>, via: 'ipn' | 'querydr'): Promise<boolean> {
  const failed = await trx
    .updateTable('fee_payments')
    .set({ status: 'failed', response_code: s.responseCode, gateway_txn_no: s.gatewayTxnNo, bank_code: s.bankCode })
    .where('id', '=', payment.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (failed.numUpdatedRows === 0n) return false;
  await recordAudit(trx, actor, { action: 'fee_payment.failed', entityType: 'fee_payment', entityId: payment.id, agencyId, before: { status: 'pending' }, after: { status: 'failed', responseCode: s.responseCode, via } });
  return true;
}

/** Serialises receipt numbering on PostgreSQL (SQLite has one writer). Key distinct from other number locks. */
async function lockReceiptNumbers(trx: Db): Promise<void> {
  if (trx.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`select pg_advisory_xact_lock(7275103)`.execute(trx);
}

export type ConfirmOutcome = 'paid' | 'already';

/**
 * Marks the attempt and its request paid; call inside a transaction. 'already' when the attempt is
 * no longer pending or the request was paid by another attempt (nothing is changed then).
 */
export async function settlePayment(trx: Db, actor: AuditActor, payment: FeePaymentRow, s: Settlement, ctx: ConfirmContext): Promise<ConfirmOutcome> {
  const at = nowIso();
  const request = await trx.selectFrom('fee_requests').selectAll().where('id', '=', payment.fee_request_id).executeTakeFirst();
  if (request === undefined || request.status !== 'open' || payment.status !== 'pending') return 'already';
  // The request row is updated first: of two confirmations racing (same attempt or two attempts), the
  // second waits for this row and then finds it paid.
  const paidRequest = await trx.updateTable('fee_requests').set({ status: 'paid', paid_at: at }).where('id', '=', request.id).where('status', '=', 'open').executeTakeFirst();
  if (paidRequest.numUpdatedRows === 0n) return 'already';
  const paidAttempt = await trx
    .updateTable('fee_payments')
    .set({ status: 'paid', paid_at: at, response_code: s.responseCode, gateway_txn_no: s.gatewayTxnNo, bank_code: s.bankCode, bank_reference: s.bankReference, confirmed_by: s.confirmedBy })
    .where('id', '=', payment.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (paidAttempt.numUpdatedRows === 0n) throw new Error(`payment ${payment.id} is no longer pending`);

  const dossier = await trx.selectFrom('dossiers').selectAll().where('id', '=', request.dossier_id).executeTakeFirstOrThrow();
  await lockReceiptNumbers(trx);
  const year = Number(ctx.today.slice(0, 4));
  const last = await trx.selectFrom('fee_receipts').select((eb) => eb.fn.max('seq').as('seq')).where('agency_id', '=', request.agency_id).where('year', '=', year).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const receipt = await trx
    .insertInto('fee_receipts')
    .values({ fee_request_id: request.id, payment_id: payment.id, agency_id: request.agency_id, year, seq, number: receiptNumber(seq), issued_on: ctx.today, payer_name: dossier.applicant_name, total_vnd: request.total_vnd, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();

  const { resumed, dueOn } = await resumeDossier(trx, dossier, ctx, at);
  const status = resumed ?? (dossier.status as DossierStatus);
  const note = `${formatNumber(request.total_vnd, 'vi')} đồng – ${payment.method === 'vnpay' ? 'VNPay' : 'VietQR'}`;
  await trx
    .insertInto('dossier_events')
    .values({ dossier_id: dossier.id, at, actor_id: s.confirmedBy, action: 'fee_paid', status, national_status: NATIONAL_STATUS[status], note, due_on: resumed === null ? null : dueOn })
    .execute();
  await recordAudit(trx, actor, {
    action: payment.method === 'vnpay' ? 'fee_payment.confirmed' : 'fee_payment.reconciled',
    entityType: 'fee_payment',
    entityId: payment.id,
    agencyId: request.agency_id,
    before: { status: 'pending', dossierStatus: dossier.status },
    after: { status: 'paid', txnRef: payment.txn_ref, amountVnd: payment.amount_vnd, ...s, receiptId: receipt.id, receiptNumber: receiptNumber(seq), dossierStatus: status, dueOn },
  });
  await notifyApplicant(trx, { to: dossier.applicant_email, code: dossier.code ?? '', status, note, dueOn: resumed === null ? null : dueOn, trackUrl: ctx.trackUrl });
  return 'paid';
}
