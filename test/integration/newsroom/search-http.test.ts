import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';

interface Api {
  total: number;
  results: { type: string; id: string; title: string; url: string; snippet: string; publishedAt: string | null }[];
}

test('the search page finds the seed article with or without diacritics and highlights the original text', async (t) => {
  const { app } = await build(t);
  const reader = new Client(app);
  for (const q of ['Trần Đức Lai', 'tran duc lai', 'TRAN DUC LAI', '"thuê bao Internet"', 'đ/c Phạm Văn Cường']) {
    const page = await reader.get(`/tim-kiem?q=${encodeURIComponent(q)}`);
    assert.equal(page.status, 200, q);
    assert.match(page.body, /Tìm thấy 1 kết quả/, q);
  }
  const page = await reader.get('/tim-kiem?q=tran+duc+lai');
  assert.match(page.body, /<mark>Trần<\/mark> <mark>Đức<\/mark> <mark>Lai<\/mark>/);
  const none = await reader.get('/tim-kiem?q=khong+co+tu+nay+xyz');
  assert.match(none.body, /Không tìm thấy kết quả nào/);
  assert.equal((await reader.get('/tim-kiem')).status, 200);
});

test('GET /api/v1/search returns { total, results } with filters by type and dates', async (t) => {
  const { app } = await build(t);
  const reader = new Client(app);
  const res = await reader.get('/api/v1/search?q=lao+cai&type=article');
  assert.equal(res.status, 200);
  const body = JSON.parse(res.body) as Api;
  assert.equal(body.total, 1);
  const hit = body.results[0]!;
  assert.deepEqual(Object.keys(hit).sort(), ['id', 'publishedAt', 'snippet', 'title', 'type', 'url']);
  assert.equal(hit.type, 'article');
  assert.equal(hit.publishedAt, '2008-10-06T03:00:00.000Z');
  assert.match(hit.url, /^\/tin-tuc\/hoat-dong-cua-so\//);
  assert.equal((JSON.parse((await reader.get('/api/v1/search?q=lao+cai&from=2008-10-06&to=2008-10-06')).body) as Api).total, 1, 'the day of publication in Viet Nam');
  assert.equal((JSON.parse((await reader.get('/api/v1/search?q=lao+cai&from=2008-10-07')).body) as Api).total, 0);
  assert.equal((JSON.parse((await reader.get('/api/v1/search?q=lao+cai&type=unknown')).body) as Api).total, 0);
  const badDate = await reader.get('/api/v1/search?q=lao+cai&from=2008-13-45');
  assert.equal(badDate.status, 400);
  assert.match(JSON.parse(badDate.body).error.fields.from.vi, /Ngày không hợp lệ/);
  const page = await reader.get('/tim-kiem?q=lao+cai&tu=hom-qua');
  assert.equal(page.status, 422);
  assert.match(page.body, /Ngày không hợp lệ/);
});

test('hostile queries: FTS syntax and a 10,000-character query give sane results, never a 500', async (t) => {
  const { app } = await build(t);
  const reader = new Client(app);
  const queries = ['"', '"lao cai', 'lao*', '*', 'NEAR(lao cai)', 'lao NEAR/2 cai', '-lao', 'lao -cai', '(lao', 'lao)', 'lao OR', 'AND', '^lao', 'folded_title:lao', "lao' or 1=1 --", '<script>alert(1)</script>', 'lao & cai | !x', 'lao <-> cai', '%', '_', '\\'];
  for (const q of queries) {
    for (const url of [`/api/v1/search?q=${encodeURIComponent(q)}`, `/tim-kiem?q=${encodeURIComponent(q)}`]) {
      const res = await reader.get(url);
      assert.equal(res.status, 200, `${url} → ${res.status}`);
      assert.doesNotMatch(res.body.replace(/="[^"]*"/g, '=""'), /<script>alert/);
    }
  }
  assert.equal((JSON.parse((await reader.get(`/api/v1/search?q=${encodeURIComponent('"lao cai')}&type=article`)).body) as Api).total, 1);
  const long = 'Lào Cai '.repeat(1250);
  assert.equal(long.length, 10_000);
  const api = await reader.get(`/api/v1/search?q=${encodeURIComponent(long)}`);
  assert.equal(api.status, 200);
  assert.equal((JSON.parse(api.body) as Api & { truncated: boolean }).truncated, true);
  const page = await reader.get(`/tim-kiem?q=${encodeURIComponent(long)}`);
  assert.equal(page.status, 200);
  assert.match(page.body, /Từ khóa quá dài/);
});
