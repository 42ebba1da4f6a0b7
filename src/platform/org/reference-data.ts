/**
 * Loads the administrative units (GSO codes) before and after the 1 July 2025 reform and the
 * old-to-new mapping from reference/admin-units (sources and licence in reference/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/index.ts';
import { fold } from '../text/fold.ts';
import { parseCsv } from '../text/csv.ts';

export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference');

/** The 63-province structure dates from the merger of Hà Tây into Hà Nội (Resolution 15/2008/QH12, 1 August 2008). */
export const PRE2025_FROM = '2008-08-01';
export const PRE2025_TO = '2025-06-30';
/** Two-tier local government and 34 provinces (Resolution 202/2025/QH15). */
export const REFORM_2025 = '2025-07-01';

const read = (file: string): Record<string, string>[] => parseCsv(readFileSync(path.join(REFERENCE_DIR, 'admin-units', file), 'utf8'));

type UnitRow = {
  code: string;
  level: 'province' | 'district' | 'commune';
  structure: 'pre2025' | '2025';
  name: string;
  full_name: string;
  unit_type: string;
  name_en: string | null;
  parent_id: number | null;
  valid_from: string;
  valid_to: string | null;
  search_name: string;
};

async function insertBatched(db: Db, rows: UnitRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await db.insertInto('admin_units').values(chunk).returning(['id', 'code', 'level', 'structure']).execute();
    for (const r of inserted) ids.set(`${r.structure}:${r.level}:${r.code}`, r.id);
  }
  return ids;
}

const unit = (
  r: Record<string, string>,
  level: UnitRow['level'],
  structure: UnitRow['structure'],
  parentId: number | null,
): UnitRow => ({
  code: r.code ?? '',
  level,
  structure,
  name: r.name ?? '',
  full_name: r.full_name ?? '',
  unit_type: r.type ?? '',
  name_en: r.name_en === undefined || r.name_en === '' ? null : r.name_en,
  parent_id: parentId,
  valid_from: structure === 'pre2025' ? PRE2025_FROM : REFORM_2025,
  valid_to: structure === 'pre2025' ? PRE2025_TO : null,
  search_name: fold(r.full_name ?? r.name ?? ''),
});

/** Loads every unit and succession; call once, on an empty admin_units table, inside a transaction. */
export async function loadAdministrativeUnits(db: Db): Promise<{ units: number; successions: number }> {
  const provincesOld = read('provinces_pre2025.csv');
  const provincesNew = read('provinces_2025.csv');
  const provinceIds = await insertBatched(db, [
    ...provincesOld.map((r) => unit(r, 'province', 'pre2025', null)),
    ...provincesNew.map((r) => unit(r, 'province', '2025', null)),
  ]);
  const districts = read('districts_pre2025.csv');
  const districtIds = await insertBatched(
    db,
    districts.map((r) => unit(r, 'district', 'pre2025', provinceIds.get(`pre2025:province:${r.province_code}`) ?? null)),
  );
  const communesOld = read('communes_pre2025.csv');
  const communesNew = read('communes_2025.csv');
  const communeIds = await insertBatched(db, [
    ...communesOld.map((r) => unit(r, 'commune', 'pre2025', districtIds.get(`pre2025:district:${r.district_code}`) ?? null)),
    ...communesNew.map((r) => unit(r, 'commune', '2025', provinceIds.get(`2025:province:${r.province_code}`) ?? null)),
  ]);

  const successions: { old_unit_id: number; new_unit_id: number; merge_type: 'full' | 'partial'; n_targets: number; effective_on: string }[] = [];
  for (const r of provincesOld) {
    const oldId = provinceIds.get(`pre2025:province:${r.code}`);
    const newId = provinceIds.get(`2025:province:${r.new_province_code_2025}`);
    if (oldId !== undefined && newId !== undefined) {
      successions.push({ old_unit_id: oldId, new_unit_id: newId, merge_type: 'full', n_targets: 1, effective_on: REFORM_2025 });
    }
  }
  const seen = new Set<string>();
  for (const r of read('mapping_communes_old_to_new_2025.csv')) {
    const oldId = communeIds.get(`pre2025:commune:${r.old_commune_code}`);
    const newId = communeIds.get(`2025:commune:${r.new_commune_code}`);
    const key = `${oldId}:${newId}`;
    if (oldId === undefined || newId === undefined || seen.has(key)) continue;
    seen.add(key);
    successions.push({
      old_unit_id: oldId,
      new_unit_id: newId,
      merge_type: r.merge_type === 'partial' ? 'partial' : 'full',
      n_targets: Number(r.n_targets) || 1,
      effective_on: REFORM_2025,
    });
  }
  for (let i = 0; i < successions.length; i += 500) {
    await db.insertInto('admin_unit_successions').values(successions.slice(i, i + 500)).execute();
  }
  return { units: provinceIds.size + districtIds.size + communeIds.size, successions: successions.length };
}
