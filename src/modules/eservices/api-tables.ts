/** Dossiers submitted through the JSON API, by idempotency key (migration 2026-11-29-0121); dossier-code numbering (0125) and status counts (0127) for submission and the inbox at scale. */
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

/** The last number given per dossier-code prefix (migration 2026-11-29-0125). */
export interface DossierCodeSequencesTable {
  prefix: string;
  last_number: number;
}

export interface DossierCodeTables {
  dossier_code_sequences: DossierCodeSequencesTable;
}

/** Dossiers per agency, procedure and status, kept by triggers on `dossiers` (migration 2026-11-29-0127), for the inbox's counts. */
export interface DossierStatusCountsTable {
  agency_id: number;
  procedure_id: number;
  status: string;
  n: number;
}

export interface DossierCountTables {
  dossier_status_counts: DossierStatusCountsTable;
}
