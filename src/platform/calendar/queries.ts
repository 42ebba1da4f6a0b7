/** Reading the calendar's overrides; `loadWorkingCalendar` is how the app gets today's calendar. */
import type { Db } from '../db/index.ts';
import { isoDate } from './dates.ts';
import { WorkingCalendar } from './working-calendar.ts';
import type { CalendarOverridesTable } from './tables.ts';
import type { Selectable } from 'kysely';

export type CalendarOverrideRow = Selectable<CalendarOverridesTable>;

/** The overrides recorded for a year, in date order. */
export function calendarOverridesInYear(db: Db, year: number): Promise<CalendarOverrideRow[]> {
  return db
    .selectFrom('calendar_overrides')
    .selectAll()
    .where('day', '>=', isoDate(year, 1, 1))
    .where('day', '<=', isoDate(year, 12, 31))
    .orderBy('day')
    .execute();
}

export function calendarOverrideById(db: Db, id: number): Promise<CalendarOverrideRow | undefined> {
  return db.selectFrom('calendar_overrides').selectAll().where('id', '=', id).executeTakeFirst();
}

export function calendarOverrideOnDay(db: Db, day: string): Promise<CalendarOverrideRow | undefined> {
  return db.selectFrom('calendar_overrides').selectAll().where('day', '=', day).executeTakeFirst();
}

/** The working calendar with every recorded override (a few dozen rows a decade). */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('calendar_overrides').select(['day', 'kind']).execute();
  return new WorkingCalendar(rows.map((r) => ({ date: r.day, kind: r.kind })));
}
