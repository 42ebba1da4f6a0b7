import { createDb } from '../platform/db/index.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import type { Command } from './commands.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations',
  help: `Usage: congso migrate

Applies every pending migration in migrations/ to DATABASE_URL. Exits non-zero, naming the
migration, when one fails (each migration runs in its own transaction).`,
  async run(_args, config) {
    const store = createDb(config.database);
    try {
      const applied = await migrateToLatest(store.db);
      console.log(applied.length === 0 ? 'database is up to date' : `applied: ${applied.join(', ')}`);
      return 0;
    } catch (err) {
      console.error(err instanceof Error ? err.message : String(err));
      return 1;
    } finally {
      await store.close();
    }
  },
};
