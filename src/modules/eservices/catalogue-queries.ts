/** Reading the procedure catalogue. Agencies and online levels are taken as valid on a given day. */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { containsFolded } from '../../platform/db/dialect.ts';
import { fold } from '../../platform/text/fold.ts';
import type { ProcedureComponentsTable, ProcedureFeesTable, ProceduresTable } from './tables.ts';

export type ProcedureRow = Selectable<ProceduresTable>;
export type FeeRow = Selectable<ProcedureFeesTable>;
export type ComponentRow = Selectable<ProcedureComponentsTable>;

export const PROCEDURE_FIELDS = ['publishing', 'press', 'online_information', 'posts'] as const;
export type ProcedureField = (typeof PROCEDURE_FIELDS)[number];
export const ONLINE_LEVELS = ['full', 'partial', 'information'] as const;

export interface CatalogueFilter {
  readonly q?: string;
  readonly field?: string;
  readonly agencyId?: number;
  readonly level?: string;
}

export interface CatalogueEntry {
  readonly id: number;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly field: string;
  readonly processingDays: number;
  readonly onlineAvailable: boolean;
  readonly level: { scheme: string; level: string } | null;
  readonly agencyId: number | null;
}

/** Published procedures matching the filter (search with or without diacritics), as of `day`. */
export async function publishedProcedures(db: Db, filter: CatalogueFilter, day: string): Promise<CatalogueEntry[]> {
  let query = db
    .selectFrom('procedures as p')
    .leftJoin('procedure_agencies as pa', (j) =>
      j
        .onRef('pa.procedure_id', '=', 'p.id')
        .on('pa.role', '=', 'receiving')
        .on('pa.valid_from', '<=', day)
        .on((eb) => eb.or([eb('pa.valid_to', 'is', null), eb('pa.valid_to', '>=', day)])),
    )
    .leftJoin('procedure_online_levels as pl', (j) =>
      j
        .onRef('pl.procedure_id', '=', 'p.id')
        .on('pl.valid_from', '<=', day)
        .on((eb) => eb.or([eb('pl.valid_to', 'is', null), eb('pl.valid_to', '>=', day)])),
    )
    .select(['p.id', 'p.code', 'p.name_vi', 'p.name_en', 'p.field', 'p.processing_days', 'p.online_available', 'pa.agency_id', 'pl.scheme', 'pl.level'])
    .where('p.published', '=', 1);
  const q = fold(filter.q ?? '').trim();
  if (q !== '') for (const word of q.split(/\s+/)) query = query.where(containsFolded('p.search_text', word));
  if (filter.field !== undefined && filter.field !== '') query = query.where('p.field', '=', filter.field);
  if (filter.agencyId !== undefined) query = query.where('pa.agency_id', '=', filter.agencyId);
  if (filter.level !== undefined && filter.level !== '') query = query.where('pl.level', '=', filter.level);
  const rows = await query.orderBy('p.code').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    field: r.field,
    processingDays: r.processing_days,
    onlineAvailable: r.online_available === 1,
    level: r.scheme === null || r.level === null ? null : { scheme: r.scheme, level: r.level },
    agencyId: r.agency_id,
  }));
}

export function procedureByCode(db: Db, code: string): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).where('published', '=', 1).executeTakeFirst();
}

export function procedureById(db: Db, id: number): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface AgencyAssignment {
  readonly agencyId: number;
  readonly role: 'receiving' | 'deciding';
  readonly nameVi: string;
  readonly nameEn: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** Every agency assignment of a procedure over time, each with the agency's name in force at the assignment's end (or today). */
export async function procedureAgencyHistory(db: Db, procedureId: number): Promise<AgencyAssignment[]> {
  const rows = await db
    .selectFrom('procedure_agencies as pa')
    .innerJoin('agency_versions as v', 'v.agency_id', 'pa.agency_id')
    .select(['pa.agency_id', 'pa.role', 'pa.valid_from', 'pa.valid_to', 'v.name_vi', 'v.name_en', 'v.valid_from as v_from', 'v.valid_to as v_to'])
    .where('pa.procedure_id', '=', procedureId)
    .orderBy('pa.valid_from')
    .orderBy('pa.role', 'desc')
    .orderBy('v.valid_from', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: AgencyAssignment[] = [];
  for (const r of rows) {
    const key = `${r.agency_id}:${r.role}:${r.valid_from}`;
    // The agency version that overlaps the assignment, latest first.
    if (seen.has(key) || (r.v_to !== null && r.v_to < r.valid_from) || r.v_from > (r.valid_to ?? '9999-12-31')) continue;
    seen.add(key);
    out.push({ agencyId: r.agency_id, role: r.role, nameVi: r.name_vi, nameEn: r.name_en, validFrom: r.valid_from, validTo: r.valid_to });
  }
  return out;
}

/** The agency that receives (or, with `role` deciding, decides) a procedure's dossiers on `day`, if any. */
export async function receivingAgency(db: Db, procedureId: number, day: string, role: 'receiving' | 'deciding' = 'receiving'): Promise<number | undefined> {
  const row = await db
    .selectFrom('procedure_agencies')
    .select('agency_id')
    .where('procedure_id', '=', procedureId)
    .where('role', '=', role)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .executeTakeFirst();
  return row?.agency_id;
}

export function procedureLevels(db: Db, procedureId: number) {
  return db.selectFrom('procedure_online_levels').select(['scheme', 'level', 'valid_from', 'valid_to']).where('procedure_id', '=', procedureId).orderBy('valid_from').execute();
}

export function procedureFees(db: Db, procedureId: number): Promise<FeeRow[]> {
  return db.selectFrom('procedure_fees').selectAll().where('procedure_id', '=', procedureId).orderBy('sort_order').execute();
}

export function procedureComponents(db: Db, procedureId: number): Promise<ComponentRow[]> {
  return db.selectFrom('procedure_components').selectAll().where('procedure_id', '=', procedureId).orderBy('sort_order').execute();
}

/** Agencies that receive at least one procedure on `day`, for the catalogue's filter. */
export async function receivingAgencies(db: Db, day: string): Promise<{ id: number; nameVi: string; nameEn: string }[]> {
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
    .execute();
  return rows.map((r) => ({ id: r.agency_id, nameVi: r.name_vi, nameEn: r.name_en }));
}
