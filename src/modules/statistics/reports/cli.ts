/** `congso statistics remind`: the deadline reminders of periodic reports, from the command line. */
import type { Command } from '../../../cli/commands.ts';
import { isIsoDate } from '../../../platform/calendar/dates.ts';
import { createDb } from '../../../platform/db/index.ts';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { REMIND_DAYS_BEFORE, sendReportReminders } from './remind.ts';
import { assignmentPath } from './reporter-pages.tsx';

export const statisticsRemindCommand: Command = {
  name: 'statistics remind',
  summary: 'queue the e-mail reminders of periodic statistical reports due soon or overdue',
  help: `Usage: congso statistics remind [--today YYYY-MM-DD]

For every assignment of an open reporting period whose reporter has not submitted (or whose report
was returned), queues one reminder to the reporter's members from ${REMIND_DAYS_BEFORE} days before the deadline,
and one after the deadline has passed. Each reminder is sent once, however often this runs (the
server also runs it every hour). The mails go through the outbox (sent by the server or
the worker).

Options:
  --today YYYY-MM-DD   the date to check against (default: today in Vietnam)

Exit status: 0 on success; 2 for a bad date.`,
  async run(args, config) {
    const i = args.indexOf('--today');
    const today = i === -1 ? todayInVietnam() : (args[i + 1] ?? '');
    if (!isIsoDate(today)) {
      console.error('congso statistics remind: --today must be a date YYYY-MM-DD');
      return 2;
    }
    const store = createDb(config.database);
    try {
      const r = await sendReportReminders(store.db, today, (id) => new URL(assignmentPath(id), config.publicUrl).toString());
      console.log(`queued ${r.before} reminder(s) before the deadline and ${r.after} after it`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
