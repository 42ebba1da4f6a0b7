import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { categoryId, signedIn } from './helpers.ts';

test('editors keep the category tree: add, nest, refuse cycles and taken or reserved slugs', async (t) => {
  const { app, store } = await build(t);
  const editor = await signedIn(app, store, 'editor');
  await editor.get('/quan-tri/chuyen-muc');
  const parent = await categoryId(store, 'cong-nghe-thong-tin');
  // Readers' pages keep the tree in memory: a change through the form shows on the next page.
  const reader = new Client(app);
  assert.equal((await reader.get('/tin-tuc/chuyen-doi-so')).status, 404);
  const added = await editor.post('/quan-tri/chuyen-muc', { name_vi: 'Chuyển đổi số', name_en: 'Digital transformation', slug: '', parent_id: String(parent), sort_order: '1' });
  assert.equal(added.status, 303);
  const child = await categoryId(store, 'chuyen-doi-so');
  const page = await reader.get('/tin-tuc/chuyen-doi-so');
  assert.equal(page.status, 200);
  assert.match(page.body, /<a href="\/tin-tuc\/cong-nghe-thong-tin">Công nghệ thông tin<\/a>/, 'breadcrumb through the parent');

  await editor.get(`/quan-tri/chuyen-muc?sua=${parent}`);
  const cycle = await editor.post(`/quan-tri/chuyen-muc/${parent}`, { name_vi: 'Công nghệ thông tin', name_en: '', slug: '', parent_id: String(child), sort_order: '' });
  assert.equal(cycle.status, 422);
  assert.match(cycle.body, /Không thể đặt chuyên mục vào trong chính nó/);
  const taken = await editor.post('/quan-tri/chuyen-muc', { name_vi: 'Trùng', name_en: '', slug: 'tin-trong-tinh', parent_id: '', sort_order: '' });
  assert.match(taken.body, /Đã có chuyên mục dùng đường dẫn này/);
  const reserved = await editor.post('/quan-tri/chuyen-muc', { name_vi: 'Ảnh', name_en: '', slug: 'anh', parent_id: '', sort_order: '' });
  assert.equal(reserved.status, 422);
  const empty = await editor.post('/quan-tri/chuyen-muc', { name_vi: '', name_en: '', slug: 'Không Hợp Lệ', parent_id: '999999', sort_order: 'x' });
  assert.equal(empty.status, 422);
  assert.match(empty.body, /Nhập tên chuyên mục/);
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'news_category').execute();
  assert.deepEqual(audit.map((a) => a.action), ['newsroom.category_created']);
  const writer = await signedIn(app, store, 'writer');
  assert.equal((await writer.get('/quan-tri/chuyen-muc')).status, 403);
});
