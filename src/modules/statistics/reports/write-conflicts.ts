/** Recognises the database refusing a write because of another one made at the same moment. */

/** A row that a unique index or constraint forbids: PostgreSQL SQLSTATE 23505; better-sqlite3 "UNIQUE constraint failed". */
export const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; message?: string };
  return e.code === '23505' || /UNIQUE constraint failed/.test(e.message ?? '');
};

/** PostgreSQL aborted this transaction to break a deadlock (SQLSTATE 40P01); SQLite has a single writer and none. */
export const isDeadlock = (err: unknown): boolean => (err as { code?: string }).code === '40P01';
