import assert from 'node:assert/strict';
import { test } from 'node:test';
import { preferredEncoding } from './encoding.ts';

test('the encoding sent follows Accept-Encoding: Brotli, then gzip, never one refused with q=0', () => {
  assert.equal(preferredEncoding(undefined), 'identity');
  assert.equal(preferredEncoding(''), 'identity');
  assert.equal(preferredEncoding('gzip, deflate, br, zstd'), 'br', 'what Chrome sends');
  assert.equal(preferredEncoding('gzip, deflate'), 'gzip');
  assert.equal(preferredEncoding('GZIP'), 'gzip');
  assert.equal(preferredEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(preferredEncoding('br;q=0.5, gzip;q=0.8'), 'gzip', 'the higher q wins');
  assert.equal(preferredEncoding('gzip;q=0, br;q=0'), 'identity');
  assert.equal(preferredEncoding('deflate, identity'), 'identity');
  assert.equal(preferredEncoding('*'), 'br');
  assert.equal(preferredEncoding('*;q=0'), 'identity');
  assert.equal(preferredEncoding('br;q=0, *'), 'gzip', 'named refusal beats the wildcard');
  assert.equal(preferredEncoding('x-gzip'), 'gzip');
  assert.equal(preferredEncoding('br;q=abc'), 'br', 'a malformed q is ignored');
});
