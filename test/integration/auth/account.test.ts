import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '../../helpers/client.ts';
import { authApp, PASSWORD, register, signIn } from './support.ts';

test('the profile can be edited; bad input keeps the typed values', async (t) => {
  const { app, store } = await authApp(t);
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  await signIn(client, 'hoa@example.vn', PASSWORD);
  await client.get('/tai-khoan');
  const bad = await client.post('/tai-khoan/ho-so', { full_name: '', phone: 'abc' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Vui lòng nhập họ và tên/);
  assert.match(bad.body, /Số điện thoại không hợp lệ/);
  assert.match(bad.body, /value="abc"/);
  const ok = await client.post('/tai-khoan/ho-so', { full_name: 'Lò Thị Hoa Mai', phone: '' });
  assert.equal(ok.status, 303);
  const page = await client.get(ok.location!);
  assert.match(page.body, /Đã lưu thông tin cá nhân/);
  const row = await store.db.selectFrom('users').select(['full_name', 'phone']).where('email', '=', 'hoa@example.vn').executeTakeFirstOrThrow();
  assert.deepEqual(row, { full_name: 'Lò Thị Hoa Mai', phone: null });
});

test('a staff member’s password change is audited', async (t) => {
  const { app, store, config } = await authApp(t);
  const { hashPassword } = await import('../../../src/platform/auth/password.ts');
  await store.db.updateTable('users').set({ password_hash: await hashPassword(PASSWORD, config.scryptCost) }).where('email', '=', 'officer@laocai.example.vn').execute();
  const client = new Client(app);
  await signIn(client, 'officer@laocai.example.vn', PASSWORD);
  await client.get('/tai-khoan');
  const res = await client.post('/tai-khoan/mat-khau', { current_password: PASSWORD, password: 'mật khẩu mới 2026', password_confirm: 'mật khẩu mới 2026' });
  assert.equal(res.status, 303);
  const audit = await store.db.selectFrom('audit_log').select(['action', 'actor_label']).where('action', '=', 'user.password_changed').execute();
  assert.equal(audit.length, 1);
  assert.match(audit[0]!.actor_label, /officer@laocai.example.vn/);
});
