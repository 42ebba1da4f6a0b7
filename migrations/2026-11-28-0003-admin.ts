/** Administration: folded names for user search, and indexes for the audit log viewer's filters. */
import type { AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  // Users are searched without diacritics (đ→d included), which neither engine does on its own;
  // the folded text is kept beside the user and refreshed when the name or email it came from changes.
  await db.schema
    .createTable('user_search_names')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('folded', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'at']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();
  await db.schema.createIndex('user_roles_agency').on('user_roles').columns(['agency_id', 'user_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('user_roles_agency').execute();
  await db.schema.dropIndex('audit_log_action').execute();
  await db.schema.dropIndex('audit_log_actor').execute();
  await db.schema.dropIndex('audit_log_at').execute();
  await db.schema.dropTable('user_search_names').execute();
}
