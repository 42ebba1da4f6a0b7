/**
 * Opening a reporting period for a form (Circular 04/2022/TT-BTTTT: the form's periodicity and a
 * deadline after the period ends) assigns it to the reporters assigned to the form; a statistician
 * closes and reopens periods. Audited.
 */
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { isIsoDate } from '../../../platform/calendar/dates.ts';
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { parsePeriod } from '../period.ts';

export async function openReportPeriod(db: Db, actor: AuditActor, input: { formId: number; period: string; deadline: string }): Promise<{ id: number; assigned: number }> {
  const form = await db.selectFrom('stat_report_forms').selectAll().where('id', '=', input.formId).where('is_current', '=', 1).executeTakeFirst();
  const errors: FieldErrors = {};
  if (form === undefined) errors.form = { key: 'error.validation' };
  const period = parsePeriod(input.period.trim());
  if (form !== undefined && (period === null || period.kind !== form.periodicity)) errors.period = { key: 'reports.err.period_code' };
  if (!isIsoDate(input.deadline) || (period !== null && input.deadline <= period.end)) errors.deadline = { key: 'reports.err.deadline' };
  if (form !== undefined && period !== null && errors.period === undefined) {
    const exists = await db.selectFrom('stat_report_periods').select('id').where('form_id', '=', form.id).where('period', '=', period.code).executeTakeFirst();
    if (exists !== undefined) errors.period = { key: 'reports.err.period_exists' };
  }
  if (Object.keys(errors).length > 0 || form === undefined || period === null) throw new AppError('validation', errors);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const row = await trx
      .insertInto('stat_report_periods')
      .values({ form_id: form.id, period: period.code, deadline: input.deadline, status: 'open', created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reporters = await trx.selectFrom('stat_form_reporters').select('reporter_id as id').where('form_code', '=', form.code).orderBy('reporter_id').execute();
    if (reporters.length > 0) {
      await trx
        .insertInto('stat_report_assignments')
        .values(reporters.map((r) => ({ report_period_id: row.id, reporter_id: r.id, reminded_before_at: null, reminded_after_at: null, created_at: at })))
        .execute();
    }
    await recordAudit(trx, actor, { action: 'statistics.report_period.open', entityType: 'stat_report_period', entityId: row.id, after: { form: form.code, period: period.code, deadline: input.deadline, assigned: reporters.length } });
    return { id: row.id, assigned: reporters.length };
  });
}

export async function setReportPeriodStatus(db: Db, actor: AuditActor, id: number, status: 'open' | 'closed'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('stat_report_periods').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new AppError('not_found');
    if (row.status === status) return;
    await trx.updateTable('stat_report_periods').set({ status, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: status === 'open' ? 'statistics.report_period.reopen' : 'statistics.report_period.close', entityType: 'stat_report_period', entityId: id, before: { status: row.status }, after: { status } });
  });
}
