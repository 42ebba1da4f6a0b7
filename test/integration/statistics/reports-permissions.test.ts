import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { build, dropTemplates } from '../../helpers/build.ts';
import { nowIso } from '../../../src/platform/db/dialect.ts';
import { createSession } from '../../../src/platform/auth/session.ts';
import { Client } from '../../helpers/client.ts';
import { demoAssignment, downloadTemplate, fill, plausible, problems, signedIn, uploadWorkbook } from './reports-helpers.ts';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import type { FastifyInstance } from 'fastify';

after(dropTemplates);

/** A second telecom enterprise with its own account and one district, assigned the same period. */
async function secondEnterprise(app: FastifyInstance, store: DbHandle): Promise<{ client: Client; assignmentId: number }> {
  const at = nowIso();
  const db = store.db;
  const agency = await db.insertInto('agencies').values({ code: 'viettel-lao-cai', kind: 'enterprise', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const reporter = await db.insertInto('stat_reporters').values({ agency_id: agency.id, kind: 'telecom_enterprise', name: 'Viettel Lào Cai', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const unit = await db.selectFrom('admin_units').select('id').where('structure', '=', 'pre2025').where('level', '=', 'district').where('code', '=', '082').executeTakeFirstOrThrow();
  await db.insertInto('stat_reporter_units').values({ reporter_id: reporter.id, admin_unit_id: unit.id }).execute();
  const user = await db
    .insertInto('users')
    .values({ email: 'viettel@example.vn', password_hash: 'x', full_name: 'Trần Thị Lan', account_type: 'business', email_verified_at: at, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ user_id: user.id, role: 'enterprise', agency_id: null, granted_at: at, granted_by: null }).execute();
  await db.insertInto('stat_reporter_members').values({ reporter_id: reporter.id, user_id: user.id }).execute();
  const period = await db.selectFrom('stat_report_periods').select('id').where('period', '=', '2025-Q2').executeTakeFirstOrThrow();
  const assignment = await db.insertInto('stat_report_assignments').values({ report_period_id: period.id, reporter_id: reporter.id, reminded_before_at: null, reminded_after_at: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
  const { token } = await createSession(db, user.id, { mfaPending: false });
  const client = new Client(app);
  client.cookies.set('sid', token);
  return { client, assignmentId: assignment.id };
}

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

test('a statistician opens a period (assigned to every reporter of the kind), with field messages for a bad period or deadline', async (t) => {
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
