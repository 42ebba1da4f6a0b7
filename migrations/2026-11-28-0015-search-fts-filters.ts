/**
 * SQLite only: the FTS5 table also keeps the filter and ordering columns (type, category,
 * publication time) as UNINDEXED values (contentless_unindexed, SQLite ≥ 3.47), so a query is
 * ranked inside the FTS table without reading each matching document's row and its large text.
 */
import { sql } from 'kysely';
import { isSqlite, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`drop table search_fts`.execute(db);
  await sql`create virtual table search_fts using fts5(folded_title, folded_body, doc_type unindexed, category_id unindexed, published_at unindexed, content='', contentless_delete=1, contentless_unindexed=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  await sql`insert into search_fts (rowid, folded_title, folded_body, doc_type, category_id, published_at) select id, folded_title, folded_body, doc_type, category_id, published_at from search_documents`.execute(db);
}
