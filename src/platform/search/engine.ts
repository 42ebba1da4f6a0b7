/**
 * The portal's one search: modules index their public documents (`indexDocument`), take them out
 * (`removeDocument`) and everyone queries through `searchDocuments`. Text is folded here, in our
 * code, on the way in and on the way out, so SQLite and PostgreSQL match identically
 * ("doan cong tac" finds "Đoàn công tác"), whatever the server locale.
 *
 * Ranking, over every match (no window of recent documents): first the documents whose title holds
 * every searched word and phrase, by how well the title matches (bm25 / ts_rank on the title alone),
 * then by publication time; then the other matches, most recently indexed first. Scoring the bodies
 * of all matches is what made a common query slow (every word of the generated corpus is in half its
 * articles, and bm25 reads each term's whole doclist for its idf): titles are short, so their index
 * ranks all its matches in a few milliseconds, and the body matches are read newest first only as far
 * as the page shown.
 *
 * The dialect branches of the search live in this file only:
 * - SQLite: contentless FTS5 tables `search_fts` (title and body; migrations 0010, 0015) and
 *   `search_titles` (title only; 2026-11-29-0140), keyed by search_documents.id, holding the filter
 *   columns too;
 * - PostgreSQL: the `tsvector` column `tsv` of search_documents (title and body) and the narrow table
 *   `search_titles` (title only; 0140), with the 'simple' configuration and GIN indexes.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import { isSqliteDb, nowIso } from '../db/dialect.ts';
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
  /** Exact below COUNT_CAP; COUNT_CAP means "more than COUNT_CAP - 1" (see totalIsLowerBound). */
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
 * Matches are counted up to this many (the page then says "more than 2,000"): counting every match
 * of a very common word reads the whole index, which would cost more than the search itself.
 */
export const COUNT_CAP = 2001;
/**
 * Title matches are ranked by relevance up to this many; a query whose words are all in more titles
 * than that (only the commonest syllables are) shows its title matches most recently indexed first.
 */
export const TITLE_RANKED = 2000;
// A body longer than this is indexed by its beginning only: PostgreSQL refuses tsvectors over 1 MB.
const MAX_INDEXED_CHARS = 200_000;

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
  if (isSqliteDb(db)) {
    const { id } = await db
      .insertInto('search_documents')
      .values(row)
      .onConflict((oc) => oc.columns(['doc_type', 'doc_id']).doUpdateSet(row))
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`delete from search_fts where rowid = ${id}`.execute(db);
    await sql`delete from search_titles where rowid = ${id}`.execute(db);
    await sql`insert into search_fts (rowid, folded_title, folded_body, doc_type, category_id, published_at) values (${id}, ${row.folded_title}, ${row.folded_body}, ${row.doc_type}, ${row.category_id}, ${row.published_at})`.execute(db);
    await sql`insert into search_titles (rowid, folded_title, doc_type, category_id, published_at) values (${id}, ${row.folded_title}, ${row.doc_type}, ${row.category_id}, ${row.published_at})`.execute(db);
    return;
  }
  // One row version with its tsvector (an insert followed by an update would leave a dead version of
  // every document, which the newest-first walk of a search then reads past).
  const columns = Object.keys(row) as (keyof typeof row)[];
  const { rows } = await sql<{ id: number }>`insert into search_documents (${sql.join(columns.map((c) => sql.ref(c)))}, tsv)
    values (${sql.join(columns.map((c) => sql`${row[c]}`))}, setweight(to_tsvector('simple', ${row.folded_title}), 'A') || setweight(to_tsvector('simple', ${row.folded_body}), 'B'))
    on conflict (doc_type, doc_id) do update set ${sql.join(columns.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}, tsv = excluded.tsv
    returning id`.execute(db);
  const id = rows[0]!.id;
  await sql`insert into search_titles (id, doc_type, category_id, published_at, tsv) values (${id}, ${row.doc_type}, ${row.category_id}, ${row.published_at}, to_tsvector('simple', ${row.folded_title}))
    on conflict (id) do update set doc_type = excluded.doc_type, category_id = excluded.category_id, published_at = excluded.published_at, tsv = excluded.tsv`.execute(db);
}

/** Takes a document out of the index (unpublished, deleted); nothing happens when it is not there. */
export async function removeDocument(db: Db, type: string, id: string | number): Promise<void> {
  const row = await db.selectFrom('search_documents').select('id').where('doc_type', '=', type).where('doc_id', '=', String(id)).executeTakeFirst();
  if (row === undefined) return;
  if (isSqliteDb(db)) {
    await sql`delete from search_fts where rowid = ${row.id}`.execute(db);
    await sql`delete from search_titles where rowid = ${row.id}`.execute(db);
  }
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
  const { titleIds, total, bodyIds } = isSqliteDb(db) ? await sqliteMatches(db, query, parsed, offset, pageSize) : await postgresMatches(db, query, parsed, offset, pageSize);
  if (total === 0) return empty;
  const ids = [...titleIds, ...bodyIds];
  const byId = new Map(
    ids.length === 0
      ? []
      : (await sql<HitRow & { id: number }>`select id, doc_type, doc_id, title, body, url, published_at from search_documents where id in (${sql.join(ids.map((i) => sql`${i}`))})`.execute(db)).rows.map((r) => [Number(r.id), r] as const),
  );
  const rows = ids.map((i) => byId.get(i)).filter((r): r is HitRow & { id: number } => r !== undefined);
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

interface Matches {
  /** Matches with every term and phrase in the title (exact). */
  readonly titleTotal: number;
  /** The page's part of the title matches, best first. */
  readonly titleIds: readonly number[];
  /** All matches, counted up to COUNT_CAP (never below titleTotal). */
  readonly total: number;
  /** The page's part of the other matches, most recently indexed first. */
  readonly bodyIds: readonly number[];
}

/** Where the page falls: `skip` rows of the title tier, then the rest of the page from the body tier. */
function split(titleTotal: number, offset: number, pageSize: number): { titleTake: number; bodySkip: number; bodyTake: number } {
  const titleTake = Math.max(0, Math.min(pageSize, titleTotal - offset));
  return { titleTake, bodySkip: Math.max(0, offset - titleTotal), bodyTake: pageSize - titleTake };
}

async function sqliteMatches(db: Db, query: SearchQuery, parsed: ParsedQuery, offset: number, pageSize: number): Promise<Matches> {
  const match = toFts5(parsed);
  const and = (table: string): RawBuilder<unknown> => {
    const where = filters(query, table);
    return where.length === 0 ? sql`` : sql` and ${sql.join(where, sql` and `)}`;
  };
  const count = async (table: 'search_fts' | 'search_titles', cap: number | null): Promise<number> =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from (select 1 from ${sql.table(table)} where ${sql.table(table)} match ${match}${and(table)}${cap === null ? sql`` : sql` limit ${cap}`})`.execute(db)).rows[0]?.n ?? 0,
    );
  // Counted in rowid order, which FTS5 reads without buffering: a capped count is a short walk.
  const total = await count('search_fts', COUNT_CAP);
  if (total === 0) return { titleTotal: 0, titleIds: [], total: 0, bodyIds: [] };
  let titleTotal = await count('search_titles', TITLE_RANKED + 1);
  // The body tier starts after the whole title tier: its exact size is needed only past the ranked part.
  if (titleTotal > TITLE_RANKED && offset + pageSize > TITLE_RANKED) titleTotal = await count('search_titles', null);
  const { titleTake, bodySkip, bodyTake } = split(titleTotal, offset, pageSize);
  const order = titleTotal <= TITLE_RANKED ? sql`bm25(search_titles), published_at desc, rowid desc` : sql`rowid desc`;
  const titleIds =
    titleTake === 0
      ? []
      : (await sql<{ id: number }>`select rowid as id from search_titles where search_titles match ${match}${and('search_titles')}
          order by ${order} limit ${titleTake} offset ${offset}`.execute(db)).rows.map((r) => Number(r.id));
  const bodyIds =
    bodyTake === 0
      ? []
      : (await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${match}${and('search_fts')}
          and rowid not in (select rowid from search_titles where search_titles match ${match})
          order by rowid desc limit ${bodyTake} offset ${bodySkip}`.execute(db)).rows.map((r) => Number(r.id));
  return { titleTotal, titleIds, total: Math.max(total, Math.min(titleTotal, COUNT_CAP)), bodyIds };
}

async function postgresMatches(db: Db, query: SearchQuery, parsed: ParsedQuery, offset: number, pageSize: number): Promise<Matches> {
  const tsq = toTsquery(parsed);
  const and = (table: string): RawBuilder<unknown> => {
    const where = filters(query, table);
    return where.length === 0 ? sql`` : sql` and ${sql.join(where, sql` and `)}`;
  };
  const counted = (table: 'search_documents' | 'search_titles', cap: number | null): RawBuilder<string> =>
    sql<string>`(select count(*) from (select 1 from ${sql.table(table)} d where d.tsv @@ to_tsquery('simple', ${tsq})${and('d')}${cap === null ? sql`` : sql` limit ${cap}`}) as m)`;
  const count = async (table: 'search_documents' | 'search_titles', cap: number | null): Promise<number> =>
    Number((await sql<{ n: string }>`select ${counted(table, cap)} as n`.execute(db)).rows[0]?.n ?? 0);
  // Both capped counts in one round trip.
  const counts = (await sql<{ total: string; titled: string }>`select ${counted('search_documents', COUNT_CAP)} as total, ${counted('search_titles', TITLE_RANKED + 1)} as titled`.execute(db)).rows[0];
  const total = Number(counts?.total ?? 0);
  if (total === 0) return { titleTotal: 0, titleIds: [], total: 0, bodyIds: [] };
  let titleTotal = Number(counts?.titled ?? 0);
  if (titleTotal > TITLE_RANKED && offset + pageSize > TITLE_RANKED) titleTotal = await count('search_titles', null);
  const { titleTake, bodySkip, bodyTake } = split(titleTotal, offset, pageSize);
  const order = titleTotal <= TITLE_RANKED ? sql`ts_rank(t.tsv, to_tsquery('simple', ${tsq}), 1) desc, t.published_at desc nulls last, t.id desc` : sql`t.id desc`;
  const titleIds =
    titleTake === 0
      ? []
      : (await sql<{ id: number }>`select t.id from search_titles t where t.tsv @@ to_tsquery('simple', ${tsq})${and('t')}
          order by ${order} limit ${titleTake} offset ${offset}`.execute(db)).rows.map((r) => Number(r.id));
  const bodyIds =
    bodyTake === 0
      ? []
      : (await sql<{ id: number }>`select d.id from search_documents d where d.tsv @@ to_tsquery('simple', ${tsq})${and('d')}
          and not exists (select 1 from search_titles t where t.id = d.id and t.tsv @@ to_tsquery('simple', ${tsq}))
          order by d.id desc limit ${bodyTake} offset ${bodySkip}`.execute(db)).rows.map((r) => Number(r.id));
  return { titleTotal, titleIds, total: Math.max(total, Math.min(titleTotal, COUNT_CAP)), bodyIds };
}
