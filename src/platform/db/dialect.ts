/**
 * Every difference between SQLite and PostgreSQL that application code must know about lives here.
 * Migrations have their own copy in migrations/_lib (a migration must not import app code).
 */
import { SqliteAdapter, sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { DatabaseConfig } from '../../config/index.ts';

export type DialectName = DatabaseConfig['kind'];

/**
 * Conventions shared by both engines, so that query results have one shape:
 * - timestamps are ISO-8601 UTC strings (`timestamptz` in PostgreSQL, parsed back to strings in db/index.ts);
 * - calendar dates are `YYYY-MM-DD` strings (`date` in PostgreSQL, also parsed to strings);
 * - flags are integers 0/1 (SQLite has no boolean and better-sqlite3 cannot bind one);
 * - JSON is stored as text and parsed by the code that owns it.
 */
export const nowIso = (): string => new Date().toISOString();

/** Case-sensitive substring match on already folded text (LIKE is case-insensitive only for ASCII in SQLite). */
export function containsFolded(column: string, foldedNeedle: string): RawBuilder<boolean> {
  const escaped = foldedNeedle.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`${sql.ref(column)} like ${`%${escaped}%`} escape '\\'`;
}

/** COUNT(*) as a JavaScript number: PostgreSQL returns bigint counts as strings. */
export const countAll = (): RawBuilder<number> => sql<number>`cast(count(*) as integer)`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's schema
export const isSqliteDb = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * A subquery's rows as one JSON array column (json_group_array in SQLite, json_agg in PostgreSQL),
 * for reading a row and its few children in one statement. Read it back with `jsonRows`.
 * Values come back as JSON has them: timestamps in PostgreSQL's text form, not ISO strings.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query's rows
export function jsonArrayOf<O>(isSqlite: boolean, subquery: SelectQueryBuilder<any, any, O>): RawBuilder<O[]> {
  return (isSqlite ? sqliteJsonArrayFrom(subquery) : pgJsonArrayFrom(subquery)) as unknown as RawBuilder<O[]>;
}

/** The rows of a `jsonArrayOf` column: text in SQLite, already parsed by pg in PostgreSQL. */
export const jsonRows = <O>(value: O[] | string): O[] => (typeof value === 'string' ? (JSON.parse(value) as O[]) : value);
