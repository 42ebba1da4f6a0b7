/** Tables owned by the results part of e-services (migration 2026-11-29-0090). */
import type { Generated } from 'kysely';

export interface LicencesTable {
  id: Generated<number>;
  token: string;
  agency_id: number;
  procedure_id: number;
  dossier_id: number | null;
  kind: string;
  year: number;
  seq: number;
  series: string;
  number: string;
  holder_name: string;
  holder_address: string;
  title: string;
  quantity: number | null;
  details_json: string;
  issued_on: string;
  valid_until: string | null;
  signer_name: string;
  signer_title: string;
  status: string;
  revoked_on: string | null;
  revoke_reason: string | null;
  illustrative: Generated<number>;
  search_text: string;
  issued_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ResultsTables {
  licences: LicencesTable;
}
