import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchDocuments } from '../../../src/platform/search/engine.ts';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';

test('the catalogue lists the demo procedures with their time limits and online level', async (t) => {
  const { app } = await build(t);
  const res = await new Client(app).get('/thu-tuc');
  assert.equal(res.status, 200);
  assert.match(res.body, /Tìm thấy 5 thủ tục/);
  assert.match(res.body, /href="\/thu-tuc\/1.003868">Cấp giấy phép xuất bản tài liệu không kinh doanh<\/a>/);
  assert.match(res.body, /Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp/);
  assert.match(res.body, /10 ngày làm việc/);
  assert.match(res.body, /Dịch vụ công trực tuyến một phần/);
});

test('search works with and without diacritics and by code; filters narrow by field and level', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  for (const q of ['xuất bản tài liệu', 'xuat ban tai lieu', 'XUAT BAN TAI LIEU', '1.003868']) {
    const res = await client.get(`/thu-tuc?q=${encodeURIComponent(q)}`);
    assert.match(res.body, /Tìm thấy 1 thủ tục/, q);
    assert.match(res.body, /1.003868/);
  }
  const none = await client.get(`/thu-tuc?q=${encodeURIComponent('giấy phép lái xe')}`);
  assert.match(none.body, /Không có thủ tục nào phù hợp/);
  const publishing = await client.get('/thu-tuc?linh-vuc=publishing');
  assert.match(publishing.body, /Tìm thấy 2 thủ tục/);
  const full = await client.get('/thu-tuc?muc-do=full');
  assert.match(full.body, /Tìm thấy 2 thủ tục/);
  assert.match(full.body, /triển lãm xuất bản phẩm/);
});

test('the agency filter follows the 2025 transfer: publishing licences are received by the culture department', async (t) => {
  const { app, store } = await build(t);
  const culture = await store.db.selectFrom('agencies').select('id').where('code', '=', 'so-vhttdl-lao-cai').executeTakeFirstOrThrow();
  const res = await new Client(app).get(`/thu-tuc?co-quan=${culture.id}`);
  assert.match(res.body, /Tìm thấy 4 thủ tục/);
  assert.doesNotMatch(res.body, /hoạt động bưu chính/);
});

test('a procedure page shows agencies over time, documents, fees with their legal basis and the level history', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const res = await client.get('/thu-tuc/1.003868');
  assert.equal(res.status, 200);
  assert.match(res.body, /<h1>Cấp giấy phép xuất bản tài liệu không kinh doanh<\/h1>/);
  assert.match(res.body, /01\/04\/2008 – 28\/02\/2025<\/td>\s*<td>Sở Thông tin và Truyền thông tỉnh Lào Cai/);
  assert.match(res.body, /Từ 01\/03\/2025<\/td>\s*<td>Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai/);
  assert.match(res.body, /Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh \(Mẫu số 04\)/);
  assert.match(res.body, /15\.000 đồng\/trang quy chuẩn/);
  assert.match(res.body, /Thông tư số 214\/2016\/TT-BTC/);
  assert.match(res.body, /Mức độ 3/);
  assert.match(res.body, /Đăng nhập để nộp hồ sơ trực tuyến/);
  const en = await client.get('/ngon-ngu/en?next=%2Fthu-tuc%2F1.003868');
  const english = await client.get(en.location ?? '/');
  assert.match(english.body, /Licence to publish non-commercial documents/);
  assert.match(english.body, /15,000 VND per standard page/);
  assert.equal((await client.get('/thu-tuc/9.999999')).status, 404);
});

test('procedures are in the platform search as type "procedure", found with or without diacritics', async (t) => {
  const { store } = await build(t);
  for (const q of ['trang thông tin điện tử tổng hợp', 'trang thong tin dien tu tong hop']) {
    const found = await searchDocuments(store.db, { q, types: ['procedure'] });
    assert.equal(found.results[0]?.url, '/thu-tuc/LC-TTDT-01', q);
  }
  const byCode = await searchDocuments(store.db, { q: '1.003868', types: ['procedure'] });
  assert.equal(byCode.results[0]?.url, '/thu-tuc/1.003868');
});
