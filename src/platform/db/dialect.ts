/**
 * Every difference between SQLite and PostgreSQL that application code must know about lives here.
 * Migrations have their own copy in migrations/_lib (a migration must not import app code).
 */
import { sql, type RawBuilder } from 'kysely';
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
