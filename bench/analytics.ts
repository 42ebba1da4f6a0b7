/**
 * Portal analytics benchmark.
 *
 *   npx tsx bench/analytics.ts [--hits 200000] [--database URL] [--seconds 5]
 *
 * 1. Recording path, called directly: HitRecorder.record() for N page views from 5,000 visitors over
 *    300 pages, the buffer written in batches; the rate counts until the last batch is in the
 *    database, and the stored count must equal N. Same-run baselines: an empty async loop, and the
 *    loop computing only the visitor HMAC.
 * 2. Through HTTP (autocannon, 50 connections): a small HTML page served by the real app, requested
 *    with a browser user agent (counted) and with a bot user agent (the same work minus counting:
 *    the baseline). After the run the stored hits must equal the responses the server gave the browser.
 * 3. The staff report over rollups equivalent to 10 million raw hits: 365 days × ~27,400 page
 *    views spread over 500 pages (Zipf-like weights), 40 referrers and 3 devices, written directly
 *    as daily rows (what `rollupDays` would produce for such hits), then summed into monthly rows by
 *    the real `rollupMonths`. Timed: the report's queries for the last 30 days by day, the whole year
 *    by month and a 100-day range with partial months (p50/p95 of 200 runs each), and the report
 *    page over HTTP for the year.
 *
 * DATABASE: a SQLite file path (default: a temporary file) or a postgres:// URL of an EMPTY database.
 * With BENCH_SCALE=small (set by `npm run bench`) part 1 records 50,000 hits.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { createDb, type Db } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/platform/seed/demo.ts';
import { createSession } from '../src/platform/auth/session.ts';
import { countAll } from '../src/platform/db/dialect.ts';
import { HitRecorder } from '../src/modules/analytics/recorder.ts';
import { rollupMonths } from '../src/modules/analytics/rollup.ts';
import { seriesFor, topFor, totalsFor } from '../src/modules/analytics/report-queries.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function hitCount(db: Db): Promise<number> {
  const row = await db.selectFrom('analytics_hits').select(countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function recordingPath(db: Db, n: number): Promise<void> {
  const secret = randomBytes(32).toString('hex');
  const visitors = Array.from({ length: 5_000 }, (_, i) => ({ address: `10.${(i >> 8) & 255}.${i & 255}.${i % 7}`, userAgent: `${CHROME} v${i % 50}` }));
  const paths = Array.from({ length: 300 }, (_, i) => (i === 0 ? '/' : `/tin-tuc/bai-viet-so-${i}`));
  const devices = ['desktop', 'mobile', 'tablet'] as const;
  const view = (i: number) => {
    const v = visitors[(i * 7919) % visitors.length]!;
    return { path: paths[(i * 31) % paths.length]!, referrerHost: i % 5 === 0 ? 'google.com' : null, device: devices[i % 3]!, address: v.address, userAgent: v.userAgent };
  };

  const noop = async (_: unknown): Promise<void> => {};
  let t0 = performance.now();
  for (let i = 0; i < n; i += 1) {
    await noop(view(i));
    if (i % 500 === 499) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const loopMs = performance.now() - t0;
  t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < n; i += 1) {
    const v = view(i);
    sink += createHmac('sha256', secret).update('salt-of-the-day!').update(v.address).update('\u0000').update(v.userAgent).digest('hex').length;
  }
  const hmacMs = performance.now() - t0;
  if (sink === 0) throw new Error('unreachable');

  const recorder = new HitRecorder(db, { secret, onError: (err) => console.error(err) });
  const before = await hitCount(db);
  t0 = performance.now();
  for (let i = 0; i < n; i += 1) {
    await recorder.record(view(i));
    // A server receives hits from I/O callbacks, so its event loop turns between them; let it turn
    // here too (once per 500 hits), or asynchronous drivers (pg) never get to write the buffer.
    if (i % 500 === 499) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await recorder.flush();
  const recordMs = performance.now() - t0;
  const stored = (await hitCount(db)) - before;
  console.log(`1. recording path (${fmt(n)} page views; a transaction per 5,000 buffered, 500-row INSERTs):`);
  console.log(`   baseline: empty async loop        ${fmt(n / (loopMs / 1000))} /s`);
  console.log(`   baseline: visitor HMAC only       ${fmt(n / (hmacMs / 1000))} /s`);
  console.log(`   record() + batched writes, flushed ${fmt(n / (recordMs / 1000))} hits/s  (${fmt(recordMs)} ms; stored ${fmt(stored)} of ${fmt(n)}, dropped ${recorder.dropped}) ${stored === n && recorder.dropped === 0 ? 'exact' : 'MISMATCH'}  target ≥ 10,000/s`);
  if (stored !== n) process.exitCode = 1;
}

async function throughHttp(db: Db, databaseUrl: string, dataDir: string, seconds: number): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SECRET: randomBytes(24).toString('hex'), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false', SCRYPT_COST: '1024' });
  const store = createDb(config.database);
  const app = await buildApp({ config, store, logger: false });
  const body = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title></head><body><p>Xin chào Lào Cai</p></body></html>';
  // A page as cheap as the bare-route baseline, so that what is measured is the counting.
  let served = 0;
  app.get('/trang-do-dem', async (_request, reply) => {
    served += 1;
    return reply.type('text/html; charset=utf-8').send(body);
  });
  const url = (await app.listen({ port: 0, host: '127.0.0.1' })) + '/trang-do-dem';
  try {
    const run = async (ua: string) => {
      await autocannon({ url, connections: 50, duration: 1, headers: { 'user-agent': ua } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await app.analytics.flush();
      const before = await hitCount(db);
      served = 0;
      const r = await autocannon({ url, connections: 50, duration: seconds, headers: { 'user-agent': ua } });
      // Requests still in flight when autocannon stops are served after its count: compare the
      // stored hits with what the server answered.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await app.analytics.flush();
      return { rps: r.requests.average, p99: r.latency.p99, ok: served, stored: (await hitCount(db)) - before };
    };
    const bot = await run(BOT);
    const person = await run(CHROME);
    console.log(`2. through HTTP (autocannon, 50 connections, ${seconds} s, app and load generator in one process):`);
    console.log(`   baseline: bot user agent (not counted) ${fmt(bot.rps)} req/s, p99 ${bot.p99} ms, stored ${bot.stored}`);
    console.log(`   browser user agent (counted)           ${fmt(person.rps)} req/s, p99 ${person.p99} ms, served ${fmt(person.ok)}, stored ${fmt(person.stored)} ${person.stored === person.ok ? 'exact' : 'MISMATCH'}`);
    if (person.stored !== person.ok) process.exitCode = 1;
  } finally {
    await app.close();
    await store.close();
  }
}

/** Daily rollup rows equivalent to ~10M raw hits over 365 days ending yesterday. */
async function loadRollups(db: Db, endDay: string): Promise<{ pageviews: number; rows: number; months: string[] }> {
  const pages = Array.from({ length: 500 }, (_, i) => (i === 0 ? '/' : `/tin-tuc/bai-viet-${i}`));
  const pageWeights = pages.map((_, i) => 1 / (i + 1));
  const referrers = ['', 'google.com', 'facebook.com', 'zalo.me', 'coccoc.com', 'bing.com', ...Array.from({ length: 34 }, (_, i) => `trang-${i}.laocai.gov.vn`)];
  const refWeights = referrers.map((_, i) => (i === 0 ? 10 : 1 / i));
  const devices: [string, number][] = [['mobile', 0.62], ['desktop', 0.33], ['tablet', 0.05]];
  const split = (total: number, weights: number[]): number[] => {
    const sum = weights.reduce((a, b) => a + b, 0);
    const parts = weights.map((w) => Math.floor((total * w) / sum));
    parts[0]! += total - parts.reduce((a, b) => a + b, 0);
    return parts;
  };
  const months = new Set<string>();
  let pageviews = 0;
  let count = 0;
  const end = Date.parse(`${endDay}T00:00:00Z`);
  let batch: { grain: 'day'; period: string; dimension: 'total' | 'page' | 'referrer' | 'device'; key: string; visits: number; visitors: number; pageviews: number }[] = [];
  const push = async (row: (typeof batch)[number]) => {
    batch.push(row);
    count += 1;
    if (batch.length === 400) {
      await db.insertInto('analytics_rollups').values(batch).execute();
      batch = [];
    }
  };
  for (let d = 364; d >= 0; d -= 1) {
    const day = new Date(end - d * 86_400_000).toISOString().slice(0, 10);
    months.add(day.slice(0, 7));
    const views = 27_397 + ((d * 7919) % 2000) - 1000;
    const visits = Math.round(views / 2.6);
    const visitors = Math.round(visits * 0.82);
    pageviews += views;
    await push({ grain: 'day', period: day, dimension: 'total', key: '', visits, visitors, pageviews: views });
    const pv = split(views, pageWeights);
    for (const [i, p] of pages.entries()) if (pv[i]! > 0) await push({ grain: 'day', period: day, dimension: 'page', key: p, visits: Math.max(1, Math.round(pv[i]! / 1.3)), visitors: Math.max(1, Math.round(pv[i]! / 1.5)), pageviews: pv[i]! });
    const rv = split(visits, refWeights);
    for (const [i, r] of referrers.entries()) if (rv[i]! > 0) await push({ grain: 'day', period: day, dimension: 'referrer', key: r, visits: rv[i]!, visitors: Math.max(1, Math.round(rv[i]! * 0.82)), pageviews: Math.round(rv[i]! * 2.6) });
    for (const [k, share] of devices) await push({ grain: 'day', period: day, dimension: 'device', key: k, visits: Math.round(visits * share), visitors: Math.round(visitors * share), pageviews: Math.round(views * share) });
  }
  if (batch.length > 0) await db.insertInto('analytics_rollups').values(batch).execute();
  await rollupMonths(db, months);
  // Planner statistics for the bulk-loaded table, as autovacuum (PostgreSQL) would gather after such
  // a load; without them PostgreSQL estimates one row per condition and picks poor plans.
  await sql`analyze analytics_rollups`.execute(db);
  return { pageviews, rows: count, months: [...months].sort() };
}

async function report(db: Db, databaseUrl: string, dataDir: string): Promise<void> {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const t0 = performance.now();
  const loaded = await loadRollups(db, yesterday);
  const loadMs = performance.now() - t0;
  console.log(`3. staff report over rollups of ${fmt(loaded.pageviews)} page views (${fmt(loaded.rows)} daily rows + monthly rows, loaded in ${fmt(loadMs / 1000, 1)} s):`);
  const yearStart = new Date(Date.parse(`${yesterday}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const day30 = new Date(Date.parse(`${yesterday}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const day100 = new Date(Date.parse(`${yesterday}T00:00:00Z`) - 99 * 86_400_000).toISOString().slice(0, 10);
  const cases: { name: string; from: string; to: string; by: 'day' | 'month' }[] = [
    { name: 'last 30 days by day', from: day30, to: yesterday, by: 'day' },
    { name: 'whole year by month', from: yearStart, to: yesterday, by: 'month' },
    { name: '100 days by month (partial months)', from: day100, to: yesterday, by: 'month' },
  ];
  const year = await totalsFor(db, yearStart, yesterday);
  console.log(`   year totals from rollups: ${fmt(year.pageviews)} page views (loaded ${fmt(loaded.pageviews)}) ${year.pageviews === loaded.pageviews ? 'exact' : 'MISMATCH'}`);
  if (year.pageviews !== loaded.pageviews) process.exitCode = 1;
  for (const c of cases) {
    const times: number[] = [];
    for (let i = 0; i < 220; i += 1) {
      const s = performance.now();
      await Promise.all([totalsFor(db, c.from, c.to), seriesFor(db, c.by, c.from, c.to), topFor(db, 'page', c.from, c.to, 20), topFor(db, 'referrer', c.from, c.to, 20), topFor(db, 'device', c.from, c.to, 3)]);
      if (i >= 20) times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    console.log(`   queries, ${c.name.padEnd(36)} p50 ${fmt(percentile(times, 50), 1)} ms, p95 ${fmt(p95, 1)} ms  target p95 < 50 ms ${p95 < 50 ? 'ok' : 'MISSED'}`);
  }

  // The page itself, signed in as an administrator, over HTTP.
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SECRET: randomBytes(24).toString('hex'), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false', SCRYPT_COST: '1024' });
  const store = createDb(config.database);
  await seedDemo(store, config);
  const admin = await store.db.selectFrom('users').select('id').where('email', '=', 'admin@laocai.example.vn').executeTakeFirstOrThrow();
  const { token } = await createSession(store.db, admin.id, { mfaPending: false });
  const app = await buildApp({ config, store, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `${base}/quan-tri/thong-ke-truy-cap?tu=${yearStart}&den=${yesterday}&theo=month`;
    const times: number[] = [];
    for (let i = 0; i < 120; i += 1) {
      const s = performance.now();
      const res = await fetch(url, { headers: { cookie: `sid=${token}`, 'user-agent': CHROME } });
      const html = await res.text();
      if (res.status !== 200 || !html.includes('data-figure="visits"')) throw new Error(`report page answered ${res.status}`);
      if (i >= 20) times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    console.log(`   report page over HTTP, whole year by month  p50 ${fmt(percentile(times, 50), 1)} ms, p95 ${fmt(p95, 1)} ms  target p95 < 50 ms ${p95 < 50 ? 'ok' : 'MISSED'}`);
  } finally {
    await app.close();
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { hits: { type: 'string' }, database: { type: 'string' }, seconds: { type: 'string' } } });
  const small = process.env.BENCH_SCALE === 'small';
  const hits = Number(values.hits ?? (small ? 50_000 : 200_000));
  const seconds = Number(values.seconds ?? process.env.BENCH_SECONDS ?? 5);
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-bench-analytics-'));
  const url = values.database ?? path.join(dir, 'bench.sqlite');
  const store = createDb(url.startsWith('postgres') ? { kind: 'postgres', url } : { kind: 'sqlite', file: url });
  try {
    await migrateToLatest(store.db);
    console.log(`analytics benchmark on ${store.dialect}, Node ${process.version}`);
    await recordingPath(store.db, hits);
    await throughHttp(store.db, url, dir, seconds);
    await store.db.deleteFrom('analytics_rollups').execute();
    await report(store.db, url, dir);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
