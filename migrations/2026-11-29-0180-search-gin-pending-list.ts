/**
 * PostgreSQL adds new entries of a GIN index to a pending list that every search scans in full until
 * a vacuum (or a list of 4 MB, the default limit) moves them into the index proper. After an import
 * of 100,000 articles the title index's list held 22,000 entries on 435 pages, and each search spent
 * 7 ms of its 33 reading it (p95 45 ms; 21 ms with the list emptied). A limit of 64 kB keeps the list
 * a few pages long: inserts move it into the index in small batches as they go.
 * SQLite's FTS5 tables have no such list: nothing to do there.
 */
import { sql } from 'kysely';
import { isSqlite, type AnyDb } from './_lib/index.ts';

const INDEXES = ['search_documents_tsv', 'search_titles_tsv'];

export async function up(db: AnyDb): Promise<void> {
  if (isSqlite(db)) return;
  for (const index of INDEXES) {
    await sql`alter index ${sql.table(index)} set (gin_pending_list_limit = 64)`.execute(db);
    await sql`select gin_clean_pending_list(${index}::regclass)`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) return;
  for (const index of INDEXES) await sql`alter index ${sql.table(index)} reset (gin_pending_list_limit)`.execute(db);
}
