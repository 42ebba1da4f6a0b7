import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { homeNews } from '../../../src/modules/newsroom/home-news.ts';

test('the home page lists featured and latest news by category and links to the services and statistics', async (t) => {
  const { app, store } = await build(t);
  const news = await homeNews(store.db, { now: new Date().toISOString() });
  assert.ok(news.categories.length > 0, 'the demo has published news');
  const home = await new Client(app).get('/');
  assert.equal(home.status, 200);
  const first = news.categories[0]!;
  assert.match(home.body, new RegExp(`<a href="${first.url}">${first.nameVi}</a></h3>`));
  assert.ok(home.body.includes(`href="${first.articles[0]!.url}"`));
  for (const a of news.featured) assert.ok(home.body.includes(`href="${a.url}"`));
  assert.match(home.body, /<nav class="home-links"[^>]*>.*href="\/thu-tuc".*href="\/thong-ke"/s);

  // An article scheduled for later is not news yet.
  const future = await homeNews(store.db, { now: '2000-01-01T00:00:00.000Z' });
  assert.equal(future.categories.length, 0);
  assert.equal(future.featured.length, 0);
});

test('the home page goes out compressed to browsers that accept it, the same page, and sets no cookie', async (t) => {
  const { app } = await build(t);
  const plain = await app.inject({ url: '/' });
  assert.equal(plain.statusCode, 200);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'Accept-Encoding');
  assert.equal(plain.headers['set-cookie'], undefined, 'a page without forms issues no CSRF cookie');
  const br = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);
  assert.ok(br.rawPayload.length < plain.rawPayload.length / 3, `${br.rawPayload.length} of ${plain.rawPayload.length} bytes`);
  const gzip = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gzip.rawPayload).toString('utf8'), plain.body);
  assert.equal((await app.inject({ url: '/', headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } })).headers['content-encoding'], undefined, 'refused encodings are not used');
});
