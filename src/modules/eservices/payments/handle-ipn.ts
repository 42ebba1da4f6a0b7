/**
 * The VNPay IPN (Instant Payment Notification): the gateway's server-to-server call and the only
 * proof that an online payment succeeded. Checked in the protocol's order: signature (97), order
 * (01), amount (04), not yet confirmed (02); then the result is recorded and 00 answered, also for a
 * failed or cancelled payment, whose attempt is marked failed. Every refusal is audited.
 */
import type { Db } from '../../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import type { VnpayConfig } from '../../../config/index.ts';
import { failPayment, settlePayment, type ConfirmContext } from './confirm-payment.ts';
import { paymentByTxnRef } from './fee-queries.ts';
import { IPN_ANSWERS, vnpVerify, type IpnAnswer } from './vnpay.ts';

async function refuse(db: Db, actor: AuditActor, answer: IpnAnswer, fields: Readonly<Record<string, string>>, agencyId: number | null): Promise<IpnAnswer> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: 'fee_payment.ipn_refused',
      entityType: 'fee_payment',
      entityId: (fields.vnp_TxnRef ?? '').slice(0, 100),
      agencyId,
      after: { rspCode: answer.RspCode, amount: (fields.vnp_Amount ?? '').slice(0, 30), responseCode: (fields.vnp_ResponseCode ?? '').slice(0, 10) },
    }),
  );
  return answer;
}

export async function handleIpn(db: Db, actor: AuditActor, vnpay: VnpayConfig, fields: Readonly<Record<string, string>>, ctx: ConfirmContext): Promise<IpnAnswer> {
  if (!vnpVerify(fields, vnpay.hashSecret)) return refuse(db, actor, IPN_ANSWERS.invalidSignature, fields, null);
  const txnRef = fields.vnp_TxnRef ?? '';
  const payment = fields.vnp_TmnCode === vnpay.tmnCode && txnRef !== '' ? await paymentByTxnRef(db, txnRef) : undefined;
  if (payment === undefined || payment.method !== 'vnpay') return refuse(db, actor, IPN_ANSWERS.orderNotFound, fields, null);
  const request = await db.selectFrom('fee_requests').select(['agency_id', 'status']).where('id', '=', payment.fee_request_id).executeTakeFirstOrThrow();
  const amount = fields.vnp_Amount ?? '';
  if (!/^\d{1,18}$/.test(amount) || BigInt(amount) !== BigInt(payment.amount_vnd) * 100n) return refuse(db, actor, IPN_ANSWERS.invalidAmount, fields, request.agency_id);
  if (payment.status !== 'pending' || request.status !== 'open') return refuse(db, actor, IPN_ANSWERS.alreadyConfirmed, fields, request.agency_id);

  const succeeded = fields.vnp_ResponseCode === '00' && (fields.vnp_TransactionStatus ?? '00') === '00';
  const settlement = {
    responseCode: (fields.vnp_ResponseCode ?? '').slice(0, 10),
    gatewayTxnNo: (fields.vnp_TransactionNo ?? '').slice(0, 50) || null,
    bankCode: (fields.vnp_BankCode ?? '').slice(0, 20) || null,
    bankReference: (fields.vnp_BankTranNo ?? '').slice(0, 100) || null,
    confirmedBy: null,
  };
  const outcome = await db.transaction().execute(async (trx) => {
    if (succeeded) return settlePayment(trx, actor, payment, settlement, ctx);
    if (!(await failPayment(trx, actor, payment, request.agency_id, settlement, 'ipn'))) return 'already' as const;
    return 'failed' as const;
  });
  return outcome === 'already' ? refuse(db, actor, IPN_ANSWERS.alreadyConfirmed, fields, request.agency_id) : IPN_ANSWERS.ok;
}
