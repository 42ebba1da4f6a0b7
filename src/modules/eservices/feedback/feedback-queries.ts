/** Reading feedback and ratings. */
import type { Db } from '../../../platform/db/index.ts';
import type { FeedbackRow } from './handle-feedback.ts';

export const PUBLIC_PAGE_SIZE = 20;

/** Agencies that receive dossiers on `day`, with their names on that day: where feedback can be sent. */
export async function feedbackAgencies(db: Db, day: string): Promise<{ id: number; vi: string; en: string }[]> {
  const rows = await db
    .selectFrom('procedure_agencies as pa')
    .innerJoin('agency_versions as v', 'v.agency_id', 'pa.agency_id')
    .select(['pa.agency_id', 'v.name_vi', 'v.name_en'])
    .distinct()
    .where('pa.role', '=', 'receiving')
    .where('pa.valid_from', '<=', day)
    .where((eb) => eb.or([eb('pa.valid_to', 'is', null), eb('pa.valid_to', '>=', day)]))
    .where('v.valid_from', '<=', day)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>=', day)]))
    .orderBy('v.name_vi')
    .execute();
  return rows.map((r) => ({ id: r.agency_id, vi: r.name_vi, en: r.name_en }));
}

export interface PublishedFeedback {
  readonly id: number;
  readonly subject: string;
  readonly body: string;
  readonly category: string;
  readonly receivedOn: string;
  readonly answer: string;
  readonly answeredOn: string;
}

/** Answers the agencies chose to publish, newest first. The sender's name and contacts are never shown. */
export async function publishedFeedback(db: Db, page: number): Promise<{ items: PublishedFeedback[]; total: number }> {
  const base = db.selectFrom('feedback').where('published', '=', 1).where('status', '=', 'answered');
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    base
      .select(['id', 'subject', 'body', 'category', 'received_on', 'answer', 'answered_on'])
      .orderBy('answered_on', 'desc')
      .orderBy('id', 'desc')
      .limit(PUBLIC_PAGE_SIZE)
      .offset((Math.max(1, page) - 1) * PUBLIC_PAGE_SIZE)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({ id: r.id, subject: r.subject, body: r.body, category: r.category, receivedOn: r.received_on, answer: r.answer ?? '', answeredOn: r.answered_on ?? '' })),
  };
}

/** Feedback of the staff member's agencies, open ones first and by deadline. */
export async function feedbackOfAgencies(db: Db, agencyIds: readonly number[]): Promise<FeedbackRow[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db.selectFrom('feedback').selectAll().where('agency_id', 'in', agencyIds).orderBy('answer_due_on').orderBy('id').limit(500).execute();
  const open = (f: FeedbackRow) => f.status === 'received' || f.status === 'accepted';
  return [...rows.filter(open), ...rows.filter((f) => !open(f))];
}

export function feedbackById(db: Db, id: number): Promise<FeedbackRow | undefined> {
  return db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst();
}

export function ratingOfDossier(db: Db, dossierId: number) {
  return db.selectFrom('dossier_ratings').select(['score', 'comment', 'created_at']).where('dossier_id', '=', dossierId).executeTakeFirst();
}
