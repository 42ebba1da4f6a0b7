/** Tables owned by the e-services module (migrations 2026-11-28-0021 and -0022). */
import type { Generated } from 'kysely';

export interface ProceduresTable {
  id: Generated<number>;
  code: string;
  national_code: string | null;
  name_vi: string;
  name_en: string;
  field: string;
  applicants_vi: string;
  applicants_en: string;
  steps_vi: string;
  steps_en: string;
  processing_days: number;
  result_vi: string;
  result_en: string;
  legal_basis: string;
  online_available: Generated<number>;
  form_json: string;
  search_text: string;
  published: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProcedureAgenciesTable {
  id: Generated<number>;
  procedure_id: number;
  agency_id: number;
  role: 'receiving' | 'deciding';
  valid_from: string;
  valid_to: string | null;
}

export interface ProcedureOnlineLevelsTable {
  id: Generated<number>;
  procedure_id: number;
  scheme: 'decree43_2011' | 'decree42_2022';
  level: string;
  valid_from: string;
  valid_to: string | null;
}

export interface ProcedureFeesTable {
  id: Generated<number>;
  procedure_id: number;
  label_vi: string;
  label_en: string;
  amount_vnd: number;
  unit_vi: string;
  unit_en: string;
  legal_basis: string;
  sort_order: Generated<number>;
}

export interface ProcedureComponentsTable {
  id: Generated<number>;
  procedure_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  copies_vi: string;
  copies_en: string;
  required: Generated<number>;
  template_file: string | null;
  sort_order: Generated<number>;
}

export interface DossiersTable {
  id: Generated<number>;
  code: string | null;
  procedure_id: number;
  agency_id: number;
  applicant_id: number;
  status: string;
  national_status: number | null;
  channel: number;
  applicant_name: string;
  applicant_phone: string;
  applicant_email: string;
  summary: string;
  form_json: string;
  submitted_at: string | null;
  received_on: string | null;
  due_on: string | null;
  created_at: string;
  updated_at: string;
  resume_status: string | null;
  paused_on: string | null;
  supplement_count: Generated<number>;
  finished_on: string | null;
  /** The competent authority the dossier was submitted to for its decision (migration 2026-11-29-0130). */
  deciding_agency_id: number | null;
}

export interface DossierFilesTable {
  id: Generated<number>;
  dossier_id: number;
  component_code: string;
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  reused: Generated<number>;
  uploaded_at: string;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: number;
  at: string;
  actor_id: number | null;
  action: string;
  status: string;
  national_status: number | null;
  note: string | null;
  /** The due date set by this event (receipt, resumption after a supplement, apology). */
  due_on: string | null;
  /** The agency acting at this step when it is not the dossier's own (the competent authority). */
  agency_id: number | null;
}

export interface EservicesTables {
  procedures: ProceduresTable;
  procedure_agencies: ProcedureAgenciesTable;
  procedure_online_levels: ProcedureOnlineLevelsTable;
  procedure_fees: ProcedureFeesTable;
  procedure_components: ProcedureComponentsTable;
  dossiers: DossiersTable;
  dossier_files: DossierFilesTable;
  dossier_events: DossierEventsTable;
}
