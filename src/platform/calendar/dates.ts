/**
 * Calendar dates as 'YYYY-MM-DD' strings (the platform's date convention). Arithmetic runs in UTC
 * so that no time zone or daylight-saving rule can shift a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const toUtc = (date: string): Date => new Date(`${date}T00:00:00Z`);
const fromUtc = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => toUtc(date).getUTCDay();

export const yearOf = (date: string): number => Number(date.slice(0, 4));

export const isoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Viet Nam keeps UTC+7 all year (no daylight saving): the local date and hour of an instant. */
export function vietnamDateAndHour(instant: Date): { date: string; hour: number; minute: number } {
  const local = new Date(instant.getTime() + 7 * 60 * 60 * 1000);
  return { date: fromUtc(local), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}
