import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import type { Command } from './commands.ts';
import { MissingToolError, runTool } from './external-tool.ts';

function firstBytes(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const read = readSync(fd, buffer, 0, n, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Why `file` is not a usable congso SQLite database, or null when it is. */
export function sqliteBackupProblem(file: string): string | null {
  if (!firstBytes(file, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'))) return 'it is not an SQLite database';
  const conn = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const migrations = conn.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (migrations === undefined) return 'it is not a congso database (no kysely_migration table)';
    const check = conn.pragma('quick_check', { simple: true });
    if (check !== 'ok') return `it is damaged (quick_check: ${String(check)})`;
    return null;
  } finally {
    conn.close();
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'replace the database with a backup',
  help: `Usage: congso restore FILE [--force]

Replaces the database of DATABASE_URL with the backup in FILE (made by \`congso backup\`).
Stop the server first: a running server would keep using the old data.
  SQLite:     FILE must be a congso SQLite database (it has the kysely_migration table and passes
              SQLite's quick_check). It is copied beside the database and renamed over it, so the
              database file is replaced in one step. Refuses while the database seems open by another
              process (its -shm file exists) unless --force is given.
  PostgreSQL: FILE must be a pg_dump custom-format archive; pg_restore --clean --if-exists runs it in a
              single transaction (nothing changes if it fails). pg_restore must be on PATH.
Run \`congso migrate\` afterwards when the backup is older than the installed version.

Exit status: 0 on success; 1 when FILE is refused or the restore fails; 2 for bad options.`,
  async run(args, config) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
    } catch (err) {
      console.error(`congso restore: ${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    const [source, ...extra] = parsed.positionals;
    if (source === undefined || extra.length > 0) {
      console.error('congso restore: give exactly one FILE');
      return 2;
    }
    const file = path.resolve(source);
    if (!existsSync(file)) {
      console.error(`congso restore: ${file} does not exist`);
      return 1;
    }
    if (config.database.kind === 'sqlite') {
      const problem = sqliteBackupProblem(file);
      if (problem !== null) {
        console.error(`congso restore: refusing ${file}: ${problem}`);
        return 1;
      }
      const target = config.database.file;
      if (existsSync(`${target}-shm`) && parsed.values.force !== true) {
        console.error(`congso restore: ${target} seems to be open by another process (${target}-shm exists); stop the server, or use --force`);
        return 1;
      }
      const incoming = `${target}.restoring`;
      copyFileSync(file, incoming);
      fsyncFile(incoming);
      // The old database's write-ahead log must not be replayed onto the restored file.
      rmSync(`${target}-wal`, { force: true });
      rmSync(`${target}-shm`, { force: true });
      renameSync(incoming, target);
    } else {
      if (!firstBytes(file, 5).equals(Buffer.from('PGDMP'))) {
        console.error(`congso restore: refusing ${file}: it is not a pg_dump custom-format archive`);
        return 1;
      }
      try {
        const result = await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', config.database.url, file]);
        if (result.code !== 0) {
          console.error(`congso restore: pg_restore failed (exit ${result.code}); the database is unchanged: ${result.stderr.trim()}`);
          return 1;
        }
      } catch (err) {
        if (err instanceof MissingToolError) {
          console.error(`congso restore: ${err.message}`);
          return 1;
        }
        throw err;
      }
    }
    console.log(`restored ${file}`);
    return 0;
  },
};
