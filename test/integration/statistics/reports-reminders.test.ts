import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { build, dropTemplates } from '../../helpers/build.ts';
import { addDays } from '../../../src/platform/calendar/dates.ts';
import { sendReportReminders } from '../../../src/modules/statistics/reports/remind.ts';
import { statisticsRemindCommand } from '../../../src/modules/statistics/reports/cli.ts';
import { demoAssignment, downloadTemplate, fill, plausible, signedIn, uploadWorkbook } from './reports-helpers.ts';

after(dropTemplates);

const url = (id: number): string => `http://localhost:3000/bao-cao-thong-ke/${id}`;

test('reminders: one before the deadline and one after, each sent once however often the job runs; none once the report is in', async (t) => {
  const { app, store, config } = await build(t);
  const a = await demoAssignment(store);
  const period = await store.db.selectFrom('stat_report_periods').select(['id', 'deadline']).where('period', '=', '2025-Q2').executeTakeFirstOrThrow();
  const mails = () => store.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body']).where('subject', 'like', '%BC-VT-01%').orderBy('id').execute();

  assert.deepEqual(await sendReportReminders(store.db, addDays(period.deadline, -10), url), { before: 0, after: 0 });
  assert.deepEqual(await sendReportReminders(store.db, addDays(period.deadline, -3), url), { before: 1, after: 0 });
  assert.deepEqual(await sendReportReminders(store.db, addDays(period.deadline, -1), url), { before: 0, after: 0 });
  assert.deepEqual(await sendReportReminders(store.db, period.deadline, url), { before: 0, after: 0 });
  // The CLI runs the same job; the day after the deadline it sends the overdue reminder once.
  const logs: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => logs.push(args.join(' '));
  try {
    assert.equal(await statisticsRemindCommand.run(['--today', addDays(period.deadline, 1)], config), 0);
    assert.equal(await statisticsRemindCommand.run(['--today', addDays(period.deadline, 2)], config), 0);
    assert.equal(await statisticsRemindCommand.run(['--today', '2025-13-01'], config), 2);
  } finally {
    console.log = log;
  }
  assert.deepEqual(logs, ['queued 0 reminder(s) before the deadline and 1 after it', 'queued 0 reminder(s) before the deadline and 0 after it']);
  const sent = await mails();
  assert.equal(sent.length, 2);
  assert.ok(sent.every((m) => m.to_address === 'enterprise@laocai.example.vn'));
  assert.match(sent[0]!.subject, /^Nhắc hạn nộp báo cáo BC-VT-01 kỳ 2025-Q2/);
  assert.match(sent[1]!.subject, /^Quá hạn nộp báo cáo BC-VT-01 kỳ 2025-Q2/);
  assert.ok(sent[1]!.text_body.includes(url(a.id)));

  // A submitted report is not reminded: a new period with the report in gets no mail.
  await store.db.updateTable('stat_report_assignments').set({ reminded_before_at: null, reminded_after_at: null }).where('id', '=', a.id).execute();
  const enterprise = await signedIn(app, store, 'enterprise');
  const wb = await downloadTemplate(app, enterprise, a.path);
  fill(wb, a.units.length, plausible);
  assert.equal((await uploadWorkbook(enterprise, a.path, wb)).status, 303);
  assert.deepEqual(await sendReportReminders(store.db, addDays(period.deadline, 5), url), { before: 0, after: 0 });
});
