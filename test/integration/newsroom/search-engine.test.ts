import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { COUNT_CAP, indexDocument, removeDocument, searchDocuments, TITLE_RANKED } from '../../../src/platform/search/engine.ts';
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

test('a query matching more documents than are counted says so; a title match comes first whatever its age', async (t) => {
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
  // The oldest document (indexed first, published first) is found first by its title, far behind
  // thousands of newer matches of the body; the body matches follow, newest first.
  const old = await searchDocuments(store.db, { q: 'tin so 1', pageSize: 3 });
  assert.equal(old.results[0]?.id, '1');
  const general = await searchDocuments(store.db, { q: 'thong tin chung', pageSize: 3 });
  assert.deepEqual(general.results.map((h) => h.id), [String(COUNT_CAP + 100), String(COUNT_CAP + 99), String(COUNT_CAP + 98)], 'no title holds the words: newest first');
});

test('title matches come first, best title first then most recent; pages continue into the other matches without repeating', async (t) => {
  const { store } = await build(t, { demo: false });
  const doc = (id: number, title: string, body: string, day: string, categoryId = 1) =>
    indexDocument(store.db, { type: 'article', id, title, body, url: `/x/${id}`, publishedAt: `${day}T03:00:00.000Z`, categoryId });
  await doc(1, 'Hạ tầng viễn thông dùng chung', 'Báo cáo năm.', '2010-01-01');
  await doc(2, 'Viễn thông', 'Hạ tầng viễn thông của tỉnh.', '2011-01-01');
  await doc(3, 'Hạ tầng viễn thông', 'Nội dung.', '2009-01-01');
  await doc(4, 'Hạ tầng viễn thông', 'Nội dung khác.', '2012-01-01', 2);
  await doc(5, 'Tin tức', 'Hạ tầng và viễn thông ở xã.', '2013-01-01');
  await doc(6, 'Tin khác', 'Không liên quan.', '2014-01-01');
  const all = await searchDocuments(store.db, { q: 'ha tang vien thong' });
  assert.equal(all.total, 5);
  // A title made of the words only ranks above a longer one; equal titles by recency (4 before 3).
  assert.deepEqual(all.results.map((h) => h.id), ['4', '3', '1', '5', '2']);
  const pages = [1, 2, 3].map((page) => searchDocuments(store.db, { q: 'ha tang vien thong', pageSize: 2, page }));
  assert.deepEqual((await Promise.all(pages)).flatMap((r) => r.results.map((h) => h.id)), ['4', '3', '1', '5', '2']);
  assert.match(all.results[0]!.snippet, /<mark>Hạ<\/mark> <mark>tầng<\/mark>|Nội dung khác/);
  // Phrases and filters hold in both parts.
  assert.deepEqual((await searchDocuments(store.db, { q: '"vien thong dung chung"' })).results.map((h) => h.id), ['1']);
  assert.deepEqual((await searchDocuments(store.db, { q: '"tang vien"' })).results.map((h) => h.id), ['4', '3', '1', '2']);
  assert.deepEqual((await searchDocuments(store.db, { q: 'ha tang vien thong', category: 2 })).results.map((h) => h.id), ['4']);
  assert.deepEqual((await searchDocuments(store.db, { q: 'ha tang vien thong', from: '2011-01-01T00:00:00.000Z', to: '2013-12-31T00:00:00.000Z' })).results.map((h) => h.id), ['4', '5', '2']);
  // Taken out of the index: out of both parts.
  await removeDocument(store.db, 'article', 4);
  assert.deepEqual((await searchDocuments(store.db, { q: 'ha tang vien thong' })).results.map((h) => h.id), ['3', '1', '5', '2']);
  // A new title replaces the old one in the title part; the other matches come in the order they were first indexed, newest first.
  await doc(3, 'Tin tức', 'Hạ tầng viễn thông.', '2009-01-01');
  assert.deepEqual((await searchDocuments(store.db, { q: 'ha tang vien thong' })).results.map((h) => h.id), ['1', '5', '3', '2']);
  assert.ok(TITLE_RANKED >= 1000);
});
