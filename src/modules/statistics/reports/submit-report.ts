/**
 * Submitting a report: the rows (from the HTML form, an Excel template or a CSV file) are checked
 * cell by cell, and either every cell is stored as a new version of the submission, in one
 * transaction, or nothing is and the problems are returned.
 */
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { previousPeriodCode, type Problem, type RawRow } from './grid.ts';
import { formItems, isReporterMember, previousFigures, reporterUnits, type AssignmentView } from './report-queries.ts';
import type { SubmissionChannel } from './tables.ts';
import { isUniqueViolation } from './write-conflicts.ts';
import { validateReport, type ValidCell } from './validate-report.ts';

export type SubmitResult = { ok: true; submissionId: number; version: number } | { ok: false; problems: Problem[] };

export async function submitReport(
  db: Db,
  actor: AuditActor & { id: number },
  assignment: AssignmentView,
  input: { rows: readonly RawRow[]; channel: SubmissionChannel; fileName: string | null },
): Promise<SubmitResult> {
  if (!(await isReporterMember(db, assignment.reporterId, actor.id))) throw new Error('submitReport: the actor is not a member of the reporter');
  if (assignment.periodStatus !== 'open') return { ok: false, problems: [{ key: 'reports.err.period_closed', params: { period: assignment.period } }] };
  const columns = await formItems(db, assignment.formId);
  const units = await reporterUnits(db, assignment.reporterId, assignment.formCode, assignment.period);
  if (units.length === 0) return { ok: false, problems: [{ key: 'reports.err.no_units_in_period', params: { period: assignment.period } }] };
  const previous = await previousFigures(db, assignment.agencyId, columns.map((c) => c.indicatorId), units.map((u) => u.id), previousPeriodCode(assignment.period));
  const { cells, problems } = validateReport({ columns, units, rows: input.rows, jumpShare: assignment.jumpShare, previous });
  if (problems.length > 0) return { ok: false, problems };

  // Two uploads at the same moment compute the same next version; the unique index refuses the
  // second, which then runs again and becomes the next version.
  try {
    return await storeSubmission(db, actor, assignment, input, cells);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return storeSubmission(db, actor, assignment, input, cells);
  }
}

async function storeSubmission(
  db: Db,
  actor: AuditActor & { id: number },
  assignment: AssignmentView,
  input: { channel: SubmissionChannel; fileName: string | null },
  cells: readonly ValidCell[],
): Promise<SubmitResult> {
  return db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: a statistician may have closed the period meanwhile.
    const period = await trx.selectFrom('stat_report_periods').select('status').where('id', '=', assignment.reportPeriodId).executeTakeFirstOrThrow();
    if (period.status !== 'open') return { ok: false as const, problems: [{ key: 'reports.err.period_closed' as const, params: { period: assignment.period } }] };
    const last = await trx.selectFrom('stat_report_submissions').select((eb) => eb.fn.max('version').as('v')).where('assignment_id', '=', assignment.id).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await trx.updateTable('stat_report_submissions').set({ status: 'superseded' }).where('assignment_id', '=', assignment.id).where('status', '=', 'submitted').execute();
    const at = nowIso();
    const row = await trx
      .insertInto('stat_report_submissions')
      .values({ assignment_id: assignment.id, version, status: 'submitted', channel: input.channel, file_name: input.fileName, submitted_by: actor.id, submitted_at: at, reviewed_by: null, reviewed_at: null, review_comment: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('stat_report_cells')
      .values(cells.map((c) => ({ submission_id: row.id, indicator_id: c.indicatorId, admin_unit_id: c.unitId, value: c.value, previous_value: c.previous, flagged: c.flagged ? 1 : 0, reason: c.reason })))
      .execute();
    await recordAudit(trx, actor, {
      action: 'statistics.report.submit',
      entityType: 'stat_report_submission',
      entityId: row.id,
      agencyId: assignment.agencyId,
      after: { form: assignment.formCode, period: assignment.period, version, channel: input.channel, cells: cells.length, flagged: cells.filter((c) => c.flagged).length },
    });
    return { ok: true as const, submissionId: row.id, version };
  });
}
