/** Cover images of articles: each revision names its cover by content hash, with its text alternative. */
import type { AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('article_revisions').addColumn('cover_sha256', 'text').execute();
  await db.schema.alterTable('article_revisions').addColumn('cover_alt', 'text').execute();
}
