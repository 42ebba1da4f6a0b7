/**
 * Related articles chosen by the editor: each revision keeps the ids it points to (comma-separated,
 * in the editor's order), so restoring a revision restores its choice too.
 */
import type { AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('article_revisions').addColumn('related_ids', 'text', (c) => c.notNull().defaultTo('')).execute();
}
