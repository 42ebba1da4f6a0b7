/** Reads for the public pages that the API does not need: provinces of the 2025 structure and where they came from. */
import type { Db } from '../../platform/db/index.ts';

export interface ProvinceSuccession {
  readonly newId: number;
  readonly newCode: string;
  readonly newName: string;
  readonly oldId: number;
  readonly oldCode: string;
  readonly oldName: string;
  readonly mergeType: 'full' | 'partial';
}

/** Every 2025 province with the pre-2025 provinces it was formed from (admin_unit_successions at province level). */
export async function provinceSuccessions(db: Db): Promise<ProvinceSuccession[]> {
  const rows = await db
    .selectFrom('admin_unit_successions as s')
    .innerJoin('admin_units as n', 'n.id', 's.new_unit_id')
    .innerJoin('admin_units as o', 'o.id', 's.old_unit_id')
    .select(['n.id as newId', 'n.code as newCode', 'n.name as newName', 'o.id as oldId', 'o.code as oldCode', 'o.name as oldName', 's.merge_type as mergeType'])
    .where('n.level', '=', 'province')
    .where('o.level', '=', 'province')
    .orderBy('n.code')
    .orderBy('o.code')
    .execute();
  return rows.map((r) => ({ ...r, mergeType: r.mergeType === 'partial' ? 'partial' : 'full' }));
}
