/**
 * Cookieless portal analytics: raw page views, the daily salts that make visitor ids unlinkable
 * from one day to the next, and the rollups the staff report reads.
 */
import { timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  // One random salt per calendar day in Viet Nam; rows older than yesterday are deleted, so a visitor
  // id can no longer be recomputed from an address once its day is over.
  await db.schema
    .createTable('analytics_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  // No address column: the visitor id is a keyed hash, computed in memory and only then stored.
  await withId(db, db.schema.createTable('analytics_hits'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('referrer_host', 'text')
    .addColumn('device', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('analytics_hits_day').on('analytics_hits').columns(['day', 'visitor', 'at']).execute();
  // grain 'day' (period YYYY-MM-DD) or 'month' (period YYYY-MM); dimension 'total' (key ''), 'page',
  // 'referrer' or 'device'. Periods are text on both engines so that a month is a prefix of its days.
  await db.schema
    .createTable('analytics_rollups')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('visitors', 'integer', (c) => c.notNull())
    .addColumn('pageviews', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_rollups_pk', ['grain', 'dimension', 'period', 'key'])
    .execute();
}
