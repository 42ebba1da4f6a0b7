/**
 * The organisation model read on a given day: agencies (names, parents, units and duties change
 * over time, each row valid from `valid_from` to `valid_to` inclusive, open-ended when null) and
 * the administrative units before and after the 1 July 2025 reform with their successions.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/index.ts';

export interface AgencyVersion {
  readonly versionId: number;
  readonly agencyId: number;
  readonly code: string;
  readonly kind: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly shortName: string | null;
  readonly parentAgencyId: number | null;
  readonly adminUnitId: number | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface AdminUnit {
  readonly id: number;
  readonly code: string;
  readonly level: 'province' | 'district' | 'commune';
  readonly structure: 'pre2025' | '2025';
  readonly name: string;
  readonly fullName: string;
  readonly unitType: string;
  readonly nameEn: string | null;
  readonly parentId: number | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface Succession {
  readonly unit: AdminUnit;
  readonly mergeType: 'full' | 'partial';
  /** How many new units the old one was split into (1 for a full merge). */
  readonly nTargets: number;
  readonly effectiveOn: string;
}

export interface AgencyDuty {
  readonly id: number;
  readonly agencyId: number;
  readonly duty: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

type Table = 'agency_versions' | 'agency_duties' | 'admin_units';

/** The row is valid on `date`: both bounds inclusive, a null end is open. YYYY-MM-DD compares correctly as text (SQLite) and as a date (PostgreSQL). */
function validOn(table: Table, date: string): RawBuilder<SqlBool> {
  const from = sql.ref(`${table}.valid_from`);
  const to = sql.ref(`${table}.valid_to`);
  return sql<SqlBool>`(${from} <= ${date} and (${to} is null or ${to} >= ${date}))`;
}

const versionColumns = [
  'agency_versions.id as versionId',
  'agency_versions.agency_id as agencyId',
  'agencies.code',
  'agencies.kind',
  'agency_versions.name_vi as nameVi',
  'agency_versions.name_en as nameEn',
  'agency_versions.short_name as shortName',
  'agency_versions.parent_agency_id as parentAgencyId',
  'agency_versions.admin_unit_id as adminUnitId',
  'agency_versions.address',
  'agency_versions.phone',
  'agency_versions.email',
  'agency_versions.valid_from as validFrom',
  'agency_versions.valid_to as validTo',
] as const;

const unitColumns = [
  'admin_units.id',
  'admin_units.code',
  'admin_units.level',
  'admin_units.structure',
  'admin_units.name',
  'admin_units.full_name as fullName',
  'admin_units.unit_type as unitType',
  'admin_units.name_en as nameEn',
  'admin_units.parent_id as parentId',
  'admin_units.valid_from as validFrom',
  'admin_units.valid_to as validTo',
] as const;

/** The version of an agency (by id or code) valid on `date`, or null when it did not exist then. */
export async function agencyAt(db: Db, agency: number | string, date: string): Promise<AgencyVersion | null> {
  const row = await db
    .selectFrom('agency_versions')
    .innerJoin('agencies', 'agencies.id', 'agency_versions.agency_id')
    .select(versionColumns)
    .where(typeof agency === 'number' ? 'agencies.id' : 'agencies.code', '=', agency)
    .where(validOn('agency_versions', date))
    .orderBy('agency_versions.valid_from', 'desc')
    .executeTakeFirst();
  return row ?? null;
}

/** Every version of an agency, oldest first. */
export async function agencyHistory(db: Db, agencyId: number): Promise<AgencyVersion[]> {
  return db
    .selectFrom('agency_versions')
    .innerJoin('agencies', 'agencies.id', 'agency_versions.agency_id')
    .select(versionColumns)
    .where('agencies.id', '=', agencyId)
    .orderBy('agency_versions.valid_from')
    .execute();
}

/** The duties (posts, telecom, press, …) an agency held on `date`, sorted by name. */
export async function agencyDutiesAt(db: Db, agencyId: number, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agency_duties')
    .select('duty')
    .distinct()
    .where('agency_id', '=', agencyId)
    .where(validOn('agency_duties', date))
    .orderBy('duty')
    .execute();
  return rows.map((r) => r.duty);
}

/** Every duty record of an agency, current and past, by duty then start date. */
export async function agencyDutyHistory(db: Db, agencyId: number): Promise<AgencyDuty[]> {
  return db
    .selectFrom('agency_duties')
    .select(['id', 'agency_id as agencyId', 'duty', 'valid_from as validFrom', 'valid_to as validTo'])
    .where('agency_id', '=', agencyId)
    .orderBy('duty')
    .orderBy('valid_from')
    .execute();
}

/**
 * The agencies holding `duty` on `date` with their version of that day. `inUnit` restricts to
 * agencies attached to that administrative unit on that day (e.g. the old Lào Cai province),
 * which tells the provincial department apart from the ministry.
 */
export async function agenciesWithDutyAt(db: Db, duty: string, date: string, options: { inUnit?: number } = {}): Promise<AgencyVersion[]> {
  let q = db
    .selectFrom('agency_duties')
    .innerJoin('agencies', 'agencies.id', 'agency_duties.agency_id')
    .innerJoin('agency_versions', 'agency_versions.agency_id', 'agencies.id')
    .select(versionColumns)
    .distinct()
    .where('agency_duties.duty', '=', duty)
    .where(validOn('agency_duties', date))
    .where(validOn('agency_versions', date));
  if (options.inUnit !== undefined) q = q.where('agency_versions.admin_unit_id', '=', options.inUnit);
  return q.orderBy('agencies.code').execute();
}

/** The units of a level valid on `date` (optionally the children of `parentId`), by code. */
export async function unitsAt(db: Db, level: AdminUnit['level'], date: string, parentId?: number): Promise<AdminUnit[]> {
  let q = db.selectFrom('admin_units').select(unitColumns).where('level', '=', level).where(validOn('admin_units', date));
  if (parentId !== undefined) q = q.where('parent_id', '=', parentId);
  return q.orderBy('code').execute();
}

/** A unit by its GSO code within a structure ('pre2025' or '2025') and level, or null. */
export async function unitByCode(db: Db, structure: AdminUnit['structure'], level: AdminUnit['level'], code: string): Promise<AdminUnit | null> {
  const row = await db.selectFrom('admin_units').select(unitColumns).where('structure', '=', structure).where('level', '=', level).where('code', '=', code).executeTakeFirst();
  return row ?? null;
}

export async function unitById(db: Db, id: number): Promise<AdminUnit | null> {
  const row = await db.selectFrom('admin_units').select(unitColumns).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

/** The units that took over (all or part of) a unit at the reform, by code. */
export async function successorsOf(db: Db, unitId: number): Promise<Succession[]> {
  const rows = await db
    .selectFrom('admin_unit_successions as s')
    .innerJoin('admin_units', 'admin_units.id', 's.new_unit_id')
    .select([...unitColumns, 's.merge_type as mergeType', 's.n_targets as nTargets', 's.effective_on as effectiveOn'])
    .where('s.old_unit_id', '=', unitId)
    .orderBy('admin_units.code')
    .execute();
  return rows.map(toSuccession);
}

/** The units that a unit was formed from (wholly or in part), by code. */
export async function predecessorsOf(db: Db, unitId: number): Promise<Succession[]> {
  const rows = await db
    .selectFrom('admin_unit_successions as s')
    .innerJoin('admin_units', 'admin_units.id', 's.old_unit_id')
    .select([...unitColumns, 's.merge_type as mergeType', 's.n_targets as nTargets', 's.effective_on as effectiveOn'])
    .where('s.new_unit_id', '=', unitId)
    .orderBy('admin_units.code')
    .execute();
  return rows.map(toSuccession);
}

function toSuccession(r: AdminUnit & { mergeType: 'full' | 'partial'; nTargets: number; effectiveOn: string }): Succession {
  const { mergeType, nTargets, effectiveOn, ...unit } = r;
  return { unit, mergeType, nTargets, effectiveOn };
}
