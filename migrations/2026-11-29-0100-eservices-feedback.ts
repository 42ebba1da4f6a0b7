/** After the result: the applicant's rating of a dossier, and citizens' feedback (phản ánh, kiến nghị) answered publicly. */
import { date, timestamp, withId, type AnyDb } from './_lib/index.ts';

export async function up(db: AnyDb): Promise<void> {
  const ts = timestamp(db);
  const day = date(db);
  // One rating per dossier (unique), given by its applicant once the result is returned.
  await withId(db, db.schema.createTable('dossier_ratings'))
    .addColumn('dossier_id', 'integer', (c) => c.notNull().unique().references('dossiers.id'))
    .addColumn('applicant_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('feedback'))
    // Given to the sender to follow the feedback; random, so feedback cannot be enumerated.
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('procedure_id', 'integer', (c) => c.references('procedures.id'))
    .addColumn('dossier_code', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_email', 'text', (c) => c.notNull())
    .addColumn('sender_phone', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_on', day, (c) => c.notNull())
    .addColumn('accept_due_on', day, (c) => c.notNull())
    .addColumn('answer_due_on', day, (c) => c.notNull())
    .addColumn('accepted_on', day)
    .addColumn('answered_on', day)
    .addColumn('answer', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('handled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_agency_status').on('feedback').columns(['agency_id', 'status', 'received_on']).execute();
  await db.schema.createIndex('feedback_published').on('feedback').columns(['published', 'answered_on']).execute();
}
