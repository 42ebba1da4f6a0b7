/**
 * The officer's inbox at scale (100,000 dossiers): its pages are read in due-date order for one
 * agency, optionally for one procedure, with the status as a filter. With these indexes a page
 * reads its 50 entries in order instead of sorting every dossier of the agency, and the status
 * filter and the counts are answered from the index alone.
 */
import type { AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('dossiers_inbox_due').on('dossiers').columns(['agency_id', 'due_on', 'id', 'status']).execute();
  await db.schema.createIndex('dossiers_inbox_procedure').on('dossiers').columns(['agency_id', 'procedure_id', 'due_on', 'id', 'status']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('dossiers_inbox_procedure').execute();
  await db.schema.dropIndex('dossiers_inbox_due').execute();
}
