/**
 * The portal's one search index. Every module indexes its documents here; the text is folded
 * (no diacritics, đ→d, lower case) by the application before it reaches the database, so both
 * engines match the same way whatever their locale or extensions.
 */
import { sql } from 'kysely';
import { isSqlite, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('search_documents'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // Plain text as shown to readers: snippets are cut and highlighted from it.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('published_at', timestamp(db))
    .addColumn('category_id', 'integer')
    .addColumn('folded_title', 'text', (c) => c.notNull())
    .addColumn('folded_body', 'text', (c) => c.notNull())
    .addColumn('indexed_at', timestamp(db), (c) => c.notNull())
    .addUniqueConstraint('search_documents_doc', ['doc_type', 'doc_id'])
    .execute();
  await db.schema.createIndex('search_documents_published').on('search_documents').columns(['published_at']).execute();

  if (isSqlite(db)) {
    // Contentless FTS5 over the folded columns (the text itself lives in search_documents);
    // contentless_delete lets a document be removed by rowid alone (SQLite ≥ 3.43).
    await sql`create virtual table search_fts using fts5(folded_title, folded_body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  } else {
    // 'simple' configuration: no stemming and no stop words, the folding is already done.
    await sql`alter table search_documents add column tsv tsvector`.execute(db);
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  }
}
