/**
 * Dialect branches for migrations, kept in one place. Migrations import only this file and Kysely,
 * never application code, so that an old migration keeps its meaning when the app changes.
 */
import { sql, SqliteAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

// Migrations see the database as it was at their time, not the app's current schema type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export const isSqlite = (db: AnyDb): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** Adds an integer surrogate key: AUTOINCREMENT in SQLite (ids never reused), an identity column in PostgreSQL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, any>): CreateTableBuilder<T, any> {
  return isSqlite(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

/** A point in time: text ISO-8601 UTC in SQLite, timestamptz in PostgreSQL. */
export const timestamp = (db: AnyDb) => (isSqlite(db) ? sql`text` : sql`timestamptz`);
/** A calendar date `YYYY-MM-DD`: text in SQLite, date in PostgreSQL. */
export const date = (db: AnyDb) => (isSqlite(db) ? sql`text` : sql`date`);
/** Decimal figures (statistics, money): real in SQLite, numeric in PostgreSQL. */
export const decimal = (db: AnyDb) => (isSqlite(db) ? sql`real` : sql`numeric`);
