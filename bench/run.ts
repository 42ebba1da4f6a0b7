/**
 * `npm run bench`: measures the real app against a bare Fastify route measured in the same run,
 * then runs every other `bench/*.ts` script (in name order) as a child process.
 *
 *   BENCH_SECONDS=5            seconds of load per scenario (default 5; one warm-up second is added)
 *   BENCH_DATABASE_URL=postgres://user@host/db   also measure on PostgreSQL (a fresh database is created on that server)
 *   BENCH_ONLY=http            only the HTTP scenarios; BENCH_ONLY=scripts only the other scripts
 *
 * Goal (issue 2): the home page at 50 connections keeps at least 50% of the baseline's requests/s,
 * with p99 under 20 ms.
 *
 * Among the other scripts, with goals of issue 4 (each prints its own same-run baseline, and runs on
 * PostgreSQL too, on a fresh database, when BENCH_DATABASE_URL is set):
 *   eservices-submit.ts  dossiers submitted through POST /api/v1/dossiers with one 100 KB document
 *                        each (goal ≥ 300 dossiers/s on SQLite), then every acknowledged dossier
 *                        and its file checked;
 *   eservices-inbox.ts   the officer's inbox at 100,000 dossiers with each filter (goal p95 < 30 ms).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, printTable, startApp, startBaseline, benchSeconds, type Row, type Running } from './lib/http.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

const SCENARIOS: readonly { name: string; path: string }[] = [
  { name: 'home page', path: '/' },
  { name: 'intro: functions and duties', path: '/gioi-thieu/chuc-nang-nhiem-vu' },
  { name: '/healthz', path: '/healthz' },
];

async function measureEngine(app: Running, baselineRps: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const s of SCENARIOS) {
    const probe = await fetch(app.url + s.path);
    if (!probe.ok) throw new Error(`${s.path} answered ${probe.status} on ${app.engine}; not measuring an error page`);
    rows.push({ scenario: `${s.name} (${app.engine})`, measurement: await measure(app.url + s.path), baselineRps });
  }
  return rows;
}

async function httpScenarios(): Promise<void> {
  console.log(`HTTP: 50 connections, ${benchSeconds()} s per scenario, Node ${process.version}, ${cpus().length} CPU(s); load generator in a worker thread`);
  const baseline = await startBaseline();
  const rows: Row[] = [];
  try {
    const base = await measure(baseline.url + '/');
    rows.push({ scenario: 'baseline: bare Fastify route', measurement: base, baselineRps: base.requestsPerSecond });
    const engines: { postgresServerUrl?: string }[] = [{}];
    if (process.env.BENCH_DATABASE_URL) engines.push({ postgresServerUrl: process.env.BENCH_DATABASE_URL });
    for (const engine of engines) {
      const app = await startApp({ demo: true, ...engine });
      try {
        rows.push(...(await measureEngine(app, base.requestsPerSecond)));
      } finally {
        await app.stop();
      }
    }
  } finally {
    await baseline.stop();
  }
  printTable(rows);
}

/** The other bench scripts: every bench/*.ts except this one; bench/lib/ holds helpers, not scripts. */
function otherScripts(): string[] {
  return readdirSync(benchDir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'run.ts')
    .map((e) => e.name)
    .sort();
}

function runScript(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // BENCH_SCALE=small asks scripts that generate data for a size that keeps the whole run short.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_SCALE: process.env.BENCH_SCALE ?? 'small' },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

async function main(): Promise<number> {
  const only = process.env.BENCH_ONLY;
  if (only !== 'scripts') await httpScenarios();
  let failed = 0;
  if (only !== 'http') {
    for (const file of otherScripts()) {
      console.log(`\n== ${file}`);
      const code = await runScript(file);
      if (code !== 0) {
        console.error(`${file} exited with ${code}`);
        failed++;
      }
    }
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
