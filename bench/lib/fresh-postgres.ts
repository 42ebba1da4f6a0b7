/** The databases a bench script runs on: a fresh, empty PostgreSQL database on a server for one run (created, handed over, dropped). */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const u = new URL(serverUrl);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function withFreshPostgres<T>(serverUrl: string, fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `congso_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  try {
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    return await fn(u.toString());
  } finally {
    await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

/**
 * Runs a bench on the database of `--database` when given; otherwise on SQLite, then on a fresh
 * PostgreSQL database when BENCH_DATABASE_URL names a server (as `npm run bench` does for its own scenarios).
 */
export async function onEachEngine(run: (databaseUrl: string | undefined) => Promise<void>): Promise<void> {
  const { values } = parseArgs({ options: { database: { type: 'string' } }, strict: false });
  if (typeof values.database === 'string') return run(values.database);
  await run(undefined);
  if (process.env.BENCH_DATABASE_URL) await withFreshPostgres(process.env.BENCH_DATABASE_URL, run);
}
