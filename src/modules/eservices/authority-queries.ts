/**
 * The competent authority's share of the inbox: dossiers another agency received, appraised and
 * submitted to it for its decision (`dossiers.deciding_agency_id`, status awaiting_authority).
 */
import type { Db } from '../../platform/db/index.ts';
import { agencyNameOn } from './dossier-queries.ts';
import type { InboxEntry } from './staff-queries.ts';

export interface AuthorityEntry extends Pick<InboxEntry, 'id' | 'code' | 'procedureCode' | 'procedureVi' | 'procedureEn' | 'applicantName' | 'summary' | 'dueOn'> {
  /** The department that received the dossier and submitted it. */
  readonly fromAgency: { vi: string; en: string };
}

/** Dossiers awaiting the decision of one of `agencyIds` as competent authority, earliest due first (at most 200). */
export async function awaitingAuthority(db: Db, agencyIds: readonly number[], today: string): Promise<AuthorityEntry[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .select(['d.id', 'd.agency_id', 'p.code as procedureCode', 'p.name_vi as procedureVi', 'p.name_en as procedureEn', 'd.applicant_name as applicantName', 'd.summary', 'd.due_on as dueOn'])
    .select((eb) => eb.fn.coalesce('d.code', eb.val('')).as('code'))
    .where('d.deciding_agency_id', 'in', agencyIds)
    .where('d.status', '=', 'awaiting_authority')
    .orderBy('d.due_on')
    .orderBy('d.id')
    .limit(200)
    .execute();
  const names = new Map<number, { vi: string; en: string }>();
  for (const id of new Set(rows.map((r) => r.agency_id))) names.set(id, await agencyNameOn(db, id, today));
  return rows.map(({ agency_id, ...entry }) => ({ ...entry, fromAgency: names.get(agency_id) ?? { vi: '', en: '' } }));
}
