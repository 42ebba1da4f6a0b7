import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '../../helpers/client.ts';
import { authApp, PASSWORD, register, signIn } from './support.ts';

test('sign in with a fresh session id, reach the account page, sign out', async (t) => {
  const { app, store } = await authApp(t);
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  client.cookies.set('sid', 'A'.repeat(43));
  const res = await signIn(client, 'hoa@example.vn', PASSWORD, '/tai-khoan');
  assert.equal(res.status, 303);
  assert.equal(res.location, '/tai-khoan');
  const cookie = String(res.headers['set-cookie']);
  assert.match(cookie, /sid=[A-Za-z0-9_-]{43}/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.doesNotMatch(cookie, /Secure/);
  assert.notEqual(client.cookies.get('sid'), 'A'.repeat(43));
  const page = await client.get('/tai-khoan');
  assert.equal(page.status, 200);
  assert.match(page.body, /Lò Thị Hoa/);
  const out = await client.post('/dang-xuat', {});
  assert.equal(out.status, 303);
  assert.equal(client.cookies.get('sid'), undefined);
  const sessions = await store.db.selectFrom('sessions').select('id').execute();
  assert.equal(sessions.length, 0);
  const again = await client.get('/tai-khoan');
  assert.equal(again.status, 303);
  assert.equal(again.location, '/dang-nhap?next=%2Ftai-khoan');
});

test('an unsafe next is ignored', async (t) => {
  const { app } = await authApp(t);
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  const res = await signIn(client, 'hoa@example.vn', PASSWORD, '//evil.example/');
  assert.equal(res.location, '/');
});

test('wrong password and unknown email get the same generic message', async (t) => {
  const { app } = await authApp(t);
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  const wrong = await signIn(client, 'hoa@example.vn', 'sai mật khẩu rồi');
  const unknown = await signIn(client, 'khong-co@example.vn', PASSWORD);
  for (const res of [wrong, unknown]) {
    assert.equal(res.status, 401);
    assert.match(res.body, /Thư điện tử hoặc mật khẩu không đúng/);
    assert.equal(String(res.headers['set-cookie'] ?? '').includes('sid='), false);
  }
  assert.match(wrong.body, /value="hoa@example.vn"/);
  assert.doesNotMatch(wrong.body, /sai mật khẩu rồi/);
});

test('five failures lock the account for 15 minutes, even for the right password', async (t) => {
  const { app, store } = await authApp(t);
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  for (let i = 0; i < 4; i++) assert.equal((await signIn(client, 'hoa@example.vn', `sai mật khẩu ${i}`)).status, 401);
  const fifth = await signIn(client, 'hoa@example.vn', 'sai mật khẩu 5');
  assert.match(fifth.body, /tạm khóa/);
  const right = await signIn(client, 'hoa@example.vn', PASSWORD);
  assert.equal(right.status, 429);
  assert.match(right.body, /Tài khoản tạm khóa do nhập sai nhiều lần\. Vui lòng thử lại sau 15 phút/);
  const row = await store.db.selectFrom('users').select('locked_until').where('email', '=', 'hoa@example.vn').executeTakeFirstOrThrow();
  const minutes = (Date.parse(row.locked_until!) - Date.now()) / 60_000;
  assert.ok(minutes > 14 && minutes <= 15);
  await store.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('email', '=', 'hoa@example.vn').execute();
  assert.equal((await signIn(client, 'hoa@example.vn', PASSWORD)).status, 303);
});

test('a disabled account is refused', async (t) => {
  const { app, store } = await authApp(t);
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  await store.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('email', '=', 'hoa@example.vn').execute();
  const res = await signIn(client, 'hoa@example.vn', PASSWORD);
  assert.equal(res.status, 401);
  assert.match(res.body, /đã bị vô hiệu hóa/);
});

test('too many sign-in attempts from one address get a 429 page in the user language', async (t) => {
  const { app } = await authApp(t);
  const client = new Client(app);
  await client.get('/ngon-ngu/en');
  await client.get('/dang-nhap');
  let last = 0;
  let body = '';
  for (let i = 0; i < 21; i++) {
    const res = await client.post('/dang-nhap', { email: `x${i}@example.vn`, password: 'không đúng đâu' });
    last = res.status;
    body = res.body;
  }
  assert.equal(last, 429);
  assert.match(body, /You have sent too many requests/);
  assert.match(body, /<html lang="en">/);
});

test('a forged session cookie is treated as signed out and cleared', async (t) => {
  const { app } = await authApp(t);
  const client = new Client(app);
  client.cookies.set('sid', 'forged-value-forged-value-forged-value-abcd');
  const res = await client.get('/tai-khoan');
  assert.equal(res.status, 303);
  assert.match(String(res.headers['set-cookie']), /sid=;/);
  assert.equal(client.cookies.get('sid'), undefined);
  const home = await client.get('/');
  assert.match(home.body, /href="\/dang-nhap"/);
});

test('changing the password needs the current one and signs out the other sessions', async (t) => {
  const { app } = await authApp(t);
  const first = new Client(app);
  const second = new Client(app);
  await register(first, 'hoa@example.vn');
  await signIn(first, 'hoa@example.vn', PASSWORD);
  await signIn(second, 'hoa@example.vn', PASSWORD);
  await first.get('/tai-khoan');
  const wrong = await first.post('/tai-khoan/mat-khau', { current_password: 'không phải mật khẩu', password: 'mật khẩu mới 2026', password_confirm: 'mật khẩu mới 2026' });
  assert.equal(wrong.status, 422);
  assert.match(wrong.body, /Mật khẩu hiện tại không đúng/);
  const ok = await first.post('/tai-khoan/mat-khau', { current_password: PASSWORD, password: 'mật khẩu mới 2026', password_confirm: 'mật khẩu mới 2026' });
  assert.equal(ok.status, 303);
  assert.equal((await first.get('/tai-khoan')).status, 200);
  assert.equal((await second.get('/tai-khoan')).status, 303);
  assert.equal((await signIn(new Client(app), 'hoa@example.vn', 'mật khẩu mới 2026')).status, 303);
});

test('the session cookie is Secure when the public URL is https', async (t) => {
  const { build } = await import('../../helpers/build.ts');
  const { app } = await build(t, { env: { PUBLIC_URL: 'https://congso.example.vn' } });
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  const res = await signIn(client, 'hoa@example.vn', PASSWORD);
  assert.equal(res.status, 303);
  assert.match(String(res.headers['set-cookie']), /sid=[^;]+;.*Secure/);
});
