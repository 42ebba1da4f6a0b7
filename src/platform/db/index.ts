/** Kysely factory for SQLite (better-sqlite3) and PostgreSQL (pg). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, type DialectAdapter, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../config/index.ts';
import type { DialectName } from './dialect.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DbHandle {
  readonly db: Db;
  readonly dialect: DialectName;
  /** The underlying better-sqlite3 connection (SQLite only): for online backup and FTS maintenance. */
  readonly sqlite: SQLite.Database | undefined;
  /** Checks that the database answers; throws otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// PostgreSQL returns timestamptz as Date, date as Date, bigint as string; the app works with
// ISO strings and numbers on both engines (see dialect.ts).
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_DATE = 1082;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
pg.types.setTypeParser(PG_TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(PG_TIMESTAMP, (v) => new Date(`${v.replace(' ', 'T')}Z`).toISOString());
pg.types.setTypeParser(PG_DATE, (v) => v);
pg.types.setTypeParser(PG_INT8, (v) => Number(v));
pg.types.setTypeParser(PG_NUMERIC, (v) => Number(v));

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter does not claim it, so its migrator
 * would apply a migration statement by statement; claiming it makes each migration all or nothing.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class CongsoSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('synchronous = NORMAL');
  return conn;
}

/** Prepared statements kept per connection: Kysely prepares every query it runs, and parsing and planning it again is a large share of a short query's time. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, with a least-recently-used cache of prepared statements by SQL
 * text. Reusing one is safe: Kysely runs one query at a time on the SQLite connection (a streamed
 * query holds it until it ends), and SQLite prepares a statement again itself after a schema change.
 */
function withStatementCache(conn: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => conn.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt === undefined) {
        stmt = conn.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      } else cache.delete(sql);
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export function createDb(config: DatabaseConfig, options: { poolSize?: number } = {}): DbHandle {
  if (config.kind === 'sqlite') {
    const conn = openSqlite(config.file);
    const db = new Kysely<Database>({ dialect: new CongsoSqliteDialect({ database: withStatementCache(conn) }) });
    return {
      db,
      dialect: 'sqlite',
      sqlite: conn,
      async ping() {
        conn.prepare('select 1').get();
      },
      async close() {
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: options.poolSize ?? 10 });
  // An idle client whose connection the server ends (restart, failover) emits 'error' on the pool;
  // unhandled, it would end the process. The pool drops that client and opens a new one when needed.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    sqlite: undefined,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await db.destroy();
    },
  };
}
