import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';

test('home page renders the shell in Vietnamese with the agency identity from the database', async (t) => {
  const { app } = await build(t);
  const res = await new Client(app).get('/');
  assert.equal(res.status, 200);
  assert.match(res.body, /<html lang="vi">/);
  assert.match(res.body, /<a class="skip-link" href="#main">/);
  assert.match(res.body, /Sở Thông tin và Truyền thông tỉnh Lào Cai/);
  assert.match(res.body, /Chịu trách nhiệm chính/);
  assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('the language switch sets English and returns to the same page', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const sw = await client.get('/ngon-ngu/en?next=%2F');
  assert.equal(sw.status, 303);
  assert.equal(sw.location, '/');
  const res = await client.get('/');
  assert.match(res.body, /<html lang="en">/);
  assert.match(res.body, /Skip to main content/);
  const evil = await client.get('/ngon-ngu/vi?next=%2F%2Fevil.example');
  assert.equal(evil.location, '/');
});

test('unknown routes get a 404 page in the user language, JSON under /api', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const res = await client.get('/khong-co-trang-nay');
  assert.equal(res.status, 404);
  assert.match(res.body, /Không tìm thấy trang bạn yêu cầu/);
  const api = await client.get('/api/v1/nothing');
  assert.equal(api.status, 404);
  assert.equal(JSON.parse(api.body).error.code, 'not_found');
});

test('healthz checks the database and metrics are exposed', async (t) => {
  const { app } = await build(t, { demo: false });
  const client = new Client(app);
  const health = await client.get('/healthz');
  assert.equal(health.status, 200);
  assert.equal(JSON.parse(health.body).status, 'ok');
  const metrics = await client.get('/metrics');
  assert.match(metrics.body, /http_requests_total/);
});

test('invalid UTF-8 in a form body is refused with 400, oversized bodies with 413', async (t) => {
  const { app } = await build(t, { demo: false });
  const client = new Client(app);
  const bad = await client.raw({ method: 'POST', url: '/dang-nhap', payload: 'email=%C3%28', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /UTF-8/);
  const big = await client.raw({ method: 'POST', url: '/dang-nhap', payload: `email=${'a'.repeat(2_000_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(big.status, 413);
  assert.match(big.body, /quá lớn/);
  const media = await client.raw({ method: 'POST', url: '/dang-nhap', payload: 'x', headers: { 'content-type': 'text/plain' } });
  assert.equal(media.status, 415);
});
