/**
 * Managing a form's assignments: which reporters report on it and for which units, the deadline of
 * each period, and who has not yet submitted (with a reminder sent by hand). Every change is audited.
 */
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { isIsoDate } from '../../../platform/calendar/dates.ts';
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { compareVi } from '../../../platform/text/collate.ts';
import { parsePeriod } from '../period.ts';
import { HOME_PROVINCE } from '../public-data.ts';
import { owesReport, queueReminder } from './remind.ts';
import { assignmentById, type AssignmentView } from './report-queries.ts';
import type { ReportPeriodStatus, ReporterKind } from './tables.ts';

export interface ManagedForm {
  readonly id: number;
  readonly code: string;
  readonly version: number;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly reporterKind: ReporterKind;
  readonly ownerAgencyId: number | null;
}

export async function currentFormByCode(db: Db, code: string): Promise<ManagedForm | undefined> {
  const f = await db.selectFrom('stat_report_forms').selectAll().where('code', '=', code).where('is_current', '=', 1).executeTakeFirst();
  return f === undefined ? undefined : { id: f.id, code: f.code, version: f.version, nameVi: f.name_vi, nameEn: f.name_en, reporterKind: f.reporter_kind, ownerAgencyId: f.owner_agency_id };
}

export interface UnitChoice {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}
export interface UnitGroup {
  readonly structure: 'pre2025' | '2025';
  readonly province: string;
  readonly units: readonly UnitChoice[];
}

/** The units a reporter can be assigned for: the portal's province's districts (before 2025) and communes (2025 structure), by Vietnamese name. */
export async function unitChoices(db: Db): Promise<UnitGroup[]> {
  const provinces = await db
    .selectFrom('admin_units')
    .select(['id', 'structure', 'full_name'])
    .where('level', '=', 'province')
    .where((eb) => eb.or([eb.and([eb('structure', '=', 'pre2025'), eb('code', '=', HOME_PROVINCE.pre2025)]), eb.and([eb('structure', '=', '2025'), eb('code', '=', HOME_PROVINCE.current)])]))
    .orderBy('structure', 'desc')
    .execute();
  const groups: UnitGroup[] = [];
  for (const p of provinces) {
    const units = await db.selectFrom('admin_units').select(['id', 'code', 'full_name as name']).where('parent_id', '=', p.id).execute();
    units.sort((a, b) => compareVi(a.name, b.name));
    groups.push({ structure: p.structure, province: p.full_name, units });
  }
  return groups;
}

export interface FormReporter {
  readonly reporterId: number;
  readonly name: string;
  readonly units: readonly UnitChoice[];
}

export async function formReporters(db: Db, formCode: string): Promise<FormReporter[]> {
  const rows = await db
    .selectFrom('stat_form_reporters as fr')
    .innerJoin('stat_reporters as r', 'r.id', 'fr.reporter_id')
    .leftJoin('stat_form_reporter_units as fu', 'fu.form_reporter_id', 'fr.id')
    .leftJoin('admin_units as u', 'u.id', 'fu.admin_unit_id')
    .select(['r.id as reporter_id', 'r.name', 'u.id as unit_id', 'u.code', 'u.full_name'])
    .where('fr.form_code', '=', formCode)
    .execute();
  const out = new Map<number, { reporterId: number; name: string; units: UnitChoice[] }>();
  for (const r of rows) {
    let entry = out.get(r.reporter_id);
    if (entry === undefined) out.set(r.reporter_id, (entry = { reporterId: r.reporter_id, name: r.name, units: [] }));
    if (r.unit_id !== null && r.code !== null && r.full_name !== null) entry.units.push({ id: r.unit_id, code: r.code, name: r.full_name });
  }
  const list = [...out.values()];
  for (const e of list) e.units.sort((a, b) => compareVi(a.name, b.name));
  return list.sort((a, b) => compareVi(a.name, b.name));
}

/** Reporters of the form's kind, by name: those that can be assigned to it. */
export async function reportersOfKind(db: Db, kind: ReporterKind): Promise<{ id: number; name: string }[]> {
  const rows = await db.selectFrom('stat_reporters').select(['id', 'name']).where('kind', '=', kind).execute();
  return rows.sort((a, b) => compareVi(a.name, b.name));
}

/**
 * Assigns a reporter to the form for `unitIds` (replacing its units when already assigned) and to the
 * form's open periods it was not yet assigned for.
 */
export async function assignReporter(db: Db, actor: AuditActor, form: ManagedForm, input: { reporterId: number | null; unitIds: readonly string[] }): Promise<void> {
  const errors: FieldErrors = {};
  const reporter = input.reporterId === null ? undefined : await db.selectFrom('stat_reporters').select(['id', 'kind', 'name']).where('id', '=', input.reporterId).executeTakeFirst();
  if (reporter === undefined || reporter.kind !== form.reporterKind) errors.reporter = { key: 'reports.err.reporter' };
  const allowed = new Map((await unitChoices(db)).flatMap((g) => g.units).map((u) => [String(u.id), u]));
  const units = [...new Set(input.unitIds)].map((id) => allowed.get(id));
  if (units.length === 0 || units.some((u) => u === undefined)) errors.units = { key: 'reports.err.units' };
  if (Object.keys(errors).length > 0 || reporter === undefined) throw new AppError('validation', errors);
  const chosen = units as UnitChoice[];
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    let row = await trx.selectFrom('stat_form_reporters').select('id').where('form_code', '=', form.code).where('reporter_id', '=', reporter.id).executeTakeFirst();
    const before = row === undefined ? null : (await trx.selectFrom('stat_form_reporter_units').select('admin_unit_id').where('form_reporter_id', '=', row.id).execute()).map((u) => u.admin_unit_id).sort((a, b) => a - b);
    if (row === undefined) row = await trx.insertInto('stat_form_reporters').values({ form_code: form.code, reporter_id: reporter.id, created_at: at }).returning('id').executeTakeFirstOrThrow();
    else await trx.deleteFrom('stat_form_reporter_units').where('form_reporter_id', '=', row.id).execute();
    await trx.insertInto('stat_form_reporter_units').values(chosen.map((u) => ({ form_reporter_id: row.id, admin_unit_id: u.id }))).execute();
    const open = await trx
      .selectFrom('stat_report_periods as p')
      .innerJoin('stat_report_forms as f', 'f.id', 'p.form_id')
      .select('p.id')
      .where('f.code', '=', form.code)
      .where('p.status', '=', 'open')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('stat_report_assignments as a').select('a.id').whereRef('a.report_period_id', '=', 'p.id').where('a.reporter_id', '=', reporter.id))))
      .execute();
    if (open.length > 0) {
      await trx.insertInto('stat_report_assignments').values(open.map((p) => ({ report_period_id: p.id, reporter_id: reporter.id, reminded_before_at: null, reminded_after_at: null, created_at: at }))).execute();
    }
    await recordAudit(trx, actor, {
      action: 'statistics.report_assignment.assign',
      entityType: 'stat_form_reporter',
      entityId: row.id,
      before: before === null ? undefined : { units: before },
      after: { form: form.code, reporter: reporter.name, units: chosen.map((u) => u.id).sort((a, b) => a - b), openPeriods: open.length },
    });
  });
}

/**
 * Unassigns a reporter from the form. Its assignments of open periods without any submission go
 * too; those with submissions stay, so nothing submitted is lost.
 */
export async function unassignReporter(db: Db, actor: AuditActor, form: ManagedForm, reporterId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('stat_form_reporters').select('id').where('form_code', '=', form.code).where('reporter_id', '=', reporterId).executeTakeFirst();
    if (row === undefined) throw new AppError('not_found');
    const units = (await trx.selectFrom('stat_form_reporter_units').select('admin_unit_id').where('form_reporter_id', '=', row.id).execute()).map((u) => u.admin_unit_id).sort((a, b) => a - b);
    await trx.deleteFrom('stat_form_reporter_units').where('form_reporter_id', '=', row.id).execute();
    await trx.deleteFrom('stat_form_reporters').where('id', '=', row.id).execute();
    const removed = await trx
      .deleteFrom('stat_report_assignments')
      .where('reporter_id', '=', reporterId)
      .where('report_period_id', 'in', trx.selectFrom('stat_report_periods as p').innerJoin('stat_report_forms as f', 'f.id', 'p.form_id').select('p.id').where('f.code', '=', form.code).where('p.status', '=', 'open'))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('stat_report_submissions as s').select('s.id').whereRef('s.assignment_id', '=', 'stat_report_assignments.id'))))
      .executeTakeFirst();
    await recordAudit(trx, actor, { action: 'statistics.report_assignment.unassign', entityType: 'stat_form_reporter', entityId: row.id, before: { form: form.code, reporter: reporterId, units }, after: { removedAssignments: Number(removed.numDeletedRows) } });
  });
}

export interface ManagedPeriod {
  readonly id: number;
  readonly formCode: string;
  readonly ownerAgencyId: number | null;
  readonly period: string;
  readonly deadline: string;
  readonly status: ReportPeriodStatus;
}

function periodQuery(db: Db) {
  return db
    .selectFrom('stat_report_periods as p')
    .innerJoin('stat_report_forms as f', 'f.id', 'p.form_id')
    .select(['p.id', 'f.code', 'f.owner_agency_id', 'p.period', 'p.deadline', 'p.status']);
}
const toPeriod = (r: { id: number; code: string; owner_agency_id: number | null; period: string; deadline: string; status: ReportPeriodStatus }): ManagedPeriod => ({
  id: r.id,
  formCode: r.code,
  ownerAgencyId: r.owner_agency_id,
  period: r.period,
  deadline: r.deadline,
  status: r.status,
});

export async function periodById(db: Db, id: number): Promise<ManagedPeriod | undefined> {
  const r = await periodQuery(db).where('p.id', '=', id).executeTakeFirst();
  return r === undefined ? undefined : toPeriod(r);
}

/** Periods of a form (all its versions), the latest deadline first. */
export async function periodsOfForm(db: Db, formCode: string): Promise<ManagedPeriod[]> {
  return (await periodQuery(db).where('f.code', '=', formCode).orderBy('p.deadline', 'desc').limit(100).execute()).map(toPeriod);
}

/** Moves a period's deadline. The reminder marks are cleared, so the reminders follow the new deadline. */
export async function setPeriodDeadline(db: Db, actor: AuditActor, period: ManagedPeriod, deadline: string): Promise<void> {
  const p = parsePeriod(period.period);
  if (!isIsoDate(deadline) || (p !== null && deadline <= p.end)) throw new AppError('validation', { deadline: { key: 'reports.err.deadline' } });
  if (deadline === period.deadline) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('stat_report_periods').set({ deadline, updated_at: nowIso() }).where('id', '=', period.id).execute();
    await trx.updateTable('stat_report_assignments').set({ reminded_before_at: null, reminded_after_at: null }).where('report_period_id', '=', period.id).execute();
    await recordAudit(trx, actor, { action: 'statistics.report_period.deadline', entityType: 'stat_report_period', entityId: period.id, before: { deadline: period.deadline }, after: { deadline } });
  });
}

export interface Outstanding {
  readonly assignment: AssignmentView;
  readonly overdue: boolean;
}

/** Assigned reporters of a period that owe the report (nothing submitted, or returned), by name. */
export async function outstandingOf(db: Db, periodId: number, today: string): Promise<Outstanding[]> {
  const ids = await db.selectFrom('stat_report_assignments').select('id').where('report_period_id', '=', periodId).execute();
  const out: Outstanding[] = [];
  for (const { id } of ids) {
    const a = await assignmentById(db, id);
    if (a !== undefined && owesReport(a.latestStatus)) out.push({ assignment: a, overdue: today > a.deadline });
  }
  return out.sort((x, y) => compareVi(x.assignment.reporterName, y.assignment.reporterName));
}

/** Sends the reminder now, by hand (before or after the deadline, as it stands); returns how many mails were queued. */
export async function remindNow(db: Db, actor: AuditActor, assignmentId: number, today: string, reportUrl: (id: number) => string): Promise<number> {
  const a = await assignmentById(db, assignmentId);
  if (a === undefined) throw new AppError('not_found');
  if (a.periodStatus !== 'open' || !owesReport(a.latestStatus)) throw new AppError('conflict');
  const overdue = today > a.deadline;
  return db.transaction().execute(async (trx) => {
    const sent = await queueReminder(trx, a, overdue, reportUrl);
    if (sent === 0) throw new AppError('validation', { reporter: { key: 'reports.err.no_members' } });
    await recordAudit(trx, actor, { action: 'statistics.report_reminder.send', entityType: 'stat_report_assignment', entityId: a.id, after: { form: a.formCode, period: a.period, reporter: a.reporterName, overdue, mails: sent } });
    return sent;
  });
}
