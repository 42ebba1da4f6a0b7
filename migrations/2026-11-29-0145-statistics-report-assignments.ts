/**
 * Report forms assigned to reporters for chosen units (per form, instead of every reporter of the
 * form's kind for all its units), and the agency whose statisticians manage a form's assignments.
 * Existing data keeps its meaning: every reporter is assigned to each form of its kind for the units
 * it reported for, then the reporter-wide unit list is dropped.
 */
import { sql } from 'kysely';
import { timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('stat_form_reporters'))
    .addColumn('form_code', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('stat_reporters.id'))
    .addColumn('created_at', timestamp(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stat_form_reporters_one').on('stat_form_reporters').columns(['form_code', 'reporter_id']).unique().execute();

  await db.schema
    .createTable('stat_form_reporter_units')
    .addColumn('form_reporter_id', 'integer', (c) => c.notNull().references('stat_form_reporters.id'))
    .addColumn('admin_unit_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addPrimaryKeyConstraint('stat_form_reporter_units_pk', ['form_reporter_id', 'admin_unit_id'])
    .execute();

  await db.schema.alterTable('stat_report_forms').addColumn('owner_agency_id', 'integer').execute();

  await sql`insert into stat_form_reporters (form_code, reporter_id, created_at)
    select distinct f.code, r.id, r.created_at from stat_reporters r join stat_report_forms f on f.reporter_kind = r.kind`.execute(db);
  await sql`insert into stat_form_reporter_units (form_reporter_id, admin_unit_id)
    select fr.id, ru.admin_unit_id from stat_form_reporters fr join stat_reporter_units ru on ru.reporter_id = fr.reporter_id`.execute(db);
  await db.schema.dropTable('stat_reporter_units').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('stat_reporter_units')
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('stat_reporters.id'))
    .addColumn('admin_unit_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addPrimaryKeyConstraint('stat_reporter_units_pk', ['reporter_id', 'admin_unit_id'])
    .execute();
  await sql`insert into stat_reporter_units (reporter_id, admin_unit_id)
    select distinct fr.reporter_id, fu.admin_unit_id from stat_form_reporter_units fu join stat_form_reporters fr on fr.id = fu.form_reporter_id`.execute(db);
  await db.schema.alterTable('stat_report_forms').dropColumn('owner_agency_id').execute();
  await db.schema.dropTable('stat_form_reporter_units').execute();
  await db.schema.dropTable('stat_form_reporters').execute();
}
