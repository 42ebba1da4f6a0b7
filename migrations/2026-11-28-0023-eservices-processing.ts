/** One-stop-shop processing: the supplement loop pauses the clock; apologies move the due date. */
import { date, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  // The status to go back to when the applicant supplements, and the day the clock stopped.
  await db.schema.alterTable('dossiers').addColumn('resume_status', 'text').execute();
  await db.schema.alterTable('dossiers').addColumn('paused_on', date(db)).execute();
  // A second supplement request makes the dossier count as late in the service index (Decision 766, 2.1).
  await db.schema.alterTable('dossiers').addColumn('supplement_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('dossiers').addColumn('finished_on', date(db)).execute();
  await db.schema.alterTable('dossier_events').addColumn('due_on', date(db)).execute();
}
