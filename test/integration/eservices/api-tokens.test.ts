import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashToken } from '../../../src/platform/auth/session.ts';
import { build } from '../../helpers/build.ts';
import { signedIn } from './helpers.ts';

test('a citizen makes a named token from the account area: shown once, stored as a hash, listed and revocable', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const account = await citizen.get('/tai-khoan');
  assert.match(account.body, /href="\/tai-khoan\/khoa-api"/);
  const page = await citizen.get('/tai-khoan/khoa-api');
  assert.equal(page.status, 200);
  assert.match(page.body, /Khóa truy cập API/);
  assert.match(page.body, /Bạn chưa tạo khóa nào/);

  const made = await citizen.post('/tai-khoan/khoa-api', { name: 'Phần mềm kế toán', days: '30' });
  assert.equal(made.status, 201);
  assert.equal(made.headers['cache-control'], 'no-store');
  const token = /<code class="token">(csk_[A-Za-z0-9_-]{43})<\/code>/.exec(made.body)?.[1];
  assert.ok(token !== undefined, 'the token is shown');
  const row = await store.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.token_hash, hashToken(token));
  assert.equal(row.name, 'Phần mềm kế toán');
  assert.ok(!JSON.stringify(row).includes(token), 'the token itself is not stored');
  const days = (Date.parse(row.expires_at) - Date.parse(row.created_at)) / 86_400_000;
  assert.equal(days, 30);

  // Shown once: the list shows its name and first characters only.
  const listed = await citizen.get('/tai-khoan/khoa-api');
  assert.ok(!listed.body.includes(token));
  assert.match(listed.body, /Phần mềm kế toán/);
  assert.ok(listed.body.includes(`${row.token_prefix}…`));
  assert.match(listed.body, /Đang hiệu lực/);

  const ok = await citizen.raw({ method: 'GET', url: '/api/v1/dossiers/000.00.01.H15-000000-0001', headers: { authorization: `Bearer ${token}` } });
  assert.equal(ok.status, 404, 'the token is accepted (no such dossier)');

  const revoked = await citizen.post(`/tai-khoan/khoa-api/${row.id}/thu-hoi`, {});
  assert.equal(revoked.status, 303);
  const after = await citizen.get(revoked.location ?? '');
  assert.match(after.body, /Đã thu hồi khóa/);
  assert.match(after.body, /Đã thu hồi<\/td>/);
  const refused = await citizen.raw({ method: 'GET', url: '/api/v1/dossiers/000.00.01.H15-000000-0001', headers: { authorization: `Bearer ${token}` } });
  assert.equal(refused.status, 401);
  assert.match(refused.body, /đã bị thu hồi/);
});

test('the token form: field-level errors keep the input, a stale CSRF token is refused, another user cannot revoke', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  await citizen.get('/tai-khoan/khoa-api');
  const bad = await citizen.post('/tai-khoan/khoa-api', { name: '', days: '999' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Vui lòng nhập tên khóa/i);
  assert.match(bad.body, /Hiệu lực phải là số ngày từ 1 đến 365/);
  assert.match(bad.body, /value="999"/);
  const english = await citizen.post('/tai-khoan/khoa-api', { name: 'x'.repeat(101), days: '0' }, { cookie: `${[...citizen.cookies].map(([k, v]) => `${k}=${v}`).join('; ')}; lang=en` });
  assert.equal(english.status, 422);
  assert.match(english.body, /Enter a number of days from 1 to 365/);
  const forged = await citizen.post('/tai-khoan/khoa-api', { _csrf: 'forged', name: 'Kế toán', days: '30' });
  assert.equal(forged.status, 403);
  assert.match(forged.body, /value="Kế toán"/);
  assert.equal((await store.db.selectFrom('api_tokens').select('id').execute()).length, 0);

  await citizen.get('/tai-khoan/khoa-api');
  assert.equal((await citizen.post('/tai-khoan/khoa-api', { name: 'Kế toán', days: '7' })).status, 201);
  const row = await store.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
  const other = await signedIn(app, store, 'enterprise');
  await other.get('/tai-khoan/khoa-api');
  assert.equal((await other.post(`/tai-khoan/khoa-api/${row.id}/thu-hoi`, {})).status, 303);
  assert.equal((await store.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', row.id).executeTakeFirstOrThrow()).revoked_at, null);

  // Staff accounts hold no applicant tokens.
  const officer = await signedIn(app, store, 'officer');
  const staffPage = await officer.get('/tai-khoan/khoa-api');
  assert.match(staffPage.body, /Chỉ tài khoản công dân hoặc doanh nghiệp/);
  assert.equal((await officer.post('/tai-khoan/khoa-api', { name: 'x', days: '7' })).status, 403);

  // Without a session the page asks to sign in.
  const anonymous = await app.inject({ method: 'GET', url: '/tai-khoan/khoa-api' });
  assert.equal(anonymous.statusCode, 303);
});
