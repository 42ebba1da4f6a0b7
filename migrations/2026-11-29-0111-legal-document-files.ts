/**
 * Files attached to legal documents (the signed PDF, a DOCX): stored by content hash under
 * DATA_DIR, like the e-services' files; a row per attachment keeps its name as uploaded.
 */
import { timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('legal_document_files'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('legal_documents.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestamp(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_document_files_document').on('legal_document_files').column('document_id').execute();
}
