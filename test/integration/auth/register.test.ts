import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '../../helpers/client.ts';
import { authApp, linkIn, PASSWORD, register, signIn } from './support.ts';

test('registering sends a verification mail whose link verifies the address once', async (t) => {
  const { app, store, smtp, flush } = await authApp(t);
  const client = new Client(app);
  const res = await register(client, '  Hoa.Lo@Example.VN ');
  assert.equal(res.status, 303);
  assert.equal(res.location, '/dang-ky/kiem-tra-thu');
  const user = await store.db.selectFrom('users').select(['id', 'email', 'account_type', 'email_verified_at']).where('email', '=', 'hoa.lo@example.vn').executeTakeFirstOrThrow();
  assert.equal(user.account_type, 'citizen');
  assert.equal(user.email_verified_at, null);
  const roles = await store.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  assert.deepEqual(roles.map((r) => r.role), ['citizen']);
  await flush();
  const mail = await smtp.waitFor('hoa.lo@example.vn');
  assert.equal(mail.subject, 'Xác thực địa chỉ thư điện tử');
  assert.match(mail.text, /Lò Thị Hoa/);
  assert.match(mail.html, /<a href="http:\/\/localhost:3000\/xac-thuc-email\?token=/);
  const token = await store.db.selectFrom('email_tokens').select(['id', 'expires_at']).where('user_id', '=', user.id).executeTakeFirstOrThrow();
  const link = linkIn(mail.text, '/xac-thuc-email');
  assert.ok(!link.includes(token.id), 'the database holds only a hash of the token');
  const hours = (Date.parse(token.expires_at) - Date.now()) / 3600_000;
  assert.ok(hours > 23.9 && hours <= 24);
  const verified = await client.get(link);
  assert.equal(verified.status, 200);
  assert.match(verified.body, /Đã xác thực thư điện tử/);
  const after = await store.db.selectFrom('users').select('email_verified_at').where('id', '=', user.id).executeTakeFirstOrThrow();
  assert.notEqual(after.email_verified_at, null);
  const again = await client.get(link);
  assert.equal(again.status, 400);
  assert.match(again.body, /Liên kết không hợp lệ/);
});

test('a business registers as enterprise and gets its mail in English when registering in English', async (t) => {
  const { app, store, smtp, flush } = await authApp(t);
  const client = new Client(app);
  await client.get('/ngon-ngu/en');
  assert.equal((await register(client, 'cty@example.vn', { account_type: 'business' })).status, 303);
  const user = await store.db.selectFrom('users').select('id').where('email', '=', 'cty@example.vn').executeTakeFirstOrThrow();
  const roles = await store.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  assert.deepEqual(roles.map((r) => r.role), ['enterprise']);
  await flush();
  const mail = await smtp.waitFor('cty@example.vn');
  assert.equal(mail.subject, 'Verify your email address');
});

test('a second registration of the same address (any case) gets a field message and creates nothing', async (t) => {
  const { app, store } = await authApp(t);
  const client = new Client(app);
  await register(client, 'trung@example.vn');
  const res = await register(new Client(app), 'TRUNG@example.vn');
  assert.equal(res.status, 422);
  assert.match(res.body, /Không thể đăng ký bằng địa chỉ này/);
  assert.match(res.body, /value="TRUNG@example.vn"/);
  const count = await store.db.selectFrom('users').select('id').where('email', '=', 'trung@example.vn').execute();
  assert.equal(count.length, 1);
});

test('password rules: at least 10 characters, not the email, confirmed', async (t) => {
  const { app } = await authApp(t);
  const client = new Client(app);
  const short = await register(client, 'a@example.vn', { password: 'ngắn', password_confirm: 'ngắn' });
  assert.equal(short.status, 422);
  assert.match(short.body, /Mật khẩu phải có ít nhất 10 ký tự/);
  const same = await register(client, 'longname@example.vn', { password: 'LongName@example.vn', password_confirm: 'LongName@example.vn' });
  assert.match(same.body, /không được trùng với địa chỉ thư điện tử/);
  const mismatch = await register(client, 'b@example.vn', { password_confirm: `${PASSWORD}x` });
  assert.match(mismatch.body, /Hai mật khẩu không khớp/);
});

test('a registered citizen can sign in before and after verifying', async (t) => {
  const { app } = await authApp(t);
  const client = new Client(app);
  await register(client, 'dan@example.vn');
  const res = await signIn(client, 'DAN@example.vn', PASSWORD);
  assert.equal(res.status, 303);
  const account = await client.get('/tai-khoan');
  assert.equal(account.status, 200);
  assert.match(account.body, /Chưa xác thực/);
});
