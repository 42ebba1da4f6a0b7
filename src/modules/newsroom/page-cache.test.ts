import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PageCache, VIEW_COUNT_MARK, type CachedArticle } from './page-cache.ts';

const site = {};
const entry = (articleId: number, html: string, stamp = 's', viewCount = 0) => ({ articleId, stamp, site, viewCount, html });
const text = (cache: PageCache, e: CachedArticle | undefined): string | undefined => (e === undefined ? undefined : cache.body(e, 'identity', () => '7').toString('utf8'));

test('a cached page is served while it is younger than the TTL and rendered with the current settings', () => {
  const cache = new PageCache(10, 1000, 1000);
  cache.set('a', entry(1, '<p>a</p>'), 0);
  assert.equal(text(cache, cache.get('a', site, 500)), '<p>a</p>');
  assert.equal(cache.get('a', site, 1001), undefined, 'too old');
  assert.equal(cache.size, 0);
  cache.set('a', entry(1, '<p>a</p>'), 0);
  assert.equal(cache.get('a', {}, 10), undefined, 'the site settings were saved since: rendered again');
  assert.equal(cache.size, 0);
});

test('the view count is filled in, in UTF-8, wherever its mark is, and kept until the entry is checked again', () => {
  const cache = new PageCache();
  const e = cache.set('a', entry(1, `<h1>Lào Cai</h1><p>${VIEW_COUNT_MARK} lượt xem</p><i>${VIEW_COUNT_MARK}</i>`))!;
  let asked = 0;
  const views = (n: string) => () => {
    asked++;
    return n;
  };
  assert.equal(cache.body(e, 'identity', views('1.234')).toString('utf8'), '<h1>Lào Cai</h1><p>1.234 lượt xem</p><i>1.234</i>');
  assert.equal(cache.body(e, 'identity', views('1.235')).toString('utf8'), '<h1>Lào Cai</h1><p>1.234 lượt xem</p><i>1.234</i>', 'the same body until checked');
  assert.equal(asked, 1);
  cache.checked(e, 2000);
  assert.equal(e.viewCount, 2000);
  assert.match(cache.body(e, 'identity', views('2.001')).toString('utf8'), /2\.001 lượt xem/);
  const plain = cache.set('b', entry(2, '<p>không có chỗ trống</p>'))!;
  assert.equal(cache.body(plain, 'identity', views('9')).toString('utf8'), '<p>không có chỗ trống</p>');
});

test('compressed bodies decode to the plain page and are counted in the cache’s size', () => {
  const cache = new PageCache();
  const html = `<main>${'<p>Sở Thông tin và Truyền thông tỉnh Lào Cai</p>'.repeat(50)}<p>${VIEW_COUNT_MARK} lượt xem</p></main>`;
  const e = cache.set('a', entry(1, html))!;
  const template = cache.size;
  const plain = cache.body(e, 'identity', () => '12');
  const br = cache.body(e, 'br', () => '13');
  const gz = cache.body(e, 'gzip', () => '14');
  assert.equal(brotliDecompressSync(br).toString('utf8'), plain.toString('utf8'), 'made from the same plain body');
  assert.equal(gunzipSync(gz).toString('utf8'), plain.toString('utf8'));
  assert.ok(br.length < plain.length / 4 && gz.length < plain.length / 4, `${br.length} and ${gz.length} of ${plain.length}`);
  assert.equal(cache.size, template + plain.length + br.length + gz.length);
  assert.equal(cache.body(e, 'br', () => '15'), br, 'kept, not made again');
  cache.checked(e, 20);
  assert.equal(cache.size, template, 'a check drops the bodies');
});

test('an article’s pages are dropped by its id, in every language; clear drops all', () => {
  const cache = new PageCache();
  cache.set('vi:a/x', entry(1, 'x'), 0);
  cache.set('en:a/x', entry(1, 'x'), 0);
  const y = cache.set('vi:a/y', entry(2, 'yy'), 0)!;
  cache.body(y, 'gzip', () => '0');
  cache.forgetArticle(1);
  assert.equal(cache.get('vi:a/x', site, 1), undefined);
  assert.equal(cache.get('en:a/x', site, 1), undefined);
  assert.equal(text(cache, cache.get('vi:a/y', site, 1)), 'yy');
  cache.clear();
  assert.equal(cache.get('vi:a/y', site, 1), undefined);
  assert.equal(cache.size, 0);
  cache.checked(y, 1);
  cache.body(y, 'br', () => '0');
  assert.equal(cache.size, 0, 'an entry used after it was dropped is not counted again');
});

test('the cache keeps within its count and its size, dropping the least recently used first', () => {
  const cache = new PageCache(3, 60_000, 100);
  cache.set('a', entry(1, 'x'.repeat(40)), 0);
  cache.set('b', entry(2, 'y'.repeat(40)), 0);
  assert.equal(text(cache, cache.get('a', site, 1)), 'x'.repeat(40), 'a is now the most recently used');
  assert.equal(cache.get('b', site, 2), undefined, 'b dropped: with the plain body of a kept beside its template, 120 bytes were over the 100 allowed');
  assert.equal(cache.size, 80);
  cache.set('c', entry(3, 'z'.repeat(10)), 0);
  cache.set('d', entry(4, 'w'), 0);
  cache.set('e', entry(5, 'v'), 0);
  assert.equal(cache.get('a', site, 3), undefined, 'a dropped: more than 3 entries');
  assert.equal(cache.size, 12);
  assert.equal(cache.set('huge', entry(6, 'h'.repeat(101)), 0), undefined, 'a page larger than the whole cache is not kept');
  assert.equal(cache.size, 12);
  cache.set('c', entry(3, 'zz'), 0);
  assert.equal(cache.size, 4, 'replacing an entry counts only its new size');
});

test('a page is kept once asked for again within the TTL, or at once after its kept copy was dropped; first askings remembered are bounded', () => {
  const cache = new PageCache(2, 1000, 1000);
  assert.equal(cache.admit('a', 0), false, 'asked for the first time: not kept');
  assert.equal(cache.admit('a', 500), true, 'asked for again within the TTL');
  assert.equal(cache.admit('b', 0), false);
  assert.equal(cache.admit('b', 1500), false, 'too long ago: it counts as a first time');
  assert.equal(cache.admit('b', 1600), true);
  cache.set('c', entry(3, 'c'));
  cache.forgetArticle(3);
  assert.equal(cache.admit('c'), true, 'a page kept, then dropped (an edit, a rating), is kept again at once');
  // Four times the entry count (here 8) of pages asked for once are remembered, the oldest forgotten first.
  for (const key of ['d', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']) assert.equal(cache.admit(key, 2000), false);
  assert.equal(cache.admit('d', 2001), false, 'd was forgotten');
  assert.equal(cache.admit('l', 2001), true);
});
