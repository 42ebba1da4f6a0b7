import { parseArgs } from 'node:util';
import { createDb } from '../platform/db/index.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { isDatabaseEmpty, seedDemo } from '../platform/seed/demo.ts';
import type { Command } from './commands.ts';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'load the Lào Cai demo (reference data, agencies, accounts, content)',
  help: `Usage: congso seed --demo [--force]

Migrates, then loads the Lào Cai demo into DATABASE_URL. Refuses a database that already
holds data unless --force is given (the demo is then added beside what is there).`,
  async run(args, config) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, force: { type: 'boolean' } } });
    if (values.demo !== true) {
      console.error('congso seed: nothing to do; pass --demo');
      return 2;
    }
    const store = createDb(config.database);
    try {
      await migrateToLatest(store.db);
      if (!(await isDatabaseEmpty(store.db)) && values.force !== true) {
        console.error('congso seed: the database already holds data; use --force to add the demo anyway');
        return 1;
      }
      await seedDemo(store, config);
      console.log('loaded the Lào Cai demo');
      return 0;
    } finally {
      await store.close();
    }
  },
};
