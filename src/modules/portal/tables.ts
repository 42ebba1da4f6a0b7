/** Tables owned by the portal module (migration 2026-11-29-0040-portal-intro). */
import type { Generated } from 'kysely';

/** A unit of an agency's organisation chart (board of directors, office, division, centre). */
export interface OrgUnitsTable {
  id: Generated<number>;
  agency_id: number;
  parent_id: number | null;
  name_vi: string;
  name_en: string;
  sort_order: Generated<number>;
}

export interface PortalTables {
  org_units: OrgUnitsTable;
}
