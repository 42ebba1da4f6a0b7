/** The processing inbox: dossiers of the staff member's agencies, filtered, with their urgency. */
import type { Db } from '../../platform/db/index.ts';
import type { DossierStatus, Urgency } from './workflow.ts';
import { RUNNING } from './workflow.ts';

export interface InboxFilter {
  readonly procedureId?: number;
  readonly status?: DossierStatus;
  readonly urgency?: Urgency;
}

export interface InboxEntry {
  readonly id: number;
  readonly code: string;
  readonly procedureCode: string;
  readonly procedureVi: string;
  readonly procedureEn: string;
  readonly applicantName: string;
  readonly summary: string;
  readonly status: DossierStatus;
  readonly receivedOn: string | null;
  readonly dueOn: string | null;
  readonly urgency: Urgency | null;
  readonly supplementCount: number;
}

/** Dossiers per inbox page: one screen an officer can scan (the bench measures it at 100,000 dossiers). */
export const INBOX_PAGE_SIZE = 50;

export interface InboxPage {
  readonly entries: readonly InboxEntry[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

/** Urgency of a running dossier: late after the due date, due soon on it or the working day before. */
export function urgencyOf(status: DossierStatus, dueOn: string | null, today: string, soon: string): Urgency | null {
  if (dueOn === null || !RUNNING.includes(status)) return null;
  if (dueOn < today) return 'late';
  return dueOn <= soon ? 'due_soon' : 'on_time';
}

/** The inbox filter as a query on the dossiers of `agencyIds` (drafts are the applicant's own). */
function filtered(db: Db, agencyIds: readonly number[], filter: InboxFilter, today: string, soon: string) {
  let query = db.selectFrom('dossiers as d').where('d.agency_id', agencyIds.length === 1 ? '=' : 'in', agencyIds.length === 1 ? agencyIds[0]! : agencyIds).where('d.status', '!=', 'draft');
  if (filter.procedureId !== undefined) query = query.where('d.procedure_id', '=', filter.procedureId);
  if (filter.status !== undefined) query = query.where('d.status', '=', filter.status);
  if (filter.urgency !== undefined) {
    query = query.where('d.status', 'in', [...RUNNING]);
    if (filter.urgency === 'late') query = query.where('d.due_on', '<', today);
    else if (filter.urgency === 'due_soon') query = query.where('d.due_on', '>=', today).where('d.due_on', '<=', soon);
    else query = query.where('d.due_on', '>', soon);
  }
  return query;
}

/** One page of submitted dossiers of `agencyIds`, most urgent first (`soon` is the next working day after `today`). */
export async function inboxDossiers(db: Db, agencyIds: readonly number[], filter: InboxFilter, today: string, soon: string, page = 1): Promise<InboxPage> {
  if (agencyIds.length === 0) return { entries: [], total: 0, page: 1, pages: 1 };
  const total = await filteredTotal(db, agencyIds, filter, today, soon);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  // The page's ids first, then the 50 rows themselves with their procedure. Each agency's dossiers
  // are read in due-date order from its inbox index (dossiers_inbox_due, _procedure), up to the end
  // of the page, and merged: no sort of every dossier of the agencies.
  const offset = (current - 1) * INBOX_PAGE_SIZE;
  const perAgency = [...new Set(agencyIds)].map((agencyId, i) =>
    db
      .selectFrom(filtered(db, [agencyId], filter, today, soon).select(['d.id', 'd.due_on']).orderBy('d.due_on').orderBy('d.id').limit(offset + INBOX_PAGE_SIZE).as(`a${i}`))
      .select(['id', 'due_on']),
  );
  const merged = perAgency.slice(1).reduce((union, q) => union.unionAll(q), perAgency[0]!);
  const pageIds = db.selectFrom(merged.as('m')).select('m.id').orderBy('m.due_on').orderBy('m.id').limit(INBOX_PAGE_SIZE).offset(offset);
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .select(['d.id', 'd.code', 'p.code as procedure_code', 'p.name_vi', 'p.name_en', 'd.applicant_name', 'd.summary', 'd.status', 'd.received_on', 'd.due_on', 'd.supplement_count'])
    .where('d.id', 'in', pageIds)
    .orderBy('d.due_on')
    .orderBy('d.id')
    .execute();
  const entries = rows.map((r) => {
    const status = r.status as DossierStatus;
    return {
      id: r.id,
      code: r.code ?? '',
      procedureCode: r.procedure_code,
      procedureVi: r.name_vi,
      procedureEn: r.name_en,
      applicantName: r.applicant_name,
      summary: r.summary,
      status,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      urgency: urgencyOf(status, r.due_on, today, soon),
      supplementCount: r.supplement_count,
    };
  });
  return { entries, total, page: current, pages };
}

/**
 * How many dossiers the filter keeps: from the inbox counts when they answer it (shared with
 * inboxCounts), from the kept counts per procedure and status, else counted.
 */
async function filteredTotal(db: Db, agencyIds: readonly number[], filter: InboxFilter, today: string, soon: string): Promise<number> {
  if (filter.procedureId !== undefined && filter.urgency === undefined) {
    let kept = db.selectFrom('dossier_status_counts').select((eb) => eb.fn.sum<number | string>('n').as('n')).where('agency_id', 'in', agencyIds).where('procedure_id', '=', filter.procedureId).where('status', '!=', 'draft');
    if (filter.status !== undefined) kept = kept.where('status', '=', filter.status);
    return Number((await kept.executeTakeFirst())?.n ?? 0);
  }
  if (filter.procedureId === undefined && (filter.status === undefined || filter.urgency === undefined)) {
    const counts = await inboxCounts(db, agencyIds, today, soon);
    if (filter.status !== undefined) return counts.byStatus[filter.status] ?? 0;
    if (filter.urgency !== undefined) return counts.byUrgency[filter.urgency];
    return Object.values(counts.byStatus).reduce((a, n) => a + n, 0);
  }
  const counted = await filtered(db, agencyIds, filter, today, soon).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return Number(counted?.n ?? 0);
}

export interface InboxCounts {
  readonly byStatus: Readonly<Partial<Record<DossierStatus, number>>>;
  readonly byUrgency: Readonly<Record<Urgency, number>>;
}

/**
 * Counts being computed, by agencies and day: the inbox page asks for the counts and for its total
 * at the same time (the total is one of the counts unless a procedure is chosen), and officers of
 * one agency opening the inbox together share one computation. An entry lives until its answer.
 */
const countsInFlight = new Map<string, Promise<InboxCounts>>();

/** How many dossiers of `agencyIds` are in each status, and how many running ones are late, due soon or on time. */
export function inboxCounts(db: Db, agencyIds: readonly number[], today: string, soon: string): Promise<InboxCounts> {
  const key = `${[...agencyIds].sort((a, b) => a - b).join(',')}|${today}|${soon}`;
  let pending = countsInFlight.get(key);
  if (pending === undefined) {
    pending = computeInboxCounts(db, agencyIds, today, soon).finally(() => countsInFlight.delete(key));
    countsInFlight.set(key, pending);
  }
  return pending;
}

async function computeInboxCounts(db: Db, agencyIds: readonly number[], today: string, soon: string): Promise<InboxCounts> {
  const byUrgency: Record<Urgency, number> = { late: 0, due_soon: 0, on_time: 0 };
  if (agencyIds.length === 0) return { byStatus: {}, byUrgency };
  const running = db.selectFrom('dossiers as d').where('d.agency_id', 'in', agencyIds).where('d.status', 'in', [...RUNNING]);
  const [statusRows, late, soonRows, undated] = await Promise.all([
    // Kept per procedure and status by triggers on dossiers (migration 0127) instead of counted on every view.
    db.selectFrom('dossier_status_counts').select(['status', (eb) => eb.fn.sum<number | string>('n').as('n')]).where('agency_id', 'in', agencyIds).where('status', '!=', 'draft').groupBy('status').execute(),
    running.where('d.due_on', '<', today).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    running.where('d.due_on', '>=', today).where('d.due_on', '<=', soon).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    running.where('d.due_on', 'is', null).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
  ]);
  const byStatus: Partial<Record<DossierStatus, number>> = {};
  for (const r of statusRows) if (Number(r.n) > 0) byStatus[r.status as DossierStatus] = Number(r.n);
  // Running dossiers with a due date: those of the running statuses (counted above) less the undated.
  const dated = RUNNING.reduce((a, s) => a + (byStatus[s] ?? 0), 0) - Number(undated?.n ?? 0);
  byUrgency.late = Number(late?.n ?? 0);
  byUrgency.due_soon = Number(soonRows?.n ?? 0);
  byUrgency.on_time = dated - byUrgency.late - byUrgency.due_soon;
  return { byStatus, byUrgency };
}

export function dossierById(db: Db, id: number) {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).where('status', '!=', 'draft').executeTakeFirst();
}

export function dossierFile(db: Db, dossierId: number, fileId: number) {
  return db.selectFrom('dossier_files').selectAll().where('id', '=', fileId).where('dossier_id', '=', dossierId).executeTakeFirst();
}

/** Procedures received by these agencies (for the inbox filter). */
export function proceduresOfAgencies(db: Db, agencyIds: readonly number[]) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('procedures as p')
    .innerJoin('procedure_agencies as pa', 'pa.procedure_id', 'p.id')
    .select(['p.id', 'p.code', 'p.name_vi', 'p.name_en'])
    .distinct()
    .where('pa.agency_id', 'in', agencyIds)
    .orderBy('p.code')
    .execute();
}
