/** Licences issued as the result of a dossier (giấy phép), their public verification and register. */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  const day = date(db);
  await withId(db, db.schema.createTable('licences'))
    // Unguessable: the verification link in the QR code carries this, not the sequential id.
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('procedure_id', 'integer', (c) => c.notNull().references('procedures.id'))
    // Null for licences issued before the dossier was online (the 2008 register).
    .addColumn('dossier_id', 'integer', (c) => c.references('dossiers.id').unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('holder_address', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer')
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('issued_on', day, (c) => c.notNull())
    .addColumn('valid_until', day)
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revoked_on', day)
    .addColumn('revoke_reason', 'text')
    // 1 for demo records whose titles are made up (marked as such on every page showing them).
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Numbers run without gaps per agency, series and year; a number names one licence in its year.
  await db.schema.createIndex('licences_sequence').on('licences').columns(['agency_id', 'series', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('licences_number').on('licences').columns(['year', 'number']).unique().execute();
  await db.schema.createIndex('licences_register').on('licences').columns(['year', 'kind', 'issued_on']).execute();
}
