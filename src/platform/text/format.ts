/** Numbers and dates in vi-VN (11.900; 06/10/2008) or en, in Viet Nam's time zone (UTC+7). */
import type { Locale } from '../../config/index.ts';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const tag = (locale: Locale): string => (locale === 'vi' ? 'vi-VN' : 'en-GB');

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, locale: Locale, fractionDigits?: number): string {
  const key = `${locale}:${fractionDigits ?? ''}`;
  let nf = numberFormats.get(key);
  if (nf === undefined) {
    nf = new Intl.NumberFormat(tag(locale), fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    numberFormats.set(key, nf);
  }
  return nf.format(value);
}

/**
 * Viet Nam has kept UTC+7 without daylight saving since 13 June 1975 (IANA tz database,
 * Asia/Ho_Chi_Minh): from then on the wall clock is a fixed shift of UTC, computed directly; earlier
 * instants (other offsets in the south) go through the time zone database.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1975, 5, 12, 17);
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

function parts(value: Date): { day: string; month: string; year: string; hour: string; minute: string } {
  const t = value.getTime();
  if (t >= FIXED_OFFSET_SINCE) {
    const d = new Date(t + VIETNAM_OFFSET_MS);
    return { day: two(d.getUTCDate()), month: two(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()), hour: two(d.getUTCHours()), minute: two(d.getUTCMinutes()) };
  }
  const out = { day: '', month: '', year: '', hour: '', minute: '' };
  for (const p of dateTimeParts.formatToParts(value)) {
    if (p.type in out) out[p.type as keyof typeof out] = p.value;
  }
  return out;
}
const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy for a calendar date `YYYY-MM-DD` or an instant (shown in Viet Nam's time). */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = parts(typeof value === 'string' ? new Date(value) : value);
  return `${p.day}/${p.month}/${p.year}`;
}

/** dd/mm/yyyy HH:mm in Viet Nam's time. */
export function formatDateTime(value: string | Date): string {
  const p = parts(typeof value === 'string' ? new Date(value) : value);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's calendar date in Viet Nam, `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}
