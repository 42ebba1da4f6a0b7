/** Legal documents library (văn bản): the agency's and the province's documents with their validity. */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('legal_documents'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    // Số, ký hiệu as printed, e.g. "15/2008/QĐ-UBND" (Decree 30/2020/NĐ-CP, art. 8).
    .addColumn('number_symbol', 'text', (c) => c.notNull().unique())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('issued_on', date(db), (c) => c.notNull())
    .addColumn('effective_on', date(db))
    .addColumn('expires_on', date(db))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('replaced_by', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestamp(db), (c) => c.notNull())
    .addColumn('updated_at', timestamp(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_documents_issued').on('legal_documents').columns(['is_published', 'issued_on']).execute();
}
