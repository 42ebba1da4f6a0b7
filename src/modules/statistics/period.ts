/**
 * Reporting periods as written in Circular 04/2022/TT-BTTTT forms: year `2008`, six months `2008-H2`,
 * quarter `2008-Q3`, month `2008-09`. A period is a closed range of calendar dates.
 */

export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  readonly code: string;
  readonly kind: PeriodKind;
  readonly year: number;
  /** First day, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day, `YYYY-MM-DD`; also the "as of" date of a stock figure reported for the period. */
  readonly end: string;
}

const PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/;
/** Statistics before the first Vietnamese telecom figures or far in the future are typing mistakes. */
const MIN_YEAR = 1945;
const MAX_YEAR = 2100;

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function range(year: number, firstMonth: number, months: number): { start: string; end: string } {
  const lastMonth = firstMonth + months - 1;
  return { start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}` };
}

/** Parses a period code; returns null when it is not one of the four forms or out of range. */
export function parsePeriod(code: string): Period | null {
  const m = PATTERN.exec(code);
  if (m === null) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const part = m[2];
  if (part === undefined) return { code, kind: 'year', year, ...range(year, 1, 12) };
  if (part.startsWith('H')) return { code, kind: 'half', year, ...range(year, part === 'H1' ? 1 : 7, 6) };
  if (part.startsWith('Q')) return { code, kind: 'quarter', year, ...range(year, (Number(part.slice(1)) - 1) * 3 + 1, 3) };
  const month = Number(part);
  if (month < 1 || month > 12) return null;
  return { code, kind: 'month', year, ...range(year, month, 1) };
}

export const isPeriodCode = (code: string): boolean => parsePeriod(code) !== null;

/** True when `inner` lies within `outer` (a month within its quarter, half and year). */
export const periodWithin = (inner: Period, outer: Period): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** Orders periods by end date, then the longer one first (the year before its December). */
export function comparePeriods(a: Period, b: Period): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return 0;
}

/** The period's label in a locale, e.g. "Quý 3/2008" or "Q3 2008". */
export function periodLabel(period: Period, locale: 'vi' | 'en'): string {
  const part = period.code.slice(5);
  switch (period.kind) {
    case 'year':
      return locale === 'vi' ? `Năm ${period.year}` : String(period.year);
    case 'half':
      return locale === 'vi' ? `6 tháng ${part === 'H1' ? 'đầu' : 'cuối'} năm ${period.year}` : `${part} ${period.year}`;
    case 'quarter':
      return locale === 'vi' ? `Quý ${part.slice(1)}/${period.year}` : `${part} ${period.year}`;
    case 'month':
      return locale === 'vi' ? `Tháng ${part}/${period.year}` : `${period.year}-${part}`;
  }
}
