/**
 * The competent authority's decision as a workflow step: a dossier that the department received and
 * appraised is submitted to the agency that decides the procedure on the date of receipt (e.g. the
 * provincial People's Committee), and the events record which agency acted at that step.
 */
import type { AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('dossiers').addColumn('deciding_agency_id', 'integer', (c) => c.references('agencies.id')).execute();
  await db.schema.alterTable('dossier_events').addColumn('agency_id', 'integer', (c) => c.references('agencies.id')).execute();
  // The deciding agency's inbox reads dossiers by this column (besides the receiving agency's).
  await db.schema.createIndex('dossiers_deciding_agency').on('dossiers').columns(['deciding_agency_id', 'status']).where('deciding_agency_id', 'is not', null).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('dossiers_deciding_agency').execute();
  await db.schema.alterTable('dossier_events').dropColumn('agency_id').execute();
  await db.schema.alterTable('dossiers').dropColumn('deciding_agency_id').execute();
}
