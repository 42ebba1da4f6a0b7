/** Dossiers submitted through the JSON API, by idempotency key (migration 2026-11-29-0121). */
import type { Generated } from 'kysely';

export interface DossierApiRequestsTable {
  id: Generated<number>;
  applicant_id: number;
  idempotency_key: string;
  request_sha256: string;
  dossier_id: number | null;
  created_at: string;
}

export interface EservicesApiTables {
  dossier_api_requests: DossierApiRequestsTable;
}
