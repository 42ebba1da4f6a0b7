import { createDb } from '../platform/db/index.ts';
import { isIsoDate } from '../platform/calendar/dates.ts';
import { CalendarRangeError } from '../platform/calendar/holidays.ts';
import { loadWorkingCalendar } from '../platform/calendar/queries.ts';
import { MAX_WORKING_DAYS } from '../platform/calendar/working-calendar.ts';
import type { Command } from './commands.ts';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i !== -1) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

export const calendarDueCommand: Command = {
  name: 'calendar due',
  summary: 'due date of a time limit in working days',
  help: `Usage: congso calendar due --from YYYY-MM-DD --days N

Prints the date on which a time limit of N working days ends for a dossier received on the given
date, skipping weekends, the statutory holidays (Labour Code 2019 art. 112, with the lunar dates
of Tết and the Hùng Kings' day, and days in lieu of holidays on a weekend) and the days recorded
by an administrator at /quan-tri/lich-lam-viec (read from DATABASE_URL).
A receipt on a day off counts from the next working day; the period starts the day after receipt.

Options:
  --from YYYY-MM-DD   the date of receipt (2008–2035)
  --days N            the time limit in working days (0–${MAX_WORKING_DAYS})

Exit status: 0 with the date on standard output; 2 for bad options.`,
  async run(args, config) {
    const from = option(args, '--from') ?? '';
    const daysRaw = option(args, '--days') ?? '';
    if (!isIsoDate(from)) {
      console.error('congso calendar due: --from must be a date YYYY-MM-DD');
      return 2;
    }
    if (!/^\d{1,4}$/.test(daysRaw) || Number(daysRaw) > MAX_WORKING_DAYS) {
      console.error(`congso calendar due: --days must be a whole number from 0 to ${MAX_WORKING_DAYS}`);
      return 2;
    }
    const store = createDb(config.database);
    try {
      const calendar = await loadWorkingCalendar(store.db);
      console.log(calendar.dueDate(from, Number(daysRaw)));
      return 0;
    } catch (err) {
      if (err instanceof CalendarRangeError) {
        console.error(`congso calendar due: ${err.message}`);
        return 2;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
