/** Reading feedback and ratings. */
import type { Db } from '../../../platform/db/index.ts';
import type { FeedbackRow } from './handle-feedback.ts';

export const PUBLIC_PAGE_SIZE = 20;
/** Rows per page offered in the officers' list; the first is the default. */
export const STAFF_PAGE_SIZES = [20, 50, 100] as const;
export const FEEDBACK_STATUSES = ['received', 'accepted', 'answered', 'rejected'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
const OPEN: readonly FeedbackStatus[] = ['received', 'accepted'];
/** Answered feedback shown on a procedure's page. */
export const PROCEDURE_PAGE_ITEMS = 5;

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

/** Answers the agencies chose to publish, newest first, of one procedure or all. The sender's name and contacts are never shown. */
export async function publishedFeedback(db: Db, page: number, procedureId?: number, pageSize: number = PUBLIC_PAGE_SIZE): Promise<{ items: PublishedFeedback[]; total: number }> {
  let base = db.selectFrom('feedback').where('published', '=', 1).where('status', '=', 'answered');
  if (procedureId !== undefined) base = base.where('procedure_id', '=', procedureId);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    base
      .select(['id', 'subject', 'body', 'category', 'received_on', 'answer', 'answered_on'])
      .orderBy('answered_on', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((Math.max(1, page) - 1) * pageSize)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({ id: r.id, subject: r.subject, body: r.body, category: r.category, receivedOn: r.received_on, answer: r.answer ?? '', answeredOn: r.answered_on ?? '' })),
  };
}

/** Published procedures received by an agency today, for the form's optional choice. */
export async function feedbackProcedures(db: Db, day: string): Promise<{ id: number; code: string; vi: string; en: string; agencyId: number }[]> {
  const rows = await db
    .selectFrom('procedures as p')
    .innerJoin('procedure_agencies as pa', 'pa.procedure_id', 'p.id')
    .select(['p.id', 'p.code', 'p.name_vi', 'p.name_en', 'pa.agency_id'])
    .where('p.published', '=', 1)
    .where('pa.role', '=', 'receiving')
    .where('pa.valid_from', '<=', day)
    .where((eb) => eb.or([eb('pa.valid_to', 'is', null), eb('pa.valid_to', '>=', day)]))
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, vi: r.name_vi, en: r.name_en, agencyId: r.agency_id }));
}

export interface StaffFeedbackFilter {
  readonly status?: FeedbackStatus;
  readonly procedureId?: number;
  /** late: a deadline passed; due_soon: a deadline today or the next working day. */
  readonly due?: 'late' | 'due_soon';
}

export type StaffFeedbackRow = FeedbackRow & { procedure_code: string | null };

/**
 * One page of the feedback of the staff member's agencies: open ones first, by deadline (both
 * deadlines run from the date of receipt, so ordering by one orders by the other).
 */
export async function staffFeedbackPage(db: Db, agencyIds: readonly number[], filter: StaffFeedbackFilter, today: string, soon: string, page: number, pageSize: number): Promise<{ items: StaffFeedbackRow[]; total: number }> {
  if (agencyIds.length === 0) return { items: [], total: 0 };
  let base = db.selectFrom('feedback as f').where('f.agency_id', 'in', agencyIds);
  if (filter.status !== undefined) base = base.where('f.status', '=', filter.status);
  if (filter.procedureId !== undefined) base = base.where('f.procedure_id', '=', filter.procedureId);
  if (filter.due !== undefined) {
    // The deadline that is running: acceptance while received, the answer while received or accepted.
    const limit = filter.due === 'late' ? today : soon;
    const op = filter.due === 'late' ? '<' : '<=';
    base = base.where('f.status', 'in', [...OPEN]).where((eb) => eb.or([eb.and([eb('f.status', '=', 'received'), eb('f.accept_due_on', op, limit)]), eb('f.answer_due_on', op, limit)]));
    // Due soon leaves out what is already late.
    if (filter.due === 'due_soon') base = base.where((eb) => eb.and([eb.or([eb('f.status', '!=', 'received'), eb('f.accept_due_on', '>=', today)]), eb('f.answer_due_on', '>=', today)]));
  }
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    base
      .leftJoin('procedures as p', 'p.id', 'f.procedure_id')
      .selectAll('f')
      .select(['p.code as procedure_code', (eb) => eb.case().when('f.status', 'in', [...OPEN]).then(0).else(1).end().as('closed')])
      .orderBy('closed')
      .orderBy('f.answer_due_on')
      .orderBy('f.id')
      .limit(pageSize)
      .offset((Math.max(1, page) - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count?.n ?? 0), items: rows.map(({ closed: _closed, ...r }) => r) };
}

export function feedbackById(db: Db, id: number): Promise<FeedbackRow | undefined> {
  return db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst();
}

export function ratingOfDossier(db: Db, dossierId: number) {
  return db.selectFrom('dossier_ratings').select(['score', 'comment', 'created_at']).where('dossier_id', '=', dossierId).executeTakeFirst();
}
