import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageCache } from './page-cache.ts';

test('a cached page is served while its stamp and age hold', () => {
  const cache = new PageCache(10, 1000, 1000);
  cache.set('a', 's1', '<p>a</p>', 0);
  assert.equal(cache.get('a', 's1', 500), '<p>a</p>');
  assert.equal(cache.get('a', 's2', 500), undefined, 'a new stamp (edit, rating, publication) drops it');
  assert.equal(cache.size, 0);
  cache.set('a', 's1', '<p>a</p>', 0);
  assert.equal(cache.get('a', 's1', 1001), undefined, 'too old');
});

test('the cache keeps within its count and its size, dropping the least recently used first', () => {
  const cache = new PageCache(3, 60_000, 100);
  cache.set('a', 's', 'x'.repeat(40), 0);
  cache.set('b', 's', 'y'.repeat(40), 0);
  assert.equal(cache.get('a', 's', 1), 'x'.repeat(40), 'a is now the most recently used');
  cache.set('c', 's', 'z'.repeat(40), 0);
  assert.equal(cache.get('b', 's', 2), undefined, 'b dropped: 120 characters were over the 100 allowed');
  assert.equal(cache.size, 80);
  cache.set('d', 's', 'w', 0);
  cache.set('e', 's', 'v', 0);
  assert.equal(cache.get('a', 's', 3), undefined, 'a dropped: more than 3 entries');
  assert.equal(cache.size, 42);
  cache.set('huge', 's', 'h'.repeat(101), 0);
  assert.equal(cache.get('huge', 's', 4), undefined, 'a page larger than the whole cache is not kept');
  assert.equal(cache.size, 42);
  cache.set('c', 's', 'zz', 0);
  assert.equal(cache.size, 4, 'replacing an entry counts only its new size');
});
