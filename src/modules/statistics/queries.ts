/** Reads of the statistics tables and of the administrative units they refer to. */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import type { StatIndicatorsTable } from './tables.ts';
import type { Observation } from './resolve.ts';

export type Indicator = Selectable<StatIndicatorsTable>;

export interface UnitRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly level: 'province' | 'district' | 'commune';
  readonly validFrom: string;
  readonly validTo: string | null;
}

export async function allIndicators(db: Db): Promise<Indicator[]> {
  return db.selectFrom('stat_indicators').selectAll().orderBy('sort_order').orderBy('code').execute();
}

export async function indicatorByCode(db: Db, code: string): Promise<Indicator | undefined> {
  return db.selectFrom('stat_indicators').selectAll().where('code', '=', code).executeTakeFirst();
}

const unitColumns = ['id', 'code', 'name', 'full_name', 'level', 'valid_from', 'valid_to'] as const;
const toUnit = (r: { id: number; code: string; name: string; full_name: string; level: UnitRef['level']; valid_from: string; valid_to: string | null }): UnitRef => ({
  id: r.id,
  code: r.code,
  name: r.name,
  fullName: r.full_name,
  level: r.level,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

/**
 * The unit with a GSO code whose validity overlaps [start, end], the most recent first. Codes are
 * unique within a structure (2 digits for provinces, 3 for districts, 5 for communes), but a code can
 * mean different units before and after the 2025 reform, hence the dates.
 */
export async function unitByCode(db: Db, code: string, start: string, end: string): Promise<UnitRef | undefined> {
  const row = await db
    .selectFrom('admin_units')
    .select(unitColumns)
    .where('code', '=', code)
    .where('valid_from', '<=', end)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', start)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  return row === undefined ? undefined : toUnit(row);
}

/** Provinces in the structure valid on a date. */
export async function provincesValidOn(db: Db, day: string): Promise<UnitRef[]> {
  const rows = await db
    .selectFrom('admin_units')
    .select(unitColumns)
    .where('level', '=', 'province')
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .orderBy('code')
    .execute();
  return rows.map(toUnit);
}

/** Direct subdivisions of units, for summing a province from its districts. */
export async function childUnits(db: Db, parentIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (parentIds.length === 0) return out;
  const rows = await db.selectFrom('admin_units').select(['id', 'parent_id']).where('parent_id', 'in', parentIds).execute();
  for (const r of rows) {
    if (r.parent_id === null) continue;
    const list = out.get(r.parent_id) ?? [];
    list.push(r.id);
    out.set(r.parent_id, list);
  }
  return out;
}

/** Stored figures of some indicators for some units, for periods lying within [start, end]. */
export async function observationsFor(db: Db, codes: readonly string[], unitIds: readonly number[], start: string, end: string): Promise<Observation[]> {
  if (codes.length === 0 || unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('stat_values as v')
    .innerJoin('stat_indicators as i', 'i.id', 'v.indicator_id')
    .select(['i.code', 'v.admin_unit_id', 'v.period', 'v.reporter_agency_id', 'v.value', 'v.status'])
    .where('i.code', 'in', codes)
    .where('v.admin_unit_id', 'in', unitIds)
    .where('v.period_start', '>=', start)
    .where('v.period_end', '<=', end)
    .execute();
  return rows.map((r) => ({ code: r.code, unitId: r.admin_unit_id, period: r.period, reporterId: r.reporter_agency_id, value: Number(r.value), status: r.status }));
}
