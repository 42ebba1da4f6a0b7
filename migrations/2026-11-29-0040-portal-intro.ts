/**
 * Introduction pages as data: each page belongs to an agency (whose administrators edit it), leaders
 * may have a portrait, directory entries keep a folded copy for searching without diacritics, and the
 * organisation chart's units (board, offices, divisions, centres) form a tree inside an agency.
 */
import { withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('pages').addColumn('agency_id', 'integer', (c) => c.references('agencies.id')).execute();
  await db.schema.alterTable('people').addColumn('portrait_url', 'text').execute();
  // Folded (NFC, lower case, đ→d, no marks) unit, person, position, phone and email: folding happens in code.
  await db.schema.alterTable('directory_entries').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  await withId(db, db.schema.createTable('org_units'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('org_units_agency').on('org_units').columns(['agency_id', 'parent_id']).execute();
}
