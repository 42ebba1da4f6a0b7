import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../platform/db/index.ts';
import type { Command } from './commands.ts';
import { MissingToolError, runTool } from './external-tool.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write a consistent copy of the database to a file',
  help: `Usage: congso backup FILE [--force]

Writes a backup of DATABASE_URL to FILE while the server keeps running.
  SQLite:     SQLite's online backup (a consistent copy of the database file).
  PostgreSQL: pg_dump in custom format (-Fc); pg_dump must be on PATH.
The copy is written beside FILE and renamed into place when complete, so FILE is never half
written. An existing FILE is kept unless --force is given. Restore with \`congso restore FILE\`.
Uploaded files in DATA_DIR are not included: copy that directory as well.

Exit status: 0 on success; 1 when the backup fails; 2 for bad options.`,
  async run(args, config) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
    } catch (err) {
      console.error(`congso backup: ${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    const [target, ...extra] = parsed.positionals;
    if (target === undefined || extra.length > 0) {
      console.error('congso backup: give exactly one FILE');
      return 2;
    }
    const file = path.resolve(target);
    if (existsSync(file) && parsed.values.force !== true) {
      console.error(`congso backup: ${file} exists; use --force to replace it`);
      return 1;
    }
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    try {
      if (config.database.kind === 'sqlite') {
        // Opening a missing file would create an empty database and "back it up".
        if (!existsSync(config.database.file)) {
          console.error(`congso backup: there is no database at ${config.database.file}`);
          return 1;
        }
        const store = createDb(config.database);
        try {
          if (store.sqlite === undefined) throw new Error('no SQLite connection');
          await store.sqlite.backup(partial);
        } finally {
          await store.close();
        }
      } else {
        const result = await runTool('pg_dump', ['--format=custom', '--file', partial, '--dbname', config.database.url]);
        if (result.code !== 0) {
          console.error(`congso backup: pg_dump failed (exit ${result.code}): ${result.stderr.trim()}`);
          rmSync(partial, { force: true });
          return 1;
        }
      }
      renameSync(partial, file);
    } catch (err) {
      rmSync(partial, { force: true });
      if (err instanceof MissingToolError) {
        console.error(`congso backup: ${err.message}`);
        return 1;
      }
      throw err;
    }
    console.log(`backup written to ${file}`);
    return 0;
  },
};
