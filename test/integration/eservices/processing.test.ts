import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkingCalendar } from '../../../src/platform/calendar/working-calendar.ts';
import { todayInVietnam } from '../../../src/platform/text/format.ts';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { PDF, signedIn, upload } from './helpers.ts';
import { act, submitted } from './inbox-helpers.ts';
import { issuePublishingLicence } from './results-helpers.ts';

test('intake, supplement loop, appraisal, decision and return: each step stores its national status, is audited and e-mailed', async (t) => {
  const { app, store } = await build(t);
  const { citizen, id, code } = await submitted(app, store);
  const officer = await signedIn(app, store, 'officer');
  const leader = await signedIn(app, store, 'leader');

  const inbox = await officer.get('/quan-tri/ho-so');
  assert.equal(inbox.status, 200);
  assert.ok(inbox.body.includes(code));
  assert.match(inbox.body, /Chờ tiếp nhận/);

  const noNote = await act(officer, id, 'request_supplement');
  assert.equal(noNote.status, 422);
  assert.match(noNote.body, /Vui lòng nhập nội dung, lý do/);
  assert.equal((await act(officer, id, 'request_supplement', { note: 'Bổ sung văn bản xác nhận của Hội' })).status, 303);
  let row = await store.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'supplement_requested');
  assert.equal(row.national_status, 5);
  const dueBefore = row.due_on;

  const receipt = await citizen.get(`/ho-so/${id}/bien-nhan`);
  assert.match(receipt.body, /Cơ quan yêu cầu bổ sung hồ sơ/);
  assert.match(receipt.body, /Bổ sung văn bản xác nhận của Hội/);
  assert.equal((await upload(citizen, `/ho-so/${id}/tai-lieu`, { component: 'xac-nhan' }, { name: 'xac-nhan.pdf', type: 'application/pdf', content: PDF('xac nhan') })).status, 303);
  await citizen.get(`/ho-so/${id}/bien-nhan`);
  assert.equal((await citizen.post(`/ho-so/${id}/bo-sung`, { note: 'Đã bổ sung' })).status, 303);
  row = await store.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'submitted');
  assert.equal(row.national_status, 1);
  assert.equal(row.supplement_count, 1);
  // Supplemented the same day it was asked: the days left are counted again from today.
  const calendar = new WorkingCalendar();
  const today = todayInVietnam();
  assert.equal(row.due_on, calendar.addWorkingDays(calendar.workingDayOnOrAfter(today), calendar.workingDaysBetween(today, dueBefore ?? today)));

  assert.equal((await act(officer, id, 'accept')).status, 303);
  assert.equal((await act(officer, id, 'approve')).status, 403);
  assert.equal((await act(officer, id, 'propose')).status, 303);
  const outOfOrder = await act(officer, id, 'return_result');
  assert.equal(outOfOrder.status, 409);
  assert.match(outOfOrder.body, /không thực hiện được ở bước hiện tại/);
  assert.equal((await act(leader, id, 'approve')).status, 303);
  // Returning the result before the licence is issued: refused with a clear message, audited, nothing changed.
  const before = await store.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const tooEarly = await act(officer, id, 'return_result');
  assert.equal(tooEarly.status, 409);
  assert.match(tooEarly.body, /Chưa thể trả kết quả: giấy phép của hồ sơ chưa được cấp/);
  assert.deepEqual(await store.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), before);
  assert.doesNotMatch((await officer.get(`/quan-tri/ho-so/${id}`)).body, /value="return_result"/);
  await issuePublishingLicence(store, officer, id);
  assert.match((await officer.get(`/quan-tri/ho-so/${id}`)).body, /value="return_result"/);
  assert.equal((await act(officer, id, 'return_result')).status, 303);

  const events = await store.db.selectFrom('dossier_events').select(['action', 'national_status']).where('dossier_id', '=', id).orderBy('id').execute();
  assert.deepEqual(
    events.map((e) => [e.action, e.national_status]),
    [['created', null], ['submitted', 1], ['request_supplement', 5], ['supplemented', 1], ['accept', 2], ['propose', 4], ['approve', 9], ['issue_licence', 9], ['return_result', 10]],
  );
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'dossier').orderBy('id').execute();
  const refused = 'dossier.action_refused';
  assert.deepEqual(audit.map((a) => a.action), ['dossier.submitted', 'dossier.request_supplement', 'dossier.supplemented', 'dossier.accept', refused, 'dossier.propose', refused, 'dossier.approve', refused, 'dossier.return_result']);
  const mails = await store.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body']).where('subject', 'like', `%${code}%`).orderBy('id').execute();
  assert.equal(mails.length, 6);
  assert.ok(mails.every((m) => m.to_address === 'citizen@laocai.example.vn'));
  assert.match(mails[0]?.text_body ?? '', /Bổ sung văn bản xác nhận của Hội/);
  assert.match(mails[4]?.text_body ?? '', /01\/GP-SVHTTDL/);
  assert.match(mails[5]?.text_body ?? '', /Đã trả kết quả/);

  const tracked = new Client(app);
  await tracked.get('/tra-cuu');
  const track = await tracked.post('/tra-cuu', { code, contact: '0912345678' });
  assert.match(track.body, /Trả kết quả \(Đã trả kết quả\)/);
  assert.match(track.body, /Yêu cầu bổ sung hồ sơ \(Yêu cầu bổ sung giấy tờ\)/);
});

test('a second supplement request is flagged; refusing at intake closes the dossier with national status 3', async (t) => {
  const { app, store } = await build(t);
  const { citizen, id } = await submitted(app, store);
  const officer = await signedIn(app, store, 'officer');
  for (let i = 0; i < 2; i++) {
    await act(officer, id, 'request_supplement', { note: `Lần ${i + 1}` });
    await citizen.get(`/ho-so/${id}/bien-nhan`);
    await citizen.post(`/ho-so/${id}/bo-sung`, {});
  }
  const page = await officer.get(`/quan-tri/ho-so/${id}`);
  assert.match(page.body, /đã yêu cầu bổ sung lần hai/);
  assert.equal((await act(officer, id, 'refuse', { note: 'Tài liệu có nội dung kinh doanh' })).status, 303);
  const row = await store.db.selectFrom('dossiers').select(['status', 'national_status', 'finished_on']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([row.status, row.national_status], ['refused', 3]);
  assert.equal(row.finished_on, todayInVietnam());
  assert.equal((await act(officer, id, 'accept')).status, 409);
});

test('the inbox filters by status and due date; a late dossier gets an apology with a new working-day date', async (t) => {
  const { app, store } = await build(t);
  const { id, code } = await submitted(app, store);
  const officer = await signedIn(app, store, 'officer');
  assert.ok((await officer.get('/quan-tri/ho-so?han=on_time')).body.includes(code));
  assert.ok(!(await officer.get('/quan-tri/ho-so?han=late')).body.includes(code));
  assert.ok(!(await officer.get('/quan-tri/ho-so?trang-thai=accepted')).body.includes(code));

  const noApology = await act(officer, id, 'apologise', { note: 'Xin lỗi', new_due_on: '2035-01-03' });
  assert.equal(noApology.status, 422);
  assert.match(noApology.body, /Chỉ gửi phiếu xin lỗi khi hồ sơ quá hạn/);

  await store.db.updateTable('dossiers').set({ due_on: '2026-01-05' }).where('id', '=', id).execute();
  const late = await officer.get('/quan-tri/ho-so?han=late');
  assert.ok(late.body.includes(code));
  assert.match(late.body, /Quá hạn/);
  const weekend = await act(officer, id, 'apologise', { note: 'Chờ ý kiến thẩm định', new_due_on: '2035-01-06' });
  assert.equal(weekend.status, 422);
  assert.match(weekend.body, /một ngày làm việc sau hôm nay/);
  assert.equal((await act(officer, id, 'apologise', { note: 'Chờ ý kiến thẩm định', new_due_on: '2035-01-08' })).status, 303);
  const row = await store.db.selectFrom('dossiers').select(['due_on', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([row.due_on, row.status], ['2035-01-08', 'submitted']);
  const mail = await store.db.selectFrom('mail_outbox').select('text_body').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.match(mail.text_body, /Ngày hẹn trả kết quả mới: 08\/01\/2035/);
});

test('staff of another agency, the public and other roles cannot see or act on a dossier; documents download for staff only', async (t) => {
  const { app, store } = await build(t);
  const { citizen, id } = await submitted(app, store);
  const science = await store.db.selectFrom('agencies').select('id').where('code', '=', 'so-tttt-lao-cai').executeTakeFirstOrThrow();
  const writer = await store.db.selectFrom('users').select('id').where('email', '=', 'writer@laocai.example.vn').executeTakeFirstOrThrow();
  await store.db.insertInto('user_roles').values({ user_id: writer.id, role: 'officer', agency_id: science.id, granted_at: new Date().toISOString(), granted_by: null }).execute();
  const outsider = await signedIn(app, store, 'writer');
  assert.equal((await outsider.get(`/quan-tri/ho-so/${id}`)).status, 404);
  await outsider.get('/quan-tri/ho-so');
  assert.equal((await outsider.post(`/quan-tri/ho-so/${id}/xu-ly`, { action: 'accept' })).status, 404);
  const attempt = await store.db.selectFrom('audit_log').select(['actor_id', 'after_json']).where('action', '=', 'dossier.action_refused').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
  assert.equal(attempt.actor_id, writer.id);
  assert.deepEqual(JSON.parse(attempt.after_json ?? '{}'), { action: 'accept', status: 'submitted', reason: 'error.not_found' });
  assert.equal((await citizen.get('/quan-tri/ho-so')).status, 403);
  assert.equal((await store.db.selectFrom('dossiers').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'submitted');

  const officer = await signedIn(app, store, 'officer');
  const page = await officer.get(`/quan-tri/ho-so/${id}`);
  const href = /href="(\/quan-tri\/ho-so\/\d+\/tep\/\d+)"/.exec(page.body)?.[1] ?? '';
  const file = await officer.get(href);
  assert.equal(file.status, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.match(file.body, /^%PDF-/);
  assert.equal((await outsider.get(href)).status, 404);
});
