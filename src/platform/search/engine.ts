/**
 * The portal's one search: modules index their public documents (`indexDocument`), take them out
 * (`removeDocument`) and everyone queries through `searchDocuments`. Text is folded here, in our
 * code, on the way in and on the way out, so SQLite and PostgreSQL match identically
 * ("doan cong tac" finds "Đoàn công tác"), whatever the server locale.
 *
 * The dialect branches of the search live in this file only:
 * - SQLite: a contentless FTS5 table `search_fts` keyed by search_documents.id, holding the filter
 *   columns too (migration 0015), ranked by bm25();
 * - PostgreSQL: a `tsvector` column with the 'simple' configuration and a GIN index, ranked by ts_rank().
 */
import { sql, SqliteAdapter, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import { fold } from '../text/fold.ts';
import { parseQuery, toFts5, toTsquery, type ParsedQuery } from './parse-query.ts';
import { snippet } from './snippet.ts';

export interface SearchDocument {
  readonly type: string;
  readonly id: string | number;
  readonly title: string;
  /** Plain text (no HTML): what the snippet is cut from. */
  readonly body: string;
  readonly url: string;
  readonly publishedAt: string | null;
  readonly categoryId?: number | null;
}

export interface SearchQuery {
  readonly q: string;
  readonly types?: readonly string[];
  readonly category?: number | readonly number[] | null;
  /** Inclusive bounds on the publication instant (ISO strings). */
  readonly from?: string | null;
  readonly to?: string | null;
  /** 1-based. */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface SearchHit {
  readonly type: string;
  readonly id: string;
  readonly title: string;
  readonly url: string;
  /** HTML: escaped original text with the matched words in <mark>. */
  readonly snippet: string;
  readonly publishedAt: string | null;
}

export interface SearchResults {
  /** Exact up to RANK_CANDIDATES; COUNT_CAP means "more than RANK_CANDIDATES" (see totalIsLowerBound). */
  readonly total: number;
  readonly totalIsLowerBound: boolean;
  readonly page: number;
  readonly pageSize: number;
  readonly results: readonly SearchHit[];
  /** The query as understood: folded terms and phrases (empty when nothing searchable was typed). */
  readonly terms: readonly string[];
  /** True when the query was longer than the engine considers and was cut. */
  readonly truncated: boolean;
}

export const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;
const MAX_PAGE = 1000;
/**
 * How many matches are scored at most: beyond, the most recently indexed are ranked. Scoring is
 * most of a common query's cost (bm25 and ts_rank read every candidate's positions); 500 keeps
 * two- and three-word queries over 100,000 articles within the issue's latency goal.
 */
export const RANK_CANDIDATES = 500;
/**
 * Matches are counted up to this many (the page then says "more than 2,000"): counting every match
 * of a very common word reads the whole index, which would cost more than the search itself.
 */
export const COUNT_CAP = 2001;
/** A bound on the rows scored in one SQLite query (the span of the candidates may hold other types). */
const MAX_SCORED = 1_000_000;
// A body longer than this is indexed by its beginning only: PostgreSQL refuses tsvectors over 1 MB.
const MAX_INDEXED_CHARS = 200_000;

const isSqliteDb = (db: Db): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** Folded words separated by single spaces: the one tokenisation both engines see. */
export const foldForIndex = (text: string): string => (fold(text.slice(0, MAX_INDEXED_CHARS)).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/** Adds or replaces a document in the index. Call it in the transaction that publishes the document. */
export async function indexDocument(db: Db, doc: SearchDocument): Promise<void> {
  const row = {
    doc_type: doc.type,
    doc_id: String(doc.id),
    title: doc.title,
    body: doc.body.slice(0, MAX_INDEXED_CHARS),
    url: doc.url,
    published_at: doc.publishedAt,
    category_id: doc.categoryId ?? null,
    folded_title: foldForIndex(doc.title),
    folded_body: foldForIndex(doc.body),
    indexed_at: nowIso(),
  };
  const { id } = await db
    .insertInto('search_documents')
    .values(row)
    .onConflict((oc) => oc.columns(['doc_type', 'doc_id']).doUpdateSet(row))
    .returning('id')
    .executeTakeFirstOrThrow();
  if (isSqliteDb(db)) {
    await sql`delete from search_fts where rowid = ${id}`.execute(db);
    await sql`insert into search_fts (rowid, folded_title, folded_body, doc_type, category_id, published_at) values (${id}, ${row.folded_title}, ${row.folded_body}, ${row.doc_type}, ${row.category_id}, ${row.published_at})`.execute(db);
  } else {
    await sql`update search_documents set tsv = setweight(to_tsvector('simple', folded_title), 'A') || setweight(to_tsvector('simple', folded_body), 'B') where id = ${id}`.execute(db);
  }
}

/** Takes a document out of the index (unpublished, deleted); nothing happens when it is not there. */
export async function removeDocument(db: Db, type: string, id: string | number): Promise<void> {
  const row = await db.selectFrom('search_documents').select('id').where('doc_type', '=', type).where('doc_id', '=', String(id)).executeTakeFirst();
  if (row === undefined) return;
  if (isSqliteDb(db)) await sql`delete from search_fts where rowid = ${row.id}`.execute(db);
  await db.deleteFrom('search_documents').where('id', '=', row.id).execute();
}

/** Filter conditions on the columns of `table` (search_fts on SQLite, search_documents on PostgreSQL). */
function filters(query: SearchQuery, table: string): RawBuilder<unknown>[] {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const where: RawBuilder<unknown>[] = [];
  if (query.types !== undefined && query.types.length > 0) where.push(sql`${col('doc_type')} in (${sql.join(query.types.map((t) => sql`${t}`))})`);
  const categories = query.category === undefined || query.category === null ? [] : typeof query.category === 'number' ? [query.category] : query.category;
  if (categories.length > 0) where.push(sql`${col('category_id')} in (${sql.join(categories.map((c) => sql`${c}`))})`);
  if (query.from !== undefined && query.from !== null) where.push(sql`${col('published_at')} >= ${query.from}`);
  if (query.to !== undefined && query.to !== null) where.push(sql`${col('published_at')} <= ${query.to}`);
  return where;
}

interface HitRow {
  doc_type: string;
  doc_id: string;
  title: string;
  body: string;
  url: string;
  published_at: string | null;
}

/** Runs a query: relevance first (title weighs more than body), then the most recent. */
export async function searchDocuments(db: Db, query: SearchQuery): Promise<SearchResults> {
  const parsed: ParsedQuery = parseQuery(query.q);
  const pageSize = Math.min(Math.max(1, Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
  const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), MAX_PAGE);
  const terms = parsed.groups.map((g) => g.join(' '));
  const empty = { total: 0, totalIsLowerBound: false, page, pageSize, results: [], terms, truncated: parsed.truncated };
  if (parsed.groups.length === 0) return empty;

  const offset = (page - 1) * pageSize;
  let total: number;
  let rows: HitRow[];
  if (isSqliteDb(db)) {
    const match = toFts5(parsed);
    const where = sql.join([sql`search_fts match ${match}`, ...filters(query, 'search_fts')], sql` and `);
    // One walk of the doclists (FTS5 reads them in rowid order, newest first here, without scoring)
    // gives both the capped count and, past RANK_CANDIDATES matches, the oldest rowid still ranked.
    const newest = (await sql<{ id: number }>`select rowid as id from search_fts where ${where} order by rowid desc limit ${COUNT_CAP}`.execute(db)).rows;
    total = newest.length;
    if (total === 0) return empty;
    // Ranked inside the FTS table (bm25() is lower for better matches; the title weighs five times the
    // body), then only the page's documents are read. A query matching a large part of the corpus
    // would score every match: past RANK_CANDIDATES matches only the most recently indexed are ranked,
    // and in any case only the rowid span of the filtered matches is scored.
    const edge = newest[Math.min(total, RANK_CANDIDATES) - 1]!;
    // The filters are applied outside a subquery that SQLite does not flatten (it has a LIMIT): inside,
    // a constraint on an UNINDEXED column stops FTS5 from using the rowid bound, and every match of
    // the whole index would be scored (about four times slower on 100,000 articles).
    const outer = filters(query, 'c');
    const ranked = (
      await sql<{ id: number }>`select c.id from (select rowid as id, bm25(search_fts, 5.0, 1.0) as score, doc_type, category_id, published_at from search_fts
        where search_fts match ${match} and rowid >= ${edge.id} limit ${MAX_SCORED}) as c${outer.length === 0 ? sql`` : sql` where ${sql.join(outer, sql` and `)}`}
        order by c.score, c.published_at desc limit ${pageSize} offset ${offset}`.execute(db)
    ).rows;
    const ids = ranked.map((r) => r.id);
    const byId = new Map(
      ids.length === 0
        ? []
        : (await sql<HitRow & { id: number }>`select id, doc_type, doc_id, title, body, url, published_at from search_documents where id in (${sql.join(ids.map((i) => sql`${i}`))})`.execute(db)).rows.map((r) => [r.id, r] as const),
    );
    rows = ids.map((i) => byId.get(i)).filter((r): r is HitRow & { id: number } => r !== undefined);
  } else {
    const tsq = toTsquery(parsed);
    const where = sql.join([sql`d.tsv @@ to_tsquery('simple', ${tsq})`, ...filters(query, 'd')], sql` and `);
    // One index scan gives the capped count and the candidates: as on SQLite, past RANK_CANDIDATES
    // matches only the most recently indexed are scored (ts_rank reads each match's whole tsvector,
    // which is what makes a very common query slow).
    const newest = (await sql<{ id: number }>`select d.id from search_documents d where ${where} order by d.id desc limit ${COUNT_CAP}`.execute(db)).rows;
    total = newest.length;
    if (total === 0) return empty;
    const ids = newest.slice(0, RANK_CANDIDATES).map((r) => Number(r.id));
    rows = (
      await sql<HitRow>`select d.doc_type, d.doc_id, d.title, d.body, d.url, d.published_at from search_documents d where d.id = any(${ids}::integer[])
        order by ts_rank(d.tsv, to_tsquery('simple', ${tsq})) desc, d.published_at desc nulls last limit ${pageSize} offset ${offset}`.execute(db)
    ).rows;
  }
  const words = parsed.groups.flat();
  return {
    total,
    totalIsLowerBound: total >= COUNT_CAP,
    page,
    pageSize,
    terms,
    truncated: parsed.truncated,
    results: rows.map((r) => ({ type: r.doc_type, id: r.doc_id, title: r.title, url: r.url, snippet: snippet(r.body, words), publishedAt: r.published_at })),
  };
}
