import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '../../helpers/client.ts';
import { authApp, PASSWORD } from './support.ts';

test('missing fields: 422 with field messages in Vietnamese, values kept, passwords not echoed', async (t) => {
  const { app } = await authApp(t);
  const client = new Client(app);
  await client.get('/dang-ky');
  const res = await client.post('/dang-ky', { full_name: '', email: 'Nguyễn@', phone: '', account_type: 'citizen', password: 'bí mật lắm đó', password_confirm: '' });
  assert.equal(res.status, 422);
  assert.match(res.body, /Vui lòng nhập họ và tên/);
  assert.match(res.body, /Địa chỉ thư điện tử không hợp lệ/);
  assert.match(res.body, /Hai mật khẩu không khớp/);
  assert.match(res.body, /value="Nguyễn@"/);
  assert.doesNotMatch(res.body, /bí mật lắm đó/);
  assert.match(res.body, /href="#f-full_name"/);
  const signIn = await client.post('/dang-nhap', { email: 'hoa@example.vn', password: '' });
  assert.equal(signIn.status, 422);
  assert.match(signIn.body, /Vui lòng nhập mật khẩu/);
  assert.match(signIn.body, /value="hoa@example.vn"/);
});

test('missing fields: the messages are in English for an English reader', async (t) => {
  const { app } = await authApp(t);
  const client = new Client(app);
  await client.get('/ngon-ngu/en');
  await client.get('/dang-ky');
  const res = await client.post('/dang-ky', { full_name: 'Hoa', email: '', account_type: 'other', password: 'short', password_confirm: 'short' });
  assert.equal(res.status, 422);
  assert.match(res.body, /Please enter email/);
  assert.match(res.body, /Please choose an account type/);
  assert.match(res.body, /The password must have at least 10 characters/);
  assert.match(res.body, /value="Hoa"/);
});

test('a stale or missing CSRF token gets 403 with the typed values kept', async (t) => {
  const { app, store } = await authApp(t);
  const client = new Client(app);
  await client.get('/dang-ky');
  const form = { full_name: 'Lò Thị Hoa', email: 'hoa@example.vn', account_type: 'business', password: PASSWORD, password_confirm: PASSWORD };
  const stale = await client.post('/dang-ky', { ...form, _csrf: 'stale-token' });
  assert.equal(stale.status, 403);
  assert.match(stale.body, /Phiên làm việc của biểu mẫu đã hết hạn/);
  assert.match(stale.body, /value="Lò Thị Hoa"/);
  assert.match(stale.body, /value="business" checked/);
  assert.doesNotMatch(stale.body, new RegExp(PASSWORD));
  const missing = await client.post('/dang-nhap', { email: 'hoa@example.vn', password: PASSWORD, _csrf: '' });
  assert.equal(missing.status, 403);
  assert.match(missing.body, /value="hoa@example.vn"/);
  const signOut = await client.post('/dang-xuat', { _csrf: '' });
  assert.equal(signOut.status, 403);
  assert.equal((await store.db.selectFrom('users').select('id').where('email', '=', 'hoa@example.vn').execute()).length, 0);
});

test('oversized bodies get 413, invalid UTF-8 gets 400, text/plain gets 415', async (t) => {
  const { app } = await authApp(t);
  const client = new Client(app);
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const big = await client.raw({ method: 'POST', url: '/dang-ky', payload: `full_name=${'a'.repeat(2_000_000)}`, headers });
  assert.equal(big.status, 413);
  const bad = await client.raw({ method: 'POST', url: '/dang-ky', payload: 'full_name=%C3%28', headers });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /UTF-8/);
  const media = await client.raw({ method: 'POST', url: '/dang-nhap', payload: 'x', headers: { 'content-type': 'text/plain' } });
  assert.equal(media.status, 415);
});
