/**
 * Search benchmark: generates a corpus of Vietnamese articles (about 2 KB each) into a fresh
 * database, then times two- and three-word queries typed without diacritics.
 *
 *   npx tsx bench/newsroom-search.ts [--docs 100000] [--queries 300] [--database URL]
 *
 * The corpus size is --docs, else BENCH_ARTICLES, else 5,000 with BENCH_SCALE=small (set by
 * `npm run bench`), else 100,000; BENCH_SCALE=small also runs 100 queries instead of 300.
 * DATABASE: a SQLite file path (default: a temporary file) or a postgres:// URL of an EMPTY database.
 * Prints the corpus size, indexing time and p50/p95/p99 query latency in milliseconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { indexDocument, searchDocuments } from '../src/platform/search/engine.ts';
import { fold } from '../src/platform/text/fold.ts';
import { article, corpusSize, uniformWord } from './lib/newsroom-corpus.ts';

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { docs: { type: 'string' }, queries: { type: 'string' }, database: { type: 'string' } } });
  const small = process.env.BENCH_SCALE === 'small';
  const docs = values.docs === undefined ? corpusSize() : Number(values.docs);
  const queryCount = Number(values.queries ?? (small ? 100 : 300));
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-bench-'));
  const url = values.database ?? path.join(dir, 'bench.sqlite');
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
    if (store.dialect === 'postgres') await sql`analyze search_documents`.execute(store.db);

    const timings: number[] = [];
    for (let q = 0; q < queryCount; q++) {
      const words = Array.from({ length: 2 + (q % 2) }, uniformWord).map(fold);
      const t0 = performance.now();
      await searchDocuments(store.db, { q: words.join(' '), types: ['article'] });
      timings.push(performance.now() - t0);
    }
    timings.sort((a, b) => a - b);
    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(
      JSON.stringify({
        engine: store.dialect,
        docs,
        indexSeconds: Math.round(indexSeconds),
        queries: queryCount,
        p50ms: Number(percentile(timings, 50).toFixed(2)),
        p95ms: Number(percentile(timings, 95).toFixed(2)),
        p99ms: Number(percentile(timings, 99).toFixed(2)),
        rssMB: Math.round(rss),
      }),
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
