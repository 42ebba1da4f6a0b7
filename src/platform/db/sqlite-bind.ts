/**
 * Keeps SQLite from preparing a statement again each time it runs.
 *
 * SQLite's planner looks at the value bound to a parameter in a few places: a `LIMIT ?`, an equality
 * in a join compared against 0 or 1 (to guess how many rows match), a `LIKE ?` prefix, STAT4
 * samples. It then marks the parameter so that binding a value to it expires the statement, and the
 * next step parses and plans the statement again (sqlite3VdbeReprepareOnBind in sqlite3.c). Kysely
 * binds every value, so a cached statement with a limit or a join was parsed and planned again on
 * every run: 20–100 µs each, several times the cost of running it (a two-table join by key: 22 µs,
 * against 6 µs for the same join with `+?`). SQLite's switch for this (SQLITE_DBCONFIG_ENABLE_QPSG)
 * is not reachable through better-sqlite3.
 *
 * A unary plus in front of a parameter changes nothing in the value, its affinity or the use of an
 * index by `column = +?`, but the planner no longer looks through it: the plan is made once, like a
 * plan for any value, and the prepared statement is reused as it is.
 */

/** `sql` with `+` before each `?` parameter outside string literals, quoted identifiers and comments. */
export function withStableParameters(sql: string): string {
  if (!sql.includes('?')) return sql;
  let out = '';
  let from = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`') {
      // A quoted string or identifier; a doubled quote is an escaped quote inside it.
      i++;
      while (i < n && !(sql[i] === c && sql[i + 1] !== c)) i += sql[i] === c ? 2 : 1;
      i++;
    } else if (c === '[') {
      const end = sql.indexOf(']', i + 1);
      i = end === -1 ? n : end + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i + 2);
      i = end === -1 ? n : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === '?') {
      // The mark goes before the parameter; the parameter itself (with the digits of ?NNN) is copied as it is.
      out += `${sql.slice(from, i)}+`;
      from = i;
      i++;
    } else i++;
  }
  return out + sql.slice(from);
}
