import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { agencyId, makeUser, signedIn } from './admin-helpers.ts';
import type { Db } from '../../../src/platform/db/index.ts';

const idOf = async (db: Db, email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

test('the user list searches names and emails without diacritics and pages through results', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  for (let i = 1; i <= 30; i++) await makeUser(db, { email: `dan${String(i).padStart(2, '0')}@example.vn`, name: `Đỗ Thị Dân ${String(i).padStart(2, '0')}`, type: 'citizen', roles: ['citizen'] });
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  for (const q of ['hoang van dat', 'HOÀNG VĂN ĐẠT', 'Đạt', 'citizen@laocai']) {
    const res = await admin.get(`/quan-tri/nguoi-dung?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200);
    assert.match(res.body, /Hoàng Văn Đạt/, q);
    assert.match(res.body, /1 kết quả/, q);
  }
  const none = await admin.get('/quan-tri/nguoi-dung?q=khong+ai+ca');
  assert.match(none.body, /Không có tài khoản nào phù hợp/);

  const page1 = await admin.get('/quan-tri/nguoi-dung?q=do+thi+dan');
  assert.match(page1.body, /30 kết quả/);
  assert.equal((page1.body.match(/Đỗ Thị Dân \d\d/g) ?? []).length, 25);
  assert.match(page1.body, /Đỗ Thị Dân 01/);
  assert.match(page1.body, /href="\/quan-tri\/nguoi-dung\?q=do\+thi\+dan&(amp;)?trang=2" rel="next"/);
  const page2 = await admin.get('/quan-tri/nguoi-dung?q=do+thi+dan&trang=2');
  assert.deepEqual(page2.body.match(/Đỗ Thị Dân \d\d/g), ['Đỗ Thị Dân 26', 'Đỗ Thị Dân 27', 'Đỗ Thị Dân 28', 'Đỗ Thị Dân 29', 'Đỗ Thị Dân 30']);

  // A renamed account is found under its new name.
  await db.updateTable('users').set({ full_name: 'Lò Văn Sáng' }).where('email', '=', 'dan01@example.vn').execute();
  const renamed = await admin.get('/quan-tri/nguoi-dung?q=lo+van+sang');
  assert.match(renamed.body, /Lò Văn Sáng/);
});

test('an administrator of agency A can neither see nor change a user of agency B', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  await makeUser(db, { email: 'admin.b@example.vn', name: 'Quản trị Sở KH&CN', roles: ['administrator'], agencyCode: 'so-khcn-lao-cai' });
  const editorB = await makeUser(db, { email: 'editor.b@example.vn', name: 'Biên tập Sở KH&CN', roles: ['editor'], agencyCode: 'so-khcn-lao-cai' });
  const editorA = await idOf(db, 'editor@laocai.example.vn');
  const citizen = await idOf(db, 'citizen@laocai.example.vn');
  const adminA = await signedIn(app, db, 'admin@laocai.example.vn');
  const adminB = await signedIn(app, db, 'admin.b@example.vn');

  const listA = await adminA.get('/quan-tri/nguoi-dung');
  assert.match(listA.body, /editor@laocai\.example\.vn/);
  assert.match(listA.body, /citizen@laocai\.example\.vn/);
  assert.doesNotMatch(listA.body, /editor\.b@example\.vn/);
  assert.doesNotMatch((await adminA.get('/quan-tri/nguoi-dung?q=editor.b')).body, /editor\.b@example\.vn/);
  assert.equal((await adminA.get(`/quan-tri/nguoi-dung/${editorB}`)).status, 404);
  await adminA.get(`/quan-tri/nguoi-dung/${editorA}`);
  for (const [path, form] of [
    [`/quan-tri/nguoi-dung/${editorB}/trang-thai`, { disabled: '1' }],
    [`/quan-tri/nguoi-dung/${editorB}/xac-thuc-hai-lop`, { required: '1' }],
    [`/quan-tri/nguoi-dung/${editorB}/vai-tro`, { role: 'writer', agency: '' }],
    [`/quan-tri/nguoi-dung/${editorB}/vai-tro/thu-hoi`, { role: 'editor', agency: String(await agencyId(db, 'so-khcn-lao-cai')) }],
  ] as const) {
    assert.equal((await adminA.post(path, form)).status, 404, path);
  }
  const b = await db.selectFrom('users').select(['disabled_at', 'mfa_required']).where('id', '=', editorB).executeTakeFirstOrThrow();
  assert.deepEqual(b, { disabled_at: null, mfa_required: 0 });
  assert.deepEqual(await db.selectFrom('user_roles').select('role').where('user_id', '=', editorB).execute(), [{ role: 'editor' }]);

  // The other way round as well; both reach the account of no agency.
  const listB = await adminB.get('/quan-tri/nguoi-dung');
  assert.match(listB.body, /editor\.b@example\.vn/);
  assert.doesNotMatch(listB.body, /editor@laocai\.example\.vn/);
  assert.equal((await adminB.get(`/quan-tri/nguoi-dung/${editorA}`)).status, 404);
  assert.equal((await adminB.get(`/quan-tri/nguoi-dung/${citizen}`)).status, 200);

  // Granting in another agency is refused even for a user in scope.
  await adminA.get(`/quan-tri/nguoi-dung/${citizen}`);
  const other = await adminA.post(`/quan-tri/nguoi-dung/${citizen}/vai-tro`, { role: 'writer', agency: String(await agencyId(db, 'so-khcn-lao-cai')) });
  assert.equal(other.status, 422);
  assert.match(other.body, /Bạn chỉ giao vai trò trong cơ quan mình quản trị/);
  assert.deepEqual(await db.selectFrom('user_roles').select('role').where('user_id', '=', citizen).execute(), [{ role: 'citizen' }]);
});

test('staff without the administrator role are refused; visitors are sent to sign in', async (t) => {
  const { app, store } = await build(t);
  const editor = await signedIn(app, store.db, 'editor@laocai.example.vn');
  assert.equal((await editor.get('/quan-tri/nguoi-dung')).status, 403);
  assert.equal((await editor.get('/quan-tri')).status, 200);
  const citizen = await signedIn(app, store.db, 'citizen@laocai.example.vn');
  assert.equal((await citizen.get('/quan-tri')).status, 403);
  const visitor = await new Client(app).get('/quan-tri/nguoi-dung');
  assert.equal(visitor.status, 303);
  assert.match(visitor.location ?? '', /^\/dang-nhap\?next=/);
});

test('granting and revoking roles, with errors by field, CSRF check and audit', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const citizen = await idOf(db, 'citizen@laocai.example.vn');
  const homeAgency = String(await agencyId(db, 'so-tttt-lao-cai'));
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  const page = await admin.get(`/quan-tri/nguoi-dung/${citizen}`);
  assert.match(page.body, /<h1>Hoàng Văn Đạt<\/h1>/);

  const forged = await admin.post(`/quan-tri/nguoi-dung/${citizen}/vai-tro`, { _csrf: 'forged', role: 'writer', agency: homeAgency });
  assert.equal(forged.status, 403);
  assert.match(forged.body, /Phiên làm việc của biểu mẫu đã hết hạn/);
  assert.match(forged.body, /<option value="writer" selected>/);

  const noAgency = await admin.post(`/quan-tri/nguoi-dung/${citizen}/vai-tro`, { role: 'writer', agency: '' });
  assert.equal(noAgency.status, 422);
  assert.match(noAgency.body, /id="f-agency-error"[^>]*>Vai trò của cán bộ phải gắn với một cơ quan/);
  assert.match(noAgency.body, /<option value="writer" selected>/);
  const held = await admin.post(`/quan-tri/nguoi-dung/${citizen}/vai-tro`, { role: 'citizen', agency: '' });
  assert.equal(held.status, 422);
  assert.match(held.body, /Người dùng đã có vai trò này/);

  const granted = await admin.post(`/quan-tri/nguoi-dung/${citizen}/vai-tro`, { role: 'writer', agency: homeAgency });
  assert.equal(granted.status, 303);
  const after = await admin.get(granted.location ?? '');
  assert.match(after.body, /Đã giao vai trò/);
  assert.match(after.body, /Phóng viên, cộng tác viên/);
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'user.role_granted').executeTakeFirstOrThrow();
  assert.equal(audit.actor_label, 'Quản trị hệ thống <admin@laocai.example.vn>');
  assert.equal(audit.entity_id, String(citizen));
  assert.equal(audit.agency_id, Number(homeAgency));

  const revoked = await admin.post(`/quan-tri/nguoi-dung/${citizen}/vai-tro/thu-hoi`, { role: 'writer', agency: homeAgency });
  assert.equal(revoked.status, 303);
  assert.deepEqual(await db.selectFrom('user_roles').select('role').where('user_id', '=', citizen).execute(), [{ role: 'citizen' }]);
  assert.ok(await db.selectFrom('audit_log').select('id').where('action', '=', 'user.role_revoked').executeTakeFirst());

  // In English too.
  await admin.get('/ngon-ngu/en?next=%2F');
  await admin.get(`/quan-tri/nguoi-dung/${citizen}`);
  const en = await admin.post(`/quan-tri/nguoi-dung/${citizen}/vai-tro`, { role: 'writer', agency: '' });
  assert.match(en.body, /A staff role must be held in an agency/);
});

test('disabling an account ends its sessions; second factor can be required', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const editorId = await idOf(db, 'editor@laocai.example.vn');
  const editor = await signedIn(app, db, 'editor@laocai.example.vn');
  assert.equal((await editor.get('/quan-tri')).status, 200);
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  await admin.get(`/quan-tri/nguoi-dung/${editorId}`);

  const mfa = await admin.post(`/quan-tri/nguoi-dung/${editorId}/xac-thuc-hai-lop`, { required: '1' });
  assert.equal(mfa.status, 303);
  assert.equal((await db.selectFrom('users').select('mfa_required').where('id', '=', editorId).executeTakeFirstOrThrow()).mfa_required, 1);
  const shown = await admin.get(`/quan-tri/nguoi-dung/${editorId}`);
  assert.match(shown.body, /Bỏ bắt buộc xác thực hai lớp/);

  const off = await admin.post(`/quan-tri/nguoi-dung/${editorId}/trang-thai`, { disabled: '1' });
  assert.equal(off.status, 303);
  assert.equal((await db.selectFrom('sessions').select('id').where('user_id', '=', editorId).execute()).length, 0);
  assert.equal((await editor.get('/quan-tri')).status, 303);
  assert.match((await admin.get(`/quan-tri/nguoi-dung/${editorId}`)).body, /Đã khóa/);
  const on = await admin.post(`/quan-tri/nguoi-dung/${editorId}/trang-thai`, { disabled: '0' });
  assert.equal(on.status, 303);
  assert.equal((await db.selectFrom('users').select('disabled_at').where('id', '=', editorId).executeTakeFirstOrThrow()).disabled_at, null);
  const actions = (await db.selectFrom('audit_log').select('action').where('entity_id', '=', String(editorId)).orderBy('id').execute()).map((r) => r.action);
  assert.deepEqual(actions, ['user.mfa_required_set', 'user.disabled', 'user.enabled']);

  // An administrator cannot lock themselves out.
  const adminId = await idOf(db, 'admin@laocai.example.vn');
  await admin.get(`/quan-tri/nguoi-dung/${adminId}`);
  const self = await admin.post(`/quan-tri/nguoi-dung/${adminId}/trang-thai`, { disabled: '1' });
  assert.equal(self.status, 422);
  assert.match(self.body, /không thể tự khóa tài khoản/);
  const selfRevoke = await admin.post(`/quan-tri/nguoi-dung/${adminId}/vai-tro/thu-hoi`, { role: 'administrator', agency: String(await agencyId(db, 'so-tttt-lao-cai')) });
  assert.equal(selfRevoke.status, 422);
  assert.equal((await db.selectFrom('users').select('disabled_at').where('id', '=', adminId).executeTakeFirstOrThrow()).disabled_at, null);
});
