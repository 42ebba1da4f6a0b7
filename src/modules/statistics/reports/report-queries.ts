/** Reads of the report tables: assignments with their form, period and reporter; items; submissions; cells. */
import type { Db } from '../../../platform/db/index.ts';
import { ruleOf, type FormColumn, type ReporterUnit } from './validate-report.ts';
import type { ReportPeriodStatus, ReporterKind, SubmissionChannel, SubmissionStatus } from './tables.ts';
import type { Periodicity } from '../tables.ts';
import { parsePeriod } from '../period.ts';

export interface AssignmentView {
  readonly id: number;
  readonly reporterId: number;
  readonly reporterName: string;
  readonly reporterKind: ReporterKind;
  readonly agencyId: number;
  readonly reportPeriodId: number;
  readonly period: string;
  readonly deadline: string;
  readonly periodStatus: ReportPeriodStatus;
  readonly formId: number;
  readonly formCode: string;
  readonly formVersion: number;
  readonly formNameVi: string;
  readonly formNameEn: string;
  readonly periodicity: Periodicity;
  readonly jumpShare: number;
  readonly remindedBeforeAt: string | null;
  readonly remindedAfterAt: string | null;
  /** Status of the latest submission, if any. */
  readonly latestStatus: SubmissionStatus | null;
}

export interface FormItem extends FormColumn {
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unitVi: string;
  readonly unitEn: string;
}

export interface SubmissionRow {
  readonly id: number;
  readonly assignmentId: number;
  readonly version: number;
  readonly status: SubmissionStatus;
  readonly channel: SubmissionChannel;
  readonly fileName: string | null;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly comment: string | null;
}

function assignmentQuery(db: Db) {
  return db
    .selectFrom('stat_report_assignments as a')
    .innerJoin('stat_report_periods as p', 'p.id', 'a.report_period_id')
    .innerJoin('stat_report_forms as f', 'f.id', 'p.form_id')
    .innerJoin('stat_reporters as r', 'r.id', 'a.reporter_id')
    .select([
      'a.id', 'a.reporter_id', 'r.name as reporter_name', 'r.kind as reporter_kind', 'r.agency_id', 'p.id as report_period_id', 'p.period', 'p.deadline', 'p.status as period_status',
      'f.id as form_id', 'f.code as form_code', 'f.version as form_version', 'f.name_vi as form_name_vi', 'f.name_en as form_name_en', 'f.periodicity', 'f.jump_share',
      'a.reminded_before_at', 'a.reminded_after_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('stat_report_submissions as s')
        .select('s.status')
        .whereRef('s.assignment_id', '=', 'a.id')
        .orderBy('s.version', 'desc')
        .limit(1)
        .as('latest_status'),
    );
}

type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignmentQuery>['execute']>>[number];
const toAssignment = (r: AssignmentRow): AssignmentView => ({
  id: r.id,
  reporterId: r.reporter_id,
  reporterName: r.reporter_name,
  reporterKind: r.reporter_kind,
  agencyId: r.agency_id,
  reportPeriodId: r.report_period_id,
  period: r.period,
  deadline: r.deadline,
  periodStatus: r.period_status,
  formId: r.form_id,
  formCode: r.form_code,
  formVersion: r.form_version,
  formNameVi: r.form_name_vi,
  formNameEn: r.form_name_en,
  periodicity: r.periodicity,
  jumpShare: Number(r.jump_share),
  remindedBeforeAt: r.reminded_before_at,
  remindedAfterAt: r.reminded_after_at,
  latestStatus: (r.latest_status ?? null) as SubmissionStatus | null,
});

export async function assignmentById(db: Db, id: number): Promise<AssignmentView | undefined> {
  const row = await assignmentQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toAssignment(row);
}

/** The assignments of the reporters a user is a member of, the latest period first. */
export async function assignmentsForUser(db: Db, userId: number): Promise<AssignmentView[]> {
  const rows = await assignmentQuery(db)
    .where('a.reporter_id', 'in', db.selectFrom('stat_reporter_members').select('reporter_id').where('user_id', '=', userId))
    .orderBy('p.deadline', 'desc')
    .orderBy('a.id')
    .execute();
  return rows.map(toAssignment);
}

/** Assignments of open periods, for the reminders. */
export async function openAssignments(db: Db): Promise<AssignmentView[]> {
  const rows = await assignmentQuery(db).where('p.status', '=', 'open').orderBy('a.id').execute();
  return rows.map(toAssignment);
}

export async function isReporterMember(db: Db, reporterId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('stat_reporter_members').select('user_id').where('reporter_id', '=', reporterId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function memberEmails(db: Db, reporterId: number): Promise<{ email: string; locale: string }[]> {
  return db
    .selectFrom('stat_reporter_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.locale'])
    .where('m.reporter_id', '=', reporterId)
    .orderBy('u.id')
    .execute();
}

export async function formItems(db: Db, formId: number): Promise<FormItem[]> {
  const rows = await db
    .selectFrom('stat_report_form_items as fi')
    .innerJoin('stat_indicators as i', 'i.id', 'fi.indicator_id')
    .select(['i.id', 'i.code', 'i.name_vi', 'i.name_en', 'i.unit_vi', 'i.unit_en', 'i.decimals'])
    .where('fi.form_id', '=', formId)
    .orderBy('fi.position')
    .execute();
  return rows.map((r) => ({ indicatorId: r.id, code: r.code, rule: ruleOf(r), nameVi: r.name_vi, nameEn: r.name_en, unitVi: r.unit_vi, unitEn: r.unit_en }));
}

/** The units a reporter reports for on a form (by form code), in code order. */
/**
 * The units a reporter reports for on a form, in a period: those of its assignment that exist on the
 * period's last day (a reporter assigned both the districts before the 2025 reform and the communes
 * after it reports the districts for 2025-Q2 and the communes for 2025-Q3).
 */
export async function reporterUnits(db: Db, reporterId: number, formCode: string, period: string): Promise<ReporterUnit[]> {
  const end = parsePeriod(period)?.end;
  let q = db
    .selectFrom('stat_form_reporter_units as fu')
    .innerJoin('stat_form_reporters as fr', 'fr.id', 'fu.form_reporter_id')
    .innerJoin('admin_units as u', 'u.id', 'fu.admin_unit_id')
    .select(['u.id', 'u.code', 'u.full_name as name'])
    .where('fr.reporter_id', '=', reporterId)
    .where('fr.form_code', '=', formCode);
  if (end !== undefined) q = q.where('u.valid_from', '<=', end).where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', end)]));
  return q.orderBy('u.code').execute();
}

export async function submissionsOf(db: Db, assignmentId: number): Promise<SubmissionRow[]> {
  const rows = await db
    .selectFrom('stat_report_submissions as s')
    .innerJoin('users as u', 'u.id', 's.submitted_by')
    .leftJoin('users as rv', 'rv.id', 's.reviewed_by')
    .select(['s.id', 's.assignment_id', 's.version', 's.status', 's.channel', 's.file_name', 'u.full_name as submitted_by', 's.submitted_at', 'rv.full_name as reviewed_by', 's.reviewed_at', 's.review_comment'])
    .where('s.assignment_id', '=', assignmentId)
    .orderBy('s.version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    assignmentId: r.assignment_id,
    version: r.version,
    status: r.status,
    channel: r.channel,
    fileName: r.file_name,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    comment: r.review_comment,
  }));
}

export async function submissionById(db: Db, id: number): Promise<SubmissionRow | undefined> {
  const row = await db.selectFrom('stat_report_submissions').select('assignment_id').where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  return (await submissionsOf(db, row.assignment_id)).find((s) => s.id === id);
}

export interface CellRow {
  readonly indicatorId: number;
  readonly unitId: number;
  readonly value: number;
  readonly previous: number | null;
  readonly flagged: boolean;
  readonly reason: string | null;
}

export async function cellsOf(db: Db, submissionId: number): Promise<CellRow[]> {
  const rows = await db
    .selectFrom('stat_report_cells')
    .select(['indicator_id', 'admin_unit_id', 'value', 'previous_value', 'flagged', 'reason'])
    .where('submission_id', '=', submissionId)
    .execute();
  return rows.map((r) => ({ indicatorId: r.indicator_id, unitId: r.admin_unit_id, value: Number(r.value), previous: r.previous_value === null ? null : Number(r.previous_value), flagged: r.flagged === 1, reason: r.reason }));
}

/** Submissions awaiting review, the oldest first. */
export async function pendingSubmissions(db: Db): Promise<{ id: number; version: number; submittedAt: string; assignment: AssignmentView }[]> {
  const rows = await db.selectFrom('stat_report_submissions').select(['id', 'version', 'submitted_at', 'assignment_id']).where('status', '=', 'submitted').orderBy('submitted_at').limit(200).execute();
  const out = [];
  for (const r of rows) {
    const assignment = await assignmentById(db, r.assignment_id);
    if (assignment !== undefined) out.push({ id: r.id, version: r.version, submittedAt: r.submitted_at, assignment });
  }
  return out;
}

export interface ReportPeriodRow {
  readonly id: number;
  readonly formCode: string;
  readonly formNameVi: string;
  readonly formNameEn: string;
  readonly period: string;
  readonly deadline: string;
  readonly status: ReportPeriodStatus;
  readonly assignments: number;
}

export async function reportPeriods(db: Db): Promise<ReportPeriodRow[]> {
  const rows = await db
    .selectFrom('stat_report_periods as p')
    .innerJoin('stat_report_forms as f', 'f.id', 'p.form_id')
    .select(['p.id', 'f.code', 'f.name_vi', 'f.name_en', 'p.period', 'p.deadline', 'p.status'])
    .select((eb) => eb.selectFrom('stat_report_assignments as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.report_period_id', '=', 'p.id').as('n'))
    .orderBy('p.deadline', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, formCode: r.code, formNameVi: r.name_vi, formNameEn: r.name_en, period: r.period, deadline: r.deadline, status: r.status, assignments: Number(r.n ?? 0) }));
}

export async function currentForms(db: Db) {
  return db.selectFrom('stat_report_forms').selectAll().where('is_current', '=', 1).orderBy('code').execute();
}

/**
 * The reporter's own figures for the period before (same kind), by `${indicatorId}:${unitId}`: what a
 * jump is measured against.
 */
export async function previousFigures(db: Db, agencyId: number, indicatorIds: readonly number[], unitIds: readonly number[], previousPeriod: string | null): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (previousPeriod === null || indicatorIds.length === 0 || unitIds.length === 0) return out;
  const rows = await db
    .selectFrom('stat_values')
    .select(['indicator_id', 'admin_unit_id', 'value'])
    .where('period', '=', previousPeriod)
    .where('reporter_agency_id', '=', agencyId)
    .where('indicator_id', 'in', indicatorIds)
    .where('admin_unit_id', 'in', unitIds)
    .execute();
  for (const r of rows) out.set(`${r.indicator_id}:${r.admin_unit_id}`, Number(r.value));
  return out;
}
