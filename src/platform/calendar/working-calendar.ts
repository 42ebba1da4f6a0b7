/**
 * Working days for the public administration: weekends, statutory holidays (holidays.ts) and the
 * overrides an administrator records for a year (extra days off, weekend days worked in exchange).
 * Pure: the caller loads the overrides (see overrides.ts).
 */
import { addDays, isIsoDate, vietnamDateAndHour, yearOf } from './dates.ts';
import { isWeekend, statutoryHolidays, type Holiday } from './holidays.ts';

export const OVERRIDE_KINDS = ['day_off', 'working_day'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

export interface CalendarOverride {
  readonly date: string;
  readonly kind: OverrideKind;
}

export type DayStatus =
  | { readonly working: true; readonly reason: 'weekday' | 'override_working_day' }
  | { readonly working: false; readonly reason: 'weekend' | 'override_day_off' }
  | { readonly working: false; readonly reason: 'holiday'; readonly holiday: Holiday };

/** Longest span dueDate accepts, in working days (several years). */
export const MAX_WORKING_DAYS = 1000;

export class WorkingCalendar {
  private readonly overrides: ReadonlyMap<string, OverrideKind>;
  private readonly holidays = new Map<number, ReadonlyMap<string, Holiday>>();

  constructor(overrides: readonly CalendarOverride[] = []) {
    this.overrides = new Map(overrides.map((o) => [o.date, o.kind]));
  }

  /** Statutory holidays of a year by date (throws CalendarRangeError outside the lunar table). */
  holidaysOf(year: number): ReadonlyMap<string, Holiday> {
    let map = this.holidays.get(year);
    if (map === undefined) {
      map = new Map(statutoryHolidays(year).map((h) => [h.date, h]));
      this.holidays.set(year, map);
    }
    return map;
  }

  status(date: string): DayStatus {
    const override = this.overrides.get(date);
    if (override === 'working_day') return { working: true, reason: 'override_working_day' };
    if (override === 'day_off') return { working: false, reason: 'override_day_off' };
    const holiday = this.holidaysOf(yearOf(date)).get(date);
    if (holiday !== undefined) return { working: false, reason: 'holiday', holiday };
    if (isWeekend(date)) return { working: false, reason: 'weekend' };
    return { working: true, reason: 'weekday' };
  }

  isWorkingDay(date: string): boolean {
    return this.status(date).working;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    let day = addDays(date, 1);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** `date` itself when it is a working day, else the next one. */
  workingDayOnOrAfter(date: string): string {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /**
   * The day a time limit of `days` working days ends, counting from the working day after `start`
   * (a period starts the day after the event that opens it: Civil Code 2015 art. 147).
   */
  addWorkingDays(start: string, days: number): string {
    let day = start;
    for (let i = 0; i < days; i++) day = this.nextWorkingDay(day);
    return day;
  }

  /**
   * Due date of a dossier received on `from` with a time limit of `days` working days.
   * A receipt on a day off counts as received on the next working day.
   */
  dueDate(from: string, days: number): string {
    if (!isIsoDate(from)) throw new RangeError(`not a date: ${from}`);
    if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) throw new RangeError(`days out of range: ${days}`);
    return this.addWorkingDays(this.workingDayOnOrAfter(from), days);
  }

  /**
   * The working day a receipt at `instant` counts from: a receipt on a day off, or at or after the
   * cut-off hour (Viet Nam time), counts from the next working day, as online portals do for
   * dossiers sent outside office hours (Decree 45/2020/NĐ-CP on e-procedures); the hour is RECEIPT_CUTOFF_HOUR.
   */
  receiptDay(instant: Date, cutoffHour: number): string {
    const { date, hour } = vietnamDateAndHour(instant);
    if (this.isWorkingDay(date) && hour < cutoffHour) return date;
    return this.nextWorkingDay(date);
  }

  /** Working days in (a, b]: 0 when b is not after a. */
  workingDaysBetween(a: string, b: string): number {
    let count = 0;
    for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}
