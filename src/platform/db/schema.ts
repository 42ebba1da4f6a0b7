/**
 * The database as Kysely sees it: one interface per table, composed from each area's tables.
 * Conventions (ISO strings for time, 0/1 flags, JSON as text) are explained in dialect.ts.
 */
import type { Generated } from 'kysely';
import type { CalendarTables } from '../calendar/tables.ts';
import type { SearchTables } from '../search/tables.ts';
import type { NewsroomTables } from '../../modules/newsroom/tables.ts';
import type { AdminTables } from '../../modules/admin/tables.ts';
import type { EservicesTables } from '../../modules/eservices/tables.ts';
import type { ResultsTables } from '../../modules/eservices/results/tables.ts';
import type { FeedbackTables } from '../../modules/eservices/feedback/tables.ts';
import type { PaymentsTables } from '../../modules/eservices/payments/tables.ts';
import type { StatisticsTables } from '../../modules/statistics/tables.ts';
import type { StatisticsReportsTables } from '../../modules/statistics/reports/tables.ts';
import type { CompositeTables } from '../../modules/statistics/composite/tables.ts';
import type { PortalTables } from '../../modules/portal/tables.ts';
import type { AnalyticsTables } from '../../modules/analytics/tables.ts';
import type { ApiTokenTables } from '../auth/api-token-tables.ts';
import type { DossierCodeTables, DossierCountTables, EservicesApiTables } from '../../modules/eservices/api-tables.ts';

export interface AdminUnitsTable {
  id: Generated<number>;
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
}

export interface AdminUnitSuccessionsTable {
  id: Generated<number>;
  old_unit_id: number;
  new_unit_id: number;
  merge_type: 'full' | 'partial';
  n_targets: number;
  effective_on: string;
}

export interface AgenciesTable {
  id: Generated<number>;
  code: string;
  kind: string;
  created_at: string;
}

export interface AgencyVersionsTable {
  id: Generated<number>;
  agency_id: number;
  name_vi: string;
  name_en: string;
  short_name: string | null;
  parent_agency_id: number | null;
  admin_unit_id: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface AgencyDutiesTable {
  id: Generated<number>;
  agency_id: number;
  duty: string;
  valid_from: string;
  valid_to: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  full_name: string;
  phone: string | null;
  account_type: 'citizen' | 'business' | 'staff';
  locale: Generated<string>;
  email_verified_at: string | null;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  mfa_required: Generated<number>;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  agency_id: number | null;
  granted_at: string;
  granted_by: number | null;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  mfa_pending: Generated<number>;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface EmailTokensTable {
  id: string;
  user_id: number;
  purpose: 'verify-email' | 'reset-password';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  agency_id: number | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface SiteSettingsTable {
  key: string;
  value_vi: string;
  value_en: string;
  updated_at: string;
}

export interface PagesTable {
  id: Generated<number>;
  slug: string;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  sort_order: Generated<number>;
  version: Generated<number>;
  updated_at: string;
  updated_by: number | null;
  /** The agency the page presents; its administrators edit it (migration 2026-11-29-0040). */
  agency_id: number | null;
}

export interface PeopleTable {
  id: Generated<number>;
  agency_id: number;
  full_name: string;
  position_vi: string;
  position_en: string;
  duties_vi: string | null;
  duties_en: string | null;
  phone: string | null;
  email: string | null;
  is_leader: Generated<number>;
  sort_order: Generated<number>;
  portrait_url: string | null;
}

export interface DirectoryEntriesTable {
  id: Generated<number>;
  agency_id: number | null;
  unit_vi: string;
  unit_en: string;
  person: string | null;
  position_vi: string | null;
  position_en: string | null;
  phone: string | null;
  email: string | null;
  sort_order: Generated<number>;
  /** Folded unit, person, position, phone and email for searching without diacritics. */
  search_text: Generated<string>;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: 'queued' | 'sent' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload_json: string;
  run_at: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: Generated<number>;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

export interface PlatformTables {
  admin_units: AdminUnitsTable;
  admin_unit_successions: AdminUnitSuccessionsTable;
  agencies: AgenciesTable;
  agency_versions: AgencyVersionsTable;
  agency_duties: AgencyDutiesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  audit_log: AuditLogTable;
  site_settings: SiteSettingsTable;
  pages: PagesTable;
  people: PeopleTable;
  directory_entries: DirectoryEntriesTable;
  mail_outbox: MailOutboxTable;
  jobs: JobsTable;
}

/** All tables. Each module adds its own interface here (e.g. `NewsroomTables`). */
export interface Database extends PlatformTables, AdminTables, CalendarTables, EservicesTables, ResultsTables, FeedbackTables, PaymentsTables, StatisticsTables, StatisticsReportsTables, CompositeTables, SearchTables, NewsroomTables, PortalTables, AnalyticsTables, ApiTokenTables, EservicesApiTables, DossierCodeTables, DossierCountTables {}
