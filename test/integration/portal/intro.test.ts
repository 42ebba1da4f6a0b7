import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { makeUser, signedIn } from '../admin/admin-helpers.ts';

test('the introduction pages show the demo agency’s duties, chart, leaders, directory and contact, in both languages', async (t) => {
  const { app } = await build(t);
  const visitor = new Client(app);
  const home = await visitor.get('/');
  assert.equal(home.status, 200);
  assert.match(home.body, /href="\/gioi-thieu"[^>]*>Giới thiệu</);
  const index = await visitor.get('/gioi-thieu');
  for (const slug of ['chuc-nang-nhiem-vu', 'co-cau-to-chuc', 'lanh-dao', 'danh-ba', 'lien-he']) assert.match(index.body, new RegExp(`href="/gioi-thieu/${slug}"`));

  const duties = await visitor.get('/gioi-thieu/chuc-nang-nhiem-vu');
  assert.equal(duties.status, 200);
  assert.match(duties.body, /<h1>Chức năng, nhiệm vụ<\/h1>/);
  assert.match(duties.body, /Viễn thông<\/th><td>01\/04\/2008 – 28\/02\/2025<\/td>/);
  assert.match(duties.body, /Nghị định 13\/2008\/NĐ-CP/);

  const chart = await visitor.get('/gioi-thieu/co-cau-to-chuc');
  assert.match(chart.body, /<strong>Sở Thông tin và Truyền thông tỉnh Lào Cai<\/strong><ul><li><span>Ban Giám đốc Sở<\/span><\/li><li><span>Các phòng chuyên môn, nghiệp vụ<\/span><ul><li><span>Văn phòng Sở<\/span>/);

  const leaders = await visitor.get('/gioi-thieu/lanh-dao');
  assert.match(leaders.body, /<h2>Tô Trọng Tôn<\/h2>.*Giám đốc Sở.*href="tel:02143000001".*giamdoc@laocai\.example\.vn/s);
  assert.match(leaders.body, /minh họa/);

  const directory = await visitor.get('/gioi-thieu/danh-ba?q=thanh%20tra');
  assert.match(directory.body, /1 mục/);
  assert.match(directory.body, /thanhtra@laocai\.example\.vn/);
  assert.doesNotMatch(directory.body, /vanphong@/);
  const folded = await visitor.get('/gioi-thieu/danh-ba?q=CHANH+van+phong');
  assert.match(folded.body, /Lê Văn Thử, Chánh Văn phòng/);
  assert.match(folded.body, /value="CHANH van phong"/);
  assert.match((await visitor.get('/gioi-thieu/danh-ba?q=%25')).body, /Không tìm thấy mục nào phù hợp/);

  const contact = await visitor.get('/gioi-thieu/lien-he');
  assert.match(contact.body, /sotttt@laocai\.example\.vn/);
  assert.equal((await visitor.get('/gioi-thieu/khong-co')).status, 404);

  await visitor.get('/ngon-ngu/en?next=%2Fgioi-thieu%2Fco-cau-to-chuc');
  const english = await visitor.get('/gioi-thieu/co-cau-to-chuc');
  assert.match(english.body, /<h1>Organisation chart<\/h1>/);
  assert.match(english.body, /Lào Cai Department of Information and Communications<\/strong>/);
  assert.match(english.body, /Department inspectorate/);
});

test('an administrator edits page text, leaders, the directory and units, each change audited', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  const list = await admin.get('/quan-tri/gioi-thieu');
  assert.equal(list.status, 200);
  assert.match(list.body, /href="\/quan-tri\/gioi-thieu\/trang\/lien-he"/);

  // A visitor's copy of the page (shared by visitors for a few seconds) gives way to the edit at once.
  const visitor = new Client(app);
  assert.doesNotMatch((await visitor.get('/gioi-thieu/lien-he')).body, /Liên hệ với Sở/);
  await admin.get('/quan-tri/gioi-thieu/trang/lien-he');
  const saved = await admin.post('/quan-tri/gioi-thieu/trang/lien-he', { title_vi: 'Liên hệ với Sở', title_en: 'Contact us', body_vi: 'Đoạn một.\n\nĐoạn hai.', body_en: 'One.', version: '1' });
  assert.equal(saved.status, 303);
  const contact = await visitor.get('/gioi-thieu/lien-he');
  assert.match(contact.body, /<h1>Liên hệ với Sở<\/h1><p>Đoạn một.<\/p><p>Đoạn hai.<\/p>/);
  const stale = await admin.post('/quan-tri/gioi-thieu/trang/lien-he', { title_vi: 'Ghi đè', title_en: 'Overwrite', body_vi: '', body_en: '', version: '1' });
  assert.equal(stale.status, 409);
  assert.match(stale.body, /value="Ghi đè"/);

  await admin.get('/quan-tri/gioi-thieu/lanh-dao');
  const added = await admin.post('/quan-tri/gioi-thieu/lanh-dao', { full_name: 'Phạm Thị Thêm', position_vi: 'Phó Giám đốc Sở', position_en: 'Deputy Director', phone: '0214 3 000 009', email: 'them@laocai.example.vn', is_leader: '1', sort_order: '4' });
  assert.equal(added.status, 303);
  assert.match((await new Client(app).get('/gioi-thieu/lanh-dao')).body, /<h2>Phạm Thị Thêm<\/h2>/);
  const person = await db.selectFrom('people').select('id').where('full_name', '=', 'Phạm Thị Thêm').executeTakeFirstOrThrow();
  await admin.get(`/quan-tri/gioi-thieu/lanh-dao/${person.id}`);
  assert.equal((await admin.post(`/quan-tri/gioi-thieu/lanh-dao/${person.id}`, { full_name: 'Phạm Thị Thêm', position_vi: 'Chánh Thanh tra', position_en: 'Chief inspector', sort_order: '5' })).status, 303);
  assert.doesNotMatch((await new Client(app).get('/gioi-thieu/lanh-dao')).body, /Phạm Thị Thêm/, 'no longer marked as a leader');

  await admin.get('/quan-tri/gioi-thieu/danh-ba');
  assert.equal((await admin.post('/quan-tri/gioi-thieu/danh-ba', { unit_vi: 'Bộ phận Một cửa', unit_en: 'One-stop desk', phone: '0214 3 000 070', email: 'motcua@laocai.example.vn' })).status, 303);
  assert.match((await new Client(app).get('/gioi-thieu/danh-ba?q=mot+cua')).body, /motcua@laocai\.example\.vn/);

  const parent = await db.selectFrom('org_units').select('id').where('name_vi', '=', 'Đơn vị sự nghiệp').executeTakeFirstOrThrow();
  await admin.get('/quan-tri/gioi-thieu/don-vi');
  assert.equal((await admin.post('/quan-tri/gioi-thieu/don-vi', { name_vi: 'Trung tâm Dữ liệu', name_en: 'Data centre', parent_id: String(parent.id), sort_order: '2' })).status, 303);
  assert.match((await new Client(app).get('/gioi-thieu/co-cau-to-chuc')).body, /Trung tâm Công nghệ thông tin và Truyền thông<\/span><\/li><li><span>Trung tâm Dữ liệu<\/span>/);
  const refused = await admin.post(`/quan-tri/gioi-thieu/don-vi/${parent.id}/xoa`, {});
  assert.equal(refused.status, 409);
  assert.match(refused.body, /còn đơn vị cấp dưới/);
  assert.equal(await db.selectFrom('org_units').select('id').where('id', '=', parent.id).executeTakeFirst().then((r) => r?.id), parent.id);

  const actions = (await db.selectFrom('audit_log').select('action').where('entity_type', 'in', ['page', 'person', 'directory_entry', 'org_unit']).orderBy('id').execute()).map((r) => r.action);
  assert.deepEqual(actions, ['page.updated', 'person.created', 'person.updated', 'directory_entry.created', 'org_unit.created']);
});

test('bad input: 422 with field messages and the input kept, a script in a name escaped, another agency’s administrator refused', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  await admin.get('/quan-tri/gioi-thieu/lanh-dao');
  const bad = await admin.post('/quan-tri/gioi-thieu/lanh-dao', { full_name: '<script>alert(1)</script>', position_vi: '', position_en: 'Deputy', phone: 'gọi tôi', email: 'not-an-email', portrait_url: 'https://elsewhere.example/x.jpg', sort_order: 'đầu' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Vui lòng nhập chức vụ \(tiếng việt\)/i);
  assert.match(bad.body, /Địa chỉ thư điện tử không hợp lệ/);
  assert.match(bad.body, /Số điện thoại chỉ gồm chữ số/);
  assert.match(bad.body, /Nhập đường dẫn bắt đầu bằng \//);
  assert.match(bad.body, /Nhập số nguyên từ 0 đến 9999/);
  // Kept inside the quoted attribute (where < and > are inert; quotes are escaped) and nowhere else.
  assert.match(bad.body, /value="<script>alert\(1\)<\/script>"/);
  assert.equal(bad.body.split('<script>alert').length, 2);
  assert.match(bad.body, /value="gọi tôi"/);
  assert.equal((await db.selectFrom('people').select('id').where('position_en', '=', 'Deputy').execute()).length, 0);

  // A script in a saved name comes back escaped on the public page.
  assert.equal((await admin.post('/quan-tri/gioi-thieu/danh-ba', { unit_vi: '<img src=x onerror=alert(1)>', unit_en: 'X' })).status, 303);
  const dir = await new Client(app).get('/gioi-thieu/danh-ba');
  assert.match(dir.body, /&lt;img src=x onerror=alert\(1\)>/);
  assert.doesNotMatch(dir.body, /<img src=x/);

  const emptyTitle = await admin.post('/quan-tri/gioi-thieu/trang/lanh-dao', { title_vi: '', title_en: 'Leaders', body_vi: 'Giữ nguyên', body_en: '', version: '1' });
  assert.equal(emptyTitle.status, 422);
  assert.match(emptyTitle.body, /Giữ nguyên<\/textarea>/);
  const forged = await admin.post('/quan-tri/gioi-thieu/danh-ba', { _csrf: 'forged', unit_vi: 'Giữ lại', unit_en: 'Kept' });
  assert.equal(forged.status, 403);
  assert.match(forged.body, /value="Giữ lại"/);

  // An administrator of another agency sees none of these records and may change none of them.
  await makeUser(db, { email: 'admin-khcn@laocai.example.vn', name: 'Quản trị KH&CN', roles: ['administrator'], agencyCode: 'so-khcn-lao-cai' });
  const other = await signedIn(app, db, 'admin-khcn@laocai.example.vn');
  const otherList = await other.get('/quan-tri/gioi-thieu/lanh-dao');
  assert.equal(otherList.status, 200);
  assert.doesNotMatch(otherList.body, /Nguyễn Văn Minh Họa/);
  const director = await db.selectFrom('people').select('id').where('full_name', '=', 'Tô Trọng Tôn').executeTakeFirstOrThrow();
  assert.equal((await other.get(`/quan-tri/gioi-thieu/lanh-dao/${director.id}`)).status, 403);
  assert.equal((await other.post(`/quan-tri/gioi-thieu/lanh-dao/${director.id}`, { full_name: 'Đổi tên', position_vi: 'x', position_en: 'x' })).status, 403);
  assert.equal((await other.post(`/quan-tri/gioi-thieu/lanh-dao/${director.id}/xoa`, {})).status, 403);
  assert.equal((await other.get('/quan-tri/gioi-thieu/trang/lanh-dao')).status, 403);
  assert.equal((await db.selectFrom('people').select('full_name').where('id', '=', director.id).executeTakeFirstOrThrow()).full_name, 'Tô Trọng Tôn');
  const editor = await signedIn(app, db, 'editor@laocai.example.vn');
  assert.equal((await editor.get('/quan-tri/gioi-thieu')).status, 403);
  assert.equal((await admin.get('/quan-tri/gioi-thieu/khong-co')).status, 404);
  assert.equal((await admin.get('/quan-tri/gioi-thieu/lanh-dao/abc')).status, 404);
});
