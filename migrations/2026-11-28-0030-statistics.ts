/** Sector statistics: the indicator dictionary and the values reported per administrative unit and period. */
import { sql } from 'kysely';
import { date, decimal, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  const day = date(db);

  await withId(db, db.schema.createTable('stat_indicators'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('definition_vi', 'text', (c) => c.notNull())
    .addColumn('definition_en', 'text', (c) => c.notNull())
    .addColumn('unit_vi', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('source_vi', 'text', (c) => c.notNull())
    .addColumn('source_en', 'text', (c) => c.notNull())
    .addColumn('itu_code', 'text')
    .addColumn('periodicity', 'text', (c) => c.notNull())
    .addColumn('unit_aggregation', 'text', (c) => c.notNull())
    .addColumn('time_aggregation', 'text', (c) => c.notNull())
    .addColumn('formula', 'text')
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('higher_is_better', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('stat_values'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('stat_indicators.id'))
    .addColumn('admin_unit_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_start', day, (c) => c.notNull())
    .addColumn('period_end', day, (c) => c.notNull())
    .addColumn('reporter_agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('value', decimal(db), (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // One figure per indicator, unit, period and reporter; a province-wide figure has no reporter.
  // Both engines treat NULLs as distinct in unique indexes, hence the coalesce.
  await sql`create unique index stat_values_one on stat_values (indicator_id, admin_unit_id, period, coalesce(reporter_agency_id, 0))`.execute(db);
  await db.schema.createIndex('stat_values_indicator_end').on('stat_values').columns(['indicator_id', 'period_end']).execute();
  await db.schema.createIndex('stat_values_unit').on('stat_values').columns(['admin_unit_id', 'indicator_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('stat_values').execute();
  await db.schema.dropTable('stat_indicators').execute();
}
