/** Feedback about a procedure: listed on the procedure's public page and filtered in the officers' list. */
import type { AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('feedback_procedure').on('feedback').columns(['procedure_id', 'published', 'answered_on']).execute();
}
