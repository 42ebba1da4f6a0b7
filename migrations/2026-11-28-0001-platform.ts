/** Platform tables: organisation model, accounts, sessions, audit, portal pages, outbox and jobs. */
import { sql } from 'kysely';
import { date, isSqlite, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  const day = date(db);

  await withId(db, db.schema.createTable('admin_units'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('unit_type', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('admin_units.id'))
    .addColumn('valid_from', day, (c) => c.notNull())
    .addColumn('valid_to', day)
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addUniqueConstraint('admin_units_structure_level_code', ['structure', 'level', 'code'])
    .execute();
  await db.schema.createIndex('admin_units_parent').on('admin_units').column('parent_id').execute();

  await withId(db, db.schema.createTable('admin_unit_successions'))
    .addColumn('old_unit_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('new_unit_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('merge_type', 'text', (c) => c.notNull())
    .addColumn('n_targets', 'integer', (c) => c.notNull())
    .addColumn('effective_on', day, (c) => c.notNull())
    .addUniqueConstraint('admin_unit_successions_pair', ['old_unit_id', 'new_unit_id'])
    .execute();
  await db.schema.createIndex('admin_unit_successions_new').on('admin_unit_successions').column('new_unit_id').execute();

  await withId(db, db.schema.createTable('agencies'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('agency_versions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('parent_agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('admin_unit_id', 'integer', (c) => c.references('admin_units.id'))
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('valid_from', day, (c) => c.notNull())
    .addColumn('valid_to', day)
    .execute();
  await db.schema.createIndex('agency_versions_agency').on('agency_versions').columns(['agency_id', 'valid_from']).execute();

  await withId(db, db.schema.createTable('agency_duties'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('valid_from', day, (c) => c.notNull())
    .addColumn('valid_to', day)
    .execute();
  await db.schema.createIndex('agency_duties_agency').on('agency_duties').columns(['agency_id', 'duty']).execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('account_type', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('email_verified_at', ts)
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', ts)
    .addColumn('totp_last_step', 'integer')
    .addColumn('mfa_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', ts)
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('user_roles'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('granted_at', ts, (c) => c.notNull())
    .addColumn('granted_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('user_roles_user').on('user_roles').columns(['user_id', 'role', 'agency_id']).unique().execute();

  await withId(db, db.schema.createTable('recovery_codes'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', ts)
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mfa_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('email_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .execute();

  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('agency_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();

  await db.schema
    .createTable('site_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_vi', 'text', (c) => c.notNull())
    .addColumn('value_en', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('pages'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title_vi', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_vi', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .execute();

  await withId(db, db.schema.createTable('people'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('position_vi', 'text', (c) => c.notNull())
    .addColumn('position_en', 'text', (c) => c.notNull())
    .addColumn('duties_vi', 'text')
    .addColumn('duties_en', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('is_leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('directory_entries'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('unit_vi', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('person', 'text')
    .addColumn('position_vi', 'text')
    .addColumn('position_en', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('mail_outbox'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();

  await withId(db, db.schema.createTable('jobs'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('run_at', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', ts)
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('done_at', ts)
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  // Guard for the hash chain: rows of the audit log can be added, never changed or removed.
  if (isSqlite(db)) {
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  } else {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The platform migration cannot be reverted; restore a backup instead.');
}
