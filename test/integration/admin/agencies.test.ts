import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { agencyId, signedIn } from './admin-helpers.ts';
import { agencyAt, agencyDutiesAt } from '../../../src/platform/org/queries.ts';

test('the agency list shows the names valid today and each agency its full history', async (t) => {
  const { app, store } = await build(t);
  const admin = await signedIn(app, store.db, 'admin@laocai.example.vn');
  const list = await admin.get('/quan-tri/co-quan');
  assert.equal(list.status, 200);
  assert.match(list.body, /Sở Khoa học và Công nghệ tỉnh Lào Cai<\/a><\/th><td>so-khcn-lao-cai<\/td><td>Sở<\/td>/);
  // The department of information and communications ended on 28 February 2025.
  assert.match(list.body, /Không còn hoạt động \(tên cuối: Sở Thông tin và Truyền thông tỉnh Lào Cai\)/);
  const khcn = await agencyId(store.db, 'so-khcn-lao-cai');
  const detail = await admin.get(`/quan-tri/co-quan/${khcn}`);
  assert.match(detail.body, /01\/01\/2008 – 30\/06\/2025.*Tỉnh Lào Cai \(10, 2008–2025\)/s);
  assert.match(detail.body, /01\/07\/2025 – nay.*Tỉnh Lào Cai \(15, 2025\)/s);
  assert.match(detail.body, /Viễn thông<\/th><td>01\/03\/2025 – nay<\/td>/);
  const editor = await signedIn(app, store.db, 'editor@laocai.example.vn');
  assert.equal((await editor.get('/quan-tri/co-quan')).status, 403);
  assert.equal((await admin.get('/quan-tri/co-quan/999999')).status, 404);
});

test('a new version closes the previous one the day before and overlapping periods are refused', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const id = await agencyId(db, 'so-khcn-lao-cai');
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  await admin.get(`/quan-tri/co-quan/${id}`);
  const renamed = await admin.post(`/quan-tri/co-quan/${id}/phien-ban`, {
    name_vi: 'Sở Khoa học, Công nghệ và Chuyển đổi số tỉnh Lào Cai',
    name_en: 'Lào Cai Department of Science, Technology and Digital Transformation',
    short_name: 'Sở KHCN&CĐS',
    parent: 'ubnd-lao-cai',
    unit: '15',
    valid_from: '2026-01-01',
    valid_to: '',
  });
  assert.equal(renamed.status, 303);
  assert.equal((await agencyAt(db, id, '2025-12-31'))?.nameVi, 'Sở Khoa học và Công nghệ tỉnh Lào Cai');
  assert.equal((await agencyAt(db, id, '2025-12-31'))?.validTo, '2025-12-31');
  const now = await agencyAt(db, id, '2026-01-01');
  assert.equal(now?.nameVi, 'Sở Khoa học, Công nghệ và Chuyển đổi số tỉnh Lào Cai');
  assert.equal(now?.parentAgencyId, await agencyId(db, 'ubnd-lao-cai'));
  assert.equal(now?.phone, null);
  const page = await admin.get(renamed.location ?? '');
  assert.match(page.body, /Đã thêm phiên bản/);
  assert.match(page.body, /01\/07\/2025 – 31\/12\/2025/);
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'agency.version_added').executeTakeFirstOrThrow();
  assert.equal(audit.agency_id, id);
  assert.match(audit.before_json ?? '', /"valid_to":null/);
  assert.match(audit.after_json ?? '', /"previous_valid_to":"2025-12-31"/);

  const overlap = await admin.post(`/quan-tri/co-quan/${id}/phien-ban`, { name_vi: 'Tên chen giữa', name_en: 'In between', valid_from: '2025-08-01', valid_to: '2025-09-30', unit: '15' });
  assert.equal(overlap.status, 422);
  assert.match(overlap.body, /Khoảng thời gian này trùng với phiên bản từ 2025-07-01 đến 2025-12-31/);
  assert.match(overlap.body, /value="Tên chen giữa"/);
  const versions = await db.selectFrom('agency_versions').select('id').where('agency_id', '=', id).execute();
  assert.equal(versions.length, 3);

  const invalid = await admin.post(`/quan-tri/co-quan/${id}/phien-ban`, { name_vi: '', name_en: 'x', valid_from: '01/01/2027', unit: '99', parent: 'khong-co' });
  assert.equal(invalid.status, 422);
  assert.match(invalid.body, /id="f-name_vi-error"[^>]*>Vui lòng nhập tên cơ quan/);
  assert.match(invalid.body, /id="f-valid_from-error"[^>]*>Nhập ngày theo dạng năm-tháng-ngày/);
  assert.match(invalid.body, /id="f-parent-error"[^>]*>Không tìm thấy cơ quan chủ quản này/);
  assert.match(invalid.body, /value="01\/01\/2027"/);

  const forged = await admin.post(`/quan-tri/co-quan/${id}/phien-ban`, { _csrf: 'x', name_vi: 'Giữ lại', name_en: 'Kept', valid_from: '2027-01-01' });
  assert.equal(forged.status, 403);
  assert.match(forged.body, /value="Giữ lại"/);
});

test('duties are assigned from a date, refused when overlapping, and ended', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const id = await agencyId(db, 'so-khcn-lao-cai');
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  await admin.get(`/quan-tri/co-quan/${id}`);
  const added = await admin.post(`/quan-tri/co-quan/${id}/nhiem-vu`, { duty: 'press', duty_from: '2026-01-01', duty_to: '' });
  assert.equal(added.status, 303);
  assert.ok((await agencyDutiesAt(db, id, '2026-01-01')).includes('press'));
  assert.ok(!(await agencyDutiesAt(db, id, '2025-12-31')).includes('press'));

  const twice = await admin.post(`/quan-tri/co-quan/${id}/nhiem-vu`, { duty: 'telecom', duty_from: '2026-02-01', duty_to: '' });
  assert.equal(twice.status, 422);
  assert.match(twice.body, /id="f-duty_from-error"[^>]*>Cơ quan đã có nhiệm vụ này trong khoảng từ 2025-03-01 đến …/);
  const badDuty = await admin.post(`/quan-tri/co-quan/${id}/nhiem-vu`, { duty: 'magic', duty_from: '2026-02-01' });
  assert.match(badDuty.body, /Chọn một nhiệm vụ trong danh sách/);

  const telecom = await db.selectFrom('agency_duties').select('id').where('agency_id', '=', id).where('duty', '=', 'telecom').executeTakeFirstOrThrow();
  const early = await admin.post(`/quan-tri/co-quan/${id}/nhiem-vu/${telecom.id}/ket-thuc`, { valid_to: '2020-01-01' });
  assert.equal(early.status, 422);
  assert.match(early.body, /Ngày kết thúc không được trước ngày bắt đầu \(2025-03-01\)/);
  const ended = await admin.post(`/quan-tri/co-quan/${id}/nhiem-vu/${telecom.id}/ket-thuc`, { valid_to: '2026-06-30' });
  assert.equal(ended.status, 303);
  assert.ok((await agencyDutiesAt(db, id, '2026-06-30')).includes('telecom'));
  assert.ok(!(await agencyDutiesAt(db, id, '2026-07-01')).includes('telecom'));
  const again = await admin.post(`/quan-tri/co-quan/${id}/nhiem-vu/${telecom.id}/ket-thuc`, { valid_to: '2026-07-30' });
  assert.match(again.body, /Nhiệm vụ này đã kết thúc/);
  // A duty of another agency cannot be ended through this one.
  const other = await agencyId(db, 'so-vhttdl-lao-cai');
  assert.equal((await admin.post(`/quan-tri/co-quan/${other}/nhiem-vu/${telecom.id}/ket-thuc`, { valid_to: '2026-07-30' })).status, 404);
  const actions = (await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'agency').orderBy('id').execute()).map((r) => r.action);
  assert.deepEqual(actions, ['agency.duty_added', 'agency.duty_ended']);
});

test('an agency is created with its first version; codes are unique', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  await admin.get('/quan-tri/co-quan');
  const created = await admin.post('/quan-tri/co-quan', {
    code: 'so-tttt-yen-bai',
    kind: 'department',
    name_vi: 'Sở Thông tin và Truyền thông tỉnh Yên Bái',
    name_en: 'Yên Bái Department of Information and Communications',
    short_name: 'Sở TT&TT Yên Bái',
    parent: '',
    unit: '15',
    valid_from: '2008-04-01',
    valid_to: '2025-02-28',
  });
  assert.equal(created.status, 303);
  const v = await agencyAt(db, 'so-tttt-yen-bai', '2010-01-01');
  assert.equal(v?.nameEn, 'Yên Bái Department of Information and Communications');
  // Before the reform, province code 15 is Yên Bái.
  const unit = await db.selectFrom('admin_units').select(['name', 'structure']).where('id', '=', v?.adminUnitId ?? -1).executeTakeFirstOrThrow();
  assert.deepEqual(unit, { name: 'Yên Bái', structure: 'pre2025' });
  assert.equal(await agencyAt(db, 'so-tttt-yen-bai', '2025-03-01'), null);
  const page = await admin.get(created.location ?? '');
  assert.match(page.body, /Đã thêm cơ quan/);

  await admin.get('/quan-tri/co-quan');
  const dup = await admin.post('/quan-tri/co-quan', { code: 'so-tttt-yen-bai', kind: 'nonsense', name_vi: 'Trùng', name_en: 'Dup', valid_from: '2008-04-01', valid_to: '2008-01-01' });
  assert.equal(dup.status, 422);
  assert.match(dup.body, /Mã này đã được dùng/);
  assert.match(dup.body, /Chọn loại cơ quan/);
  assert.match(dup.body, /Ngày kết thúc phải sau ngày bắt đầu/);
  assert.match(dup.body, /value="Trùng"/);
  assert.equal((await db.selectFrom('agencies').select('id').where('code', '=', 'so-tttt-yen-bai').execute()).length, 1);
});
