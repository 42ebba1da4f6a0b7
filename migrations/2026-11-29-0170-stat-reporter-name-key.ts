/**
 * Reporter names are unique per kind up to case and diacritics. The application checked that in code
 * only, so two creations at the same moment could both pass; `name_key` (the cleaned, folded name)
 * under a unique index on (kind, name_key) makes the database refuse the second.
 *
 * The column is nullable: SQLite cannot add a NOT NULL column without a default to a table with rows,
 * and rows that already share a key (written before this index) must stay. Of those, the oldest keeps
 * the key and the others get none; the application still compares their names in code.
 */
import type { AnyDb } from './_lib/index.ts';

// A copy of the application's cleaning and folding at the time of this migration (cleanReporterName
// and fold), so that this migration keeps its meaning if those change.
const MARKS = /\p{M}/gu;
const D_STROKE = /[đĐÐ]/g;
const nameKey = (name: string): string =>
  name
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(D_STROKE, 'd')
    .toLowerCase()
    .normalize('NFC');

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('stat_reporters').addColumn('name_key', 'text').execute();
  const rows = (await db.selectFrom('stat_reporters').select(['id', 'kind', 'name']).orderBy('id').execute()) as { id: number; kind: string; name: string }[];
  const taken = new Set<string>();
  for (const row of rows) {
    const key = nameKey(row.name);
    const slot = `${row.kind}\u0000${key}`;
    if (taken.has(slot)) continue;
    taken.add(slot);
    await db.updateTable('stat_reporters').set({ name_key: key }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('stat_reporters_kind_name_key').on('stat_reporters').columns(['kind', 'name_key']).unique().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('stat_reporters_kind_name_key').execute();
  await db.schema.alterTable('stat_reporters').dropColumn('name_key').execute();
}
