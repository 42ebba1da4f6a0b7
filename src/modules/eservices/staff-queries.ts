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

export const INBOX_LIMIT = 200;

/** Urgency of a running dossier: late after the due date, due soon on it or the working day before. */
export function urgencyOf(status: DossierStatus, dueOn: string | null, today: string, soon: string): Urgency | null {
  if (dueOn === null || !RUNNING.includes(status)) return null;
  if (dueOn < today) return 'late';
  return dueOn <= soon ? 'due_soon' : 'on_time';
}

/** Submitted dossiers of `agencyIds`, most urgent first (`soon` is the next working day after `today`). */
export async function inboxDossiers(db: Db, agencyIds: readonly number[], filter: InboxFilter, today: string, soon: string): Promise<InboxEntry[]> {
  if (agencyIds.length === 0) return [];
  let query = db
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .select(['d.id', 'd.code', 'p.code as procedure_code', 'p.name_vi', 'p.name_en', 'd.applicant_name', 'd.summary', 'd.status', 'd.received_on', 'd.due_on', 'd.supplement_count'])
    .where('d.agency_id', 'in', agencyIds)
    .where('d.status', '!=', 'draft');
  if (filter.procedureId !== undefined) query = query.where('d.procedure_id', '=', filter.procedureId);
  if (filter.status !== undefined) query = query.where('d.status', '=', filter.status);
  if (filter.urgency !== undefined) {
    query = query.where('d.status', 'in', [...RUNNING]);
    if (filter.urgency === 'late') query = query.where('d.due_on', '<', today);
    else if (filter.urgency === 'due_soon') query = query.where('d.due_on', '>=', today).where('d.due_on', '<=', soon);
    else query = query.where('d.due_on', '>', soon);
  }
  const rows = await query.orderBy('d.due_on').orderBy('d.id').limit(INBOX_LIMIT).execute();
  return rows.map((r) => {
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
