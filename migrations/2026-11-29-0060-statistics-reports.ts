/**
 * Periodic statistical reports (Circular 04/2022/TT-BTTTT sets the forms and periods): report forms
 * as data, reporters and the units they report for, reporting periods opened by a statistician,
 * assignments with deadlines and reminders, and submissions kept by version with their cells.
 */
import { sql } from 'kysely';
import { date, decimal, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  const day = date(db);

  await withId(db, db.schema.createTable('stat_report_forms'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('periodicity', 'text', (c) => c.notNull())
    .addColumn('reporter_kind', 'text', (c) => c.notNull())
    // A change from the previous period larger than this share is flagged and needs a reason.
    .addColumn('jump_share', decimal(db), (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stat_report_forms_code').on('stat_report_forms').columns(['code', 'version']).unique().execute();

  await withId(db, db.schema.createTable('stat_report_form_items'))
    .addColumn('form_id', 'integer', (c) => c.notNull().references('stat_report_forms.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('stat_indicators.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stat_report_form_items_form').on('stat_report_form_items').columns(['form_id', 'indicator_id']).unique().execute();

  await withId(db, db.schema.createTable('stat_reporters'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().unique().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stat_reporter_units')
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('stat_reporters.id'))
    .addColumn('admin_unit_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addPrimaryKeyConstraint('stat_reporter_units_pk', ['reporter_id', 'admin_unit_id'])
    .execute();

  await db.schema
    .createTable('stat_reporter_members')
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('stat_reporters.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('stat_reporter_members_pk', ['reporter_id', 'user_id'])
    .execute();
  await db.schema.createIndex('stat_reporter_members_user').on('stat_reporter_members').column('user_id').execute();

  await withId(db, db.schema.createTable('stat_report_periods'))
    .addColumn('form_id', 'integer', (c) => c.notNull().references('stat_report_forms.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('deadline', day, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stat_report_periods_one').on('stat_report_periods').columns(['form_id', 'period']).unique().execute();

  await withId(db, db.schema.createTable('stat_report_assignments'))
    .addColumn('report_period_id', 'integer', (c) => c.notNull().references('stat_report_periods.id'))
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('stat_reporters.id'))
    .addColumn('reminded_before_at', ts)
    .addColumn('reminded_after_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stat_report_assignments_one').on('stat_report_assignments').columns(['report_period_id', 'reporter_id']).unique().execute();

  await withId(db, db.schema.createTable('stat_report_submissions'))
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('stat_report_assignments.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', ts, (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', ts)
    .addColumn('review_comment', 'text')
    .execute();
  await db.schema.createIndex('stat_report_submissions_one').on('stat_report_submissions').columns(['assignment_id', 'version']).unique().execute();
  await db.schema.createIndex('stat_report_submissions_status').on('stat_report_submissions').columns(['status', 'submitted_at']).execute();

  await withId(db, db.schema.createTable('stat_report_cells'))
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('stat_report_submissions.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('stat_indicators.id'))
    .addColumn('admin_unit_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('value', decimal(db), (c) => c.notNull())
    .addColumn('previous_value', decimal(db))
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .execute();
  await sql`create unique index stat_report_cells_one on stat_report_cells (submission_id, indicator_id, admin_unit_id)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['stat_report_cells', 'stat_report_submissions', 'stat_report_assignments', 'stat_report_periods', 'stat_reporter_members', 'stat_reporter_units', 'stat_reporters', 'stat_report_form_items', 'stat_report_forms']) {
    await db.schema.dropTable(t).execute();
  }
}
