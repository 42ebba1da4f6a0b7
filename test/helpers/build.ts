/**
 * Boots the real app on a fresh database for one test, and closes and drops it afterwards.
 * Engine: SQLite by default; PostgreSQL when TEST_DB=postgres and TEST_DATABASE_URL points at a server
 * (each database is created from a per-process template and dropped at the end).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { createDb, type DbHandle } from '../../src/platform/db/index.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { seedDemo } from '../../src/platform/seed/demo.ts';

export type Engine = 'sqlite' | 'postgres';

export const ENGINE: Engine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
const SERVER_URL = process.env.TEST_DATABASE_URL ?? '';
if (ENGINE === 'postgres' && SERVER_URL === '') throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');

export interface TestEnv {
  readonly app: FastifyInstance;
  readonly store: DbHandle;
  readonly config: Config;
  readonly dataDir: string;
}

export interface BuildOptions {
  /** Load the Lào Cai demo (agencies, accounts, content). Default true. */
  readonly demo?: boolean;
  /** Extra environment for loadConfig (e.g. SMTP_URL). */
  readonly env?: Record<string, string>;
  /** The app's logger (default none). */
  readonly logger?: { level: string; stream: { write(line: string): void } };
  /** Adds test-only routes before the app is ready. */
  readonly beforeReady?: (app: FastifyInstance) => void;
}

const templates = new Map<string, Promise<string>>();

function testEnv(dataDir: string, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SECRET: 'test-secret-test-secret-test-secret-0123',
    PUBLIC_URL: 'http://localhost:3000',
    SCRYPT_COST: '1024',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

const adminUrl = (dbName: string): string => {
  const u = new URL(SERVER_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
};

async function pgAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (once per process) a migrated, optionally seeded template; returns its file or database name. */
function template(demo: boolean): Promise<string> {
  const key = `${ENGINE}:${demo}`;
  let pending = templates.get(key);
  if (pending === undefined) {
    if (ENGINE === 'postgres' && templates.size === 0) process.once('beforeExit', () => void dropTemplates());
    pending = (async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'congso-tpl-'));
      // The template lives as long as the test process, and no longer.
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      const name = `congso_tpl_${process.pid}_${demo ? 'demo' : 'bare'}_${randomBytes(3).toString('hex')}`;
      const url = ENGINE === 'sqlite' ? path.join(dir, 'template.sqlite') : adminUrl(name);
      if (ENGINE === 'postgres') await pgAdmin((c) => c.query(`create database ${name}`));
      const config = loadConfig(testEnv(dir, url));
      const store = createDb(config.database, { poolSize: 2 });
      await migrateToLatest(store.db);
      if (demo) await seedDemo(store, config);
      if (store.sqlite !== undefined) store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await store.close();
      return ENGINE === 'postgres' ? name : url;
    })();
    templates.set(key, pending);
  }
  return pending;
}

/** Drops this process's PostgreSQL templates; call from a top-level `after`. */
export async function dropTemplates(): Promise<void> {
  if (ENGINE !== 'postgres') return;
  for (const pending of templates.values()) {
    const name = await pending;
    await pgAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
  }
  templates.clear();
}

export async function build(t: TestContext, options: BuildOptions = {}): Promise<TestEnv> {
  const demo = options.demo ?? true;
  const source = await template(demo);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'congso-test-'));
  let databaseUrl: string;
  let dropDb: (() => Promise<void>) | undefined;
  if (ENGINE === 'sqlite') {
    databaseUrl = path.join(dataDir, 'congso.sqlite');
    copyFileSync(source, databaseUrl);
  } else {
    const name = `congso_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await pgAdmin((c) => c.query(`create database ${name} template ${source}`));
    databaseUrl = adminUrl(name);
    dropDb = () => pgAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
  }
  const config = loadConfig(testEnv(dataDir, databaseUrl, options.env));
  const store = createDb(config.database, { poolSize: 4 });
  const app = await buildApp({ config, store, logger: options.logger ?? false });
  options.beforeReady?.(app);
  await app.ready();
  t.after(async () => {
    await app.close();
    await store.close();
    if (dropDb !== undefined) await dropDb();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, store, config, dataDir };
}
