/** Online public services: dossiers (hồ sơ), their documents and their timeline. */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  const day = date(db);

  await withId(db, db.schema.createTable('dossiers'))
    // Null while a draft: the code is given at submission.
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('procedure_id', 'integer', (c) => c.notNull().references('procedures.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('applicant_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // The national status code (1–10) of the national public service portal; null for drafts.
    .addColumn('national_status', 'integer')
    // 1 in person, 2 online, 3 by post (KenhThucHien).
    .addColumn('channel', 'integer', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text', (c) => c.notNull())
    .addColumn('applicant_email', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('submitted_at', ts)
    .addColumn('received_on', day)
    .addColumn('due_on', day)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossiers_applicant').on('dossiers').columns(['applicant_id', 'status']).execute();
  await db.schema.createIndex('dossiers_agency_status').on('dossiers').columns(['agency_id', 'status', 'due_on']).execute();

  // Documents are stored once by content (SHA-256) under DATA_DIR/files; a row links one to a dossier's component.
  await withId(db, db.schema.createTable('dossier_files'))
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
    .addColumn('component_code', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    // 1 when the same document was already part of an earlier dossier of the applicant (service index 4.3).
    .addColumn('reused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_files_dossier').on('dossier_files').column('dossier_id').execute();
  await db.schema.createIndex('dossier_files_sha256').on('dossier_files').column('sha256').execute();

  await withId(db, db.schema.createTable('dossier_events'))
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('national_status', 'integer')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('dossier_events_dossier').on('dossier_events').columns(['dossier_id', 'at']).execute();
}
