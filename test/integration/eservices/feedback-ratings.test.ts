import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadWorkingCalendar } from '../../../src/platform/calendar/queries.ts';
import { todayInVietnam } from '../../../src/platform/text/format.ts';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { signedIn } from './helpers.ts';
import { returned, submitted } from './inbox-helpers.ts';

test('the applicant rates a returned dossier once; not before the result, and nobody else', async (t) => {
  const { app, store } = await build(t);
  const { citizen, id } = await returned(app, store);
  const receipt = await citizen.get(`/ho-so/${id}/bien-nhan`);
  assert.match(receipt.body, new RegExp(`href="/ho-so/${id}/danh-gia"`));
  const form = await citizen.get(`/ho-so/${id}/danh-gia`);
  assert.equal(form.status, 200);
  assert.match(form.body, /Rất hài lòng/);
  const empty = await citizen.post(`/ho-so/${id}/danh-gia`, { comment: 'Nhanh' });
  assert.equal(empty.status, 422);
  assert.match(empty.body, /Vui lòng chọn một mức độ hài lòng/);
  assert.match(empty.body, />Nhanh</);
  assert.equal((await citizen.post(`/ho-so/${id}/danh-gia`, { score: '7' })).status, 422);
  assert.equal((await citizen.post(`/ho-so/${id}/danh-gia`, { score: '4', comment: '<script>alert(1)</script>' }, )).status, 303);
  // A second rating (double click, a later change of mind) keeps the first.
  await citizen.get(`/ho-so/${id}/danh-gia`);
  assert.equal((await citizen.post(`/ho-so/${id}/danh-gia`, { score: '1' })).status, 303);
  const rows = await store.db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', id).execute();
  assert.deepEqual(rows.map((r) => [r.score, r.comment]), [[4, '<script>alert(1)</script>']]);
  const after = await citizen.get(`/ho-so/${id}/danh-gia`);
  assert.match(after.body, /đã đánh giá hồ sơ này: Hài lòng/);
  assert.equal((await citizen.post(`/ho-so/${id}/danh-gia`, { score: '5', _csrf: 'forged' })).status, 403);

  const other = await signedIn(app, store, 'editor');
  assert.equal((await other.get(`/ho-so/${id}/danh-gia`)).status, 404);
  const pending = await submitted(app, store);
  const early = await pending.citizen.get(`/ho-so/${pending.id}/danh-gia`);
  assert.equal(early.status, 409);
  assert.match(early.body, /Chỉ đánh giá được khi hồ sơ đã trả kết quả/);
});

test('feedback: sent publicly with its deadlines, answered by an officer of the agency, published escaped and without the sender', async (t) => {
  const { app, store } = await build(t);
  const visitor = new Client(app);
  const form = await visitor.get('/phan-anh-kien-nghi/gui');
  assert.equal(form.status, 200);
  const agencyId = /<select id="f-agency_id" name="agency_id"><option value="(\d+)"/.exec(form.body)?.[1] ?? '';
  assert.notEqual(agencyId, '');

  const bad = await visitor.post('/phan-anh-kien-nghi/gui', { agency_id: '999999', category: 'x', name: 'Lò Thị Mai', email: 'not-an-email', subject: '', body: 'Nội dung' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Thư điện tử không đúng định dạng/);
  assert.match(bad.body, /Vui lòng chọn một mục trong danh sách/);
  assert.match(bad.body, /value="Lò Thị Mai"/);
  assert.equal((await visitor.post('/phan-anh-kien-nghi/gui', { agency_id: agencyId, category: 'procedure', name: 'A', email: 'a@b.vn', subject: 'S', body: 'B', _csrf: 'forged' })).status, 403);

  const sent = await visitor.post('/phan-anh-kien-nghi/gui', {
    agency_id: agencyId,
    category: 'procedure',
    name: 'Lò Thị Mai',
    email: 'mai@example.vn',
    phone: '0987 654 321',
    dossier_code: '',
    subject: 'Thành phần hồ sơ <b>bản thảo</b>',
    body: 'Đề nghị cho nộp bản thảo dạng PDF thay vì bản in.',
  });
  assert.equal(sent.status, 303);
  const row = await store.db.selectFrom('feedback').selectAll().executeTakeFirstOrThrow();
  const calendar = await loadWorkingCalendar(store.db);
  const start = calendar.workingDayOnOrAfter(todayInVietnam());
  assert.equal(row.accept_due_on, calendar.addWorkingDays(start, 2));
  assert.equal(row.answer_due_on, calendar.addWorkingDays(start, 15));
  const ack = await visitor.get(sent.location ?? '');
  assert.ok(ack.body.includes(row.code));
  assert.match((await store.db.selectFrom('mail_outbox').select('to_address').orderBy('id', 'desc').executeTakeFirstOrThrow()).to_address, /mai@example.vn/);

  const officer = await signedIn(app, store, 'officer');
  const list = await officer.get('/quan-tri/phan-anh');
  assert.ok(list.body.includes(row.code));
  const noText = await officer.get(`/quan-tri/phan-anh/${row.id}`).then(() => officer.post(`/quan-tri/phan-anh/${row.id}`, { action: 'answer', text: '', publish: '1' }));
  assert.equal(noText.status, 422);
  assert.match(noText.body, /Vui lòng nhập nội dung trả lời/);
  assert.equal((await officer.post(`/quan-tri/phan-anh/${row.id}`, { action: 'accept', text: '' })).status, 303);
  await officer.get(`/quan-tri/phan-anh/${row.id}`);
  assert.equal((await officer.post(`/quan-tri/phan-anh/${row.id}`, { action: 'reject', text: 'x' })).status, 409);
  await officer.get(`/quan-tri/phan-anh/${row.id}`);
  assert.equal((await officer.post(`/quan-tri/phan-anh/${row.id}`, { action: 'answer', text: 'Từ 2026, bản thảo được nộp dạng PDF.', publish: '1' })).status, 303);
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'feedback').orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['feedback.accept', 'feedback.answer']);
  const mail = await store.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(mail.to_address, 'mai@example.vn');
  assert.match(mail.text_body, /bản thảo được nộp dạng PDF/);

  const published = await visitor.get('/phan-anh-kien-nghi');
  assert.match(published.body, /Thành phần hồ sơ &lt;b>bản thảo&lt;\/b>|Thành phần hồ sơ &lt;b&gt;bản thảo&lt;\/b&gt;/);
  assert.match(published.body, /bản thảo được nộp dạng PDF/);
  assert.ok(!published.body.includes('mai@example.vn'));
  assert.ok(!published.body.includes('0987 654 321'));

  // Staff of another agency do not see it; the public cannot reach the staff pages.
  assert.equal((await visitor.get(`/quan-tri/phan-anh/${row.id}`)).status, 303);
  const citizen = await signedIn(app, store, 'citizen');
  assert.equal((await citizen.get(`/quan-tri/phan-anh/${row.id}`)).status, 403);
});

test('the public feedback form is rate-limited', async (t) => {
  const { app } = await build(t);
  const visitor = new Client(app);
  await visitor.get('/phan-anh-kien-nghi/gui');
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await visitor.post('/phan-anh-kien-nghi/gui', { agency_id: '0', category: 'procedure', name: 'A', email: 'a@b.vn', subject: 'S', body: 'B' })).status);
  assert.ok(statuses.slice(0, 10).every((s) => s === 422));
  assert.equal(statuses.at(-1), 429);
});
