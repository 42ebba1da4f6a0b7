/** Working-day calendar: the days an administrator records for a year beyond the statutory rules. */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('calendar_overrides'))
    // One entry per day: 'day_off' (extra day off, a swapped day) or 'working_day' (a rest day worked).
    .addColumn('day', date(db), (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text')
    .addColumn('created_at', timestamp(db), (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .execute();
}
