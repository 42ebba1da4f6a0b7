/** Starting a payment attempt: a VNPay order or a VietQR code, each with its own reference. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError } from '../../../platform/errors.ts';
import type { DossierRow } from '../dossier-queries.ts';
import { openFeeRequest, pendingVietQr, type FeePaymentRow } from './fee-queries.ts';
import type { PaymentMethod } from './tables.ts';

/** VNPay's payment page stays open this long (vnp_ExpireDate). */
export const VNPAY_EXPIRY_MINUTES = 15;

/** Unique per attempt, letters and digits only (vnp_TxnRef): the request id and 40 random bits. */
export const newTxnRef = (feeRequestId: number, method: PaymentMethod): string => `${method === 'vnpay' ? 'VP' : 'QR'}${feeRequestId}X${randomBytes(5).toString('hex').toUpperCase()}`;

async function openRequestOf(db: Db, dossier: DossierRow) {
  const request = await openFeeRequest(db, dossier.id);
  if (request === undefined || dossier.status !== 'fee_requested') throw new AppError('conflict');
  return request;
}

export async function startVnpayPayment(db: Db, dossier: DossierRow, now: Date): Promise<FeePaymentRow> {
  const request = await openRequestOf(db, dossier);
  return db
    .insertInto('fee_payments')
    .values({
      fee_request_id: request.id,
      method: 'vnpay',
      txn_ref: newTxnRef(request.id, 'vnpay'),
      amount_vnd: request.total_vnd,
      status: 'pending',
      // The gateway is told this time as vnp_CreateDate; querydr names it again as vnp_TransactionDate.
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + VNPAY_EXPIRY_MINUTES * 60_000).toISOString(),
      paid_at: null,
      response_code: null,
      gateway_txn_no: null,
      bank_code: null,
      bank_reference: null,
      confirmed_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The request's VietQR attempt, made once (on the applicant's POST) and shown again on later visits.
 * Two posts at once make one code: the request row is touched first, so the second waits and then
 * finds the first one's code.
 */
export async function vietQrPayment(db: Db, dossier: DossierRow): Promise<FeePaymentRow> {
  const request = await openRequestOf(db, dossier);
  return db.transaction().execute(async (trx) => {
    const open = await trx.updateTable('fee_requests').set({ status: 'open' }).where('id', '=', request.id).where('status', '=', 'open').executeTakeFirst();
    if (open.numUpdatedRows === 0n) throw new AppError('conflict');
    const existing = await pendingVietQr(trx, request.id);
    if (existing !== undefined) return existing;
    // The amount as it is now (a line may have been cancelled since it was read).
    const current = await trx.selectFrom('fee_requests').select('total_vnd').where('id', '=', request.id).executeTakeFirstOrThrow();
    return trx
      .insertInto('fee_payments')
      .values({
        fee_request_id: request.id,
        method: 'vietqr',
        txn_ref: newTxnRef(request.id, 'vietqr'),
        amount_vnd: current.total_vnd,
        status: 'pending',
        created_at: nowIso(),
        expires_at: null,
        paid_at: null,
        response_code: null,
        gateway_txn_no: null,
        bank_code: null,
        bank_reference: null,
        confirmed_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
