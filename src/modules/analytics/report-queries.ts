/**
 * Reads for the staff report, from the rollups only. A range is covered by the monthly rows of the
 * whole months inside it and the daily rows of the partial months at its edges, so a report over a
 * year reads about 12 monthly rows per key instead of 365 daily ones.
 */
import type { ExpressionBuilder } from 'kysely';
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

/** Whole months within [from, to], and the day ranges left over at the edges. */
export function coverRange(from: string, to: string): { months: string[]; dayRanges: [string, string][] } {
  const months: string[] = [];
  const dayRanges: [string, string][] = [];
  let month = from.slice(0, 7);
  const lastMonth = to.slice(0, 7);
  while (month <= lastMonth) {
    const start = `${month}-01`;
    const end = lastDayOfMonth(month);
    const a = from > start ? from : start;
    const b = to < end ? to : end;
    if (a === start && b === end) months.push(month);
    else if (a <= b) dayRanges.push([a, b]);
    month = nextMonth(month);
  }
  return { months, dayRanges };
}

function inRange(from: string, to: string) {
  const { months, dayRanges } = coverRange(from, to);
  return (eb: ExpressionBuilder<Database, 'analytics_rollups'>) =>
    eb.or([
      ...(months.length > 0 ? [eb.and([eb('grain', '=', 'month'), eb('period', 'in', months)])] : []),
      ...dayRanges.map(([a, b]) => eb.and([eb('grain', '=', 'day'), eb('period', '>=', a), eb('period', '<=', b)])),
    ]);
}

const sums = (eb: ExpressionBuilder<Database, 'analytics_rollups'>) =>
  [eb.fn.sum<number>('visits').as('visits'), eb.fn.sum<number>('visitors').as('visitors'), eb.fn.sum<number>('pageviews').as('pageviews')] as const;
const toFigures = (r: { visits: number | string | null; visitors: number | string | null; pageviews: number | string | null }): Figures => ({
  visits: Number(r.visits ?? 0),
  visitors: Number(r.visitors ?? 0),
  pageviews: Number(r.pageviews ?? 0),
});

export async function totalsFor(db: Db, from: string, to: string): Promise<Figures> {
  const row = await db
    .selectFrom('analytics_rollups')
    .select((eb) => sums(eb))
    .where('dimension', '=', 'total')
    .where(inRange(from, to))
    .executeTakeFirst();
  return row === undefined ? { visits: 0, visitors: 0, pageviews: 0 } : toFigures(row);
}

/** The top keys of a dimension over the range, by page views for pages and by visits otherwise. */
export async function topFor(db: Db, dimension: Exclude<RollupDimension, 'total'>, from: string, to: string, limit: number): Promise<KeyedFigures[]> {
  const order = dimension === 'page' ? 'pageviews' : 'visits';
  const rows = await db
    .selectFrom('analytics_rollups')
    .select((eb) => ['key', ...sums(eb)])
    .where('dimension', '=', dimension)
    .where(inRange(from, to))
    .groupBy('key')
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
  const rows = await db
    .selectFrom('analytics_rollups')
    .select(['grain', 'period', 'visits', 'visitors', 'pageviews'])
    .where('dimension', '=', 'total')
    .where(inRange(from, to))
    .execute();
  const byMonth = new Map<string, { visits: number; visitors: number; pageviews: number }>();
  for (const r of rows) {
    const m = r.period.slice(0, 7);
    const a = byMonth.get(m) ?? { visits: 0, visitors: 0, pageviews: 0 };
    a.visits += Number(r.visits);
    a.visitors += Number(r.visitors);
    a.pageviews += Number(r.pageviews);
    byMonth.set(m, a);
  }
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, f]) => ({ key, ...f }));
}
