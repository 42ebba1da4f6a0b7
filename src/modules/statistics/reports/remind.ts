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
import { memberEmails, openAssignments } from './report-queries.ts';

export const REMIND_DAYS_BEFORE = 3;

export interface RemindResult {
  readonly before: number;
  readonly after: number;
}

export async function sendReportReminders(db: Db, today: string, reportUrl: (assignmentId: number) => string, daysBefore = REMIND_DAYS_BEFORE): Promise<RemindResult> {
  let before = 0;
  let after = 0;
  for (const a of await openAssignments(db)) {
    // Submitted or approved: nothing to remind. Returned or nothing yet: the reporter still owes the report.
    if (a.latestStatus === 'submitted' || a.latestStatus === 'approved') continue;
    const overdue = today > a.deadline;
    const due = !overdue && today >= addDays(a.deadline, -daysBefore);
    if (!(overdue ? a.remindedAfterAt === null : due && a.remindedBeforeAt === null)) continue;
    const column = overdue ? 'reminded_after_at' : 'reminded_before_at';
    const sent = await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('stat_report_assignments').set({ [column]: nowIso() }).where('id', '=', a.id).where(column, 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      for (const m of await memberEmails(trx, a.reporterId)) {
        const locale = m.locale === 'en' ? 'en' : 'vi';
        const params = { code: a.formCode, period: a.period, form: locale === 'en' ? a.formNameEn : a.formNameVi, reporter: a.reporterName, deadline: formatDate(a.deadline), url: reportUrl(a.id) };
        await enqueueMail(trx, {
          to: m.email,
          subject: translate(locale, overdue ? 'reports.mail.after_subject' : 'reports.mail.before_subject', params),
          text: translate(locale, overdue ? 'reports.mail.after_body' : 'reports.mail.before_body', params),
        });
      }
      return true;
    });
    if (sent && overdue) after += 1;
    else if (sent) before += 1;
  }
  return { before, after };
}
