import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadWorkingCalendar } from '../../../src/platform/calendar/queries.ts';
import { todayInVietnam } from '../../../src/platform/text/format.ts';
import { build } from '../../helpers/build.ts';
import { signedIn } from './helpers.ts';
import { act, cloneDossier, submitted } from './inbox-helpers.ts';

test('the inbox pages by 50, keeps its filters in the URL and counts dossiers per status and due date', async (t) => {
  const { app, store } = await build(t);
  const { id } = await submitted(app, store);
  await cloneDossier(store, id, 59);
  await cloneDossier(store, id, 3, { due_on: '2026-01-05' });
  await cloneDossier(store, id, 2, { status: 'accepted', national_status: 2 });
  const officer = await signedIn(app, store, 'officer');

  const first = await officer.get('/quan-tri/ho-so');
  assert.equal(first.status, 200);
  assert.match(first.body, /65 hồ sơ/);
  assert.equal((first.body.match(/href="\/quan-tri\/ho-so\/\d+"/g) ?? []).length, 50);
  assert.match(first.body, /Trang 1\/2|1 \/ 2|1 of 2|1\/2/);
  // Counts per due date with a symbol and a word (not colour alone), each a link to the filtered list.
  assert.match(first.body, /href="\/quan-tri\/ho-so\?han=late"><span class="urgency urgency-late"><span class="urgency-mark" aria-hidden="true">!<\/span> <span>Quá hạn<\/span><\/span> <strong>3<\/strong>/);
  assert.match(first.body, /<span>Đã tiếp nhận, đang thẩm định<\/span> <strong>2<\/strong>/);
  assert.match(first.body, /<span>Chờ tiếp nhận<\/span> <strong>63<\/strong>/);

  const filtered = await officer.get('/quan-tri/ho-so?trang-thai=submitted');
  assert.match(filtered.body, /63 hồ sơ/);
  assert.match(filtered.body, /href="\/quan-tri\/ho-so\?trang-thai=submitted(&amp;|&)trang=2" rel="next"/);
  const second = await officer.get('/quan-tri/ho-so?trang-thai=submitted&trang=2');
  assert.equal((second.body.match(/href="\/quan-tri\/ho-so\/\d+"/g) ?? []).length, 13);
  assert.match(second.body, /<option value="submitted" selected/);
  // A page past the end shows the last page; nonsense is ignored rather than failing.
  assert.equal((await officer.get('/quan-tri/ho-so?trang=999')).status, 200);
  assert.equal((await officer.get('/quan-tri/ho-so?trang=abc&han=%3Cx%3E')).status, 200);
  const late = await officer.get('/quan-tri/ho-so?han=late');
  assert.match(late.body, /3 hồ sơ/);
});

test('the apology slip: the new date can be counted in working days; the applicant is e-mailed and sees it on tracking; audited', async (t) => {
  const { app, store } = await build(t);
  const { id, code } = await submitted(app, store);
  await store.db.updateTable('dossiers').set({ due_on: '2026-01-05' }).where('id', '=', id).execute();
  const officer = await signedIn(app, store, 'officer');
  const page = await officer.get(`/quan-tri/ho-so/${id}`);
  assert.match(page.body, /Gửi phiếu xin lỗi, hẹn lại/);
  assert.match(page.body, /<span class="urgency urgency-late">/);
  assert.equal((await act(officer, id, 'apologise', { note: 'Chờ ý kiến thẩm định của Cục Xuất bản', extra_days: '5' })).status, 303);
  const calendar = await loadWorkingCalendar(store.db);
  const expected = calendar.addWorkingDays(todayInVietnam(), 5);
  const row = await store.db.selectFrom('dossiers').select('due_on').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.due_on, expected);
  const [y, m, d] = expected.split('-');
  const mail = await store.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(mail.to_address, 'citizen@laocai.example.vn');
  assert.ok(mail.text_body.includes(`${d}/${m}/${y}`));
  assert.match(mail.text_body, /Chờ ý kiến thẩm định của Cục Xuất bản/);
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'dossier').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(audit.action, 'dossier.apologise');

  const visitor = new (await import('../../helpers/client.ts')).Client(app);
  await visitor.get('/tra-cuu');
  const tracked = await visitor.post('/tra-cuu', { code, contact: '0912345678' });
  assert.equal(tracked.status, 200);
  assert.match(tracked.body, /Xin lỗi và hẹn lại ngày trả kết quả/);
  assert.ok(tracked.body.includes(`${d}/${m}/${y}`));
  assert.match(tracked.body, /Chờ ý kiến thẩm định của Cục Xuất bản/);
});
