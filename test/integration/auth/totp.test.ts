import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '../../helpers/client.ts';
import { authApp, codeAt, PASSWORD, register, secretOnPage, signIn } from './support.ts';

async function enableTotp(client: Client) {
  const setup = await client.get('/tai-khoan/xac-thuc-hai-buoc');
  assert.equal(setup.status, 200);
  assert.match(setup.body, /<div class="qr-code" role="img" aria-label="Mã QR[^"]*"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*><path/);
  const secret = secretOnPage(setup.body);
  const wrong = await client.post('/tai-khoan/xac-thuc-hai-buoc', { code: '000000' === codeAt(secret) ? '111111' : '000000' });
  assert.equal(wrong.status, 422);
  const used = codeAt(secret);
  const done = await client.post('/tai-khoan/xac-thuc-hai-buoc', { code: used });
  assert.equal(done.status, 200);
  const codes = [...done.body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 10);
  return { secret, codes, used };
}

test('with TOTP on, sign-in needs a code; a code is not accepted twice; a recovery code works once', async (t) => {
  const { app, store } = await authApp(t);
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  await signIn(client, 'hoa@example.vn', PASSWORD);
  const { secret, codes, used } = await enableTotp(client);
  const stored = await store.db.selectFrom('recovery_codes').select('code_hash').execute();
  assert.equal(stored.length, 10);
  assert.ok(stored.every((r) => !codes.includes(r.code_hash)));
  assert.match((await client.get('/tai-khoan')).body, /Đang bật/);
  await client.post('/dang-xuat', {});

  const other = new Client(app);
  const step1 = await signIn(other, 'hoa@example.vn', PASSWORD, '/tai-khoan');
  assert.equal(step1.location, '/dang-nhap/xac-thuc?next=%2Ftai-khoan');
  assert.equal((await other.get('/tai-khoan')).status, 303, 'the session is not live before the code');
  await other.get(step1.location!);
  // The very code sent to turn TOTP on (a code computed now could be of the next 30 s step).
  const replay = await other.post('/dang-nhap/xac-thuc', { code: used, next: '/tai-khoan' });
  assert.equal(replay.status, 422, 'the code used to turn TOTP on cannot be used again');
  assert.match(replay.body, /Mã xác thực không đúng hoặc đã được dùng/);
  const ok = await other.post('/dang-nhap/xac-thuc', { code: codeAt(secret, 1), next: '/tai-khoan' });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, '/tai-khoan');
  assert.equal((await other.get('/tai-khoan')).status, 200);

  const third = new Client(app);
  await signIn(third, 'hoa@example.vn', PASSWORD);
  await third.get('/dang-nhap/xac-thuc');
  assert.equal((await third.post('/dang-nhap/xac-thuc', { code: codes[0]!.toUpperCase() })).status, 303);
  const fourth = new Client(app);
  await signIn(fourth, 'hoa@example.vn', PASSWORD);
  await fourth.get('/dang-nhap/xac-thuc');
  assert.equal((await fourth.post('/dang-nhap/xac-thuc', { code: codes[0]! })).status, 422, 'a recovery code works once');
  assert.equal((await fourth.post('/dang-nhap/xac-thuc', { code: codes[1]! })).status, 303);
});

test('turning TOTP off needs the password; a staff member’s changes are audited', async (t) => {
  const { app, store, config } = await authApp(t);
  const { hashPassword } = await import('../../../src/platform/auth/password.ts');
  await store.db.updateTable('users').set({ password_hash: await hashPassword(PASSWORD, config.scryptCost) }).where('email', '=', 'editor@laocai.example.vn').execute();
  const client = new Client(app);
  await signIn(client, 'editor@laocai.example.vn', PASSWORD);
  await enableTotp(client);
  const refused = await client.post('/tai-khoan/tat-xac-thuc-hai-buoc', { totp_password: 'sai mật khẩu rồi' });
  assert.equal(refused.status, 422);
  const off = await client.post('/tai-khoan/tat-xac-thuc-hai-buoc', { totp_password: PASSWORD });
  assert.equal(off.status, 303);
  const user = await store.db.selectFrom('users').select(['id', 'totp_secret', 'totp_enabled_at']).where('email', '=', 'editor@laocai.example.vn').executeTakeFirstOrThrow();
  assert.equal(user.totp_enabled_at, null);
  assert.equal(user.totp_secret, null);
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'user').where('entity_id', '=', String(user.id)).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['user.totp_enabled', 'user.totp_disabled']);
});

test('when an administrator requires TOTP, every page leads to the setup until it is done', async (t) => {
  const { app, store } = await authApp(t);
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  await store.db.updateTable('users').set({ mfa_required: 1 }).where('email', '=', 'hoa@example.vn').execute();
  const res = await signIn(client, 'hoa@example.vn', PASSWORD);
  assert.equal(res.location, '/dang-nhap/thiet-lap-xac-thuc');
  for (const path of ['/', '/tai-khoan', '/dang-ky']) {
    const page = await client.get(path);
    assert.equal(page.status, 303, path);
    assert.equal(page.location, '/dang-nhap/thiet-lap-xac-thuc');
  }
  const setup = await client.get('/dang-nhap/thiet-lap-xac-thuc');
  assert.match(setup.body, /phải dùng xác thực hai bước/);
  const secret = secretOnPage(setup.body);
  const done = await client.post('/dang-nhap/thiet-lap-xac-thuc', { code: codeAt(secret) });
  assert.equal(done.status, 200);
  assert.match(done.body, /Mã khôi phục/);
  assert.equal((await client.get('/')).status, 200);
  const account = await client.get('/tai-khoan');
  assert.equal(account.status, 200);
  const refuse = await client.post('/tai-khoan/tat-xac-thuc-hai-buoc', { totp_password: PASSWORD });
  assert.equal(refuse.status, 422);
  assert.match(refuse.body, /không thể tắt/);
});
