/** Tables of the periodic reports (migrations 2026-11-29-0060, 0145, 0170). */
import type { Generated } from 'kysely';
import type { Periodicity } from '../tables.ts';

export const REPORTER_KINDS = ['telecom_enterprise', 'postal_enterprise', 'district_office'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];
export type ReportPeriodStatus = 'open' | 'closed';
/** submitted → returned | approved; a newer version supersedes a pending one. */
export type SubmissionStatus = 'submitted' | 'returned' | 'approved' | 'superseded';
export type SubmissionChannel = 'form' | 'xlsx' | 'csv';

export interface StatReportFormsTable {
  id: Generated<number>;
  code: string;
  version: number;
  name_vi: string;
  name_en: string;
  periodicity: Periodicity;
  reporter_kind: ReporterKind;
  jump_share: number;
  is_current: Generated<number>;
  /** The agency whose statisticians manage the form's assignments; null: any statistician. */
  owner_agency_id: number | null;
  created_at: string;
}

export interface StatReportFormItemsTable {
  id: Generated<number>;
  form_id: number;
  indicator_id: number;
  position: number;
}

export interface StatReportersTable {
  id: Generated<number>;
  agency_id: number;
  kind: ReporterKind;
  name: string;
  /**
   * The name cleaned and folded (reporterNameKey), unique per kind; the application always writes
   * it. Null on a row whose key an older row of the kind already had when migration 0170 added it.
   */
  name_key: string | null;
  created_at: string;
}

/** A reporter assigned to a form (by code, so it outlives the form's versions). */
export interface StatFormReportersTable {
  id: Generated<number>;
  form_code: string;
  reporter_id: number;
  created_at: string;
}

/** The units a reporter reports for on a form. */
export interface StatFormReporterUnitsTable {
  form_reporter_id: number;
  admin_unit_id: number;
}

export interface StatReporterMembersTable {
  reporter_id: number;
  user_id: number;
}

export interface StatReportPeriodsTable {
  id: Generated<number>;
  form_id: number;
  period: string;
  deadline: string;
  status: ReportPeriodStatus;
  created_at: string;
  updated_at: string;
}

export interface StatReportAssignmentsTable {
  id: Generated<number>;
  report_period_id: number;
  reporter_id: number;
  reminded_before_at: string | null;
  reminded_after_at: string | null;
  created_at: string;
}

export interface StatReportSubmissionsTable {
  id: Generated<number>;
  assignment_id: number;
  version: number;
  status: SubmissionStatus;
  channel: SubmissionChannel;
  file_name: string | null;
  submitted_by: number;
  submitted_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_comment: string | null;
}

export interface StatReportCellsTable {
  id: Generated<number>;
  submission_id: number;
  indicator_id: number;
  admin_unit_id: number;
  value: number;
  previous_value: number | null;
  flagged: Generated<number>;
  reason: string | null;
}

export interface StatisticsReportsTables {
  stat_report_forms: StatReportFormsTable;
  stat_report_form_items: StatReportFormItemsTable;
  stat_reporters: StatReportersTable;
  stat_form_reporters: StatFormReportersTable;
  stat_form_reporter_units: StatFormReporterUnitsTable;
  stat_reporter_members: StatReporterMembersTable;
  stat_report_periods: StatReportPeriodsTable;
  stat_report_assignments: StatReportAssignmentsTable;
  stat_report_submissions: StatReportSubmissionsTable;
  stat_report_cells: StatReportCellsTable;
}
