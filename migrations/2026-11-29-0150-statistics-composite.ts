/**
 * Composite indices (chỉ số tổng hợp) as data: an index has editions (years of application, scale,
 * method notes); an edition has weighted pillars, and each pillar weighted indicators of the
 * dictionary with a direction and a normalisation (fixed goalposts, or min–max over the provinces of
 * the period). An edition is never edited in place: a new one is made by copying, so published
 * scores can always be recomputed.
 */
import { decimal, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);

  await withId(db, db.schema.createTable('stat_indices'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_vi', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('source_vi', 'text', (c) => c.notNull())
    .addColumn('source_en', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('stat_index_editions'))
    .addColumn('index_id', 'integer', (c) => c.notNull().references('stat_indices.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('first_year', 'integer', (c) => c.notNull())
    // Null: still in force.
    .addColumn('last_year', 'integer')
    // Scores run from 0 to scale: 1 (Vietnam ICT Index), 10 (legacy IDI) or 100 (IDI 2023).
    .addColumn('scale', 'integer', (c) => c.notNull())
    .addColumn('method_vi', 'text', (c) => c.notNull())
    .addColumn('method_en', 'text', (c) => c.notNull())
    // 1 when the weights and goalposts are illustrative rather than an official method.
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('copied_from', 'integer', (c) => c.references('stat_index_editions.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stat_index_editions_label').on('stat_index_editions').columns(['index_id', 'label']).unique().execute();

  await withId(db, db.schema.createTable('stat_index_pillars'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('stat_index_editions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('weight', decimal(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stat_index_pillars_edition').on('stat_index_pillars').columns(['edition_id', 'position']).unique().execute();

  await withId(db, db.schema.createTable('stat_index_indicators'))
    .addColumn('pillar_id', 'integer', (c) => c.notNull().references('stat_index_pillars.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('stat_indicators.id'))
    .addColumn('weight', decimal(db), (c) => c.notNull())
    .addColumn('higher_is_better', 'integer', (c) => c.notNull())
    // 'goalposts' (goal_min, goal_max fixed by the edition) or 'minmax' (over the provinces of the period).
    .addColumn('normalisation', 'text', (c) => c.notNull())
    .addColumn('goal_min', decimal(db))
    .addColumn('goal_max', decimal(db))
    .execute();
  await db.schema.createIndex('stat_index_indicators_pillar').on('stat_index_indicators').columns(['pillar_id', 'position']).unique().execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['stat_index_indicators', 'stat_index_pillars', 'stat_index_editions', 'stat_indices']) await db.schema.dropTable(t).execute();
}
