/**
 * Reads for the staff report, from the rollups only. A range is covered by monthly rows and at most
 * about 15 daily rows per key at each edge (coverRange), so a report over a year reads about 12–14
 * monthly rows and up to ~30 daily rows per key instead of 365 daily ones.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Db } from '../../platform/db/index.ts';
import type { RollupDimension } from './tables.ts';

export interface Figures {
  readonly visits: number;
  readonly visitors: number;
  readonly pageviews: number;
}
export interface KeyedFigures extends Figures {
  readonly key: string;
}

const lastDayOfMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

const addDay = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysIn = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;

export interface RangeCover {
  /** Months whose monthly rows are added. */
  readonly months: string[];
  /** Day ranges whose daily rows are added. */
  readonly plusDays: [string, string][];
  /** Day ranges whose daily rows are subtracted (the days of an added month outside the range). */
  readonly minusDays: [string, string][];
}

/**
 * Rows that sum to [from, to]: whole months from monthly rows; a partial month from its daily rows
 * inside the range, or, when more of the month is inside than outside, from its monthly row minus the
 * daily rows outside, so that an edge month never reads more than about 15 daily rows per key.
 * Every measure is a sum of daily figures (visitors are visitor-days), so the subtraction is exact.
 */
export function coverRange(from: string, to: string): RangeCover {
  const months: string[] = [];
  const plusDays: [string, string][] = [];
  const minusDays: [string, string][] = [];
  let month = from.slice(0, 7);
  const lastMonth = to.slice(0, 7);
  while (month <= lastMonth) {
    const start = `${month}-01`;
    const end = lastDayOfMonth(month);
    const a = from > start ? from : start;
    const b = to < end ? to : end;
    if (a === start && b === end) months.push(month);
    else if (daysIn(a, b) * 2 <= daysIn(start, end)) plusDays.push([a, b]);
    else {
      months.push(month);
      if (a > start) minusDays.push([start, addDay(a, -1)]);
      if (b < end) minusDays.push([addDay(b, 1), end]);
    }
    month = nextMonth(month);
  }
  return { months, plusDays, minusDays };
}

type RollupEb = ExpressionBuilder<Database, 'analytics_rollups'>;

const dayRange = (eb: RollupEb, [a, b]: [string, string]) => eb.and([eb('grain', '=', 'day'), eb('period', '>=', a), eb('period', '<=', b)]);

function inRange(cover: RangeCover) {
  return (eb: RollupEb) =>
    eb.or([
      ...(cover.months.length > 0 ? [eb.and([eb('grain', '=', 'month'), eb('period', 'in', cover.months)])] : []),
      ...[...cover.plusDays, ...cover.minusDays].map((r) => dayRange(eb, r)),
    ]);
}

/** sum(column), with the rows of the subtracted day ranges counted negatively. */
function signedSum(eb: RollupEb, cover: RangeCover, column: 'visits' | 'visitors' | 'pageviews') {
  if (cover.minusDays.length === 0) return eb.fn.sum<number>(column);
  const minus = eb.or(cover.minusDays.map((r) => dayRange(eb, r)));
  return sql<number>`sum(case when ${minus} then -${sql.ref(column)} else ${sql.ref(column)} end)`;
}

const sums = (eb: RollupEb, cover: RangeCover) =>
  [signedSum(eb, cover, 'visits').as('visits'), signedSum(eb, cover, 'visitors').as('visitors'), signedSum(eb, cover, 'pageviews').as('pageviews')] as const;
const toFigures = (r: { visits: number | string | null; visitors: number | string | null; pageviews: number | string | null }): Figures => ({
  visits: Number(r.visits ?? 0),
  visitors: Number(r.visitors ?? 0),
  pageviews: Number(r.pageviews ?? 0),
});

export async function totalsFor(db: Db, from: string, to: string): Promise<Figures> {
  const cover = coverRange(from, to);
  const row = await db
    .selectFrom('analytics_rollups')
    .select((eb) => sums(eb, cover))
    .where('dimension', '=', 'total')
    .where(inRange(cover))
    .executeTakeFirst();
  return row === undefined ? { visits: 0, visitors: 0, pageviews: 0 } : toFigures(row);
}

/** The top keys of a dimension over the range, by page views for pages and by visits otherwise. */
export async function topFor(db: Db, dimension: Exclude<RollupDimension, 'total'>, from: string, to: string, limit: number): Promise<KeyedFigures[]> {
  const order = dimension === 'page' ? 'pageviews' : 'visits';
  const cover = coverRange(from, to);
  const rows = await db
    .selectFrom('analytics_rollups')
    .select((eb) => ['key', ...sums(eb, cover)])
    .where('dimension', '=', dimension)
    .where(inRange(cover))
    .groupBy('key')
    // A key seen only on subtracted days nets to zero: not part of the range.
    .having((eb) => signedSum(eb, cover, order), '>', 0)
    .orderBy(order, 'desc')
    .orderBy('key')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ key: r.key, ...toFigures(r) }));
}

/** Totals per day (daily rows) or per month (whole months from monthly rows, edges from daily rows). */
export async function seriesFor(db: Db, by: 'day' | 'month', from: string, to: string): Promise<KeyedFigures[]> {
  if (by === 'day') {
    const rows = await db
      .selectFrom('analytics_rollups')
      .select(['period', 'visits', 'visitors', 'pageviews'])
      .where('grain', '=', 'day')
      .where('dimension', '=', 'total')
      .where('period', '>=', from)
      .where('period', '<=', to)
      .orderBy('period')
      .execute();
    return rows.map((r) => ({ key: r.period, ...toFigures(r) }));
  }
  const cover = coverRange(from, to);
  const rows = await db
    .selectFrom('analytics_rollups')
    .select(['grain', 'period', 'visits', 'visitors', 'pageviews'])
    .where('dimension', '=', 'total')
    .where(inRange(cover))
    .execute();
  const subtracted = (r: { grain: string; period: string }): boolean => r.grain === 'day' && cover.minusDays.some(([a, b]) => r.period >= a && r.period <= b);
  const byMonth = new Map<string, { visits: number; visitors: number; pageviews: number }>();
  for (const r of rows) {
    const m = r.period.slice(0, 7);
    const sign = subtracted(r) ? -1 : 1;
    const a = byMonth.get(m) ?? { visits: 0, visitors: 0, pageviews: 0 };
    a.visits += sign * Number(r.visits);
    a.visitors += sign * Number(r.visitors);
    a.pageviews += sign * Number(r.pageviews);
    byMonth.set(m, a);
  }
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, f]) => ({ key, ...f }));
}
