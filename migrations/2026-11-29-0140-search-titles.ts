/**
 * The search ranks documents whose title holds every searched word or phrase first, by how well the
 * title matches, over all matches (not a recent window): a second, small index over the folded titles.
 * - SQLite: a contentless FTS5 table `search_titles` keyed by search_documents.id, with the filter
 *   columns as UNINDEXED values like search_fts (bm25 over titles reads short doclists only);
 * - PostgreSQL: a narrow table `search_titles` (id, the filter columns and the title's tsvector in the
 *   'simple' configuration, GIN-indexed), so ranking the title matches never reads the wide rows of
 *   search_documents; and the body's `tsv` is kept in the row (storage main), so checking a match while
 *   reading the newest documents does not fetch it from TOAST.
 */
import { sql } from 'kysely';
import { isSqlite, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    await sql`create virtual table search_titles using fts5(folded_title, doc_type unindexed, category_id unindexed, published_at unindexed, content='', contentless_delete=1, contentless_unindexed=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    await sql`insert into search_titles (rowid, folded_title, doc_type, category_id, published_at) select id, folded_title, doc_type, category_id, published_at from search_documents`.execute(db);
  } else {
    await db.schema
      .createTable('search_titles')
      .addColumn('id', 'integer', (c) => c.primaryKey().references('search_documents.id').onDelete('cascade'))
      .addColumn('doc_type', 'text', (c) => c.notNull())
      .addColumn('category_id', 'integer')
      .addColumn('published_at', sql`timestamptz`)
      .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`insert into search_titles (id, doc_type, category_id, published_at, tsv) select id, doc_type, category_id, published_at, to_tsvector('simple', folded_title) from search_documents`.execute(db);
    await sql`create index search_titles_tsv on search_titles using gin (tsv)`.execute(db);
    await sql`alter table search_documents alter column tsv set storage main`.execute(db);
    // Rewrites tsv under its new storage.
    await sql`update search_documents set tsv = tsv || ''::tsvector`.execute(db);
  }
}
