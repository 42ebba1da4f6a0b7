/** Process entry for serving: config → database (migrated, demo loaded on first start) → app → listen; graceful shutdown. */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/index.ts';
import { buildApp } from './app.ts';
import { createDb, type DbHandle } from './platform/db/index.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { isDatabaseEmpty, seedDemo } from './platform/seed/demo.ts';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: DbHandle;
  readonly address: string;
  stop(): Promise<void>;
}

/** Opens the database and brings it up to date; loads the demo into an empty database when configured. */
export async function prepareDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<DbHandle> {
  const store = createDb(config.database);
  try {
    const applied = await migrateToLatest(store.db);
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
    if (config.seedDemo && (await isDatabaseEmpty(store.db))) {
      await seedDemo(store, config);
      log('loaded the Lào Cai demo');
    }
    return store;
  } catch (err) {
    await store.close();
    throw err;
  }
}

export async function startServer(config: Config): Promise<RunningServer> {
  const store = await prepareDatabase(config);
  const app = await buildApp({ config, store });
  const address = await app.listen({ port: config.port, host: config.host });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await app.close();
      await store.close();
    })();
    return stopping;
  };
  return { app, store, address, stop };
}

/** Stops accepting connections on SIGTERM/SIGINT, lets requests in flight finish, then closes the database. */
export function handleSignals(server: RunningServer): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    server.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      server.app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        server.app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
