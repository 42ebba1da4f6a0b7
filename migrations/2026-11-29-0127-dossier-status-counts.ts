/**
 * How many dossiers each agency holds for each procedure in each status, kept by triggers on `dossiers`: the officer's
 * inbox shows these counts on every page, and counting 100,000 dossiers on each view took most of
 * the page's time. The triggers follow every insert, change of status, agency or procedure, and delete, in the
 * same transaction as the change.
 */
import { sql } from 'kysely';
import { isSqlite, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('dossier_status_counts')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('procedure_id', 'integer', (c) => c.notNull().references('procedures.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_status_counts_pk', ['agency_id', 'procedure_id', 'status'])
    .execute();
  await sql`insert into dossier_status_counts (agency_id, procedure_id, status, n) select agency_id, procedure_id, status, count(*) from dossiers group by agency_id, procedure_id, status`.execute(db);
  if (isSqlite(db)) {
    await sql`create trigger dossiers_count_insert after insert on dossiers begin
      insert into dossier_status_counts (agency_id, procedure_id, status, n) values (new.agency_id, new.procedure_id, new.status, 1) on conflict (agency_id, procedure_id, status) do update set n = n + 1;
    end`.execute(db);
    await sql`create trigger dossiers_count_update after update of status, agency_id, procedure_id on dossiers when old.status is not new.status or old.agency_id is not new.agency_id or old.procedure_id is not new.procedure_id begin
      update dossier_status_counts set n = n - 1 where agency_id = old.agency_id and procedure_id = old.procedure_id and status = old.status;
      insert into dossier_status_counts (agency_id, procedure_id, status, n) values (new.agency_id, new.procedure_id, new.status, 1) on conflict (agency_id, procedure_id, status) do update set n = n + 1;
    end`.execute(db);
    await sql`create trigger dossiers_count_delete after delete on dossiers begin
      update dossier_status_counts set n = n - 1 where agency_id = old.agency_id and procedure_id = old.procedure_id and status = old.status;
    end`.execute(db);
  } else {
    await sql`create function dossiers_count() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          update dossier_status_counts set n = n - 1 where agency_id = old.agency_id and procedure_id = old.procedure_id and status = old.status;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into dossier_status_counts (agency_id, procedure_id, status, n) values (new.agency_id, new.procedure_id, new.status, 1)
            on conflict (agency_id, procedure_id, status) do update set n = dossier_status_counts.n + 1;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger dossiers_count_insert_delete after insert or delete on dossiers for each row execute function dossiers_count()`.execute(db);
    await sql`create trigger dossiers_count_update after update of status, agency_id, procedure_id on dossiers for each row when (old.status is distinct from new.status or old.agency_id is distinct from new.agency_id or old.procedure_id is distinct from new.procedure_id) execute function dossiers_count()`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    for (const name of ['dossiers_count_insert', 'dossiers_count_update', 'dossiers_count_delete']) await sql`drop trigger ${sql.ref(name)}`.execute(db);
  } else {
    await sql`drop trigger dossiers_count_insert_delete on dossiers`.execute(db);
    await sql`drop trigger dossiers_count_update on dossiers`.execute(db);
    await sql`drop function dossiers_count()`.execute(db);
  }
  await db.schema.dropTable('dossier_status_counts').execute();
}
