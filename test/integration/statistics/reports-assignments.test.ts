import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { build, dropTemplates } from '../../helpers/build.ts';
import { createSession } from '../../../src/platform/auth/session.ts';
import { nowIso } from '../../../src/platform/db/dialect.ts';
import { addDays } from '../../../src/platform/calendar/dates.ts';
import { todayInVietnam } from '../../../src/platform/text/format.ts';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { Client } from '../../helpers/client.ts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { down, up } from '../../../migrations/2026-11-29-0145-statistics-report-assignments.ts';
import { demoAssignment, downloadTemplate, fill, plausible, secondEnterprise, signedIn, uploadWorkbook } from './reports-helpers.ts';

after(dropTemplates);

const FORM = '/quan-tri/bao-cao-thong-ke/bieu/BC-VT-01';

/** A staff account holding `role` in the agency `agencyCode`. */
async function staffOf(app: FastifyInstance, store: DbHandle, email: string, role: 'statistician' | 'officer', agencyCode: string): Promise<Client> {
  const at = nowIso();
  const agency = await store.db.selectFrom('agencies').select('id').where('code', '=', agencyCode).executeTakeFirstOrThrow();
  const user = await store.db
    .insertInto('users')
    .values({ email, password_hash: 'x', full_name: 'Cán bộ khác', account_type: 'staff', email_verified_at: at, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.db.insertInto('user_roles').values({ user_id: user.id, role, agency_id: agency.id, granted_at: at, granted_by: null }).execute();
  const { token } = await createSession(store.db, user.id, { mfaPending: false });
  const client = new Client(app);
  client.cookies.set('sid', token);
  return client;
}

const unitId = async (store: DbHandle, structure: 'pre2025' | '2025', level: 'district' | 'commune', name: string): Promise<number> =>
  (await store.db.selectFrom('admin_units').select('id').where('structure', '=', structure).where('level', '=', level).where('full_name', '=', name).executeTakeFirstOrThrow()).id;

test('a statistician assigns a reporter to a form for units chosen by name, replaces its units and unassigns it; field messages keep the input; every change audited', async (t) => {
  const { app, store } = await build(t);
  const b = await secondEnterprise(app, store);
  const statistician = await signedIn(app, store, 'statistician');

  const home = await statistician.get('/quan-tri/bao-cao-thong-ke');
  assert.match(home.body, /href="\/quan-tri\/bao-cao-thong-ke\/bieu\/BC-VT-01"/);
  const page = await statistician.get(FORM);
  assert.equal(page.status, 200);
  // Units are offered by their Vietnamese names (no code to type), districts before the reform and communes after.
  const batXat = await unitId(store, 'pre2025', 'district', 'Huyện Bát Xát');
  const saPa = await unitId(store, 'pre2025', 'district', 'Thị xã Sa Pa');
  assert.match(page.body, new RegExp(`<input type="checkbox" name="units" value="${batXat}" id="u-\\d+-${batXat}"\\s*/?><label for="u-\\d+-${batXat}">Huyện Bát Xát</label>`));
  assert.match(page.body, /Xã, phường của Tỉnh Lào Cai \(từ 1\/7\/2025\)/);
  assert.match(page.body, /<option value="\d+"[^>]*>Viettel Lào Cai<\/option>/);
  assert.match(page.body, /<th scope="row">VNPT Lào Cai<\/th>/);

  // No unit chosen, and a unit of another province: field messages, the reporter kept.
  const none = await statistician.post(`${FORM}/giao`, { reporter: String(b.reporterId) });
  assert.equal(none.status, 422);
  assert.match(none.body, /Hãy chọn ít nhất một đơn vị hành chính trong danh sách\./);
  assert.match(none.body, new RegExp(`<option value="${b.reporterId}" selected`));
  statistician.cookies.set('lang', 'en');
  const noneEn = await statistician.post(`${FORM}/giao`, { reporter: String(b.reporterId) });
  assert.equal(noneEn.status, 422);
  assert.match(noneEn.body, /Choose at least one administrative unit from the list\./);
  const badDeadlineEn = await statistician.post(`/quan-tri/bao-cao-thong-ke/ky/${(await store.db.selectFrom('stat_report_periods').select('id').executeTakeFirstOrThrow()).id}/han`, { deadline: 'tomorrow' });
  assert.equal(badDeadlineEn.status, 422);
  assert.match(badDeadlineEn.body, /The deadline must be a date YYYY-MM-DD after the last day of the period\./);
  assert.match(badDeadlineEn.body, /value="tomorrow"/);
  statistician.cookies.delete('lang');
  const hanoi = (await store.db.selectFrom('admin_units').select('id').where('structure', '=', 'pre2025').where('level', '=', 'district').where('code', '=', '001').executeTakeFirstOrThrow()).id;
  const foreign = await statistician.post(`${FORM}/giao`, { reporter: String(b.reporterId), units: [String(batXat), String(hanoi)] });
  assert.equal(foreign.status, 422);
  assert.match(foreign.body, new RegExp(`value="${batXat}" id="u-\\d+-${batXat}" checked`));
  // A reporter of another kind (postal) cannot take a telecom form.
  const at = nowIso();
  const postalAgency = await store.db.insertInto('agencies').values({ code: 'buu-dien-lao-cai', kind: 'enterprise', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const postal = await store.db.insertInto('stat_reporters').values({ agency_id: postalAgency.id, kind: 'postal_enterprise', name: 'Bưu điện tỉnh Lào Cai', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const wrongKind = await statistician.post(`${FORM}/giao`, { reporter: String(postal.id), units: [String(batXat)] });
  assert.equal(wrongKind.status, 422);
  assert.match(wrongKind.body, /Hãy chọn một đơn vị báo cáo cùng loại với biểu\./);

  // Assign for two districts: Viettel now reports for them (replacing its one district) on the open period.
  const ok = await statistician.post(`${FORM}/giao`, { reporter: String(b.reporterId), units: [String(batXat), String(saPa)] });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, `${FORM}?ok=giao`);
  const after1 = await statistician.get(ok.location!);
  assert.match(after1.body, /Đã giao biểu\./);
  assert.match(after1.body, /<th scope="row">Viettel Lào Cai<\/th>\s*<td>Huyện Bát Xát, Thị xã Sa Pa<\/td>/);
  const viettelPage = await b.client.get(`/bao-cao-thong-ke/${b.assignmentId}`);
  assert.match(viettelPage.body, /Huyện Bát Xát/);
  assert.match(viettelPage.body, /Thị xã Sa Pa/);

  // A new reporter assigned while a period is open gets that period's assignment.
  const agency = await store.db.insertInto('agencies').values({ code: 'mobifone-lao-cai', kind: 'enterprise', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const mobi = await store.db.insertInto('stat_reporters').values({ agency_id: agency.id, kind: 'telecom_enterprise', name: 'MobiFone Lào Cai', created_at: at }).returning('id').executeTakeFirstOrThrow();
  assert.equal((await statistician.post(`${FORM}/giao`, { reporter: String(mobi.id), units: [String(saPa)] })).status, 303);
  const mobiAssignments = await store.db.selectFrom('stat_report_assignments').select('id').where('reporter_id', '=', mobi.id).execute();
  assert.equal(mobiAssignments.length, 1);

  // Unassigning removes the form and the open period's assignment that has nothing submitted.
  const off = await statistician.post(`${FORM}/giao/${mobi.id}/huy`, {});
  assert.equal(off.status, 303);
  assert.equal((await store.db.selectFrom('stat_report_assignments').select('id').where('reporter_id', '=', mobi.id).execute()).length, 0);
  assert.doesNotMatch((await statistician.get(FORM)).body, /<th scope="row">MobiFone Lào Cai<\/th>/);
  assert.equal((await statistician.post(`${FORM}/giao/${mobi.id}/huy`, {})).status, 404);

  const audit = await store.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('action', 'like', 'statistics.report_assignment%').orderBy('id').execute();
  assert.deepEqual(audit.map((r) => r.action), ['statistics.report_assignment.assign', 'statistics.report_assignment.assign', 'statistics.report_assignment.unassign']);
  assert.ok(audit[0]!.before_json !== null, 'replacing units records the units before');
});

test('unassigning keeps an assignment with a submission, so nothing submitted is lost', async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  const enterprise = await signedIn(app, store, 'enterprise');
  const wb = await downloadTemplate(app, enterprise, a.path);
  fill(wb, a.units.length, plausible);
  assert.equal((await uploadWorkbook(enterprise, a.path, wb)).status, 303);
  const statistician = await signedIn(app, store, 'statistician');
  await statistician.get(FORM);
  const reporter = await store.db.selectFrom('stat_report_assignments').select('reporter_id').where('id', '=', a.id).executeTakeFirstOrThrow();
  assert.equal((await statistician.post(`${FORM}/giao/${reporter.reporter_id}/huy`, {})).status, 303);
  assert.ok(await store.db.selectFrom('stat_report_assignments').select('id').where('id', '=', a.id).executeTakeFirst());
});

test('outstanding reporters per period with deadline and overdue flag; the reminder sent now is audited; deadlines set per period with field messages', async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  const b = await secondEnterprise(app, store);
  const period = await store.db.selectFrom('stat_report_periods').select(['id', 'deadline']).where('period', '=', '2025-Q2').executeTakeFirstOrThrow();
  const statistician = await signedIn(app, store, 'statistician');
  const path = `/quan-tri/bao-cao-thong-ke/ky/${period.id}`;
  assert.match((await statistician.get('/quan-tri/bao-cao-thong-ke')).body, new RegExp(`href="${path}"`));

  // Both owe the report; VNPT submits, then only Viettel is listed.
  let page = await statistician.get(path);
  assert.match(page.body, /<th scope="row">VNPT Lào Cai<\/th>/);
  assert.match(page.body, /<th scope="row">Viettel Lào Cai<\/th>/);
  assert.doesNotMatch(page.body, /Quá hạn/);
  const enterprise = await signedIn(app, store, 'enterprise');
  const wb = await downloadTemplate(app, enterprise, a.path);
  fill(wb, a.units.length, plausible);
  assert.equal((await uploadWorkbook(enterprise, a.path, wb)).status, 303);
  page = await statistician.get(path);
  assert.doesNotMatch(page.body, /<th scope="row">VNPT Lào Cai<\/th>/);
  assert.match(page.body, /<th scope="row">Viettel Lào Cai<\/th>/);

  // Deadline: a bad date and one inside the period are refused with the field message and the input kept.
  const bad = await statistician.post(`${path}/han`, { deadline: '2025-06-15' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Hạn nộp phải là ngày dạng YYYY-MM-DD, sau ngày cuối kỳ\./);
  assert.match(bad.body, /value="2025-06-15"/);
  assert.equal((await statistician.post(`${path}/han`, { deadline: '2025-07-32' })).status, 422);
  // Moving the deadline into the past makes Viettel overdue; reminder marks are cleared.
  await store.db.updateTable('stat_report_assignments').set({ reminded_before_at: nowIso() }).where('id', '=', b.assignmentId).execute();
  const moved = await statistician.post(`${path}/han`, { deadline: '2025-07-20' });
  assert.equal(moved.status, 303);
  page = await statistician.get(moved.location!);
  assert.match(page.body, /Đã lưu hạn nộp\./);
  assert.match(page.body, /<th scope="row">Viettel Lào Cai<\/th>\s*<td><span>20\/07\/2025<\/span><strong class="report-flag"> Quá hạn<\/strong>/);
  assert.equal((await store.db.selectFrom('stat_report_assignments').select('reminded_before_at').where('id', '=', b.assignmentId).executeTakeFirstOrThrow()).reminded_before_at, null);

  // The reminder now: one mail to Viettel's member (overdue wording), audited; not for a reporter that submitted.
  const sent = await statistician.post(`${path}/nhac/${b.assignmentId}`, {});
  assert.equal(sent.status, 303);
  assert.match((await statistician.get(sent.location!)).body, /Đã gửi thư nhắc tới 1 địa chỉ\./);
  const mails = await store.db.selectFrom('mail_outbox').select(['to_address', 'subject']).where('subject', 'like', '%BC-VT-01%').execute();
  assert.deepEqual(mails, [{ to_address: 'viettel@example.vn', subject: 'Quá hạn nộp báo cáo BC-VT-01 kỳ 2025-Q2' }]);
  const refused = await statistician.post(`${path}/nhac/${a.id}`, {});
  assert.equal(refused.status, 409);
  assert.match(refused.body, /không gửi thư nhắc/);
  const audit = await store.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'in', ['statistics.report_reminder.send', 'statistics.report_period.deadline']).orderBy('id').execute();
  assert.deepEqual(audit, [
    { action: 'statistics.report_period.deadline', entity_id: String(period.id) },
    { action: 'statistics.report_reminder.send', entity_id: String(b.assignmentId) },
  ]);
  // An assignment of another period through this period's URL is not found.
  const other = await store.db.insertInto('stat_report_periods').values({ form_id: (await store.db.selectFrom('stat_report_forms').select('id').where('code', '=', 'BC-VT-01').executeTakeFirstOrThrow()).id, period: '2025-Q1', deadline: addDays(todayInVietnam(), 3), status: 'open', created_at: nowIso(), updated_at: nowIso() }).returning('id').executeTakeFirstOrThrow();
  assert.equal((await statistician.post(`/quan-tri/bao-cao-thong-ke/ky/${other.id}/nhac/${b.assignmentId}`, {})).status, 404);
});

test('hostile: a reporter cannot open another reporter’s assignment nor the staff screens; an officer, or a statistician of another agency, cannot manage assignments; forged requests are refused', async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  const b = await secondEnterprise(app, store);
  const period = await store.db.selectFrom('stat_report_periods').select('id').where('period', '=', '2025-Q2').executeTakeFirstOrThrow();
  const saPa = await unitId(store, 'pre2025', 'district', 'Thị xã Sa Pa');
  const viettelUnits = async () =>
    (await store.db.selectFrom('stat_form_reporters as fr').innerJoin('stat_form_reporter_units as fu', 'fu.form_reporter_id', 'fr.id').select('fu.admin_unit_id').where('fr.reporter_id', '=', b.reporterId).execute()).map((u) => u.admin_unit_id);
  const unitsBefore = await viettelUnits();
  assert.equal(unitsBefore.length, 1);
  assert.notEqual(unitsBefore[0], saPa);

  // Viettel's member opening VNPT's assignment (page, template, entry): 404, as if it did not exist.
  assert.equal((await b.client.get(a.path)).status, 404);
  assert.equal((await b.client.get(`${a.path}/mau.xlsx`)).status, 404);
  await b.client.get(`/bao-cao-thong-ke/${b.assignmentId}`);
  assert.equal((await b.client.post(`${a.path}/nhap`, {})).status, 404);
  assert.equal((await b.client.get(FORM)).status, 403);
  assert.equal((await b.client.get(`/quan-tri/bao-cao-thong-ke/ky/${period.id}`)).status, 403);

  // An officer of the department, and a statistician of another agency: 403 on every screen and action.
  const officer = await signedIn(app, store, 'officer');
  const outsider = await staffOf(app, store, 'thongke@vhttdl.example.vn', 'statistician', 'so-vhttdl-lao-cai');
  for (const client of [officer, outsider]) {
    await client.get('/tai-khoan');
    assert.equal((await client.get(FORM)).status, 403);
    assert.equal((await client.get(`/quan-tri/bao-cao-thong-ke/ky/${period.id}`)).status, 403);
    assert.equal((await client.post(`${FORM}/giao`, { reporter: String(b.reporterId), units: [String(saPa)] })).status, 403);
    assert.equal((await client.post(`${FORM}/giao/${b.reporterId}/huy`, {})).status, 403);
    assert.equal((await client.post(`/quan-tri/bao-cao-thong-ke/ky/${period.id}/han`, { deadline: '2026-01-01' })).status, 403);
    assert.equal((await client.post(`/quan-tri/bao-cao-thong-ke/ky/${period.id}/nhac/${b.assignmentId}`, {})).status, 403);
  }

  // The owner agency's statistician with a forged or missing CSRF token: 403, nothing changed, nothing sent.
  const statistician = await signedIn(app, store, 'statistician');
  await statistician.get(FORM);
  const forged = await statistician.post(`${FORM}/giao`, { _csrf: 'forged', reporter: String(b.reporterId), units: [String(saPa)] });
  assert.equal(forged.status, 403);
  assert.match(forged.body, new RegExp(`value="${saPa}" id="u-\\d+-${saPa}" checked`), 'the choices are kept for a new try');
  assert.equal((await statistician.post(`${FORM}/giao/${b.reporterId}/huy`, { _csrf: '' })).status, 403);
  assert.equal((await statistician.post(`/quan-tri/bao-cao-thong-ke/ky/${period.id}/han`, { _csrf: 'x', deadline: '2026-01-01' })).status, 403);
  assert.equal((await statistician.post(`/quan-tri/bao-cao-thong-ke/ky/${period.id}/nhac/${b.assignmentId}`, { _csrf: 'x' })).status, 403);
  // A CSRF token of another session does not work either.
  const otherToken = officer.lastCsrf;
  assert.equal((await statistician.post(`${FORM}/giao`, { _csrf: otherToken, reporter: String(b.reporterId), units: [String(saPa)] })).status, 403);

  assert.equal((await store.db.selectFrom('audit_log').select('id').where('action', 'like', 'statistics.report_%').execute()).length, 0);
  assert.equal((await store.db.selectFrom('mail_outbox').select('id').where('subject', 'like', '%BC-VT-01%').execute()).length, 0);
  assert.deepEqual(await viettelUnits(), unitsBefore, 'the reporter keeps its units');
  assert.ok(await store.db.selectFrom('stat_report_periods').select('id').where('id', '=', period.id).where('deadline', '!=', '2026-01-01').executeTakeFirst());

  // Unknown form or period: 404.
  assert.equal((await statistician.get('/quan-tri/bao-cao-thong-ke/bieu/KHONG-CO')).status, 404);
  assert.equal((await statistician.get('/quan-tri/bao-cao-thong-ke/ky/999999')).status, 404);
});

test('the account page links a reporter to its reports; a citizen sees no such link', async (t) => {
  const { app, store } = await build(t);
  const enterprise = await signedIn(app, store, 'enterprise');
  assert.match((await enterprise.get('/tai-khoan')).body, /<a href="\/bao-cao-thong-ke">Báo cáo thống kê định kỳ của đơn vị<\/a>/);
  const citizen = await signedIn(app, store, 'citizen');
  assert.doesNotMatch((await citizen.get('/tai-khoan')).body, /href="\/bao-cao-thong-ke"/);
});

test('migration 0145 gives every reporter the forms of its kind for the units it had, and its down step restores the reporter-wide units', async (t) => {
  const { store } = await build(t);
  const db = store.db;
  const a = await demoAssignment(store);
  const vnpt = (await db.selectFrom('stat_report_assignments').select('reporter_id').where('id', '=', a.id).executeTakeFirstOrThrow()).reporter_id;
  await db.transaction().execute((trx) => down(trx));
  const old = await sql<{ reporter_id: number; admin_unit_id: number }>`select reporter_id, admin_unit_id from stat_reporter_units order by admin_unit_id`.execute(db);
  assert.deepEqual(old.rows.map((r) => [Number(r.reporter_id), Number(r.admin_unit_id)]), a.units.map((u) => [vnpt, u.id]).sort((x, y) => x[1]! - y[1]!));

  // A second telecom enterprise with one district, as it would have been before the migration.
  const at = nowIso();
  const agency = await db.insertInto('agencies').values({ code: 'viettel-lao-cai', kind: 'enterprise', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const viettel = await db.insertInto('stat_reporters').values({ agency_id: agency.id, kind: 'telecom_enterprise', name: 'Viettel Lào Cai', created_at: at }).returning('id').executeTakeFirstOrThrow();
  await sql`insert into stat_reporter_units (reporter_id, admin_unit_id) values (${viettel.id}, ${a.units[0]!.id})`.execute(db);
  await db.transaction().execute((trx) => up(trx));

  const telecomForms = (await db.selectFrom('stat_report_forms').select('code').distinct().where('reporter_kind', '=', 'telecom_enterprise').orderBy('code').execute()).map((f) => f.code);
  const assigned = await db
    .selectFrom('stat_form_reporters as fr')
    .innerJoin('stat_form_reporter_units as fu', 'fu.form_reporter_id', 'fr.id')
    .select(['fr.form_code', 'fr.reporter_id', 'fu.admin_unit_id'])
    .orderBy('fr.reporter_id')
    .orderBy('fr.form_code')
    .orderBy('fu.admin_unit_id')
    .execute();
  const expected = [
    ...telecomForms.flatMap((code) => a.units.map((u) => u.id).sort((x, y) => x - y).map((id) => ({ form_code: code, reporter_id: vnpt, admin_unit_id: id }))),
    ...telecomForms.map((code) => ({ form_code: code, reporter_id: viettel.id, admin_unit_id: a.units[0]!.id })),
  ];
  assert.deepEqual(assigned.map((r) => ({ ...r, reporter_id: Number(r.reporter_id), admin_unit_id: Number(r.admin_unit_id) })), expected);
});

test('a statistician of another agency can neither read nor decide a submission of the form, nor open or close its periods', async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  const enterprise = await signedIn(app, store, 'enterprise');
  const wb = await downloadTemplate(app, enterprise, a.path);
  fill(wb, a.units.length, plausible);
  assert.equal((await uploadWorkbook(enterprise, a.path, wb)).status, 303);
  const submission = await store.db.selectFrom('stat_report_submissions').select('id').where('assignment_id', '=', a.id).executeTakeFirstOrThrow();
  const period = await store.db.selectFrom('stat_report_periods').select(['id', 'form_id']).where('period', '=', '2025-Q2').executeTakeFirstOrThrow();

  const outsider = await staffOf(app, store, 'thongke2@vhttdl.example.vn', 'statistician', 'so-vhttdl-lao-cai');
  const list = await outsider.get('/quan-tri/bao-cao-thong-ke');
  assert.equal(list.status, 200);
  assert.doesNotMatch(list.body, new RegExp(`/quan-tri/bao-cao-thong-ke/nop/${submission.id}"`), 'another agency’s submissions are not listed');
  assert.doesNotMatch(list.body, /BC-VT-01/);
  assert.equal((await outsider.get(`/quan-tri/bao-cao-thong-ke/nop/${submission.id}`)).status, 403);
  assert.equal((await outsider.post(`/quan-tri/bao-cao-thong-ke/nop/${submission.id}/quyet-dinh`, { decision: 'approve' })).status, 403);
  assert.equal((await outsider.post(`/quan-tri/bao-cao-thong-ke/ky/${period.id}/trang-thai`, { status: 'closed' })).status, 403);
  assert.equal((await outsider.post('/quan-tri/bao-cao-thong-ke/ky', { form: String(period.form_id), period: '2025-Q3', deadline: '2025-10-20' })).status, 403);
  assert.equal((await store.db.selectFrom('stat_report_submissions').select('status').where('id', '=', submission.id).executeTakeFirstOrThrow()).status, 'submitted');
  assert.equal((await store.db.selectFrom('stat_report_periods').select('status').where('id', '=', period.id).executeTakeFirstOrThrow()).status, 'open');
  assert.equal((await store.db.selectFrom('stat_report_periods').select('id').where('period', '=', '2025-Q3').execute()).length, 0);

  // The owning agency's statistician reads and approves it.
  const statistician = await signedIn(app, store, 'statistician');
  assert.match((await statistician.get('/quan-tri/bao-cao-thong-ke')).body, new RegExp(`/quan-tri/bao-cao-thong-ke/nop/${submission.id}"`));
  assert.equal((await statistician.get(`/quan-tri/bao-cao-thong-ke/nop/${submission.id}`)).status, 200);
  assert.equal((await statistician.post(`/quan-tri/bao-cao-thong-ke/nop/${submission.id}/quyet-dinh`, { decision: 'approve' })).status, 303);
});
