/**
 * Dossiers submitted through the JSON API by `Idempotency-Key`: a retry with the same key (and the
 * same request) answers with the dossier the first request made instead of making another one.
 */
import { timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('dossier_api_requests'))
    .addColumn('applicant_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    // SHA-256 of the request (procedure, form values, documents): the same key with another request is refused.
    .addColumn('request_sha256', 'text', (c) => c.notNull())
    // Null while the first request is being handled.
    .addColumn('dossier_id', 'integer', (c) => c.references('dossiers.id').onDelete('cascade'))
    .addColumn('created_at', timestamp(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_api_requests_key').on('dossier_api_requests').columns(['applicant_id', 'idempotency_key']).unique().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dossier_api_requests').execute();
}
