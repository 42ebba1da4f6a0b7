/**
 * Statutory public holidays by year, computed from the Labour Code:
 * - 2021 on: Labour Code 2019 (45/2019/QH14) art. 112: 1/1; Tết 5 days; Hùng Kings' day (lunar 10/3);
 *   30/4; 1/5; 2/9 and one adjacent day (1/9 or 3/9).
 * - 2013–2020: Labour Code 2012 art. 115: the same, with 2/9 alone.
 * - 2008–2012: Labour Code 1994 (amended 2007) art. 73: Tết 4 days, 2/9 alone.
 * Tết is the last day of the lunar year and the first days of the new one (python-holidays, which
 * follows the yearly decisions, uses the eve plus days 1–4 from 2013). The government fixes the
 * concrete days each year; where its decision differs, an administrator records it as overrides.
 * A holiday on a weekly rest day gives a day off on the next working day (LC 2019 art. 111(3)).
 * Civil servants rest on Saturday and Sunday (Decision 188/1999/QĐ-TTg).
 */
import { addDays, isoDate, weekday } from './dates.ts';
import { firstLunarYear, lastLunarYear, lunarHolidays } from './lunar-table.ts';

export const HOLIDAY_KINDS = ['new_year', 'tet', 'hung_kings', 'reunification', 'labour_day', 'national_day', 'national_day_adjacent', 'compensatory'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export interface Holiday {
  readonly date: string;
  readonly kind: HolidayKind;
  /** For a compensatory day: the holiday date (on a rest day) it replaces. */
  readonly replaces?: string;
}

export class CalendarRangeError extends Error {
  constructor(readonly year: number) {
    super(`no lunar calendar data for ${year} (known: ${firstLunarYear}–${lastLunarYear})`);
    this.name = 'CalendarRangeError';
  }
}

export const isWeekend = (date: string): boolean => {
  const d = weekday(date);
  return d === 0 || d === 6;
};

/**
 * The day taken with 2 September. The Prime Minister announces it each year; this is the choice the
 * announcements of 2021–2025 follow (python-holidays NATIONAL_DAY_RULE): keep the two days next to a
 * weekend where possible. Index: weekday of 2/9 (0 = Sunday); value: offset of the adjacent day.
 */
const NATIONAL_DAY_ADJACENT: readonly number[] = [+1, +1, -1, -1, +1, -1, -1];

/** The holidays of `year` before rest-day compensation. */
function baseHolidays(year: number): Holiday[] {
  const lunar = lunarHolidays.get(year);
  if (lunar === undefined) throw new CalendarRangeError(year);
  const list: Holiday[] = [{ date: isoDate(year, 1, 1), kind: 'new_year' }];
  const tetDays = year >= 2013 ? 5 : 4;
  for (let i = 0; i < tetDays; i++) list.push({ date: addDays(lunar.tet, i - 1), kind: 'tet' });
  list.push({ date: lunar.hungKings, kind: 'hung_kings' });
  list.push({ date: isoDate(year, 4, 30), kind: 'reunification' });
  list.push({ date: isoDate(year, 5, 1), kind: 'labour_day' });
  const nationalDay = isoDate(year, 9, 2);
  list.push({ date: nationalDay, kind: 'national_day' });
  if (year >= 2021) {
    list.push({ date: addDays(nationalDay, NATIONAL_DAY_ADJACENT[weekday(nationalDay)] ?? 1), kind: 'national_day_adjacent' });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Every statutory day off of `year`, compensatory days included, in date order. */
export function statutoryHolidays(year: number): Holiday[] {
  const base = baseHolidays(year);
  const taken = new Set(base.map((h) => h.date));
  const result = [...base];
  for (const h of base) {
    if (!isWeekend(h.date)) continue;
    let day = addDays(h.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    result.push({ date: day, kind: 'compensatory', replaces: h.date });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : 1));
}
