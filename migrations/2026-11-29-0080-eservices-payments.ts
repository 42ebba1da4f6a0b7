/** Fees of a dossier (phí, lệ phí): the request with its lines, payment attempts and electronic receipts. */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  const day = date(db);
  // One request per fee step of a dossier; its lines are copied from the procedure's fees so that a
  // later change of the fee schedule does not change what was asked.
  await withId(db, db.schema.createTable('fee_requests'))
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('total_vnd', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('paid_at', ts)
    .execute();
  await db.schema.createIndex('fee_requests_dossier').on('fee_requests').columns(['dossier_id']).execute();

  await withId(db, db.schema.createTable('fee_lines'))
    .addColumn('fee_request_id', 'integer', (c) => c.notNull().references('fee_requests.id'))
    .addColumn('procedure_fee_id', 'integer', (c) => c.references('procedure_fees.id'))
    .addColumn('label_vi', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('unit_vi', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('amount_vnd', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('total_vnd', 'integer', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fee_lines_request').on('fee_lines').columns(['fee_request_id']).execute();

  // Each attempt to pay (one VNPay order, one VietQR code) has its own reference.
  await withId(db, db.schema.createTable('fee_payments'))
    .addColumn('fee_request_id', 'integer', (c) => c.notNull().references('fee_requests.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('txn_ref', 'text', (c) => c.notNull().unique())
    .addColumn('amount_vnd', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts)
    .addColumn('paid_at', ts)
    .addColumn('response_code', 'text')
    .addColumn('gateway_txn_no', 'text')
    .addColumn('bank_code', 'text')
    .addColumn('bank_reference', 'text')
    .addColumn('confirmed_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('fee_payments_request').on('fee_payments').columns(['fee_request_id']).execute();

  await withId(db, db.schema.createTable('fee_receipts'))
    .addColumn('fee_request_id', 'integer', (c) => c.notNull().references('fee_requests.id').unique())
    .addColumn('payment_id', 'integer', (c) => c.notNull().references('fee_payments.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', day, (c) => c.notNull())
    .addColumn('payer_name', 'text', (c) => c.notNull())
    .addColumn('total_vnd', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  // Numbers run without gaps per collecting agency and year.
  await db.schema.createIndex('fee_receipts_sequence').on('fee_receipts').columns(['agency_id', 'year', 'seq']).unique().execute();
}
