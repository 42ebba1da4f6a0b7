import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSRF_PLACEHOLDER, PageCache, VIEWS_PLACEHOLDER } from './page-cache.ts';

const text = (page: { fill(csrf: () => string, views: string): Buffer } | undefined): string | undefined => page?.fill(() => 'TOKEN', '7').toString('utf8');

test('a cached page is served while its stamp and age hold', () => {
  const cache = new PageCache(10, 1000, 1000);
  cache.set('a', 's1', '<p>a</p>', 0);
  assert.equal(text(cache.get('a', 's1', 500)), '<p>a</p>');
  assert.equal(cache.get('a', 's2', 500), undefined, 'a new stamp (edit, rating, publication) drops it');
  assert.equal(cache.size, 0);
  cache.set('a', 's1', '<p>a</p>', 0);
  assert.equal(cache.get('a', 's1', 1001), undefined, 'too old');
});

test('a cached page is filled with each browser’s token and the current view count, in UTF-8', () => {
  const cache = new PageCache();
  const returned = cache.set('a', 's', `<h1>Lào Cai</h1><input value="${CSRF_PLACEHOLDER}"><p>${VIEWS_PLACEHOLDER} lượt xem</p><i>${CSRF_PLACEHOLDER}</i>`, 0);
  assert.equal(text(returned), '<h1>Lào Cai</h1><input value="TOKEN"><p>7 lượt xem</p><i>TOKEN</i>');
  let asked = 0;
  const withoutForm = cache.set('b', 's', `<p>${VIEWS_PLACEHOLDER}</p>`, 0);
  assert.equal(withoutForm.fill(() => String(++asked), '1.234').toString('utf8'), '<p>1.234</p>');
  assert.equal(asked, 0, 'no token is issued for a page without a form');
  assert.equal(cache.size, Buffer.byteLength('<h1>Lào Cai</h1><input value=""><p> lượt xem</p><i></i>') + Buffer.byteLength('<p></p>'), 'size counts the encoded bytes');
});

test('the cache keeps within its count and its size, dropping the least recently used first', () => {
  const cache = new PageCache(3, 60_000, 100);
  cache.set('a', 's', 'x'.repeat(40), 0);
  cache.set('b', 's', 'y'.repeat(40), 0);
  assert.equal(text(cache.get('a', 's', 1)), 'x'.repeat(40), 'a is now the most recently used');
  cache.set('c', 's', 'z'.repeat(40), 0);
  assert.equal(cache.get('b', 's', 2), undefined, 'b dropped: 120 bytes were over the 100 allowed');
  assert.equal(cache.size, 80);
  cache.set('d', 's', 'w', 0);
  cache.set('e', 's', 'v', 0);
  assert.equal(cache.get('a', 's', 3), undefined, 'a dropped: more than 3 entries');
  assert.equal(cache.size, 42);
  assert.equal(text(cache.set('huge', 's', 'h'.repeat(101), 0)), 'h'.repeat(101), 'a page larger than the whole cache is still served');
  assert.equal(cache.get('huge', 's', 4), undefined, 'but not kept');
  assert.equal(cache.size, 42);
  cache.set('c', 's', 'zz', 0);
  assert.equal(cache.size, 4, 'replacing an entry counts only its new size');
});
