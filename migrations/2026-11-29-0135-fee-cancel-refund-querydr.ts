/**
 * Fees after the request: an officer cancels an unpaid line or records a refund of a paid one, and
 * queries the VNPay gateway (querydr) for a payment whose IPN never arrived. The sandbox gateway
 * keeps the transactions it processed so that it can answer querydr as the real gateway does.
 */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  const day = date(db);
  // A cancelled line stays on the request (what was asked, and why it no longer is).
  await db.schema.alterTable('fee_lines').addColumn('cancelled_at', ts).execute();
  await db.schema.alterTable('fee_lines').addColumn('cancelled_by', 'integer', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('fee_lines').addColumn('cancel_reason', 'text').execute();

  await withId(db, db.schema.createTable('fee_refunds'))
    .addColumn('fee_request_id', 'integer', (c) => c.notNull().references('fee_requests.id'))
    .addColumn('fee_line_id', 'integer', (c) => c.notNull().references('fee_lines.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('amount_vnd', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('refunded_on', day, (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fee_refunds_request').on('fee_refunds').columns(['fee_request_id']).execute();

  // Every querydr an officer made, with what the gateway said and whether it was applied.
  await withId(db, db.schema.createTable('fee_payment_queries'))
    .addColumn('payment_id', 'integer', (c) => c.notNull().references('fee_payments.id'))
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('queried_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('queried_at', ts, (c) => c.notNull())
    .addColumn('response_code', 'text')
    .addColumn('transaction_status', 'text')
    .addColumn('amount_vnd', 'integer')
    .addColumn('gateway_txn_no', 'text')
    .addColumn('signature_valid', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fee_payment_queries_payment').on('fee_payment_queries').columns(['payment_id']).execute();

  await withId(db, db.schema.createTable('sandbox_vnpay_transactions'))
    .addColumn('tmn_code', 'text', (c) => c.notNull())
    .addColumn('txn_ref', 'text', (c) => c.notNull())
    .addColumn('create_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('order_info', 'text', (c) => c.notNull())
    .addColumn('transaction_no', 'text', (c) => c.notNull())
    .addColumn('response_code', 'text', (c) => c.notNull())
    .addColumn('transaction_status', 'text', (c) => c.notNull())
    .addColumn('bank_code', 'text', (c) => c.notNull())
    .addColumn('pay_date', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sandbox_vnpay_transactions_ref').on('sandbox_vnpay_transactions').columns(['tmn_code', 'txn_ref']).unique().execute();
}
