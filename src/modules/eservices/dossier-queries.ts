/** Reading dossiers. Applicants see their own; tracking needs the code and the applicant's phone or email. */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import type { DossierEventsTable, DossierFilesTable, DossiersTable } from './tables.ts';

export type DossierRow = Selectable<DossiersTable>;
export type DossierFileRow = Selectable<DossierFilesTable>;
export type DossierEventRow = Selectable<DossierEventsTable>;

export function dossierOfApplicant(db: Db, id: number, applicantId: number): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).where('applicant_id', '=', applicantId).executeTakeFirst();
}

export function dossierFiles(db: Db, dossierId: number): Promise<DossierFileRow[]> {
  return db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
}

export function dossierEvents(db: Db, dossierId: number): Promise<DossierEventRow[]> {
  return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('at').orderBy('id').execute();
}

export interface DossierListEntry {
  readonly id: number;
  readonly code: string | null;
  readonly status: string;
  readonly nationalStatus: number | null;
  readonly summary: string;
  readonly procedureVi: string;
  readonly procedureEn: string;
  readonly dueOn: string | null;
  readonly updatedAt: string;
}

export async function dossiersOfApplicant(db: Db, applicantId: number): Promise<DossierListEntry[]> {
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .select(['d.id', 'd.code', 'd.status', 'd.national_status', 'd.summary', 'p.name_vi', 'p.name_en', 'd.due_on', 'd.updated_at'])
    .where('d.applicant_id', '=', applicantId)
    .orderBy('d.updated_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    nationalStatus: r.national_status,
    summary: r.summary,
    procedureVi: r.name_vi,
    procedureEn: r.name_en,
    dueOn: r.due_on,
    updatedAt: r.updated_at,
  }));
}

/** Files of the applicant's earlier submitted dossiers with this content (for the reuse flag). */
export async function isContentReused(db: Db, applicantId: number, sha256: string, exceptDossierId: number): Promise<boolean> {
  const row = await db
    .selectFrom('dossier_files as f')
    .innerJoin('dossiers as d', 'd.id', 'f.dossier_id')
    .select('f.id')
    .where('f.sha256', '=', sha256)
    .where('d.applicant_id', '=', applicantId)
    .where('d.id', '!=', exceptDossierId)
    .where('d.status', '!=', 'draft')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A submitted dossier by its code, when `contact` is the phone or email given with it. Phone
 * numbers are compared by their digits; emails without regard to case.
 */
export async function dossierByCodeAndContact(db: Db, code: string, contact: string): Promise<DossierRow | undefined> {
  const row = await db.selectFrom('dossiers').selectAll().where('code', '=', code).where('status', '!=', 'draft').executeTakeFirst();
  if (row === undefined) return undefined;
  const given = contact.trim();
  const digits = given.replace(/\D/g, '');
  const phoneMatches = digits.length >= 8 && !given.includes('@') && digits === row.applicant_phone.replace(/\D/g, '');
  const emailMatches = given.includes('@') && given.toLowerCase() === row.applicant_email.toLowerCase();
  return phoneMatches || emailMatches ? row : undefined;
}

/** The agency's name in force on `day` (its latest name when none covers the day). */
export async function agencyNameOn(db: Db, agencyId: number, day: string): Promise<{ vi: string; en: string }> {
  const rows = await db.selectFrom('agency_versions').select(['name_vi', 'name_en', 'valid_from', 'valid_to']).where('agency_id', '=', agencyId).orderBy('valid_from', 'desc').execute();
  const row = rows.find((r) => r.valid_from <= day && (r.valid_to === null || r.valid_to >= day)) ?? rows[0];
  return { vi: row?.name_vi ?? '', en: row?.name_en ?? '' };
}

export type AgencyNames = ReadonlyMap<number, { vi: string; en: string }>;

/** The names, on `day`, of the agencies named by a dossier's events and of its competent authority (for the timeline). */
export async function eventAgencyNames(db: Db, events: readonly DossierEventRow[], authority: number | null, day: string): Promise<AgencyNames> {
  const ids = new Set<number>(events.flatMap((e) => (e.agency_id === null ? [] : [e.agency_id])));
  if (authority !== null) ids.add(authority);
  const entries = await Promise.all([...ids].map(async (id) => [id, await agencyNameOn(db, id, day)] as const));
  return new Map(entries);
}

/** One step of a dossier's handling as the JSON API gives it (schema for the OpenAPI document). */
export const apiTimelineEntry = {
  type: 'object',
  properties: {
    at: { type: 'string', format: 'date-time' },
    action: { type: 'string' },
    status: { type: 'string' },
    nationalStatus: { type: 'integer', nullable: true },
    dueOn: { type: 'string', format: 'date', nullable: true },
    note: { type: 'string', nullable: true },
    agency: { type: 'object', nullable: true, description: 'The agency that acted, where it is not the receiving one (e.g. the competent authority deciding)', properties: { vi: { type: 'string' }, en: { type: 'string' } } },
  },
} as const;

/** A dossier's handling for the JSON API: every event but the applicant's draft, with the acting agency's name where recorded. */
export async function apiTimeline(db: Db, dossier: { received_on: string | null }, events: readonly DossierEventRow[]) {
  const handled = events.filter((e) => e.action !== 'created');
  const names = await eventAgencyNames(db, handled, null, dossier.received_on ?? todayInVietnam());
  return handled.map((e) => ({ at: e.at, action: e.action, status: e.status, nationalStatus: e.national_status, dueOn: e.due_on, note: e.note, agency: e.agency_id === null ? null : (names.get(e.agency_id) ?? null) }));
}
