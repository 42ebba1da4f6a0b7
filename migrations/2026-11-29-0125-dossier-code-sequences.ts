/**
 * The last number given per dossier-code prefix (`000.00.<agency>.H15-<yyMMdd>`): submitting takes
 * the next number from here instead of searching the codes, which a LIKE pattern cannot do by index
 * (SQLite's LIKE ignores case; PostgreSQL's default collation does not order codes bytewise).
 */
import type { AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('dossier_code_sequences')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dossier_code_sequences').execute();
}
