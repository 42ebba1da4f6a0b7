import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';

const SEED = '/tin-tuc/hoat-dong-cua-so/doan-cong-tac-cua-bo-thong-tin-truyen-thong-lam-viec-voi-so-tt-tt-tinh-lao-cai';

test('the article page cache serves repeat readers from memory, and NEWSROOM_PAGE_CACHE=false renders every time', async (t) => {
  const on = await build(t);
  const reader = new Client(on.app);
  assert.equal((await reader.get(SEED)).headers['x-cache'], 'miss');
  assert.equal((await reader.get(SEED)).headers['x-cache'], 'miss', 'a page is kept once it is asked for again');
  const hit = await reader.get(SEED);
  assert.equal(hit.headers['x-cache'], 'hit');
  assert.match(hit.body, /Thùy Linh/);

  const off = await build(t, { env: { NEWSROOM_PAGE_CACHE: 'false' } });
  const plain = new Client(off.app);
  for (let i = 0; i < 2; i++) {
    const res = await plain.get(SEED);
    assert.equal(res.status, 200);
    assert.equal(res.headers['x-cache'], undefined);
    assert.match(res.body, /Thùy Linh/);
  }
});
