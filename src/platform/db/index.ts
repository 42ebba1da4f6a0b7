/** Kysely factory for SQLite (better-sqlite3) and PostgreSQL (pg). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../config/index.ts';
import type { DialectName } from './dialect.ts';
import type { Database } from './schema.ts';
import { withStableParameters } from './sqlite-bind.ts';
import { namedStatements, readPreparedDirectly } from './prepared.ts';
import { PipelinedReads } from './pipelined-reads.ts';

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

/**
 * SQLite has one connection, so one query (or transaction) at a time has it. Kysely's own lock for
 * that wakes every waiter each time it is released, and all but one go back to waiting: with 50
 * requests in flight each query cost some 50 wake-ups (measured: the article page's five queries took
 * 400 µs of CPU under load against 120 µs alone). This driver hands the connection to the next
 * waiter in order instead, one wake-up per query; the adapter tells Kysely not to add its lock.
 */
class ConnectionQueue {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.held = false;
    else next();
  }
}

class QueuedSqliteDriver extends SqliteDriver {
  private readonly queue = new ConnectionQueue();

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.queue.acquire();
    return super.acquireConnection();
  }

  override async releaseConnection(): Promise<void> {
    this.queue.release();
  }
}

class QueuedSqliteAdapter extends TransactionalDdlSqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

class CongsoSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new QueuedSqliteDriver(this.config);
  }

  override createAdapter(): DialectAdapter {
    return new QueuedSqliteAdapter();
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
        stmt = conn.prepare(withStableParameters(sql));
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      } else cache.delete(sql);
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/** Makes a pg client send the SQL of prepared() queries as named statements (see prepared.ts). */
function nameStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = (config: unknown, ...rest: unknown[]): unknown => {
    const name = typeof config === 'string' ? namedStatements.get(config) : undefined;
    if (name === undefined) return query(config, ...rest);
    const [values, callback] = rest;
    return typeof values === 'function' ? query({ name, text: config }, values) : query({ name, text: config, values }, callback);
  };
  client.query = named as typeof client.query;
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
  pool.on('connect', nameStatements);
  // An idle client whose connection the server ends (restart, failover) emits 'error' on the pool;
  // unhandled, it would end the process. The pool drops that client and opens a new one when needed.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const reads = new PipelinedReads(config.url);
  readPreparedDirectly(db, (name, text, values) => reads.query(name, text, values));
  return {
    db,
    dialect: 'postgres',
    sqlite: undefined,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await Promise.all([reads.close(), db.destroy()]);
    },
  };
}
