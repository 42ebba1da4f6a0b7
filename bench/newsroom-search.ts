/**
 * Search benchmark: generates a corpus of Vietnamese articles (about 2 KB each) into a fresh
 * database, then times two- and three-word queries typed without diacritics, on SQLite and, when a
 * PostgreSQL server is given, on PostgreSQL too (one line each).
 *
 *   npx tsx bench/newsroom-search.ts [--docs 100000] [--queries 300] [--database URL]
 *
 * The corpus size is --docs, else BENCH_ARTICLES, else 5,000 with BENCH_SCALE=small (set by
 * `npm run bench`), else 100,000; BENCH_SCALE=small also runs 100 queries instead of 300.
 * --database: a SQLite file path or a postgres:// URL of an EMPTY database, measured alone.
 * Without it: SQLite on a temporary file, then PostgreSQL on a fresh database created on the server
 * of BENCH_DATABASE_URL (when set) and dropped afterwards.
 * Prints the corpus size, indexing time, p50/p95/p99 query latency in milliseconds (wall clock and,
 * for SQLite, which runs in this process, the CPU time per query) and the machine's load average:
 * the machine may be shared, and wall-clock figures rise with its load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { indexDocument, searchDocuments } from '../src/platform/search/engine.ts';
import { fold } from '../src/platform/text/fold.ts';
import { onPostgresServer } from './lib/http.ts';
import { article, corpusSize, uniformWord } from './lib/newsroom-corpus.ts';

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number): number => Number(n.toFixed(2));

async function measure(url: string, docs: number, queryCount: number): Promise<void> {
  const store = createDb(url.startsWith('postgres') ? { kind: 'postgres', url } : { kind: 'sqlite', file: url });
  try {
    await migrateToLatest(store.db);
    const started = performance.now();
    const batch = 1000;
    for (let from = 0; from < docs; from += batch) {
      await store.db.transaction().execute(async (trx) => {
        for (let i = from; i < Math.min(docs, from + batch); i++) {
          const a = article(i);
          await indexDocument(trx, { type: 'article', id: i + 1, title: a.title, body: a.body, url: `/tin-tuc/bench/${i + 1}`, publishedAt: new Date(Date.UTC(2008, 0, 1) + i * 600_000).toISOString(), categoryId: 1 + (i % 6) });
        }
      });
      if (process.stderr.isTTY) process.stderr.write(`\rindexed ${Math.min(docs, from + batch)}/${docs}`);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    const indexSeconds = (performance.now() - started) / 1000;
    if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);

    const query = (q: number): string => Array.from({ length: 2 + (q % 2) }, uniformWord).map(fold).join(' ');
    // A few queries first, so that the figures are those of a server that has been running.
    for (let q = 0; q < 20; q++) await searchDocuments(store.db, { q: query(q), types: ['article'] });
    const timings: number[] = [];
    const cpu: number[] = [];
    const load = loadavg()[0]!;
    for (let q = 0; q < queryCount; q++) {
      const text = query(q);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await searchDocuments(store.db, { q: text, types: ['article'] });
      timings.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    timings.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        engine: store.dialect,
        docs,
        indexSeconds: Math.round(indexSeconds),
        queries: queryCount,
        p50ms: round(percentile(timings, 50)),
        p95ms: round(percentile(timings, 95)),
        p99ms: round(percentile(timings, 99)),
        ...(store.dialect === 'sqlite' ? { cpuP50ms: round(percentile(cpu, 50)), cpuP95ms: round(percentile(cpu, 95)) } : {}),
        loadAverage: [round(load), round(loadavg()[0]!)],
        goal: 'p95 < 20 ms',
      }),
    );
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { docs: { type: 'string' }, queries: { type: 'string' }, database: { type: 'string' } } });
  const small = process.env.BENCH_SCALE === 'small';
  const docs = values.docs === undefined ? corpusSize() : Number(values.docs);
  const queryCount = Number(values.queries ?? (small ? 100 : 300));
  if (values.database !== undefined) return measure(values.database, docs, queryCount);

  const dir = mkdtempSync(path.join(tmpdir(), 'congso-bench-'));
  try {
    await measure(path.join(dir, 'bench.sqlite'), docs, queryCount);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = process.env.BENCH_DATABASE_URL;
  if (server === undefined) {
    console.log('PostgreSQL: not measured (set BENCH_DATABASE_URL=postgres://user@host/db to measure on a fresh database on that server)');
    return;
  }
  const name = `congso_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onPostgresServer(server, (c) => c.query(`create database ${name}`));
  try {
    const u = new URL(server);
    u.pathname = `/${name}`;
    await measure(u.toString(), docs, queryCount);
  } finally {
    await onPostgresServer(server, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

await main();
