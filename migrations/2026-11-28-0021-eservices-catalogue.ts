/** Online public services: the procedure catalogue (thủ tục hành chính) with agencies, levels, fees and documents over time. */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  const day = date(db);

  await withId(db, db.schema.createTable('procedures'))
    // `code` is the national code where the procedure has one (e.g. 1.003868), else a local code.
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('national_code', 'text')
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('applicants_vi', 'text', (c) => c.notNull())
    .addColumn('applicants_en', 'text', (c) => c.notNull())
    .addColumn('steps_vi', 'text', (c) => c.notNull())
    .addColumn('steps_en', 'text', (c) => c.notNull())
    .addColumn('processing_days', 'integer', (c) => c.notNull())
    .addColumn('result_vi', 'text', (c) => c.notNull())
    .addColumn('result_en', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('online_available', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procedures_field').on('procedures').column('field').execute();

  // Who receives and decides, over time: duties move between agencies (press and publishing went
  // to the departments of culture on 1 March 2025).
  await withId(db, db.schema.createTable('procedure_agencies'))
    .addColumn('procedure_id', 'integer', (c) => c.notNull().references('procedures.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('valid_from', day, (c) => c.notNull())
    .addColumn('valid_to', day)
    .execute();
  await db.schema.createIndex('procedure_agencies_procedure').on('procedure_agencies').columns(['procedure_id', 'valid_from']).execute();
  await db.schema.createIndex('procedure_agencies_agency').on('procedure_agencies').column('agency_id').execute();

  // Online level under the scheme in force: Decree 43/2011 levels 1–4, then Decree 42/2022 (full / partial / information).
  await withId(db, db.schema.createTable('procedure_online_levels'))
    .addColumn('procedure_id', 'integer', (c) => c.notNull().references('procedures.id').onDelete('cascade'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('valid_from', day, (c) => c.notNull())
    .addColumn('valid_to', day)
    .execute();
  await db.schema.createIndex('procedure_online_levels_procedure').on('procedure_online_levels').columns(['procedure_id', 'valid_from']).execute();

  await withId(db, db.schema.createTable('procedure_fees'))
    .addColumn('procedure_id', 'integer', (c) => c.notNull().references('procedures.id').onDelete('cascade'))
    .addColumn('label_vi', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('amount_vnd', 'integer', (c) => c.notNull())
    .addColumn('unit_vi', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('procedure_fees_procedure').on('procedure_fees').column('procedure_id').execute();

  await withId(db, db.schema.createTable('procedure_components'))
    .addColumn('procedure_id', 'integer', (c) => c.notNull().references('procedures.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('copies_vi', 'text', (c) => c.notNull())
    .addColumn('copies_en', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
    // A downloadable blank form, a file under reference/eservices/templates/.
    .addColumn('template_file', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('procedure_components_code', ['procedure_id', 'code'])
    .execute();
}
