import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { build, dropTemplates } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { demoAssignment, downloadTemplate, fill, plausible, problems, secondEnterprise, signedIn, uploadWorkbook } from './reports-helpers.ts';

after(dropTemplates);

test("an enterprise cannot see, download or submit another enterprise's assignment; visitors are sent to sign in", async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  const b = await secondEnterprise(app, store);
  const list = await b.client.get('/bao-cao-thong-ke');
  assert.match(list.body, /Viettel Lào Cai/);
  assert.doesNotMatch(list.body, new RegExp(`href="${a.path}"`));
  for (const url of [a.path, `${a.path}/mau.xlsx`, `${a.path}/mau.csv`]) assert.equal((await b.client.get(url)).status, 404, url);
  await b.client.get(`/bao-cao-thong-ke/${b.assignmentId}`);
  assert.equal((await b.client.post(`${a.path}/nhap`, { c_C5: '1' })).status, 404);
  assert.equal((await store.db.selectFrom('stat_report_submissions').select('id').execute()).length, 0);

  // B's own template has only B's district; A's figures for that district would be "not yours" for B and vice versa.
  const own = await b.client.get(`/bao-cao-thong-ke/${b.assignmentId}`);
  assert.equal(own.status, 200);
  assert.match(own.body, />082</);
  const visitor = await new Client(app).get(a.path);
  assert.equal(visitor.status, 303);
  assert.match(visitor.location ?? '', /^\/dang-nhap\?next=/);
});

test('only a statistician reviews: the enterprise, an editor and a citizen cannot open the review pages or approve', async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  const enterprise = await signedIn(app, store, 'enterprise');
  const wb = await downloadTemplate(app, enterprise, a.path);
  fill(wb, a.units.length, plausible);
  const res = await uploadWorkbook(enterprise, a.path, wb);
  assert.equal(res.status, 303, problems(res.body).join('\n'));
  const submission = await store.db.selectFrom('stat_report_submissions').select('id').executeTakeFirstOrThrow();
  for (const handle of ['enterprise', 'editor', 'citizen']) {
    const c = await signedIn(app, store, handle);
    assert.equal((await c.get('/quan-tri/bao-cao-thong-ke')).status, 403, handle);
    assert.equal((await c.get(`/quan-tri/bao-cao-thong-ke/nop/${submission.id}`)).status, 403, handle);
    await c.get('/');
    assert.equal((await c.post(`/quan-tri/bao-cao-thong-ke/nop/${submission.id}/quyet-dinh`, { decision: 'approve' })).status, 403, handle);
  }
  assert.equal((await store.db.selectFrom('stat_values').select('id').where('period', '=', '2025-Q2').execute()).length, 0);
  const still = await store.db.selectFrom('stat_report_submissions').select('status').executeTakeFirstOrThrow();
  assert.equal(still.status, 'submitted');
});

test('returning needs a comment, mails the reporter and is audited; a decided submission cannot be decided again', async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  const enterprise = await signedIn(app, store, 'enterprise');
  const wb = await downloadTemplate(app, enterprise, a.path);
  fill(wb, a.units.length, plausible);
  await uploadWorkbook(enterprise, a.path, wb);
  const submission = await store.db.selectFrom('stat_report_submissions').select('id').executeTakeFirstOrThrow();
  const statistician = await signedIn(app, store, 'statistician');
  const url = `/quan-tri/bao-cao-thong-ke/nop/${submission.id}`;
  await statistician.get(url);
  const empty = await statistician.post(`${url}/quyet-dinh`, { decision: 'return', comment: '  ' });
  assert.equal(empty.status, 422);
  assert.match(empty.body, /Hãy ghi lý do trả lại/);
  const returned = await statistician.post(`${url}/quyet-dinh`, { decision: 'return', comment: 'Số thuê bao cố định huyện Bát Xát cần đối chiếu lại' });
  assert.equal(returned.status, 303);
  const mail = await store.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body']).where('to_address', '=', 'enterprise@laocai.example.vn').executeTakeFirstOrThrow();
  assert.match(mail.subject, /BC-VT-01 kỳ 2025-Q2 được trả lại/);
  assert.match(mail.text_body, /cần đối chiếu lại/);
  const again = await statistician.post(`${url}/quyet-dinh`, { decision: 'approve' });
  assert.equal(again.status, 409);
  const page = await enterprise.get(a.path);
  assert.match(page.body, /Trả lại để sửa/);
  assert.match(page.body, /cần đối chiếu lại/);
  const audit = await store.db.selectFrom('audit_log').select(['action', 'actor_label']).where('action', '=', 'statistics.report.return').execute();
  assert.equal(audit.length, 1);
});

test('a statistician opens a period (assigned to the reporters assigned to the form), with field messages for a bad period or deadline', async (t) => {
  const { app, store } = await build(t);
  const statistician = await signedIn(app, store, 'statistician');
  const page = await statistician.get('/quan-tri/bao-cao-thong-ke');
  const formId = /<option value="(\d+)"[^>]*>BC-VT-01/.exec(page.body)?.[1];
  assert.ok(formId);
  const bad = await statistician.post('/quan-tri/bao-cao-thong-ke/ky', { form: formId, period: '2025', deadline: '2025-02-30' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Kỳ phải đúng loại của biểu/);
  assert.match(bad.body, /Hạn nộp phải là ngày/);
  assert.match(bad.body, /value="2025"/);
  const dup = await statistician.post('/quan-tri/bao-cao-thong-ke/ky', { form: formId, period: '2025-Q2', deadline: '2025-07-20' });
  assert.match(dup.body, /Kỳ này đã được mở cho biểu/);
  const ok = await statistician.post('/quan-tri/bao-cao-thong-ke/ky', { form: formId, period: '2025-Q1', deadline: '2025-04-20' });
  assert.equal(ok.status, 303);
  const list = await statistician.get('/quan-tri/bao-cao-thong-ke');
  assert.match(list.body, /Quý 1\/2025/);
  assert.match(list.body, /Giao cho 1 đơn vị báo cáo/);
  const audit = await store.db.selectFrom('audit_log').select('action').where('action', 'like', 'statistics.report_period%').execute();
  assert.deepEqual(audit.map((r) => r.action), ['statistics.report_period.open']);
});
