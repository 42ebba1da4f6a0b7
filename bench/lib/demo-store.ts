/**
 * A bench database with the Lào Cai demo, for scripts that load their own data before starting the
 * app: a temporary data directory, SQLite there or the given (empty) database, migrated and seeded.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { createDb, type DbHandle } from '../../src/platform/db/index.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { seedDemo } from '../../src/platform/seed/demo.ts';

export interface DemoStore {
  readonly config: Config;
  readonly store: DbHandle;
  /** Closes the database and removes the data directory. */
  close(): Promise<void>;
}

export async function openDemoStore(name: string, databaseUrl: string | undefined): Promise<DemoStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `congso-bench-${name}-`));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? path.join(dataDir, 'bench.sqlite'),
    SECRET: randomBytes(24).toString('hex'),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  });
  const store = createDb(config.database);
  const close = async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(store.db);
    await seedDemo(store, config);
  } catch (err) {
    await close();
    throw err;
  }
  return { config, store, close };
}
