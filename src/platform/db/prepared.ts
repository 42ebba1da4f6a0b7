/**
 * Queries built and compiled once, then run with new values: for the few reads on a hot path (a
 * public page rendered per request). Building and compiling a Kysely query with joins costs more
 * than SQLite takes to run it (40–80 µs against 10–40 µs for the article page's queries), and the
 * query's shape never changes: only its values do.
 *
 * The builder is called once per SQL dialect with placeholders in place of its arguments. Each
 * argument must reach the query as a plain value (`where(col, '=', arg)`, `limit(arg)`): a builder
 * that inspects an argument, or passes a list to `in`, cannot be prepared, and one that does not
 * bind every argument is refused when it is first compiled.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Db } from './index.ts';
import type { Database } from './schema.ts';

type Scalar = string | number | null;

/** Where a compiled parameter comes from: the n-th argument, or a value fixed in the query. */
type Slot = { readonly arg: number } | { readonly value: unknown };

interface Prepared {
  readonly template: CompiledQuery;
  readonly slots: readonly Slot[];
}

const MARK = '\u{1F}congso-arg-';
const placeholder = (i: number): string => `${MARK}${i}\u{1F}`;
/** The argument number of a parameter that is a whole placeholder, else undefined. */
function argumentOf(p: unknown): number | undefined {
  if (typeof p !== 'string' || !p.startsWith(MARK) || !p.endsWith('\u{1F}')) return undefined;
  const digits = p.slice(MARK.length, -1);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

function compileTemplate(db: Kysely<Database>, build: (db: Db, ...args: string[]) => Compilable<unknown>, arity: number): Prepared {
  const template = build(db, ...Array.from({ length: arity }, (_, i) => placeholder(i))).compile();
  if (template.sql.includes(MARK)) throw new Error(`prepared query: an argument was written into the SQL text instead of bound: ${template.sql}`);
  const bound = new Set<number>();
  const slots = template.parameters.map((p): Slot => {
    const arg = argumentOf(p);
    if (arg !== undefined) {
      bound.add(arg);
      return { arg };
    }
    if (typeof p === 'string' && p.includes(MARK)) throw new Error(`prepared query: an argument was changed before it was bound: ${template.sql}`);
    return { value: p };
  });
  if (bound.size !== arity) throw new Error(`prepared query: ${arity - bound.size} of its ${arity} arguments are not bound as values: ${template.sql}`);
  return { template, slots };
}

/**
 * SQL texts of prepared queries, with a statement name for PostgreSQL: its clients (db/index.ts) send
 * these as named statements, parsed and planned once per connection instead of on every run. Bounded
 * by the number of prepared() queries in the code.
 */
export const namedStatements = new Map<string, string>();

/** Runs a named statement outside a transaction: PostgreSQL's pipelined reads (pipelined-reads.ts). */
export type DirectReader = (name: string, sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

/**
 * Databases whose prepared() reads outside a transaction skip Kysely's connection handling. Only a
 * database created by createDb is registered (no plugins, so the rows need no transforming); a
 * transaction is another Kysely instance and is never found here.
 */
const directReaders = new WeakMap<Db, DirectReader>();
export function readPreparedDirectly(db: Db, reader: DirectReader): void {
  directReaders.set(db, reader);
}

/**
 * A read query prepared once per dialect (keyed by the dialect's adapter, which a transaction shares
 * with its database). Returns the rows, typed as the builder's.
 */
export function prepared<A extends readonly Scalar[], O>(build: (db: Db, ...args: A) => Compilable<O>): (db: Db, ...args: A) => Promise<O[]> {
  const byAdapter = new WeakMap<object, Prepared>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let p = byAdapter.get(adapter);
    if (p === undefined) {
      // The placeholders stand in for the arguments only while the query is built.
      p = compileTemplate(db, build as unknown as (db: Db, ...args: string[]) => Compilable<unknown>, args.length);
      byAdapter.set(adapter, p);
      if (!namedStatements.has(p.template.sql)) namedStatements.set(p.template.sql, `congso_${namedStatements.size + 1}`);
    }
    const parameters = p.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    const direct = directReaders.get(db);
    if (direct !== undefined) return direct(namedStatements.get(p.template.sql)!, p.template.sql, parameters) as Promise<O[]>;
    const result = await db.executeQuery<O>({ ...p.template, parameters } as CompiledQuery<O>);
    return result.rows;
  };
}
