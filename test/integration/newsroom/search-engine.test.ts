import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { COUNT_CAP, indexDocument, removeDocument, searchDocuments } from '../../../src/platform/search/engine.ts';
import type { Db } from '../../../src/platform/db/index.ts';

async function corpus(db: Db): Promise<void> {
  await indexDocument(db, {
    type: 'article', id: 1, title: 'Đoàn công tác của Bộ Thông tin & Truyền thông làm việc với Sở TT&TT tỉnh Lào Cai',
    body: 'Ngày 6/10/2008, Đoàn công tác của Bộ do Thứ trưởng Trần Đức Lai làm trưởng đoàn. Thuê bao Internet đạt trên 11.900 thuê bao.',
    url: '/tin-tuc/a/1', publishedAt: '2008-10-06T03:00:00.000Z', categoryId: 1,
  });
  await indexDocument(db, {
    type: 'article', id: 2, title: 'Hội nghị về bưu chính', body: 'Tổng kết công tác bưu chính năm 2009 tại Lào Cai; đoàn kiểm tra làm việc.',
    url: '/tin-tuc/b/2', publishedAt: '2009-01-10T03:00:00.000Z', categoryId: 2,
  });
  await indexDocument(db, {
    type: 'procedure', id: 'p1', title: 'Cấp giấy phép xuất bản tài liệu không kinh doanh', body: 'Thủ tục hành chính cấp tỉnh.',
    url: '/thu-tuc/p1', publishedAt: null,
  });
}

test('search matches with and without diacritics, đ included, any case, ranks title matches first', async (t) => {
  const { store } = await build(t, { demo: false });
  await corpus(store.db);
  for (const q of ['Đoàn công tác', 'doan cong tac', 'DOAN CONG TAC', 'ĐOÀN công TÁC']) {
    const r = await searchDocuments(store.db, { q });
    assert.equal(r.total, 2, q);
    assert.equal(r.results[0]?.id, '1', `title match first for ${q}`);
  }
  const lai = await searchDocuments(store.db, { q: 'tran duc lai' });
  assert.equal(lai.total, 1);
  assert.match(lai.results[0]!.snippet, /<mark>Trần<\/mark> <mark>Đức<\/mark> <mark>Lai<\/mark>/);
  const number = await searchDocuments(store.db, { q: '11.900' });
  assert.equal(number.total, 1);
});

test('quoted phrases match words in order only; filters by type, category and date', async (t) => {
  const { store } = await build(t, { demo: false });
  await corpus(store.db);
  assert.equal((await searchDocuments(store.db, { q: '"cong tac buu chinh"' })).total, 1);
  assert.equal((await searchDocuments(store.db, { q: '"buu chinh cong tac"' })).total, 0);
  assert.equal((await searchDocuments(store.db, { q: 'giay phep' })).total, 1);
  assert.equal((await searchDocuments(store.db, { q: 'giay phep', types: ['article'] })).total, 0);
  assert.equal((await searchDocuments(store.db, { q: 'lao cai', category: 2 })).results[0]?.id, '2');
  assert.equal((await searchDocuments(store.db, { q: 'lao cai', from: '2009-01-01T00:00:00.000Z' })).total, 1);
  assert.equal((await searchDocuments(store.db, { q: 'lao cai', to: '2008-12-31T00:00:00.000Z' })).results[0]?.id, '1');
});

test('removing and re-indexing a document changes what is found', async (t) => {
  const { store } = await build(t, { demo: false });
  await corpus(store.db);
  await removeDocument(store.db, 'article', 1);
  assert.equal((await searchDocuments(store.db, { q: 'tran duc lai' })).total, 0);
  await indexDocument(store.db, { type: 'article', id: 2, title: 'Tiêu đề mới', body: 'Nội dung khác', url: '/x', publishedAt: null });
  assert.equal((await searchDocuments(store.db, { q: 'hoi nghi' })).total, 0);
  assert.equal((await searchDocuments(store.db, { q: 'tieu de moi' })).total, 1);
});

test('hostile queries never reach the engine as syntax', async (t) => {
  const { store } = await build(t, { demo: false });
  await corpus(store.db);
  const hostile = ['"', '"""', '*', 'doan*', 'NEAR(doan cong)', 'doan NEAR cong', '-doan', 'doan -cong', '(', ')) OR ((', 'doan AND OR NOT', '"unbalanced quote', "'; drop table search_documents; --", 'title:doan', '^doan', '<script>alert(1)</script>', 'a & b | !c <-> d', '\u0000\u0001', '  '];
  for (const q of hostile) {
    const r = await searchDocuments(store.db, { q });
    assert.ok(r.total >= 0, q);
    for (const hit of r.results) assert.doesNotMatch(hit.snippet, /<script/);
  }
  assert.equal((await searchDocuments(store.db, { q: 'doan*' })).total, 2);
  const long = await searchDocuments(store.db, { q: 'doan '.repeat(2000) });
  assert.equal(long.truncated, true);
  assert.equal(long.total, 2);
  const words = await searchDocuments(store.db, { q: Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ') });
  assert.equal(words.total, 0);
  assert.equal((await searchDocuments(store.db, { q: '' })).total, 0);
});

test('a query matching more documents than are scored says so and ranks the most recent by relevance', async (t) => {
  const { store } = await build(t, { demo: false });
  await store.db.transaction().execute(async (trx) => {
    for (let i = 1; i <= COUNT_CAP + 100; i++) {
      await indexDocument(trx, { type: 'article', id: i, title: `Tin số ${i}`, body: 'Thông tin chung về hạ tầng dùng chung.', url: `/x/${i}`, publishedAt: '2020-01-01T00:00:00.000Z' });
    }
    await indexDocument(trx, { type: 'article', id: 'moi', title: 'Hạ tầng dùng chung', body: 'Hạ tầng dùng chung giữa các doanh nghiệp.', url: '/x/moi', publishedAt: '2020-01-01T00:00:00.000Z' });
  });
  const r = await searchDocuments(store.db, { q: 'dung chung', pageSize: 5 });
  assert.equal(r.total, COUNT_CAP, 'counted up to the cap');
  assert.equal(r.totalIsLowerBound, true);
  assert.equal((await searchDocuments(store.db, { q: 'tin so 7' })).totalIsLowerBound, false);
  assert.equal(r.results[0]?.id, 'moi');
  assert.equal(r.results.length, 5);
});
