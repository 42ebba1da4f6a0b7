/** Reading the fees of a dossier: requests with their lines, payment attempts and receipts. */
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import type { FeeLinesTable, FeePaymentQueriesTable, FeePaymentsTable, FeeReceiptsTable, FeeRefundsTable, FeeRequestsTable } from './tables.ts';

export type FeeRequestRow = Selectable<FeeRequestsTable>;
export type FeeLineRow = Selectable<FeeLinesTable>;
export type FeePaymentRow = Selectable<FeePaymentsTable>;
export type FeeReceiptRow = Selectable<FeeReceiptsTable>;
export type FeeRefundRow = Selectable<FeeRefundsTable>;
export type FeePaymentQueryRow = Selectable<FeePaymentQueriesTable>;

export interface DossierFees {
  readonly request: FeeRequestRow;
  readonly lines: readonly FeeLineRow[];
  readonly payments: readonly FeePaymentRow[];
  readonly receipt: FeeReceiptRow | undefined;
  readonly refunds: readonly FeeRefundRow[];
  /** The querydr made for its VNPay attempts, oldest first. */
  readonly queries: readonly FeePaymentQueryRow[];
}

/** Every fee request of a dossier, newest first, with what belongs to it (six queries in all). */
export async function feesOfDossier(db: Db, dossierId: number): Promise<DossierFees[]> {
  const requests = await db.selectFrom('fee_requests').selectAll().where('dossier_id', '=', dossierId).orderBy('id', 'desc').execute();
  if (requests.length === 0) return [];
  const ids = requests.map((r) => r.id);
  const [lines, payments, receipts, refunds, queries] = await Promise.all([
    db.selectFrom('fee_lines').selectAll().where('fee_request_id', 'in', ids).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('fee_payments').selectAll().where('fee_request_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('fee_receipts').selectAll().where('fee_request_id', 'in', ids).execute(),
    db.selectFrom('fee_refunds').selectAll().where('fee_request_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('fee_payment_queries as q')
      .innerJoin('fee_payments as p', 'p.id', 'q.payment_id')
      .selectAll('q')
      .where('p.fee_request_id', 'in', ids)
      .orderBy('q.id')
      .execute(),
  ]);
  return requests.map((request) => ({
    request,
    lines: lines.filter((l) => l.fee_request_id === request.id),
    payments: payments.filter((p) => p.fee_request_id === request.id),
    receipt: receipts.find((r) => r.fee_request_id === request.id),
    refunds: refunds.filter((r) => r.fee_request_id === request.id),
    queries: queries.filter((q) => payments.some((p) => p.id === q.payment_id && p.fee_request_id === request.id)),
  }));
}

export function openFeeRequest(db: Db, dossierId: number): Promise<FeeRequestRow | undefined> {
  return db.selectFrom('fee_requests').selectAll().where('dossier_id', '=', dossierId).where('status', '=', 'open').orderBy('id', 'desc').executeTakeFirst();
}

export function feeRequestById(db: Db, id: number): Promise<FeeRequestRow | undefined> {
  return db.selectFrom('fee_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function paymentByTxnRef(db: Db, txnRef: string): Promise<FeePaymentRow | undefined> {
  return db.selectFrom('fee_payments').selectAll().where('txn_ref', '=', txnRef).executeTakeFirst();
}

export function paymentById(db: Db, id: number): Promise<FeePaymentRow | undefined> {
  return db.selectFrom('fee_payments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A pending VietQR code of the request, reused so that the applicant sees one code per request. */
export function pendingVietQr(db: Db, feeRequestId: number): Promise<FeePaymentRow | undefined> {
  return db.selectFrom('fee_payments').selectAll().where('fee_request_id', '=', feeRequestId).where('method', '=', 'vietqr').where('status', '=', 'pending').executeTakeFirst();
}

/** A receipt with its request, if it belongs to the dossier. */
export async function receiptOfDossier(db: Db, dossierId: number, receiptId: number): Promise<{ receipt: FeeReceiptRow; request: FeeRequestRow; lines: FeeLineRow[]; payment: FeePaymentRow; refunds: FeeRefundRow[] } | undefined> {
  const row = await db
    .selectFrom('fee_receipts as r')
    .innerJoin('fee_requests as q', 'q.id', 'r.fee_request_id')
    .select('r.id')
    .where('r.id', '=', receiptId)
    .where('q.dossier_id', '=', dossierId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const receipt = await db.selectFrom('fee_receipts').selectAll().where('id', '=', receiptId).executeTakeFirstOrThrow();
  const [request, lines, payment, refunds] = await Promise.all([
    db.selectFrom('fee_requests').selectAll().where('id', '=', receipt.fee_request_id).executeTakeFirstOrThrow(),
    // Lines cancelled before the payment were never collected: not on the receipt.
    db.selectFrom('fee_lines').selectAll().where('fee_request_id', '=', receipt.fee_request_id).where('cancelled_at', 'is', null).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('fee_payments').selectAll().where('id', '=', receipt.payment_id).executeTakeFirstOrThrow(),
    db.selectFrom('fee_refunds').selectAll().where('fee_request_id', '=', receipt.fee_request_id).orderBy('id').execute(),
  ]);
  return { receipt, request, lines, payment, refunds };
}
