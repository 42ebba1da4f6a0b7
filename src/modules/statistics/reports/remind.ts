/**
 * Deadline reminders by e-mail through the outbox: one before the deadline (from `daysBefore` days
 * ahead) and one after it, to the members of each reporter that has not submitted for an open period.
 * Each is sent once: the assignment's reminded_*_at is set by a conditional update in the same
 * transaction as the queued mails, so two runs (the CLI and the server's poller) never both send.
 */
import type { Db } from '../../../platform/db/index.ts';
import { addDays } from '../../../platform/calendar/dates.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { translate } from '../../../platform/i18n/index.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { formatDate } from '../../../platform/text/format.ts';
import { memberEmails, openAssignments, type AssignmentView } from './report-queries.ts';

export const REMIND_DAYS_BEFORE = 3;

export interface RemindResult {
  readonly before: number;
  readonly after: number;
}

/** Submitted or approved: nothing to remind. Returned or nothing yet: the reporter still owes the report. */
export const owesReport = (latest: AssignmentView['latestStatus']): boolean => latest !== 'submitted' && latest !== 'approved';

/** Queues the reminder (before or after the deadline) to every member of the assignment's reporter; returns how many mails. */
export async function queueReminder(db: Db, a: AssignmentView, overdue: boolean, reportUrl: (assignmentId: number) => string): Promise<number> {
  const members = await memberEmails(db, a.reporterId);
  for (const m of members) {
    const locale = m.locale === 'en' ? 'en' : 'vi';
    const params = { code: a.formCode, period: a.period, form: locale === 'en' ? a.formNameEn : a.formNameVi, reporter: a.reporterName, deadline: formatDate(a.deadline), url: reportUrl(a.id) };
    await enqueueMail(db, {
      to: m.email,
      subject: translate(locale, overdue ? 'reports.mail.after_subject' : 'reports.mail.before_subject', params),
      text: translate(locale, overdue ? 'reports.mail.after_body' : 'reports.mail.before_body', params),
    });
  }
  return members.length;
}

export async function sendReportReminders(db: Db, today: string, reportUrl: (assignmentId: number) => string, daysBefore = REMIND_DAYS_BEFORE): Promise<RemindResult> {
  let before = 0;
  let after = 0;
  for (const a of await openAssignments(db)) {
    if (!owesReport(a.latestStatus)) continue;
    const overdue = today > a.deadline;
    const due = !overdue && today >= addDays(a.deadline, -daysBefore);
    if (!(overdue ? a.remindedAfterAt === null : due && a.remindedBeforeAt === null)) continue;
    const column = overdue ? 'reminded_after_at' : 'reminded_before_at';
    const sent = await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('stat_report_assignments').set({ [column]: nowIso() }).where('id', '=', a.id).where(column, 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      await queueReminder(trx, a, overdue, reportUrl);
      return true;
    });
    if (sent && overdue) after += 1;
    else if (sent) before += 1;
  }
  return { before, after };
}
