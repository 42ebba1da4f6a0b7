import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { build, dropTemplates } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { down as nameKeyDown, up as nameKeyUp } from '../../../migrations/2026-11-29-0170-stat-reporter-name-key.ts';
import { systemActor } from '../../../src/platform/audit/audit.ts';
import { nowIso } from '../../../src/platform/db/dialect.ts';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { AppError } from '../../../src/platform/errors.ts';
import { createReporter, renameReporter } from '../../../src/modules/statistics/reports/reporters.ts';
import { isUniqueViolation } from '../../../src/modules/statistics/reports/write-conflicts.ts';
import { signedIn } from './reports-helpers.ts';

after(dropTemplates);

const LIST = '/quan-tri/bao-cao-thong-ke/don-vi-bao-cao';
const FORM = '/quan-tri/bao-cao-thong-ke/bieu/BC-VT-01';

/** An account of `type`; business accounts get the enterprise role, staff accounts `role` in `agencyId`. */
async function account(store: DbHandle, email: string, type: 'business' | 'citizen' | 'staff', options: { agencyId?: number; role?: string; verified?: boolean; disabled?: boolean } = {}): Promise<number> {
  const at = nowIso();
  const user = await store.db
    .insertInto('users')
    .values({ email, password_hash: 'x', full_name: `Người dùng ${email}`, account_type: type, email_verified_at: options.verified === false ? null : at, disabled_at: options.disabled === true ? at : null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const role = type === 'business' ? 'enterprise' : type === 'citizen' ? 'citizen' : (options.role ?? 'officer');
  await store.db.insertInto('user_roles').values({ user_id: user.id, role, agency_id: type === 'staff' ? (options.agencyId ?? null) : null, granted_at: at, granted_by: null }).execute();
  return user.id;
}

/** An agency of `kind` with one version, as an administrator would have created it. */
async function agency(store: DbHandle, code: string, kind: string, name: string): Promise<number> {
  const { id } = await store.db.insertInto('agencies').values({ code, kind, created_at: nowIso() }).returning('id').executeTakeFirstOrThrow();
  await store.db.insertInto('agency_versions').values({ agency_id: id, name_vi: name, name_en: name, short_name: null, parent_agency_id: null, admin_unit_id: null, address: null, phone: null, email: null, valid_from: '2020-01-01', valid_to: null }).execute();
  return id;
}

const counts = async (store: DbHandle) => ({
  reporters: (await store.db.selectFrom('stat_reporters').select('id').execute()).length,
  agencies: (await store.db.selectFrom('agencies').select('id').execute()).length,
  versions: (await store.db.selectFrom('agency_versions').select('id').execute()).length,
  members: (await store.db.selectFrom('stat_reporter_members').select('user_id').execute()).length,
  audit: (await store.db.selectFrom('audit_log').select('id').execute()).length,
});

async function reporterIdByName(store: DbHandle, name: string): Promise<number> {
  return (await store.db.selectFrom('stat_reporters').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function statistician(app: FastifyInstance, store: DbHandle): Promise<Client> {
  const client = await signedIn(app, store, 'statistician');
  await client.get(LIST);
  return client;
}

test('the list shows the demo reporter with its kind, agency, members and forms, and is linked from the staff reports page and the assignment page', async (t) => {
  const { app, store } = await build(t);
  const s = await signedIn(app, store, 'statistician');
  assert.match((await s.get('/quan-tri/bao-cao-thong-ke')).body, /<a href="\/quan-tri\/bao-cao-thong-ke\/don-vi-bao-cao">Đơn vị báo cáo và tài khoản nộp báo cáo<\/a>/);
  const assign = await s.get(FORM);
  assert.match(assign.body, /<a href="\/quan-tri\/bao-cao-thong-ke\/don-vi-bao-cao\?loai=telecom_enterprise#them-don-vi">Thêm đơn vị báo cáo<\/a>/);

  const list = await s.get(LIST);
  assert.equal(list.status, 200);
  const vnpt = await reporterIdByName(store, 'VNPT Lào Cai');
  assert.match(
    list.body,
    new RegExp(`<th scope="row"><a href="${LIST}/${vnpt}">VNPT Lào Cai</a></th>\\s*<td>Doanh nghiệp viễn thông</td>\\s*<td>VNPT Lào Cai \\(doanh nghiệp minh họa\\)</td>\\s*<td><ul><li>Nguyễn Văn Bình \\(VNPT Lào Cai\\) \\(enterprise@laocai.example.vn\\)</li></ul></td>\\s*<td>BC-VT-01</td>`),
  );
  // The kind comes preselected from the assignment page's link.
  assert.match((await s.get(`${LIST}?loai=telecom_enterprise`)).body, /<option value="telecom_enterprise" selected/);
  assert.match((await s.get(`${LIST}?loai=postal_enterprise`)).body, /<option value="postal_enterprise" selected/);
  // VNPT's agency already has its reporter: it is not offered again.
  const vnptAgency = (await store.db.selectFrom('agencies').select('id').where('code', '=', 'vnpt-lao-cai').executeTakeFirstOrThrow()).id;
  assert.doesNotMatch(list.body, new RegExp(`<option value="${vnptAgency}"`));
  // English.
  s.cookies.set('lang', 'en');
  const en = await s.get(LIST);
  assert.match(en.body, /<td>Telecommunications enterprise<\/td>/);
  assert.match(en.body, /Create a new enterprise with the reporter’s name/);
});

test('creating a reporter with a new enterprise writes the reporter, the agency and its version, audited; then with an existing agency; the new reporter can be assigned a form', async (t) => {
  const { app, store } = await build(t);
  const s = await statistician(app, store);
  const before = await counts(store);

  const made = await s.post(LIST, { name: '  Viettel   Lào Cai ', kind: 'telecom_enterprise', agency: 'new' });
  assert.equal(made.status, 303);
  const viettel = await store.db.selectFrom('stat_reporters').selectAll().where('name', '=', 'Viettel Lào Cai').executeTakeFirstOrThrow();
  assert.equal(made.location, `${LIST}/${viettel.id}?ok=tao`);
  assert.equal(viettel.kind, 'telecom_enterprise');
  const newAgency = await store.db.selectFrom('agencies').selectAll().where('id', '=', viettel.agency_id).executeTakeFirstOrThrow();
  assert.equal(newAgency.kind, 'enterprise');
  assert.equal(newAgency.code, 'viettel-lao-cai');
  const versions = await store.db.selectFrom('agency_versions').selectAll().where('agency_id', '=', newAgency.id).execute();
  assert.equal(versions.length, 1);
  assert.equal(versions[0]!.name_vi, 'Viettel Lào Cai');
  assert.equal(versions[0]!.valid_to, null);
  const audit = await store.db.selectFrom('audit_log').select(['action', 'entity_id']).orderBy('id').execute();
  assert.deepEqual(audit.slice(-2), [
    { action: 'agency.created', entity_id: String(newAgency.id) },
    { action: 'statistics.reporter.create', entity_id: String(viettel.id) },
  ]);
  const after1 = await counts(store);
  assert.deepEqual({ r: after1.reporters - before.reporters, a: after1.agencies - before.agencies, v: after1.versions - before.versions }, { r: 1, a: 1, v: 1 });

  // Its page: the notice, no account yet (nobody can submit), the form of its kind to assign.
  const page = await s.get(made.location!);
  assert.equal(page.status, 200);
  assert.match(page.body, /Đã thêm đơn vị báo cáo\./);
  assert.match(page.body, /không ai nộp được báo cáo cho đơn vị/);
  assert.match(page.body, /<a href="\/quan-tri\/bao-cao-thong-ke\/bieu\/BC-VT-01">BC-VT-01 · [^<]*: chưa giao<\/a>/);

  // The same name for another kind is allowed; its new agency gets the next free code.
  const postal = await s.post(LIST, { name: 'Viettel Lào Cai', kind: 'postal_enterprise', agency: 'new' });
  assert.equal(postal.status, 303);
  assert.ok(await store.db.selectFrom('agencies').select('id').where('code', '=', 'viettel-lao-cai-2').where('kind', '=', 'enterprise').executeTakeFirst());

  // An existing enterprise without a reporter is offered and can be chosen; it is not offered once taken.
  const existing = await agency(store, 'buu-dien-lao-cai', 'enterprise', 'Bưu điện tỉnh Lào Cai');
  const form = await s.get(LIST);
  assert.match(form.body, new RegExp(`<option value="${existing}">Bưu điện tỉnh Lào Cai \\(doanh nghiệp\\)</option>`));
  const counted = await counts(store);
  const picked = await s.post(LIST, { name: 'Bưu điện tỉnh Lào Cai', kind: 'postal_enterprise', agency: String(existing) });
  assert.equal(picked.status, 303);
  const buuDien = await store.db.selectFrom('stat_reporters').selectAll().where('name', '=', 'Bưu điện tỉnh Lào Cai').executeTakeFirstOrThrow();
  assert.equal(buuDien.agency_id, existing);
  const after2 = await counts(store);
  assert.deepEqual({ r: after2.reporters - counted.reporters, a: after2.agencies - counted.agencies, v: after2.versions - counted.versions }, { r: 1, a: 0, v: 0 });
  assert.doesNotMatch((await s.get(LIST)).body, new RegExp(`<option value="${existing}"`));
  // Choosing it again (a stale page): a field message.
  const taken = await s.post(LIST, { name: 'Bưu điện khác', kind: 'postal_enterprise', agency: String(existing) });
  assert.equal(taken.status, 422);
  assert.match(taken.body, /Cơ quan, doanh nghiệp này đã là đơn vị báo cáo &quot;Bưu điện tỉnh Lào Cai&quot;\.|Cơ quan, doanh nghiệp này đã là đơn vị báo cáo &#34;Bưu điện tỉnh Lào Cai&#34;\./);

  // The assignment page offers the new reporter, and assigning it works.
  const assign = await s.get(FORM);
  assert.match(assign.body, new RegExp(`<option value="${viettel.id}"[^>]*>Viettel Lào Cai</option>`));
  const unit = (await store.db.selectFrom('admin_units').select('id').where('structure', '=', 'pre2025').where('level', '=', 'district').where('full_name', '=', 'Huyện Bát Xát').executeTakeFirstOrThrow()).id;
  const assigned = await s.post(`${FORM}/giao`, { reporter: String(viettel.id), units: [String(unit)] });
  assert.equal(assigned.status, 303);
  assert.ok(await store.db.selectFrom('stat_form_reporters').select('id').where('reporter_id', '=', viettel.id).where('form_code', '=', 'BC-VT-01').executeTakeFirst());
  assert.equal((await store.db.selectFrom('stat_report_assignments').select('id').where('reporter_id', '=', viettel.id).execute()).length, 1, 'the open period is assigned too');
  assert.match((await s.get(LIST)).body, new RegExp(`<a href="${LIST}/${viettel.id}">Viettel Lào Cai</a></th>\\s*<td>Doanh nghiệp viễn thông</td>\\s*<td>Viettel Lào Cai</td>\\s*<td><strong>Chưa có: không ai nộp được báo cáo</strong></td>\\s*<td>BC-VT-01</td>`));
});

test('bad input on creation: duplicate names (case and diacritics aside), empty or too long names, unknown kinds and agencies give field messages with the input kept, and nothing is written', async (t) => {
  const { app, store } = await build(t);
  const s = await statistician(app, store);
  const before = await counts(store);

  for (const name of ['VNPT Lào Cai', 'vnpt lao cai', 'VNPT  LÀO CAI', 'VNPT Lao Cai']) {
    const dup = await s.post(LIST, { name, kind: 'telecom_enterprise', agency: 'new' });
    assert.equal(dup.status, 422, name);
    assert.match(dup.body, /Đã có đơn vị báo cáo cùng loại tên (&quot;|&#34;)VNPT Lào Cai(&quot;|&#34;)\./);
    assert.match(dup.body, /<a href="#f-name">Tên đơn vị báo cáo: /, 'the error summary links to the field');
    assert.match(dup.body, /<input id="f-name" name="name" type="text" value="[^"]+"/);
    assert.ok(dup.body.includes(`value="${name}"`), 'the name typed is kept');
    assert.match(dup.body, /<option value="telecom_enterprise" selected/);
  }
  // đ folds to d: "Đắk" and "dak" are one name.
  assert.equal((await s.post(LIST, { name: 'Đắk Viễn thông', kind: 'telecom_enterprise', agency: 'new' })).status, 303);
  assert.equal((await s.post(LIST, { name: 'dak vien thong', kind: 'telecom_enterprise', agency: 'new' })).status, 422);
  const base = await counts(store);
  assert.equal(base.reporters, before.reporters + 1);

  const empty = await s.post(LIST, { name: '   ', kind: 'postal_enterprise', agency: 'new' });
  assert.equal(empty.status, 422);
  assert.match(empty.body, /Hãy nhập tên đơn vị báo cáo\./);
  assert.match(empty.body, /<option value="postal_enterprise" selected/);
  const long = await s.post(LIST, { name: 'x'.repeat(201), kind: 'postal_enterprise', agency: 'new' });
  assert.equal(long.status, 422);
  assert.match(long.body, /Tên dài quá 200 ký tự\./);
  const kind = await s.post(LIST, { name: 'Một đơn vị', kind: 'bank', agency: 'new' });
  assert.equal(kind.status, 422);
  assert.match(kind.body, /Hãy chọn loại đơn vị báo cáo trong danh sách\./);
  assert.match(kind.body, /value="Một đơn vị"/);
  // The department (a 'department' agency) is not a reporter's agency; nor is an unknown id.
  const department = (await store.db.selectFrom('agencies').select('id').where('code', '=', 'so-tttt-lao-cai').executeTakeFirstOrThrow()).id;
  for (const choice of [String(department), '999999', 'abc']) {
    const bad = await s.post(LIST, { name: 'Một đơn vị', kind: 'telecom_enterprise', agency: choice });
    assert.equal(bad.status, 422, choice);
    assert.match(bad.body, /Hãy chọn cơ quan, doanh nghiệp trong danh sách\./);
  }
  // A district office is not created as an enterprise.
  const district = await s.post(LIST, { name: 'Phòng VH-TT huyện Bát Xát', kind: 'district_office', agency: 'new' });
  assert.equal(district.status, 422);
  assert.match(district.body, /Phòng cấp huyện phải gắn với một cơ quan đã có/);
  assert.match(district.body, /<option value="district_office" selected/);
  // In English too.
  s.cookies.set('lang', 'en');
  const en = await s.post(LIST, { name: 'vnpt lào cai', kind: 'telecom_enterprise', agency: 'new' });
  assert.equal(en.status, 422);
  assert.match(en.body, /There is already a reporter of this kind named (&quot;|&#34;)VNPT Lào Cai(&quot;|&#34;)\./);
  assert.deepEqual(await counts(store), base, 'nothing was written');
});

test('renaming a reporter is audited and follows the same uniqueness rule', async (t) => {
  const { app, store } = await build(t);
  const s = await statistician(app, store);
  assert.equal((await s.post(LIST, { name: 'Viettel Lào Cai', kind: 'telecom_enterprise', agency: 'new' })).status, 303);
  const vnpt = await reporterIdByName(store, 'VNPT Lào Cai');
  const path = `${LIST}/${vnpt}`;
  await s.get(path);

  const taken = await s.post(`${path}/ten`, { name: 'VIETTEL lao cai' });
  assert.equal(taken.status, 422);
  assert.match(taken.body, /Đã có đơn vị báo cáo cùng loại tên (&quot;|&#34;)Viettel Lào Cai(&quot;|&#34;)\./);
  assert.match(taken.body, /value="VIETTEL lao cai"/);
  assert.equal((await s.post(`${path}/ten`, { name: '' })).status, 422);
  assert.equal((await store.db.selectFrom('stat_reporters').select('name').where('id', '=', vnpt).executeTakeFirstOrThrow()).name, 'VNPT Lào Cai');

  // Its own name in another case is fine (the rule skips the reporter itself).
  const ok = await s.post(`${path}/ten`, { name: 'VNPT tỉnh Lào Cai' });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, `${path}?ok=ten`);
  assert.match((await s.get(ok.location!)).body, /Đã đổi tên đơn vị báo cáo\./);
  assert.equal((await store.db.selectFrom('stat_reporters').select('name').where('id', '=', vnpt).executeTakeFirstOrThrow()).name, 'VNPT tỉnh Lào Cai');
  const audit = await store.db.selectFrom('audit_log').select(['action', 'entity_id', 'before_json', 'after_json']).where('action', '=', 'statistics.reporter.rename').execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.entity_id, String(vnpt));
  assert.match(audit[0]!.before_json ?? '', /VNPT Lào Cai/);
  assert.match(audit[0]!.after_json ?? '', /VNPT tỉnh Lào Cai/);
  // The reporter's own assignment pages follow the new name.
  assert.match((await s.get(FORM)).body, /<th scope="row">VNPT tỉnh Lào Cai<\/th>/);
  assert.equal((await s.get(`${LIST}/999999`)).status, 404);
  assert.equal((await s.post(`${LIST}/999999/ten`, { name: 'X' })).status, 404);
});

test('member accounts: added by email when eligible, refused with a clear message when unknown, inactive, not eligible or already a member; removed, the last one with a warning', async (t) => {
  const { app, store } = await build(t);
  const s = await statistician(app, store);
  const vnpt = await reporterIdByName(store, 'VNPT Lào Cai');
  const path = `${LIST}/${vnpt}`;
  const businessId = await account(store, 'ke.toan@vnpt.example.vn', 'business');
  await account(store, 'chua.xac.thuc@vnpt.example.vn', 'business', { verified: false });
  await account(store, 'bi.khoa@vnpt.example.vn', 'business', { disabled: true });
  await s.get(path);

  // Eligible business account, typed in another case with spaces: added and audited.
  const added = await s.post(`${path}/thanh-vien`, { email: '  Ke.Toan@VNPT.example.vn ' });
  assert.equal(added.status, 303);
  assert.equal(added.location, `${path}?ok=them`);
  assert.ok(await store.db.selectFrom('stat_reporter_members').select('user_id').where('reporter_id', '=', vnpt).where('user_id', '=', businessId).executeTakeFirst());
  const page = await s.get(added.location!);
  assert.match(page.body, /Đã thêm tài khoản nộp báo cáo\./);
  assert.match(page.body, /<td>ke.toan@vnpt.example.vn<\/td>\s*<td>Doanh nghiệp<\/td>/);

  const members = async () => (await store.db.selectFrom('stat_reporter_members').select('user_id').where('reporter_id', '=', vnpt).execute()).length;
  const before = await members();
  const cases: [string, RegExp][] = [
    ['khong.co@example.vn', /Không có tài khoản nào với thư điện tử khong\.co@example\.vn\./],
    ['not an email', /Hãy nhập địa chỉ thư điện tử của tài khoản/],
    ['', /Hãy nhập địa chỉ thư điện tử của tài khoản/],
    ['citizen@laocai.example.vn', /Tài khoản citizen@laocai\.example\.vn không phải tài khoản doanh nghiệp hay tài khoản cán bộ của cơ quan này/],
    // Staff of the department (the statistician themselves) cannot submit for an enterprise.
    ['statistician@laocai.example.vn', /Tài khoản statistician@laocai\.example\.vn không phải tài khoản doanh nghiệp/],
    ['chua.xac.thuc@vnpt.example.vn', /Tài khoản chua\.xac\.thuc@vnpt\.example\.vn đang bị khóa hoặc chưa xác thực thư điện tử/],
    ['bi.khoa@vnpt.example.vn', /Tài khoản bi\.khoa@vnpt\.example\.vn đang bị khóa hoặc chưa xác thực thư điện tử/],
    ['enterprise@laocai.example.vn', /Tài khoản enterprise@laocai\.example\.vn đã là tài khoản nộp báo cáo của đơn vị này\./],
  ];
  for (const [email, message] of cases) {
    const res = await s.post(`${path}/thanh-vien`, { email });
    assert.equal(res.status, 422, email);
    assert.match(res.body, message, email);
    assert.ok(res.body.includes(`name="email" type="email" value="${email}"`), `${email} is kept`);
    assert.match(res.body, /<a href="#f-email">/);
  }
  assert.equal(await members(), before, 'no refused account was added');

  // Staff of the reporter's own agency (a district office) are eligible.
  const office = await agency(store, 'phong-vhtt-bat-xat', 'other', 'Phòng Văn hóa và Thông tin huyện Bát Xát');
  const officeStaff = await account(store, 'can.bo@batxat.example.vn', 'staff', { agencyId: office, role: 'officer' });
  assert.equal((await s.post(LIST, { name: 'Phòng VH-TT huyện Bát Xát', kind: 'district_office', agency: String(office) })).status, 303);
  const district = await reporterIdByName(store, 'Phòng VH-TT huyện Bát Xát');
  assert.equal((await s.post(`${LIST}/${district}/thanh-vien`, { email: 'can.bo@batxat.example.vn' })).status, 303);
  assert.ok(await store.db.selectFrom('stat_reporter_members').select('user_id').where('reporter_id', '=', district).where('user_id', '=', officeStaff).executeTakeFirst());
  // …but not for another reporter's agency.
  const other = await s.post(`${path}/thanh-vien`, { email: 'can.bo@batxat.example.vn' });
  assert.equal(other.status, 422);
  assert.match(other.body, /không phải tài khoản doanh nghiệp hay tài khoản cán bộ của cơ quan này/);

  // Removing: one of two, then the last one (allowed, with the warning that nobody can submit).
  const demoMember = (await store.db.selectFrom('users').select('id').where('email', '=', 'enterprise@laocai.example.vn').executeTakeFirstOrThrow()).id;
  await s.get(path);
  const removed = await s.post(`${path}/thanh-vien/${demoMember}/go`, {});
  assert.equal(removed.status, 303);
  assert.equal(removed.location, `${path}?ok=go`);
  const one = await s.get(removed.location!);
  assert.match(one.body, /Đã gỡ tài khoản khỏi đơn vị báo cáo\./);
  assert.match(one.body, /Đây là tài khoản duy nhất của đơn vị/);
  assert.match(one.body, /aria-label="Gỡ tài khoản ke.toan@vnpt.example.vn khỏi VNPT Lào Cai"/);
  const last = await s.post(`${path}/thanh-vien/${businessId}/go`, {});
  assert.equal(last.status, 303);
  assert.equal(last.location, `${path}?ok=go-het`);
  const none = await s.get(last.location!);
  assert.match(none.body, /Đơn vị báo cáo không còn tài khoản nào: không ai nộp được báo cáo cho đơn vị/);
  assert.match(none.body, /Đơn vị báo cáo này không có tài khoản nào: không ai nộp được báo cáo/);
  assert.equal(await members(), 0);
  // The removed account no longer sees the reporter's assignment.
  const assignment = (await store.db.selectFrom('stat_report_assignments').select('id').where('reporter_id', '=', vnpt).executeTakeFirstOrThrow()).id;
  const enterprise = await signedIn(app, store, 'enterprise');
  assert.equal((await enterprise.get(`/bao-cao-thong-ke/${assignment}`)).status, 404);
  // Removing someone who is not a member: 404.
  assert.equal((await s.post(`${path}/thanh-vien/${businessId}/go`, {})).status, 404);

  const audit = await store.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'like', 'statistics.reporter_member.%').orderBy('id').execute();
  assert.deepEqual(audit, [
    { action: 'statistics.reporter_member.add', entity_id: String(vnpt) },
    { action: 'statistics.reporter_member.add', entity_id: String(district) },
    { action: 'statistics.reporter_member.remove', entity_id: String(vnpt) },
    { action: 'statistics.reporter_member.remove', entity_id: String(vnpt) },
  ]);
});

test('hostile: anonymous visitors are sent to sign in, other accounts get 403, forged or missing CSRF tokens get 403 with the input kept, and script in a name is escaped', async (t) => {
  const { app, store } = await build(t);
  const vnpt = await reporterIdByName(store, 'VNPT Lào Cai');
  const path = `${LIST}/${vnpt}`;
  await account(store, 'ke.toan@vnpt.example.vn', 'business');
  const before = await counts(store);

  const anonymous = new Client(app);
  const visit = await anonymous.get(LIST);
  assert.equal(visit.status, 303);
  assert.equal(visit.location, `/dang-nhap?next=${encodeURIComponent(LIST)}`);
  assert.equal((await anonymous.get(path)).status, 303);
  assert.equal((await anonymous.post(LIST, { name: 'Viettel Lào Cai', kind: 'telecom_enterprise', agency: 'new' })).status, 303);

  for (const handle of ['officer', 'enterprise', 'citizen', 'editor']) {
    const client = await signedIn(app, store, handle);
    await client.get('/tai-khoan');
    assert.equal((await client.get(LIST)).status, 403, handle);
    assert.equal((await client.get(path)).status, 403, handle);
    assert.equal((await client.post(LIST, { name: 'Viettel Lào Cai', kind: 'telecom_enterprise', agency: 'new' })).status, 403, handle);
    assert.equal((await client.post(`${path}/ten`, { name: 'Đổi tên' })).status, 403, handle);
    assert.equal((await client.post(`${path}/thanh-vien`, { email: 'ke.toan@vnpt.example.vn' })).status, 403, handle);
    assert.equal((await client.post(`${path}/thanh-vien/1/go`, {})).status, 403, handle);
  }

  const s = await statistician(app, store);
  for (const token of [{ _csrf: 'forged' }, { _csrf: '' }]) {
    const create = await s.post(LIST, { ...token, name: 'Viettel Lào Cai', kind: 'postal_enterprise', agency: 'new' });
    assert.equal(create.status, 403);
    assert.match(create.body, /value="Viettel Lào Cai"/);
    assert.match(create.body, /<option value="postal_enterprise" selected/);
    assert.match(create.body, /role="alert"/);
    const rename = await s.post(`${path}/ten`, { ...token, name: 'Tên mới' });
    assert.equal(rename.status, 403);
    assert.match(rename.body, /value="Tên mới"/);
    const add = await s.post(`${path}/thanh-vien`, { ...token, email: 'ke.toan@vnpt.example.vn' });
    assert.equal(add.status, 403);
    assert.match(add.body, /value="ke.toan@vnpt.example.vn"/);
    const demoMember = (await store.db.selectFrom('users').select('id').where('email', '=', 'enterprise@laocai.example.vn').executeTakeFirstOrThrow()).id;
    assert.equal((await s.post(`${path}/thanh-vien/${demoMember}/go`, token)).status, 403);
  }
  // A token of another session does not work either.
  const officer = await signedIn(app, store, 'officer');
  await officer.get('/tai-khoan');
  assert.equal((await s.post(LIST, { _csrf: officer.lastCsrf, name: 'Viettel Lào Cai', kind: 'telecom_enterprise', agency: 'new' })).status, 403);
  assert.deepEqual(await counts(store), before, 'nothing was written');

  // Script in a name is stored as typed and shown escaped, on the list, its page and the assignment page.
  await s.get(LIST);
  const hostile = '<script>alert(1)</script> & "VT"';
  const made = await s.post(LIST, { name: hostile, kind: 'telecom_enterprise', agency: 'new' });
  assert.equal(made.status, 303);
  assert.ok(await store.db.selectFrom('stat_reporters').select('id').where('name', '=', hostile).executeTakeFirst());
  for (const url of [LIST, made.location!, FORM]) {
    const body = (await s.get(url)).body;
    // Inside a quoted attribute value only the quote needs escaping; everywhere else no tag gets through.
    assert.ok(!body.replace(/ value="[^"]*"/g, '').includes('<script>alert(1)</script>'), url);
    assert.doesNotMatch(body, /value="[^"]*"VT/, url);
    assert.match(body, /&lt;script(&gt;|>)alert\(1\)&lt;\/script(&gt;|>) &amp; (&quot;|&#34;)VT(&quot;|&#34;)/, url);
  }
  // Its duplicate message escapes the name too.
  const dup = await s.post(LIST, { name: hostile.toUpperCase(), kind: 'telecom_enterprise', agency: 'new' });
  assert.equal(dup.status, 422);
  assert.ok(!dup.body.replace(/ value="[^"]*"/g, '').includes('<script>'));
  assert.match(dup.body, /tên (&quot;|&#34;)&lt;script(&gt;|>)alert/);
});

/** The outcome of two changes run at the same moment: exactly one went through, the other was refused on `field` with `key`. */
function oneRefused<T>(results: PromiseSettledResult<T>[], field: string, key: string): T {
  const done = results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.equal(done.length, 1, `one succeeds: ${refused.map((r) => String(r.reason)).join('; ')}`);
  assert.equal(refused.length, 1);
  const err: unknown = refused[0]!.reason;
  assert.ok(err instanceof AppError, `an AppError, not ${String(err)}`);
  assert.equal(err.code, 'validation');
  assert.equal(err.status, 422);
  assert.deepEqual(Object.keys(err.fields ?? {}), [field]);
  assert.equal(err.fields?.[field]?.key, key);
  return done[0]!.value;
}

test('two creations at the same moment with one name (case and diacritics aside) or one agency: one is written, the other gets the field message, and nothing of it remains', async (t) => {
  const { store } = await build(t);
  const actor = systemActor('test');
  const before = await counts(store);

  const byName = await Promise.allSettled([
    createReporter(store.db, actor, { name: 'Viettel Lào Cai', kind: 'telecom_enterprise', agency: 'new' }),
    createReporter(store.db, actor, { name: 'VIETTEL  lao cai', kind: 'telecom_enterprise', agency: 'new' }),
  ]);
  const viettel = oneRefused(byName, 'name', 'reports.err.reporter_name_taken');
  const row = await store.db.selectFrom('stat_reporters').select(['name', 'name_key']).where('id', '=', viettel).executeTakeFirstOrThrow();
  assert.equal(row.name_key, 'viettel lao cai');
  const afterName = await counts(store);
  // One reporter, one new agency with one version, and the two audit entries of that creation only.
  assert.deepEqual(
    { r: afterName.reporters - before.reporters, a: afterName.agencies - before.agencies, v: afterName.versions - before.versions, audit: afterName.audit - before.audit },
    { r: 1, a: 1, v: 1, audit: 2 },
  );
  assert.equal((await store.db.selectFrom('agencies').select('id').where('code', 'like', 'viettel-lao-cai%').execute()).length, 1);

  const existing = await agency(store, 'buu-dien-lao-cai', 'enterprise', 'Bưu điện tỉnh Lào Cai');
  const base = await counts(store);
  const byAgency = await Promise.allSettled([
    createReporter(store.db, actor, { name: 'Bưu điện tỉnh Lào Cai', kind: 'postal_enterprise', agency: String(existing) }),
    createReporter(store.db, actor, { name: 'Bưu chính Lào Cai', kind: 'postal_enterprise', agency: String(existing) }),
  ]);
  const postal = oneRefused(byAgency, 'agency', 'reports.err.reporter_agency_taken');
  assert.equal((await store.db.selectFrom('stat_reporters').select('agency_id').where('id', '=', postal).executeTakeFirstOrThrow()).agency_id, existing);
  const afterAgency = await counts(store);
  assert.deepEqual(
    { r: afterAgency.reporters - base.reporters, a: afterAgency.agencies - base.agencies, v: afterAgency.versions - base.versions, audit: afterAgency.audit - base.audit },
    { r: 1, a: 0, v: 0, audit: 1 },
  );

  // Two reporters renamed to one name at the same moment: one is renamed, the other keeps its name.
  const vnpt = await reporterIdByName(store, 'VNPT Lào Cai');
  const pair = () => store.db.selectFrom('stat_reporters').select(['id', 'name', 'name_key']).where('id', 'in', [vnpt, viettel]).orderBy('id').execute();
  const named = await pair();
  const renames = await Promise.allSettled([renameReporter(store.db, actor, vnpt, 'Viễn thông Lào Cai'), renameReporter(store.db, actor, viettel, 'VIEN THONG LAO CAI')]);
  oneRefused(renames, 'name', 'reports.err.reporter_name_taken');
  const renamed = await pair();
  assert.equal(renamed.filter((r) => r.name_key === 'vien thong lao cai').length, 1);
  assert.equal(renamed.filter((r, i) => r.name === named[i]!.name && r.name_key === named[i]!.name_key).length, 1, 'the refused one keeps its name and key');
  assert.equal((await store.db.selectFrom('audit_log').select('id').where('action', '=', 'statistics.reporter.rename').execute()).length, 1);
});

test('migration 0170 gives the demo reporter and the earlier ones their name key, leaves it empty on a later duplicate, and the database then refuses a duplicate key', async (t) => {
  const { store } = await build(t);
  const db = store.db;
  const vnpt = await reporterIdByName(store, 'VNPT Lào Cai');
  assert.equal((await db.selectFrom('stat_reporters').select('name_key').where('id', '=', vnpt).executeTakeFirstOrThrow()).name_key, 'vnpt lao cai', 'the demo seed writes it');
  await db.transaction().execute((trx) => nameKeyDown(trx));

  // As before the migration: a duplicate written by a race, and the same name for another kind.
  const at = nowIso();
  const insert = async (code: string, kind: 'telecom_enterprise' | 'postal_enterprise', name: string): Promise<number> => {
    const id = await agency(store, code, 'enterprise', name);
    const values = { agency_id: id, kind, name, created_at: at };
    return (await db.insertInto('stat_reporters').values(values).returning('id').executeTakeFirstOrThrow()).id;
  };
  const twin = await insert('vnpt-2', 'telecom_enterprise', ' VNPT  LÀO CAI ');
  const postal = await insert('vnpt-buu-chinh', 'postal_enterprise', 'VNPT Lào Cai');
  const dak = await insert('dak-vien-thong', 'telecom_enterprise', 'Đắk  Viễn thông');
  await db.transaction().execute((trx) => nameKeyUp(trx));

  const keys = new Map((await db.selectFrom('stat_reporters').select(['id', 'name_key']).execute()).map((r) => [r.id, r.name_key]));
  assert.equal(keys.get(vnpt), 'vnpt lao cai', 'the demo reporter gets its key');
  assert.equal(keys.get(twin), null, 'the later duplicate gets none');
  assert.equal(keys.get(postal), 'vnpt lao cai', 'another kind may share the key');
  assert.equal(keys.get(dak), 'dak vien thong');

  const other = await agency(store, 'vnpt-3', 'enterprise', 'VNPT 3');
  await assert.rejects(db.insertInto('stat_reporters').values({ agency_id: other, kind: 'telecom_enterprise', name: 'vnpt lao cai', name_key: 'vnpt lao cai', created_at: at }).execute(), (err: unknown) => isUniqueViolation(err));
});
