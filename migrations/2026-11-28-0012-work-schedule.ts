/** Leaders' work schedule (lịch công tác): events of a week, published by editors. */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('work_schedule_events'))
    .addColumn('event_date', date(db), (c) => c.notNull())
    // 'HH:MM' in Viet Nam's time; null when the time is not announced.
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('leader', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestamp(db), (c) => c.notNull())
    .addColumn('updated_at', timestamp(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_schedule_events_date').on('work_schedule_events').columns(['event_date', 'is_published']).execute();
}
