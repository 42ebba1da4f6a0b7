/** Agencies for the administration pages: each with the name valid on a day, or its last one. */
import type { Db } from '../../platform/db/index.ts';

export interface AgencySummary {
  readonly id: number;
  readonly code: string;
  readonly kind: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** False when no version is valid on the day asked (the agency was dissolved or not yet founded). */
  readonly current: boolean;
}

/** Every agency with its name on `date` (else its latest name), in code order. */
export async function agencySummaries(db: Db, date: string): Promise<AgencySummary[]> {
  const rows = await db
    .selectFrom('agencies')
    .leftJoin('agency_versions as v', 'v.agency_id', 'agencies.id')
    .select(['agencies.id', 'agencies.code', 'agencies.kind', 'v.name_vi', 'v.name_en', 'v.valid_from', 'v.valid_to'])
    .orderBy('agencies.code')
    .orderBy('v.valid_from')
    .execute();
  const out = new Map<number, AgencySummary>();
  for (const r of rows) {
    const valid = r.valid_from !== null && r.valid_from <= date && (r.valid_to === null || r.valid_to >= date);
    const seen = out.get(r.id);
    if (seen?.current === true) continue;
    out.set(r.id, { id: r.id, code: r.code, kind: r.kind, nameVi: r.name_vi ?? r.code, nameEn: r.name_en ?? r.code, current: valid });
  }
  return [...out.values()];
}

export async function agencyRecord(db: Db, id: number) {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function agencyByCode(db: Db, code: string) {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}
