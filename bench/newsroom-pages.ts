/**
 * Newsroom pages under load, beside a bare Fastify route measured in the same run:
 *   - the article page with the page cache (readers not signed in share the rendered page),
 *   - the same page with the cache off (NEWSROOM_PAGE_CACHE=false): every request renders,
 *   - the server's memory (RSS) while article pages and searches run over the generated corpus.
 *
 *   npx tsx bench/newsroom-pages.ts          BENCH_ARTICLES (default 100,000; 5,000 with BENCH_SCALE=small)
 *   BENCH_DATABASE_URL=postgres://…           also on PostgreSQL (a fresh database on that server)
 *
 * Each article page row is measured in alternation with the baseline, three rounds each, and
 * compared with the baseline's median of those rounds (bench/lib/http.ts, measurePaired).
 * The cached article page is measured twice: asked for without Accept-Encoding (the body goes out
 * as plain HTML) and with the Accept-Encoding browsers send (the kept page goes out compressed).
 * Beside it, its ceiling: a bare Fastify route sending the same bytes and headers (startReplay), so
 * that the share of the baseline lost to the page's size and headers is told apart from the app's.
 *
 * Goals (issue 3): cached ≥ 50% of the baseline's requests/s with p99 < 20 ms at 50 connections;
 * uncached ≥ 10%; RSS under load < 250 MB. The server under test runs in a child process
 * (bench/lib/newsroom-server.ts) on the database prepared here, so the RSS printed is the server's
 * own (/proc/<pid>/status), without the corpus generation or the load generator.
 *
 * A second table gives each server's CPU time per request at a fixed rate below saturation, beside
 * the baseline route's in a process of its own at the same rate (bench/lib/child-server.ts). At
 * saturation, on two CPUs, the server shares the machine with the load generator, and a page's
 * requests/s depend on how that sharing goes as much as on the server; the CPU per request does not,
 * and moves less from one run to the next.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/index.ts';
import { createDb, type DbHandle } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/platform/seed/demo.ts';
import { indexDocument } from '../src/platform/search/engine.ts';
import { fold } from '../src/platform/text/fold.ts';
import { cpuPerRequest, startChildServer, type ChildServer, type CpuCost } from './lib/child-server.ts';
import { BASELINE_PAGE, benchSeconds, measure, measurePaired, onPostgresServer, printAligned, printTable, replayHeaders, startBaseline, startReplay, type Row } from './lib/http.ts';
import { article, corpusSize, uniformWord } from './lib/newsroom-corpus.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
/** The Node flags `npm start` runs the server with (package.json), so the server measured is the one users start. */
const START_FLAGS: readonly string[] = (() => {
  const start = (JSON.parse(readFileSync(path.join(benchDir, '..', 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const m = /^node((?: --[\w-]+(?:=\S+)?)*) --import tsx /.exec(start);
  if (m === null) throw new Error(`package.json's start script is not "node [--flag[=value] …] --import tsx …": ${start}`);
  return m[1]!.trim().split(' ').filter((f) => f !== '');
})();
/** What Chrome and Firefox send. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const SEED_ARTICLE = '/tin-tuc/hoat-dong-cua-so/doan-cong-tac-cua-bo-thong-tin-truyen-thong-lam-viec-voi-so-tt-tt-tinh-lao-cai';

/** Inserts `count` published articles (rows, revisions and their search documents) in batches. */
async function loadCorpus(store: DbHandle, count: number): Promise<void> {
  const db = store.db;
  const category = await db.selectFrom('news_categories').select('id').where('slug', '=', 'tin-trong-tinh').executeTakeFirstOrThrow();
  const base = Number((await db.selectFrom('articles').select((eb) => eb.fn.max('id').as('n')).executeTakeFirstOrThrow()).n ?? 0) + 1000;
  const revBase = Number((await db.selectFrom('article_revisions').select((eb) => eb.fn.max('id').as('n')).executeTakeFirstOrThrow()).n ?? 0) + 1000;
  const started = performance.now();
  const batch = 500;
  for (let from = 0; from < count; from += batch) {
    await db.transaction().execute(async (trx) => {
      const items = Array.from({ length: Math.min(batch, count - from) }, (_, k) => {
        const i = from + k;
        const at = new Date(Date.UTC(2008, 0, 1) + i * 600_000).toISOString();
        return { i, at, text: article(i) };
      });
      await trx
        .insertInto('articles')
        .values(items.map(({ i, at }) => ({ id: base + i, category_id: category.id, slug: `bai-thu-${i}`, status: 'published' as const, working_revision_id: revBase + i, live_revision_id: revBase + i, is_public: 1, published_at: at, created_at: at, updated_at: at })))
        .execute();
      await trx
        .insertInto('article_revisions')
        .values(items.map(({ i, at, text }) => ({ id: revBase + i, article_id: base + i, number: 1, title: text.title, lead: text.body.slice(0, 200), body: `<p>${text.body}</p>`, author_byline: 'Thùy Linh', source: null, event_date: null, tags: '', note: null, created_by: null, created_at: at })))
        .execute();
      for (const { i, at, text } of items) {
        await indexDocument(trx, { type: 'article', id: base + i, title: text.title, body: text.body, url: `/tin-tuc/tin-trong-tinh/bai-thu-${i}`, publishedAt: at, categoryId: category.id });
      }
    });
    if (process.stderr.isTTY) process.stderr.write(`\rgenerated ${Math.min(count, from + batch)}/${count}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (store.dialect === 'postgres') {
    // The explicit ids above bypassed the identity sequences.
    await sql`select setval(pg_get_serial_sequence('articles', 'id'), (select max(id) from articles))`.execute(db);
    await sql`select setval(pg_get_serial_sequence('article_revisions', 'id'), (select max(id) from article_revisions))`.execute(db);
    // The bulk load leaves the server work to do (autovacuum of the new rows, a checkpoint): done
    // now, so that it does not take the CPU from the server measured in the next minutes.
    await sql`vacuum analyze`.execute(db);
    // CHECKPOINT needs a superuser or the pg_checkpoint role; without them the server does it later.
    await sql`checkpoint`.execute(db).catch(() => undefined);
  }
  console.log(`corpus: ${count.toLocaleString('en-US')} articles generated in ${((performance.now() - started) / 1000).toFixed(0)} s (${store.dialect})`);
}

/** The resident set of a process and its peak so far, in MB (Linux: /proc/<pid>/status VmRSS and VmHWM). */
function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
}

interface Memory {
  readonly mode: string;
  /** Highest VmRSS sampled every 100 ms during the mixed load. */
  readonly duringMB: number;
  /** VmHWM at the end of the load: the peak since the process started. */
  readonly peakMB: number;
  /** VmRSS two seconds after the load stopped. */
  readonly afterMB: number;
}

/** A server's CPU time per request beside the baseline's at the same rate (each in a process of its own). */
interface CpuRow {
  readonly scenario: string;
  readonly rate: number;
  readonly subject: CpuCost;
  readonly baseline: CpuCost;
}

/**
 * The CPU time per request of `subject` and of the baseline's process at the same fixed rate, in
 * alternation, three rounds each (medians): the same reasoning as measurePaired.
 */
async function cpuPaired(baseline: ChildServer, subject: ChildServer, path: string, rate: number): Promise<{ baseline: CpuCost; subject: CpuCost }> {
  const base: CpuCost[] = [];
  const measured: CpuCost[] = [];
  for (let round = 0; round < 3; round++) {
    base.push(await cpuPerRequest(baseline, '/', rate, benchSeconds()));
    measured.push(await cpuPerRequest(subject, path, rate, benchSeconds()));
  }
  const median = (cs: CpuCost[]): CpuCost => {
    const mid = [...cs].sort((x, y) => x.microsPerRequest - y.microsPerRequest)[1]!;
    return { ...mid, requests: cs.reduce((n, c) => n + c.requests, 0), failures: cs.reduce((n, c) => n + c.failures, 0) };
  };
  return { baseline: median(base), subject: median(measured) };
}

/** Prints the CPU rows: µs per request of each server and the baseline's as a share of it. */
function printCpuTable(rows: readonly CpuRow[]): void {
  const header = ['scenario', 'req/s sent', 'µs/request', 'baseline µs/request', 'baseline ÷ this', 'non-2xx/errors'];
  const cells = rows.map((r) => [
    r.scenario,
    r.rate.toLocaleString('en-US'),
    r.subject.microsPerRequest.toFixed(0),
    r.baseline.microsPerRequest.toFixed(0),
    `${((100 * r.baseline.microsPerRequest) / r.subject.microsPerRequest).toFixed(0)}%`,
    String(r.subject.failures + r.baseline.failures),
  ]);
  printAligned(header, cells);
}

/** Rates of the CPU rows: well below what one CPU serves of each, so that neither side saturates. */
const CPU_RATE_CACHED = 4000;
const CPU_RATE_RENDERED = 1000;

async function runEngine(postgresServerUrl: string | undefined, articles: number, baselineUrl: string, baselineRps: number, baselineChild: ChildServer): Promise<{ rows: Row[]; cpuRows: CpuRow[]; memory: Memory[] }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'congso-bench-'));
  let databaseUrl = path.join(dataDir, 'bench.sqlite');
  const dbName = `congso_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  if (postgresServerUrl !== undefined) {
    await onPostgresServer(postgresServerUrl, (c) => c.query(`create database ${dbName}`));
    const u = new URL(postgresServerUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SECRET: randomBytes(24).toString('hex'), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false', TRUST_PROXY: 'true' };
  const seedStore = createDb(loadConfig(env).database);
  const dialect = seedStore.dialect;
  try {
    await migrateToLatest(seedStore.db);
    await seedDemo(seedStore, loadConfig(env));
    await loadCorpus(seedStore, articles);
  } finally {
    await seedStore.close();
  }

  const rows: Row[] = [];
  const cpuRows: CpuRow[] = [];
  const memory: Memory[] = [];
  try {
    // As `npm start` runs it (V8's young generation capped), with and without the page cache; then
    // with V8's defaults, which size the young generation from the machine's memory, for comparison.
    const variants = [
      { cache: true, flags: START_FLAGS, label: '' },
      { cache: false, flags: START_FLAGS, label: '' },
      { cache: true, flags: [], label: ', V8 default flags' },
    ];
    for (const { cache, flags, label } of variants) {
      const server = await startChildServer(path.join(benchDir, 'lib', 'newsroom-server.ts'), { ...env, NEWSROOM_PAGE_CACHE: String(cache) }, flags);
      const mode = `${cache ? 'cached' : 'cache off'}${label}`;
      try {
        const probe = await fetch(server.url + SEED_ARTICLE);
        if (!probe.ok) throw new Error(`${SEED_ARTICLE} answered ${probe.status}; not measuring an error page`);
        // Side by side with the baseline, three rounds each (medians): see measurePaired.
        const plain = await measurePaired(baselineUrl, server.url + SEED_ARTICLE);
        rows.push({ scenario: `article page, ${mode} (${dialect})`, measurement: plain.subject, baselineRps: plain.baseline.requestsPerSecond });
        if (cache && label === '') {
          // The ceiling of the cached row: the same bytes and headers sent by a bare Fastify route (the
          // body's size and the portal's security headers cost the baseline a share of its speed).
          // A kept page lives 60 s; a page is kept once asked for again (PageCache.admit).
          let kept = await fetch(server.url + SEED_ARTICLE);
          for (let tries = 0; tries < 2 && kept.headers.get('x-cache') !== 'hit'; tries++) {
            await kept.arrayBuffer();
            kept = await fetch(server.url + SEED_ARTICLE);
          }
          if (kept.headers.get('x-cache') !== 'hit') throw new Error(`${SEED_ARTICLE} was not answered from the page cache (x-cache: ${kept.headers.get('x-cache')})`);
          const keptBody = Buffer.from(await kept.arrayBuffer());
          const replay = await startReplay(keptBody, kept.headers);
          try {
            const same = await measurePaired(baselineUrl, replay.url + '/');
            rows.push({ scenario: `ceiling: bare route replaying the cached page's bytes and headers (${dialect})`, measurement: same.subject, baselineRps: same.baseline.requestsPerSecond });
          } finally {
            await replay.stop();
          }
          // The server's CPU per request, beside the baseline's and the replay's, each in its own process.
          const cached = await cpuPaired(baselineChild, server, SEED_ARTICLE, CPU_RATE_CACHED);
          cpuRows.push({ scenario: `article page, ${mode} (${dialect})`, rate: CPU_RATE_CACHED, ...cached });
          const replayChild = await startChildServer(path.join(benchDir, 'lib', 'bare-server.ts'), {}, START_FLAGS, { body: keptBody.toString('base64'), encoding: 'base64', headers: replayHeaders(kept.headers) });
          try {
            const same = await cpuPaired(baselineChild, replayChild, '/', CPU_RATE_CACHED);
            cpuRows.push({ scenario: `ceiling: bare route replaying the cached page (${dialect})`, rate: CPU_RATE_CACHED, ...same });
          } finally {
            await replayChild.stop();
          }
          // As a browser asks for it: the kept page goes out compressed (Brotli), a third of the bytes.
          const browser = await measurePaired(baselineUrl, server.url + SEED_ARTICLE, { headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING } });
          rows.push({ scenario: `article page, ${mode}, Accept-Encoding of a browser (${dialect})`, measurement: browser.subject, baselineRps: browser.baseline.requestsPerSecond });
        }
        if (!cache) {
          const rendered = await cpuPaired(baselineChild, server, SEED_ARTICLE, CPU_RATE_RENDERED);
          cpuRows.push({ scenario: `article page, ${mode} (${dialect})`, rate: CPU_RATE_RENDERED, ...rendered });
        }
        // Memory of the server alone while readers open many different articles and search: the corpus is in play.
        let during = 0;
        const sampler = setInterval(() => (during = Math.max(during, memoryOf(server.pid).rssMB)), 100);
        const words = Array.from({ length: 40 }, (_, q) => Array.from({ length: 2 + (q % 2) }, uniformWord).map(fold).join('+'));
        let n = 0;
        const result = await autocannon({
          url: server.url,
          connections: 50,
          duration: benchSeconds(),
          requests: [
            {
              setupRequest: (req) => {
                n++;
                const target = n % 4 === 0 ? `/tim-kiem?q=${words[n % words.length]}` : `/tin-tuc/tin-trong-tinh/bai-thu-${(n * 7919) % articles}`;
                // Many readers (browsers), each with an address of their own behind the portal's proxy: the
                // search's limit per address (600 a minute) is for one reader, not for the whole load.
                return { ...req, path: target, headers: { ...req.headers, 'accept-encoding': BROWSER_ACCEPT_ENCODING, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } };
              },
            },
          ],
        });
        clearInterval(sampler);
        const { peakMB } = memoryOf(server.pid);
        await new Promise((r) => setTimeout(r, 2000));
        memory.push({ mode, duringMB: during, peakMB, afterMB: memoryOf(server.pid).rssMB });
        rows.push({
          scenario: `mixed: article pages across the corpus + 25% searches, ${mode} (${dialect})`,
          measurement: { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, requests: result.requests.total, failures: result.non2xx + result.errors + result.timeouts },
          baselineRps,
        });
      } finally {
        await server.stop();
      }
    }
  } finally {
    if (postgresServerUrl !== undefined) await onPostgresServer(postgresServerUrl, (c) => c.query(`drop database if exists ${dbName} with (force)`));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { rows, cpuRows, memory };
}

async function main(): Promise<void> {
  const articles = corpusSize();
  console.log(`newsroom pages: 50 connections, ${benchSeconds()} s per scenario, ${articles.toLocaleString('en-US')} generated articles, Node ${process.version}, ${cpus().length} CPU(s)`);
  const baseline = await startBaseline();
  const baselineChild = await startChildServer(path.join(benchDir, 'lib', 'bare-server.ts'), {}, START_FLAGS, { body: BASELINE_PAGE.body, encoding: 'utf8', headers: BASELINE_PAGE.headers });
  const rows: Row[] = [];
  const cpuRows: CpuRow[] = [];
  const rss: string[] = [];
  try {
    const base = await measure(baseline.url + '/');
    rows.push({ scenario: 'baseline: bare Fastify route', measurement: base, baselineRps: base.requestsPerSecond });
    const engines: (string | undefined)[] = [undefined];
    if (process.env.BENCH_DATABASE_URL) engines.push(process.env.BENCH_DATABASE_URL);
    for (const engine of engines) {
      const result = await runEngine(engine, articles, baseline.url, base.requestsPerSecond, baselineChild);
      rows.push(...result.rows);
      cpuRows.push(...result.cpuRows);
      for (const m of result.memory) {
        rss.push(`${engine === undefined ? 'sqlite' : 'postgres'}, ${m.mode}: server RSS under the mixed load ${m.duringMB.toFixed(0)} MB (peak since start ${m.peakMB.toFixed(0)} MB), ${m.afterMB.toFixed(0)} MB after it (goal < 250 MB)`);
      }
    }
  } finally {
    await baseline.stop();
    await baselineChild.stop();
  }
  printTable(rows);
  console.log('');
  console.log('Server CPU time per request (user + system, process.cpuUsage) at a fixed rate, each server in a process of its own,');
  console.log('beside the baseline route in its own process at the same rate: what each request costs the server, apart from');
  console.log('how it shares the two CPUs with the load generator at saturation.');
  printCpuTable(cpuRows);
  for (const line of rss) console.log(line);
}

await main();
