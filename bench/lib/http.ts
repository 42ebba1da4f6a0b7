/**
 * Shared helpers for HTTP benchmarks: boot the real app on a throw-away database, boot a bare
 * Fastify baseline in the same process, measure a URL with autocannon and print a table.
 * Any `bench/*.ts` script may import them; `bench/run.ts` is the main user.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createDb } from '../../src/platform/db/index.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { seedDemo } from '../../src/platform/seed/demo.ts';

export interface Running {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** 'sqlite', 'postgres' or 'baseline'. */
  readonly engine: string;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** Load the Lào Cai demo. Default true. */
  readonly demo?: boolean;
  /**
   * A postgres:// URL of a server: the app runs on a fresh database created there and dropped on stop.
   * Without it the app runs on a temporary SQLite file under os.tmpdir().
   */
  readonly postgresServerUrl?: string;
  /** Extra environment given to loadConfig (e.g. LOG_LEVEL). */
  readonly env?: Record<string, string>;
}

/** Runs `fn` with a client on the server's `postgres` database (to create or drop a benchmark database). */
export async function onPostgresServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(serverUrl);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Boots the real congso app (migrated, demo loaded) listening on 127.0.0.1 on a free port. */
export async function startApp(options: StartAppOptions = {}): Promise<Running> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'congso-bench-'));
  let databaseUrl = path.join(dataDir, 'bench.sqlite');
  let dropDatabase = async (): Promise<void> => {};
  if (options.postgresServerUrl !== undefined) {
    const name = `congso_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
    await onPostgresServer(options.postgresServerUrl, (c) => c.query(`create database ${name}`));
    const u = new URL(options.postgresServerUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDatabase = () => onPostgresServer(options.postgresServerUrl!, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SECRET: randomBytes(24).toString('hex'),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...options.env,
  });
  const store = createDb(config.database);
  try {
    await migrateToLatest(store.db);
    if (options.demo ?? true) await seedDemo(store, config);
    const app = await buildApp({ config, store, logger: false });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url: address,
      engine: store.dialect,
      stop: async () => {
        await app.close();
        await store.close();
        await dropDatabase();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await store.close();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** A bare Fastify server on 127.0.0.1 answering GET `/` with `body` and `headers`, nothing else. */
async function startBare(engine: string, body: string | Buffer, headers: Record<string, string>): Promise<Running> {
  const app = Fastify({ logger: false });
  app.get('/', async (_request, reply) => reply.headers(headers).send(body));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, engine, stop: () => app.close() };
}

/** The baseline's page: one trivial HTML route, what the framework alone costs on this machine. */
export const BASELINE_PAGE: { readonly body: string; readonly headers: Readonly<Record<string, string>> } = {
  body: '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>baseline</title></head><body><p>Xin chào</p></body></html>',
  headers: { 'content-type': 'text/html; charset=utf-8' },
};

/** A bare Fastify server with one trivial HTML route (BASELINE_PAGE), in this process. */
export function startBaseline(): Promise<Running> {
  return startBare('baseline', BASELINE_PAGE.body, { ...BASELINE_PAGE.headers });
}

/** Headers a server writes for the connection or the body's framing: a replay sets its own. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

/** The headers of a captured response that a replay of it sends (all but the connection's and the framing's). */
export function replayHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) kept[name] = value;
  });
  return kept;
}

/**
 * A bare Fastify server that answers GET `/` with the bytes and headers of a response captured from
 * the app: what sending that page costs on this machine without the app's work for it (routing,
 * hooks, the cache lookup). It runs like the baseline, in this process.
 */
export function startReplay(body: Buffer, headers: Headers): Promise<Running> {
  return startBare('replay', body, replayHeaders(headers));
}

export interface MeasureOptions {
  /** Concurrent connections. Default 50. */
  readonly connections?: number;
  /** Seconds of load. Default BENCH_SECONDS or 5. */
  readonly seconds?: number;
  readonly headers?: Record<string, string>;
}

export interface Measurement {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Responses outside 2xx, plus errors and timeouts: a benchmark of error pages proves nothing. */
  readonly failures: number;
}

/** Seconds per scenario: BENCH_SECONDS when set to a positive number, else 5. */
export function benchSeconds(): number {
  const raw = Number(process.env.BENCH_SECONDS);
  return Number.isFinite(raw) && raw > 0 ? raw : 5;
}

/** Loads `url` with autocannon (50 connections, pipelining 1, from a worker thread) and returns its figures. */
export async function measure(url: string, options: MeasureOptions = {}): Promise<Measurement> {
  // One warm-up second so that caches, JIT and the connection pool are in their steady state.
  // The load generator runs in a worker thread: on the main thread it would take the event loop's
  // time from the server it measures (the app and the baseline both run in this process).
  const common = { url, connections: options.connections ?? 50, headers: options.headers, workers: 1 };
  await autocannon({ ...common, duration: 1 });
  const result = await autocannon({ ...common, duration: options.seconds ?? benchSeconds() });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Measures `url` and the baseline in alternation, `rounds` times each, and returns the median
 * requests/s of each (with the worst p99 of the rounds): on a shared machine the neighbours' load
 * comes and goes, and a baseline taken minutes before the scenario can be measured in another
 * weather. A ratio of two medians taken side by side is the steadier figure.
 */
export async function measurePaired(baselineUrl: string, url: string, options: MeasureOptions & { rounds?: number } = {}): Promise<{ baseline: Measurement; subject: Measurement }> {
  const rounds = options.rounds ?? 3;
  const base: Measurement[] = [];
  const subject: Measurement[] = [];
  for (let i = 0; i < rounds; i++) {
    base.push(await measure(baselineUrl, { connections: options.connections, seconds: options.seconds }));
    subject.push(await measure(url, options));
  }
  return { baseline: medianOf(base), subject: medianOf(subject) };
}

function medianOf(ms: readonly Measurement[]): Measurement {
  const sorted = [...ms].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  return {
    requestsPerSecond: mid.requestsPerSecond,
    p50Ms: mid.p50Ms,
    p99Ms: Math.max(...ms.map((m) => m.p99Ms)),
    requests: ms.reduce((n, m) => n + m.requests, 0),
    failures: ms.reduce((n, m) => n + m.failures, 0),
  };
}

export interface Row {
  readonly scenario: string;
  readonly measurement: Measurement;
  /** Requests/s of the baseline measured in the same run; the ratio column is empty without it. */
  readonly baselineRps?: number;
}

/** Prints rows as an aligned text table: scenario, req/s, p50, p99, ratio to the baseline, failures. */
export function printTable(rows: readonly Row[], out: (line: string) => void = (line) => console.log(line)): void {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'non-2xx/errors'];
  const cells = rows.map((r) => [
    r.scenario,
    Math.round(r.measurement.requestsPerSecond).toLocaleString('en-US'),
    r.measurement.p50Ms.toFixed(0),
    r.measurement.p99Ms.toFixed(0),
    r.baselineRps === undefined || r.baselineRps === 0 ? '' : `${((100 * r.measurement.requestsPerSecond) / r.baselineRps).toFixed(0)}%`,
    String(r.measurement.failures),
  ]);
  printAligned(header, cells, out);
}

/** Prints a text table: the first column aligned left, the others right, a rule under the header. */
export function printAligned(header: readonly string[], cells: readonly (readonly string[])[], out: (line: string) => void = (line) => console.log(line)): void {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  out(line(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) out(line(c));
}
