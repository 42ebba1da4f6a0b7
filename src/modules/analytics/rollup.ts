/**
 * Daily and monthly rollups computed from raw hits.
 *
 * A visit is one visitor's run of page views in which no two consecutive views are 30 minutes or more
 * apart (the usual web-analytics session timeout, used by Plausible and Matomo). Visitor ids change
 * every day (recorder.ts), so a visit never spans two days and a returning person is a new visitor
 * the next day: monthly "visitors" are the sum of daily unique visitors (visitor-days).
 *
 * Per day and dimension:
 *  - total: visits, unique visitors, page views;
 *  - page: page views, visitors who viewed it, visits that included it;
 *  - referrer: visits that began with a link from that site (key '' for direct visits), their visitors
 *    and their page views;
 *  - device: visits by the device of their first view, their visitors and page views.
 * A month's rows are the sums of its days' rows; recomputing a day recomputes its month.
 */
import type { Db } from '../../platform/db/index.ts';
import type { RollupDimension } from './tables.ts';

export const VISIT_GAP_MS = 30 * 60 * 1000;

interface Acc {
  visits: number;
  visitors: Set<string>;
  pageviews: number;
}

interface RollupRow {
  grain: 'day' | 'month';
  period: string;
  dimension: RollupDimension;
  key: string;
  visits: number;
  visitors: number;
  pageviews: number;
}

interface Hit {
  visitor: string;
  at: string;
  path: string;
  referrer_host: string | null;
  device: string;
}

/** Rollup rows of one day from its hits, which must be ordered by visitor, then time. */
export function rollupOfDay(day: string, hits: readonly Hit[]): RollupRow[] {
  const acc = new Map<string, Acc>();
  const get = (dimension: RollupDimension, key: string): Acc => {
    const id = `${dimension}\u0000${key}`;
    let a = acc.get(id);
    if (a === undefined) {
      a = { visits: 0, visitors: new Set(), pageviews: 0 };
      acc.set(id, a);
    }
    return a;
  };
  const total = get('total', '');
  let i = 0;
  while (i < hits.length) {
    // One visit: hits[i..j).
    const first = hits[i]!;
    let j = i + 1;
    let last = Date.parse(first.at);
    while (j < hits.length && hits[j]!.visitor === first.visitor) {
      const t = Date.parse(hits[j]!.at);
      if (t - last >= VISIT_GAP_MS) break;
      last = t;
      j += 1;
    }
    const views = j - i;
    const v = first.visitor;
    for (const [dimension, key] of [['total', ''], ['referrer', first.referrer_host ?? ''], ['device', first.device]] as const) {
      const a = dimension === 'total' ? total : get(dimension, key);
      a.visits += 1;
      a.visitors.add(v);
      a.pageviews += views;
    }
    const pagesOfVisit = new Set<string>();
    for (let k = i; k < j; k += 1) {
      const a = get('page', hits[k]!.path);
      a.pageviews += 1;
      a.visitors.add(v);
      if (!pagesOfVisit.has(hits[k]!.path)) {
        pagesOfVisit.add(hits[k]!.path);
        a.visits += 1;
      }
    }
    i = j;
  }
  return [...acc.entries()].map(([id, a]) => {
    const [dimension, key] = id.split('\u0000') as [RollupDimension, string];
    return { grain: 'day', period: day, dimension, key, visits: a.visits, visitors: a.visitors.size, pageviews: a.pageviews };
  });
}

async function insertRows(db: Db, rows: readonly RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await db.insertInto('analytics_rollups').values(rows.slice(i, i + 400)).execute();
}

/** Recomputes the given days and their months from raw hits; returns the months touched. */
export async function rollupDays(db: Db, days: Iterable<string>): Promise<string[]> {
  const months = new Set<string>();
  for (const day of [...new Set(days)].sort()) {
    const hits = await db.selectFrom('analytics_hits').select(['visitor', 'at', 'path', 'referrer_host', 'device']).where('day', '=', day).orderBy('visitor').orderBy('at').orderBy('id').execute();
    const rows = rollupOfDay(day, hits);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('analytics_rollups').where('grain', '=', 'day').where('period', '=', day).execute();
      await insertRows(trx, rows);
    });
    months.add(day.slice(0, 7));
  }
  await rollupMonths(db, months);
  return [...months].sort();
}

/** Recomputes the monthly rows of months (`YYYY-MM`) from their daily rows. */
export async function rollupMonths(db: Db, months: Iterable<string>): Promise<void> {
  for (const month of months) await rollupMonth(db, month);
}

async function rollupMonth(db: Db, month: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const sums = await trx
      .selectFrom('analytics_rollups')
      .select(['dimension', 'key', (eb) => eb.fn.sum<number>('visits').as('visits'), (eb) => eb.fn.sum<number>('visitors').as('visitors'), (eb) => eb.fn.sum<number>('pageviews').as('pageviews')])
      .where('grain', '=', 'day')
      .where('period', '>=', `${month}-01`)
      .where('period', '<=', `${month}-31`)
      .groupBy(['dimension', 'key'])
      .execute();
    await trx.deleteFrom('analytics_rollups').where('grain', '=', 'month').where('period', '=', month).execute();
    await insertRows(
      trx,
      sums.map((s) => ({ grain: 'month', period: month, dimension: s.dimension, key: s.key, visits: Number(s.visits), visitors: Number(s.visitors), pageviews: Number(s.pageviews) })),
    );
  });
}

/** Every day that has raw hits. */
export async function daysWithHits(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('analytics_hits').select('day').distinct().orderBy('day').execute();
  return rows.map((r) => r.day);
}

/** Deletes raw hits of days before `beforeDay` (their rollups stay); returns the number deleted. */
export async function pruneHits(db: Db, beforeDay: string): Promise<number> {
  const r = await db.deleteFrom('analytics_hits').where('day', '<', beforeDay).executeTakeFirst();
  return Number(r.numDeletedRows);
}
