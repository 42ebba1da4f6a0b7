/**
 * An officer asks the VNPay gateway for the result of a payment whose IPN never arrived (querydr,
 * protocol 2.1.0). The answer is always recorded (`fee_payment_queries`, audit `fee_payment.querydr`);
 * it is applied only when its signature is valid and it names our merchant, this attempt and its
 * amount: a successful transaction settles the payment as the IPN would have (receipt, dossier
 * resumed), a failed one marks the attempt failed, anything else changes nothing. A later IPN for
 * the same attempt is then answered "already confirmed".
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { hasRole } from '../../../platform/auth/guards.ts';
import type { VnpayConfig } from '../../../config/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { failPayment, settlePayment, type ConfirmContext } from './confirm-payment.ts';
import type { FeePaymentRow, FeeRequestRow } from './fee-queries.ts';
import type { QueryOutcome } from './tables.ts';
import { pipeVerify, QUERYDR_CODES, QUERYDR_RESPONSE_SIGNED, queryDrBody } from './vnpay.ts';

/** How long an officer waits for the gateway. */
export const QUERYDR_TIMEOUT_MS = 10_000;

export interface QueryTarget {
  readonly apiUrl: URL;
  readonly vnpay: VnpayConfig;
  readonly ipAddr: string;
}

/** Reads the gateway's answer: a flat JSON object of strings (numbers are taken as their text). */
function answerFields(json: unknown): Record<string, string> | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
  }
  return out;
}

/** What an answer means for the attempt, before anything is applied. */
export function judgeAnswer(fields: Readonly<Record<string, string>> | undefined, payment: FeePaymentRow, vnpay: VnpayConfig): { outcome: QueryOutcome; signatureValid: boolean } {
  if (fields === undefined) return { outcome: 'gateway_error', signatureValid: false };
  if (!pipeVerify(fields, QUERYDR_RESPONSE_SIGNED, vnpay.hashSecret)) return { outcome: 'bad_signature', signatureValid: false };
  if (fields.vnp_ResponseCode === QUERYDR_CODES.notFound) return { outcome: 'not_found', signatureValid: true };
  if (fields.vnp_ResponseCode !== QUERYDR_CODES.ok) return { outcome: 'gateway_error', signatureValid: true };
  const amount = fields.vnp_Amount ?? '';
  const sameAmount = /^\d{1,18}$/.test(amount) && BigInt(amount) === BigInt(payment.amount_vnd) * 100n;
  if (fields.vnp_Command !== 'querydr' || fields.vnp_TmnCode !== vnpay.tmnCode || fields.vnp_TxnRef !== payment.txn_ref || !sameAmount) return { outcome: 'mismatch', signatureValid: true };
  if (fields.vnp_TransactionStatus === '00') return { outcome: 'paid', signatureValid: true };
  // 02: the transaction ended in error (cancelled, declined, timed out).
  if (fields.vnp_TransactionStatus === '02') return { outcome: 'failed', signatureValid: true };
  return { outcome: 'unchanged', signatureValid: true };
}

export const canQueryPayment = (user: CurrentUser, request: FeeRequestRow): boolean => hasRole(user, 'officer', request.agency_id);

export async function queryPayment(db: Db, actor: AuditActor, user: CurrentUser, request: FeeRequestRow, payment: FeePaymentRow, target: QueryTarget, ctx: ConfirmContext): Promise<QueryOutcome> {
  if (!canQueryPayment(user, request)) throw new AppError(hasRole(user, 'leader', request.agency_id) ? 'forbidden' : 'not_found');
  if (payment.method !== 'vnpay' || payment.status !== 'pending' || payment.fee_request_id !== request.id) throw new AppError('conflict', { payment: { key: 'payments.error_not_pending' } });
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const body = queryDrBody({
    tmnCode: target.vnpay.tmnCode,
    secret: target.vnpay.hashSecret,
    requestId,
    txnRef: payment.txn_ref,
    transactionDate: new Date(payment.created_at),
    createdAt: new Date(),
    ipAddr: target.ipAddr,
    orderInfo: `Truy van giao dich ${payment.txn_ref}`,
  });
  let fields: Record<string, string> | undefined;
  let reached = true;
  try {
    const res = await fetch(target.apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(QUERYDR_TIMEOUT_MS) });
    fields = res.ok ? answerFields(await res.json().catch(() => undefined)) : undefined;
  } catch {
    reached = false;
  }
  const judged = reached ? judgeAnswer(fields, payment, target.vnpay) : { outcome: 'unreachable' as const, signatureValid: false };
  const amount = fields?.vnp_Amount ?? '';
  return db.transaction().execute(async (trx) => {
    let outcome: QueryOutcome = judged.outcome;
    const settlement = {
      responseCode: (fields?.vnp_TransactionStatus ?? '').slice(0, 10) || null,
      gatewayTxnNo: (fields?.vnp_TransactionNo ?? '').slice(0, 50) || null,
      bankCode: (fields?.vnp_BankCode ?? '').slice(0, 20) || null,
      bankReference: null,
      confirmedBy: user.id,
    };
    if (outcome === 'paid' && (await settlePayment(trx, actor, payment, settlement, ctx)) === 'already') outcome = 'unchanged';
    if (outcome === 'failed' && !(await failPayment(trx, actor, payment, request.agency_id, settlement, 'querydr'))) outcome = 'unchanged';
    await trx
      .insertInto('fee_payment_queries')
      .values({
        payment_id: payment.id,
        request_id: requestId,
        queried_by: user.id,
        queried_at: nowIso(),
        response_code: (fields?.vnp_ResponseCode ?? '').slice(0, 10) || null,
        transaction_status: (fields?.vnp_TransactionStatus ?? '').slice(0, 10) || null,
        amount_vnd: /^\d{1,15}$/.test(amount) ? Math.floor(Number(amount) / 100) : null,
        gateway_txn_no: settlement.gatewayTxnNo,
        signature_valid: judged.signatureValid ? 1 : 0,
        outcome,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: 'fee_payment.querydr',
      entityType: 'fee_payment',
      entityId: payment.id,
      agencyId: request.agency_id,
      after: { requestId, outcome, signatureValid: judged.signatureValid, responseCode: fields?.vnp_ResponseCode?.slice(0, 10) ?? null, transactionStatus: fields?.vnp_TransactionStatus?.slice(0, 10) ?? null, amount: amount.slice(0, 30) },
    });
    return outcome;
  });
}
