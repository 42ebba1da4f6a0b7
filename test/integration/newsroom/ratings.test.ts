import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { countersByDb } from '../../../src/modules/newsroom/view-counter.ts';
import { articleForm, categoryId, createDraft, publishedArticle, signedIn } from './helpers.ts';

async function seedArticle(store: Parameters<typeof categoryId>[0]) {
  return store.db.selectFrom('articles as a').innerJoin('news_categories as c', 'c.id', 'a.category_id').select(['a.id', 'a.slug', 'c.slug as cat']).orderBy('a.id').executeTakeFirstOrThrow();
}

test('a reader rates without JavaScript: one rating per reader, average and count shown', async (t) => {
  const { app, store } = await build(t);
  const a = await seedArticle(store);
  const path = `/tin-tuc/${a.cat}/${a.slug}`;
  const reader = new Client(app);
  const page = await reader.get(path);
  assert.match(page.body, /ĐÁNH GIÁ BÀI VIẾT \(0\)/);
  assert.match(page.body, /<fieldset><legend>/);
  const rated = await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '4' });
  assert.equal(rated.status, 303);
  assert.equal(rated.location, `${path}?danh-gia=ok#danh-gia`);
  const after = await reader.get(`${path}?danh-gia=ok`);
  assert.match(after.body, /ĐÁNH GIÁ BÀI VIẾT \(1\)/);
  assert.match(after.body, /Trung bình 4,0\/5 sao từ 1 lượt đánh giá/);
  assert.match(after.body, /Cảm ơn bạn đã đánh giá/);

  // Same address and browser, no cookie of its own: recognised, not counted twice.
  const again = await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '1' });
  assert.equal(again.location, `${path}?danh-gia=da-danh-gia#danh-gia`);
  const other = new Client(app);
  await other.get(path);
  assert.equal((await other.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '2' }, { 'user-agent': 'Another browser' })).status, 303);
  const row = await store.db.selectFrom('articles').select(['rating_sum', 'rating_count']).where('id', '=', a.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { rating_sum: 6, rating_count: 2 });

  // Nothing personal is stored: keyed hashes only, under a salt of the day.
  const keys = await store.db.selectFrom('article_ratings').select('rater_key').execute();
  for (const k of keys) {
    assert.match(k.rater_key, /^h:[A-Za-z0-9_-]{43}$/);
    assert.doesNotMatch(k.rater_key, /127\.0\.0\.1|lightMyRequest|Another/);
  }
  assert.equal((await store.db.selectFrom('rating_salts').selectAll().execute()).length, 1);

  // A signed-in reader is known by account.
  const citizen = await signedIn(app, store, 'citizen');
  await citizen.get(path);
  await citizen.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '5' });
  assert.equal((await store.db.selectFrom('article_ratings').select('rater_key').where('rater_key', 'like', 'u:%').execute()).length, 1);
});

test('with JavaScript the rating answers JSON in place', async (t) => {
  const { app, store } = await build(t);
  const a = await seedArticle(store);
  const reader = new Client(app);
  await reader.get(`/tin-tuc/${a.cat}/${a.slug}`);
  const res = await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '5' }, { accept: 'application/json' });
  assert.equal(res.status, 200);
  const body = JSON.parse(res.body) as { outcome: string; count: number; average: number; message: string };
  assert.deepEqual([body.outcome, body.count, body.average], ['rated', 1, 5]);
  assert.match(body.message, /Cảm ơn/);
  const dup = await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '5' }, { accept: 'application/json' });
  assert.equal(dup.status, 409);
  assert.match(JSON.parse(dup.body).message, /đã đánh giá/);
});

test('bad ratings are refused clearly: 7 stars, no stars, an unpublished article, a forged form, a flood', async (t) => {
  const { app, store } = await build(t);
  const a = await seedArticle(store);
  const reader = new Client(app);
  await reader.get(`/tin-tuc/${a.cat}/${a.slug}`);
  for (const stars of ['7', '0', '', '4.5', '-1', '<script>']) {
    const res = await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars });
    assert.equal(res.status, 422, stars);
    assert.match(res.body, /Số sao phải là số nguyên từ 1 đến 5/);
  }
  const json = await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '7' }, { accept: 'application/json' });
  assert.equal(json.status, 422);
  assert.match(JSON.parse(json.body).error.message, /từ 1 đến 5/);

  const editor = await signedIn(app, store, 'editor');
  const draft = await createDraft(editor, articleForm(await categoryId(store, 'cong-nghe-thong-tin')));
  const unpublished = await reader.post(`/tin-tuc/danh-gia/${draft}`, { stars: '5' });
  assert.equal(unpublished.status, 422);
  assert.match(unpublished.body, /chưa được đăng/);
  assert.equal((await reader.post('/tin-tuc/danh-gia/999999', { stars: '5' })).status, 404);
  assert.equal((await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '5', _csrf: 'forged' })).status, 403);
  assert.equal((await store.db.selectFrom('article_ratings').selectAll().execute()).length, 0);

  const statuses: number[] = [];
  for (let i = 0; i < 15; i++) statuses.push((await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '3' }, { 'user-agent': `ua-${i}` })).status);
  assert.ok(statuses.includes(429), statuses.join(','));
});

test('a rating from a page not signed in needs no token but must come from the portal; a signed-in reader needs a token', async (t) => {
  const { app, store } = await build(t);
  const a = await seedArticle(store);
  const path = `/tin-tuc/${a.cat}/${a.slug}`;
  const reader = new Client(app);
  const page = await reader.get(path);
  assert.doesNotMatch(page.body, /name="_csrf"/, 'the shared page carries no per-browser token');
  assert.equal(page.headers['set-cookie'], undefined, 'nor sets a cookie');
  const crossSite = await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '5' }, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
  assert.equal(crossSite.status, 403);
  assert.match(crossSite.body, /Phiên biểu mẫu đã hết hạn|không hợp lệ|hết hạn/i);
  assert.equal((await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '5' }, { 'sec-fetch-site': 'same-site' })).status, 403, 'a sibling subdomain is another site here');
  assert.equal((await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '5' }, { origin: 'https://evil.example' })).status, 403, 'an older browser: Origin alone');
  assert.equal((await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '5' }, { origin: 'null' })).status, 403);
  assert.equal((await store.db.selectFrom('article_ratings').selectAll().execute()).length, 0, 'nothing was recorded');
  const ok = await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '5' }, { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' });
  assert.equal(ok.status, 303);
  assert.equal((await reader.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '4' }, { origin: 'http://localhost:3000', 'user-agent': 'Another browser' })).status, 303, 'Origin of the portal');

  const citizen = await signedIn(app, store, 'citizen');
  const own = await citizen.get(path);
  assert.match(own.body, /name="_csrf" value="[^"]+"/, 'a signed-in reader’s page carries their token');
  assert.equal((await citizen.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '3', _csrf: '' }, { 'sec-fetch-site': 'same-origin' })).status, 403, 'no token: refused');
  assert.equal((await store.db.selectFrom('article_ratings').selectAll().execute()).length, 2);
  assert.equal((await citizen.post(`/tin-tuc/danh-gia/${a.id}`, { stars: '3' }, { 'sec-fetch-site': 'same-origin' })).status, 303);
  assert.equal((await store.db.selectFrom('article_ratings').selectAll().execute()).length, 3);
});

test('views are counted in memory and written in batches, shown on the article and in the editors list', async (t) => {
  const { app, store } = await build(t);
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  const { id, path } = await publishedArticle(app, store, articleForm(cat, { title: 'Bài đếm lượt xem' }));
  const reader = new Client(app);
  for (let i = 0; i < 5; i++) assert.equal((await reader.get(path)).status, 200);
  const stored = await store.db.selectFrom('articles').select('view_count').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(stored.view_count, 0, 'no database write per view');
  // The shared page shows the count as of its last check, at most a second old.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  assert.match((await reader.get(path)).body, /6 lượt xem/);
  await countersByDb.get(store.db)!.flush();
  const flushed = await store.db.selectFrom('articles').select('view_count').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(flushed.view_count, 6);
  const editor = await signedIn(app, store, 'editor');
  const list = await editor.get('/quan-tri/tin-bai');
  assert.match(list.body, /Bài đếm lượt xem<\/a><\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>6<\/td>/);
});
