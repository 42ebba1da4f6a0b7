import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { signedIn } from './helpers.ts';

const form = (extra: Record<string, string> = {}): Record<string, string> => ({
  number_symbol: '22/2009/QĐ-UBND',
  doc_type: 'quyet-dinh',
  title: 'Quy định quản lý, kiểm tra tem bưu chính trên địa bàn tỉnh',
  issuing_body: 'Ủy ban nhân dân tỉnh Lào Cai',
  signer: 'Phó Chủ tịch UBND tỉnh',
  issued_on: '2009-05-04',
  effective_on: '2009-05-14',
  expires_on: '',
  status: 'in_force',
  replaced_by: '',
  summary: 'Quy định về quản lý tem bưu chính.',
  is_published: '1',
  ...extra,
});

test('the library lists the rules on spokespersons, finds them in search, and shows their validity', async (t) => {
  const { app } = await build(t);
  const reader = new Client(app);
  const list = await reader.get('/van-ban');
  assert.equal(list.status, 200);
  assert.match(list.body, /15\/2008\/QĐ-UBND/);
  const detail = await reader.get('/van-ban/quy-che-phat-ngon-va-cung-cap-thong-tin-cho-bao-chi');
  assert.equal(detail.status, 200);
  assert.match(detail.body, /Ủy ban nhân dân tỉnh Lào Cai/);
  assert.match(detail.body, /Còn hiệu lực/);
  assert.match(detail.body, /15\/07\/2008/);
  const api = JSON.parse((await reader.get('/api/v1/search?q=quy+che+phat+ngon&type=document')).body) as { total: number; results: { url: string }[] };
  assert.equal(api.total, 1);
  assert.equal(api.results[0]!.url, '/van-ban/quy-che-phat-ngon-va-cung-cap-thong-tin-cho-bao-chi');
  assert.match((await reader.get('/tim-kiem?q=quy+che+phat+ngon&loai=document')).body, /Tìm thấy 1 kết quả/);
  assert.equal((await reader.get('/van-ban?loai=cong-van')).body.includes('15/2008/QĐ-UBND'), false);
  assert.equal((await reader.get('/van-ban?nam=2008')).body.includes('15/2008/QĐ-UBND'), true);
  assert.equal((await reader.get('/van-ban/khong-co')).status, 404);
});

test('an editor adds and amends a document; bad input refused; only editors may', async (t) => {
  const { app, store } = await build(t);
  const editor = await signedIn(app, store, 'editor');
  await editor.get('/quan-tri/van-ban/moi');
  const bad = await editor.post('/quan-tri/van-ban/moi', form({ number_symbol: '<script>', issued_on: '2009-13-01', effective_on: 'x', status: 'replaced', doc_type: 'khac' }));
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Số, ký hiệu gồm chữ/);
  assert.match(bad.body, /Ngày không hợp lệ/);
  assert.match(bad.body, /Chọn loại văn bản/);
  assert.match(bad.body, /Ghi số, ký hiệu của văn bản thay thế/);
  const dup = await editor.post('/quan-tri/van-ban/moi', form({ number_symbol: '15/2008/QĐ-UBND' }));
  assert.equal(dup.status, 422);
  assert.match(dup.body, /Đã có văn bản mang số, ký hiệu này/);
  assert.equal((await editor.post('/quan-tri/van-ban/moi', form())).status, 303);
  const reader = new Client(app);
  assert.equal(JSON.parse((await reader.get('/api/v1/search?q=tem+buu+chinh&type=document')).body).total, 1);
  const id = (await store.db.selectFrom('legal_documents').select('id').where('number_symbol', '=', '22/2009/QĐ-UBND').executeTakeFirstOrThrow()).id;
  await editor.get(`/quan-tri/van-ban/${id}`);
  assert.equal((await editor.post(`/quan-tri/van-ban/${id}`, form({ status: 'replaced', replaced_by: '30/2012/QĐ-UBND', is_published: '' }))).status, 303);
  assert.equal(JSON.parse((await reader.get('/api/v1/search?q=tem+buu+chinh&type=document')).body).total, 0, 'unpublished: out of search');
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'legal_document').execute();
  assert.deepEqual(audit.map((a) => a.action), ['newsroom.legal_document_created', 'newsroom.legal_document_updated']);
  const writer = await signedIn(app, store, 'writer');
  assert.equal((await writer.get('/quan-tri/van-ban')).status, 403);
});
