/**
 * Statistics looks administrative units up by level and date (the provinces valid at the end of a
 * period, for every ranking and breakdown) and by GSO code across both structures (a unit parameter
 * such as 10 or 15). With about 14,000 units of both structures, each of those was a full scan
 * (~2–7 ms on PostgreSQL, paid on every ranking request); these indexes make them lookups.
 */
import type { AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('admin_units_level_valid').on('admin_units').columns(['level', 'valid_from']).execute();
  await db.schema.createIndex('admin_units_code').on('admin_units').columns(['code', 'valid_from']).execute();
}
