/**
 * A statistician's decision on a submission. Approval writes every cell into stat_values as the
 * reporter's figure (reporter_agency_id = the reporter's agency, status approved, source naming the
 * report and version), replacing the figure of an earlier approved version, so the indicator pages,
 * rankings and API read it the way they read any stored figure (queries.ts, resolve.ts), plus the
 * reporter's province totals (parentTotals). Returning
 * needs a comment and mails it to the reporter. Both are audited in the same transaction.
 */
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError } from '../../../platform/errors.ts';
import { translate } from '../../../platform/i18n/index.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { parsePeriod } from '../period.ts';
import { assignmentById, cellsOf, memberEmails, type CellRow } from './report-queries.ts';

export const reportSource = (code: string, period: string, version: number): string => `report:${code}:${period}:v${version}`;

async function pendingSubmission(db: Db, id: number) {
  const s = await db.selectFrom('stat_report_submissions').selectAll().where('id', '=', id).executeTakeFirst();
  if (s === undefined) throw new AppError('not_found');
  if (s.status !== 'submitted') throw new AppError('conflict', { decision: { key: 'reports.err.not_pending' } });
  const assignment = await assignmentById(db, s.assignment_id);
  if (assignment === undefined) throw new AppError('not_found');
  return { s, assignment };
}

/**
 * The reporter's total for each province its districts belong to, for indicators that add up over
 * units: the rankings compare provinces and read a province's own figure, and an enterprise's
 * subscribers in a province are those in the districts it reports. Shares (unit aggregation
 * "average") are not totalled: an unweighted mean of districts is not the province's share.
 */
async function parentTotals(db: Db, cells: readonly CellRow[]): Promise<CellRow[]> {
  if (cells.length === 0) return [];
  const units = await db.selectFrom('admin_units').select(['id', 'parent_id']).where('id', 'in', [...new Set(cells.map((c) => c.unitId))]).execute();
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  const summed = await db.selectFrom('stat_indicators').select('id').where('id', 'in', [...new Set(cells.map((c) => c.indicatorId))]).where('unit_aggregation', '=', 'sum').execute();
  const sums = new Set(summed.map((i) => i.id));
  const totals = new Map<string, CellRow>();
  for (const c of cells) {
    const parent = parentOf.get(c.unitId);
    if (parent === null || parent === undefined || !sums.has(c.indicatorId)) continue;
    const key = `${c.indicatorId}:${parent}`;
    const t = totals.get(key);
    totals.set(key, { indicatorId: c.indicatorId, unitId: parent, value: (t?.value ?? 0) + c.value, previous: null, flagged: false, reason: null });
  }
  return [...totals.values()];
}

export async function approveSubmission(db: Db, actor: AuditActor, submissionId: number, comment: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { s, assignment } = await pendingSubmission(trx, submissionId);
    const period = parsePeriod(assignment.period);
    if (period === null) throw new AppError('unprocessable');
    const at = nowIso();
    const source = reportSource(assignment.formCode, assignment.period, s.version);
    const reported = await cellsOf(trx, s.id);
    const cells = [...reported, ...(await parentTotals(trx, reported))];
    for (const c of cells) {
      await trx
        .deleteFrom('stat_values')
        .where('indicator_id', '=', c.indicatorId)
        .where('admin_unit_id', '=', c.unitId)
        .where('period', '=', period.code)
        .where('reporter_agency_id', '=', assignment.agencyId)
        .execute();
    }
    if (cells.length > 0) {
      await trx
        .insertInto('stat_values')
        .values(
          cells.map((c) => ({
            indicator_id: c.indicatorId,
            admin_unit_id: c.unitId,
            period: period.code,
            period_kind: period.kind,
            period_start: period.start,
            period_end: period.end,
            reporter_agency_id: assignment.agencyId,
            value: c.value,
            status: 'approved' as const,
            source,
            note: c.reason,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
    await trx.updateTable('stat_report_submissions').set({ status: 'approved', reviewed_by: actor.id, reviewed_at: at, review_comment: comment === '' ? null : comment }).where('id', '=', s.id).execute();
    await recordAudit(trx, actor, {
      action: 'statistics.report.approve',
      entityType: 'stat_report_submission',
      entityId: s.id,
      agencyId: assignment.agencyId,
      before: { status: s.status },
      after: { status: 'approved', source, values: cells.length },
    });
  });
}

export async function returnSubmission(db: Db, actor: AuditActor, submissionId: number, comment: string, reportUrl: (assignmentId: number) => string): Promise<void> {
  if (comment.trim() === '') throw new AppError('validation', { comment: { key: 'reports.err.comment_required' } });
  await db.transaction().execute(async (trx) => {
    const { s, assignment } = await pendingSubmission(trx, submissionId);
    const at = nowIso();
    await trx.updateTable('stat_report_submissions').set({ status: 'returned', reviewed_by: actor.id, reviewed_at: at, review_comment: comment }).where('id', '=', s.id).execute();
    for (const m of await memberEmails(trx, assignment.reporterId)) {
      const locale = m.locale === 'en' ? 'en' : 'vi';
      const params = { code: assignment.formCode, period: assignment.period, form: locale === 'en' ? assignment.formNameEn : assignment.formNameVi, version: s.version, comment, url: reportUrl(assignment.id) };
      await enqueueMail(trx, { to: m.email, subject: translate(locale, 'reports.mail.returned_subject', params), text: translate(locale, 'reports.mail.returned_body', params) });
    }
    await recordAudit(trx, actor, {
      action: 'statistics.report.return',
      entityType: 'stat_report_submission',
      entityId: s.id,
      agencyId: assignment.agencyId,
      before: { status: s.status },
      after: { status: 'returned', comment },
    });
  });
}
