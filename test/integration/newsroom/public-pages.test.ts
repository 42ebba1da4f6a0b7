import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { countersByDb } from '../../../src/modules/newsroom/view-counter.ts';
import { articleForm, categoryId, publishedArticle, signedIn, step } from './helpers.ts';

const SEED_PATH = '/tin-tuc/hoat-dong-cua-so/doan-cong-tac-cua-bo-thong-tin-truyen-thong-lam-viec-voi-so-tt-tt-tinh-lao-cai';

test('the seed article: breadcrumb, 06/10/2008, Thùy Linh, Mic.gov.vn, canonical URL, OpenGraph, share links, print view', async (t) => {
  const { app } = await build(t);
  const reader = new Client(app);
  const page = await reader.get(SEED_PATH);
  assert.equal(page.status, 200);
  assert.match(page.body, /<h1>Đoàn công tác của Bộ Thông tin &amp; Truyền thông làm việc với sở TT&amp; TT tỉnh Lào Cai<\/h1>/);
  assert.match(page.body, /<nav class="breadcrumb"[^>]*><ol><li><a href="\/">Trang chủ<\/a><\/li><li><a href="\/tin-tuc">Tin tức<\/a><\/li><li><a href="\/tin-tuc\/tin-hoat-dong">Tin hoạt động<\/a><\/li><li><a href="\/tin-tuc\/hoat-dong-cua-so">Hoạt động của Sở<\/a><\/li>/);
  assert.match(page.body, /<time datetime="2008-10-06T03:00:00.000Z">06\/10\/2008<\/time>/);
  assert.match(page.body, /<p class="article-author">Thùy Linh<\/p>/);
  assert.match(page.body, /Nguồn: Mic.gov.vn/);
  for (const figure of ['22 giấy phép', '277 điểm phục vụ bưu chính', '127 xã', '32máy/100 dân', '11.900 thuê bao', '42 cơ quan nhà nước', 'thứ 5/56', 'thứ 12/56']) assert.ok(page.body.includes(figure), figure);
  assert.match(page.body, new RegExp(`<link rel="canonical" href="http://localhost:3000${SEED_PATH}"/>`));
  assert.match(page.body, /<meta property="og:title" content="Đoàn công tác/);
  assert.match(page.body, /facebook\.com\/sharer/);
  assert.match(page.body, /ĐÁNH GIÁ BÀI VIẾT \(0\)/);
  const print = await reader.get(`${SEED_PATH}/ban-in`);
  assert.equal(print.status, 200);
  assert.match(print.body, /noindex/);
  assert.doesNotMatch(print.body, /class="site-header"/);
  assert.match(print.body, /06\/10\/2008 · Thùy Linh · Mic.gov.vn/);
  // An article reached under another category is sent to its one address.
  const moved = await reader.get(SEED_PATH.replace('hoat-dong-cua-so', 'tin-trong-tinh'));
  assert.equal(moved.status, 301);
  assert.equal(moved.location, SEED_PATH);
  assert.equal((await reader.get('/tin-tuc/hoat-dong-cua-so/khong-co-bai-nay')).status, 404);
  assert.equal((await reader.get('/tin-tuc/KHONG%20HOP%20LE')).status, 404);
  const en = await reader.get('/ngon-ngu/en?next=%2Ftin-tuc');
  assert.equal(en.status, 303);
  assert.match((await reader.get(SEED_PATH)).body, /RATE THIS ARTICLE/);
});

test('news index, category pages with pagination, related articles and feeds', async (t) => {
  const { app, store } = await build(t);
  const cat = await categoryId(store, 'tin-trong-tinh');
  const paths: string[] = [];
  for (let i = 1; i <= 12; i++) paths.push((await publishedArticle(app, store, articleForm(cat, { title: `Tin trong tỉnh số ${i}`, tags: 'Lào Cai' }))).path);
  const reader = new Client(app);
  const index = await reader.get('/tin-tuc');
  assert.match(index.body, /Tin nổi bật/);
  assert.match(index.body, /Đoàn công tác của Bộ/);
  const first = await reader.get('/tin-tuc/tin-trong-tinh');
  assert.match(first.body, /Tin trong tỉnh số 12/);
  assert.doesNotMatch(first.body, /Tin trong tỉnh số 2</);
  assert.match(first.body, /href="\/tin-tuc\/tin-trong-tinh\?trang=2" rel="next"/);
  const second = await reader.get('/tin-tuc/tin-trong-tinh?trang=2');
  assert.match(second.body, /Tin trong tỉnh số 2</);
  assert.match(second.body, /Tin trong tỉnh số 1</);
  assert.equal((await reader.get('/tin-tuc/tin-trong-tinh?trang=99')).status, 404);
  // The parent category lists its children's articles.
  assert.match((await reader.get('/tin-tuc/tin-hoat-dong')).body, /Tin trong tỉnh số 12/);
  const article = await reader.get(paths[0]!);
  assert.match(article.body, /Tin liên quan/);
  const related = article.body.slice(article.body.indexOf('id="related-title"'));
  assert.match(related, /Tin trong tỉnh số 12/, 'shares the tag Lào Cai');
  assert.doesNotMatch(related, /Tin trong tỉnh số 1</, 'never itself');
  const seedRelated = (await reader.get(SEED_PATH)).body;
  assert.match(seedRelated.slice(seedRelated.indexOf('id="related-title"')), /Tin trong tỉnh số/, 'the seed article shares the tag Lào Cai');

  const rss = await reader.get('/tin-tuc/tin-trong-tinh/rss.xml');
  assert.equal(rss.status, 200);
  assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
  assert.match(rss.body, /<rss version="2.0"/);
  assert.equal((rss.body.match(/<item>/g) ?? []).length, 12);
  const atom = await reader.get('/tin-tuc/atom.xml');
  assert.match(atom.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.match(atom.body, /<author><name>Thùy Linh<\/name><\/author>/);
  const sitemap = await reader.get('/sitemap.xml');
  assert.match(sitemap.body, /<loc>http:\/\/localhost:3000\/tin-tuc\/hoat-dong-cua-so\/doan-cong-tac/);
  const robots = await reader.get('/robots.txt');
  assert.match(robots.body, /Sitemap: http:\/\/localhost:3000\/sitemap.xml/);
  assert.match(robots.body, /Disallow: \/quan-tri/);
});

test('article pages are cached for readers not signed in, shared without a token or cookie, and refreshed by a rating, an edit or another process', async (t) => {
  const { app, store } = await build(t);
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  const { id, path } = await publishedArticle(app, store, articleForm(cat, { title: 'Bài kiểm tra bộ nhớ đệm', body: 'Bản đầu.' }));
  const a = new Client(app);
  const b = new Client(app);
  const first = await a.get(path);
  assert.equal(first.headers['x-cache'], 'miss');
  assert.match(first.body, /1 lượt xem/);
  const again = await a.get(path);
  assert.equal(again.headers['x-cache'], 'miss', 'a page asked for the first time is not kept; asked for again, it is');
  assert.equal(again.body.replace('2 lượt xem', '1 lượt xem'), first.body, 'the kept page is the page sent before, with its count');
  const second = await b.get(path);
  assert.equal(second.headers['x-cache'], 'hit');
  assert.doesNotMatch(second.body, /view-count-mark|placeholder|name="_csrf"/);
  assert.equal(second.headers['set-cookie'], undefined, 'a shared page sets no cookie');
  assert.match(second.body, /2 lượt xem/, 'the count shown is the one of the last check (at most a second old)');
  await b.get(path);
  await countersByDb.get(store.db)!.flush();
  assert.equal((await store.db.selectFrom('articles').select('view_count').where('id', '=', id).executeTakeFirstOrThrow()).view_count, 4);
  await b.get(path);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const afterCheck = await b.get(path);
  assert.equal(afterCheck.headers['x-cache'], 'hit');
  assert.match(afterCheck.body, /6 lượt xem/, 'a second later: the stored count plus the views not yet written, none counted twice');
  const compressed = await app.inject({ url: path, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(compressed.headers['content-encoding'], 'br');
  assert.equal(compressed.headers.vary, 'Accept-Encoding');
  assert.equal(brotliDecompressSync(compressed.rawPayload).toString('utf8'), afterCheck.body, 'the same page, compressed');
  const gzipped = await app.inject({ url: path, headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gunzipSync(gzipped.rawPayload).toString('utf8'), afterCheck.body);
  assert.equal((await b.post(`/tin-tuc/danh-gia/${id}`, { stars: '5' })).status, 303, 'the shared page’s rating form works');
  const afterRating = await a.get(path);
  assert.equal(afterRating.headers['x-cache'], 'miss');
  assert.match(afterRating.body, /ĐÁNH GIÁ BÀI VIẾT \(1\)/);
  const editor = await signedIn(app, store, 'editor');
  const signedInPage = await editor.get(path);
  assert.equal(signedInPage.headers['x-cache'], undefined, 'signed-in readers get their own page');
  const form = await editor.get(`/quan-tri/tin-bai/${id}`);
  const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
  await editor.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { title: 'Bài kiểm tra bộ nhớ đệm', body: 'Bản thứ hai.' }), version });
  for (const action of ['submit', 'approve', 'publish']) assert.equal((await step(editor, id, action)).status, 303);
  const republished = await a.get(path);
  assert.equal(republished.headers['x-cache'], 'miss');
  assert.match(republished.body, /Bản thứ hai\./);

  // Another process (here: a write straight to the database) unpublishes it: within a second the
  // page is read again and answered 404.
  assert.equal((await a.get(path)).headers['x-cache'], 'hit');
  await store.db.updateTable('articles').set({ is_public: 0 }).where('id', '=', id).execute();
  await new Promise((resolve) => setTimeout(resolve, 1100));
  assert.equal((await a.get(path)).status, 404);
});
