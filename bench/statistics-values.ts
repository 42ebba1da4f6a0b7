/**
 * Statistics benchmark (issue 5): indicator values and rankings over 63 provinces × 15 years × 40
 * indicators with stored figures. Goal: p95 under 20 ms.
 *
 *   npx tsx bench/statistics-values.ts [--database URL]
 *
 * DATABASE: a SQLite file path (default: a temporary file) or a postgres:// URL of an EMPTY database.
 * Prints, beside a same-run baseline:
 * - function level: p50/p95 of seriesOfIndicator (one province, every year), rankingOfIndicator
 *   (63 provinces, one year; plain and derived indicators) and rankIndex (the composite index, 63
 *   provinces, one year), against `select 1` through the same pool;
 * - HTTP (one connection, so latencies are per request, not queueing): the values and rankings API
 *   and the indicator page with its two SVG charts, against a bare Fastify route; autocannon's
 *   req/s and p99, then p50/p95 of sequential requests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { createDb } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadAdministrativeUnits } from '../src/platform/org/reference-data.ts';
import { rankingOfIndicator, seriesOfIndicator } from '../src/modules/statistics/figures.ts';
import { parsePeriod, type Period } from '../src/modules/statistics/period.ts';
import { allIndicators, provincesValidOn, type UnitRef } from '../src/modules/statistics/queries.ts';
import { editionContent, editionsOf, indexByCode } from '../src/modules/statistics/composite/queries.ts';
import { rankIndex } from '../src/modules/statistics/composite/rankings.ts';
import { measure, printTable, startBaseline, type Row } from './lib/http.ts';

const PROVINCES = 63;
const YEARS = 15;
const FIRST_YEAR = 2010;
const STORED_INDICATORS = 40;
const ITERATIONS = 300;

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (n: number): string => n.toFixed(2);

async function timeIt(label: string, fn: (i: number) => Promise<unknown>): Promise<{ label: string; p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { database: { type: 'string' } } });
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-bench-stat-'));
  const url = values.database ?? path.join(dir, 'bench.sqlite');
  const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: url, SECRET: randomBytes(24).toString('hex'), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const store = createDb(config.database);
  try {
    await migrateToLatest(store.db);
    await store.db.transaction().execute((trx) => loadAdministrativeUnits(trx));
    const at = new Date().toISOString();

    // The dictionary has fewer stored (non-derived) indicators than 40: add plain stock indicators up to 40.
    const dictionary = await allIndicators(store.db);
    const stored = dictionary.filter((i) => i.formula === null);
    for (let n = stored.length + 1; n <= STORED_INDICATORS; n++) {
      await store.db
        .insertInto('stat_indicators')
        .values({ code: `bench.extra_${n}`, category: 'it', name_vi: `Chỉ tiêu thử ${n}`, name_en: `Bench indicator ${n}`, definition_vi: '', definition_en: '', unit_vi: 'đơn vị', unit_en: 'units', source_vi: 'bench', source_en: 'bench', itu_code: null, periodicity: 'year', unit_aggregation: 'sum', time_aggregation: 'latest', formula: null, created_at: at, updated_at: at })
        .execute();
    }
    const indicators = await allIndicators(store.db);
    const storedIndicators = indicators.filter((i) => i.formula === null);
    const derived = indicators.filter((i) => i.formula !== null);
    const provinces = (await provincesValidOn(store.db, '2015-12-31')).slice(0, PROVINCES);

    let t0 = performance.now();
    const rows = [];
    for (const indicator of storedIndicators) {
      for (const p of provinces) {
        for (let y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
          const value = indicator.code === 'population' ? 500_000 + p.id * 1000 + y : ((p.id * 7919 + y * 104_729 + indicator.id * 1_299_709) % 100_000) / (indicator.unit_aggregation === 'average' ? 1000 : 1);
          rows.push({ indicator_id: indicator.id, admin_unit_id: p.id, period: String(y), period_kind: 'year' as const, period_start: `${y}-01-01`, period_end: `${y}-12-31`, reporter_agency_id: null, value, status: 'illustrative' as const, source: 'bench', note: null, created_at: at, updated_at: at });
        }
      }
    }
    for (let i = 0; i < rows.length; i += 1000) await store.db.insertInto('stat_values').values(rows.slice(i, i + 1000)).execute();
    if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
    console.log(`statistics: ${rows.length.toLocaleString('en-US')} stored figures (${provinces.length} provinces × ${YEARS} years × ${storedIndicators.length} indicators; ${derived.length} derived indicators on top) inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${store.dialect}`);

    const years: Period[] = [];
    for (let y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) years.push(parsePeriod(String(y)) as Period);
    const pick = <T>(list: readonly T[], i: number): T => list[(i * 7 + 3) % list.length] as T;
    const unitAt = (i: number): UnitRef => pick(provinces, i);

    const results = [
      await timeIt('baseline: select 1', () => sql`select 1`.execute(store.db)),
      await timeIt('series: one province, 15 years (stored indicator)', (i) => seriesOfIndicator(store.db, pick(storedIndicators, i), unitAt(i), null, null)),
      await timeIt('series: one province, 15 years (derived indicator)', (i) => seriesOfIndicator(store.db, pick(derived, i), unitAt(i), null, null)),
      await timeIt('ranking: 63 provinces, one year (stored indicator)', (i) => rankingOfIndicator(store.db, pick(storedIndicators, i), pick(years, i))),
      await timeIt('ranking: 63 provinces, one year (derived indicator)', (i) => rankingOfIndicator(store.db, pick(derived, i), pick(years, i))),
    ];
    // Composite index (the shipped ICT-readiness index, edition 2013: 8 indicators in 3 pillars, 6 of
    // them derived): edition read, figures resolved for 63 provinces, normalised and ranked.
    const index = await indexByCode(store.db, 'ict-readiness');
    const editionRow = index === undefined ? undefined : (await editionsOf(store.db, [index.id])).find((e) => e.label === '2013');
    if (index === undefined || editionRow === undefined) throw new Error('bench: the ict-readiness index (migration 0151) is missing');
    const indexYears = years.filter((p) => p.year >= editionRow.first_year);
    results.push(await timeIt('index ranking: 63 provinces, one year (8 indicators)', async (i) => rankIndex(store.db, index, await editionContent(store.db, editionRow), pick(indexYears, i))));
    console.log(`function level, ${ITERATIONS} calls each (goal: p95 < 20 ms)`);
    console.log(`${'scenario'.padEnd(56)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
    for (const r of results) console.log(`${r.label.padEnd(56)} ${ms(r.p50).padStart(8)} ${ms(r.p95).padStart(8)}`);

    // HTTP: the same database behind the real app; one connection so that latency is per request.
    t0 = performance.now();
    const app = await buildApp({ config, store, logger: false });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const baseline = await startBaseline();
    try {
      const seconds = Math.max(2, Math.min(5, Number(process.env.BENCH_SECONDS) || 3));
      const opts = { connections: 1, seconds };
      const derivedCode = derived.find((i) => i.code === 'telecom.phone_density_per_100')?.code ?? pick(derived, 0).code;
      const unit = provinces[10]?.code ?? '10';
      const scenarios = [
        { name: 'API values: one province, all years (derived)', path: `/api/v1/indicators/${derivedCode}/values?unit=${unit}` },
        { name: 'API ranking: 63 provinces, 2018 (derived)', path: `/api/v1/rankings/${derivedCode}?period=2018` },
        { name: 'API ranking: 63 provinces, 2018 (stored)', path: `/api/v1/rankings/internet.subscribers?period=2018` },
        { name: 'indicator page with 2 SVG charts', path: `/thong-ke/chi-tieu/${derivedCode}?unit=${unit}&period=2018` },
        { name: 'API index ranking: 63 provinces, 2018 (8 indicators)', path: '/api/v1/indices/ict-readiness/rankings?period=2018&edition=2013' },
        { name: 'index page: ranking, method, SVG chart', path: '/thong-ke/chi-so/ict-readiness?period=2018&edition=2013' },
      ];
      const base = await measure(`${baseline.url}/`, opts);
      const table: Row[] = [{ scenario: 'baseline: bare Fastify route', measurement: base, baselineRps: base.requestsPerSecond }];
      for (const s of scenarios) {
        const probe = await fetch(address + s.path);
        if (!probe.ok) throw new Error(`${s.path} answered ${probe.status}`);
        table.push({ scenario: s.name, measurement: await measure(address + s.path, opts), baselineRps: base.requestsPerSecond });
      }
      console.log(`HTTP on ${store.dialect}, autocannon, 1 connection, ${seconds} s per scenario (p99 shown)`);
      printTable(table);
      // p95 of sequential requests (fetch, keep-alive), the figure the goal names.
      const http = [await timeIt('baseline: bare Fastify route', () => fetch(`${baseline.url}/`).then((r) => r.text()))];
      for (const s of scenarios) http.push(await timeIt(s.name, () => fetch(address + s.path).then((r) => r.text())));
      console.log(`HTTP on ${store.dialect}, ${ITERATIONS} sequential requests each (goal: p95 < 20 ms)`);
      console.log(`${'scenario'.padEnd(56)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
      for (const r of http) console.log(`${r.label.padEnd(56)} ${ms(r.p50).padStart(8)} ${ms(r.p95).padStart(8)}`);
    } finally {
      await baseline.stop();
      await app.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
