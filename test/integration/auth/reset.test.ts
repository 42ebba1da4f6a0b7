import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '../../helpers/client.ts';
import { authApp, linkIn, PASSWORD, register, signIn } from './support.ts';

const NEW_PASSWORD = 'mật khẩu mới tinh 2026';

test('reset by email: same answer for unknown addresses, single-use link, every session ends', async (t) => {
  const { app, store, smtp, flush } = await authApp(t);
  const owner = new Client(app);
  await register(owner, 'hoa@example.vn');
  await signIn(owner, 'hoa@example.vn', PASSWORD);
  assert.equal((await owner.get('/tai-khoan')).status, 200);

  const visitor = new Client(app);
  await visitor.get('/quen-mat-khau');
  const unknown = await visitor.post('/quen-mat-khau', { email: 'khong-co@example.vn' });
  const known = await visitor.post('/quen-mat-khau', { email: 'HOA@example.vn' });
  assert.equal(unknown.status, 303);
  assert.equal(known.status, 303);
  assert.equal(unknown.location, known.location);
  await flush();
  const mail = await smtp.waitFor('hoa@example.vn', (m) => m.subject === 'Đặt lại mật khẩu');
  assert.equal(smtp.messages.filter((m) => m.to === 'khong-co@example.vn').length, 0);
  const link = linkIn(mail.text, '/dat-lai-mat-khau');
  const token = await store.db.selectFrom('email_tokens').select('expires_at').where('purpose', '=', 'reset-password').executeTakeFirstOrThrow();
  const minutes = (Date.parse(token.expires_at) - Date.now()) / 60_000;
  assert.ok(minutes > 59 && minutes <= 60);

  const form = await visitor.get(link);
  assert.equal(form.status, 200);
  const tokenValue = new URL(link, 'http://x').searchParams.get('token')!;
  const bad = await visitor.post('/dat-lai-mat-khau', { token: tokenValue, password: 'ngắn', password_confirm: 'ngắn' });
  assert.equal(bad.status, 422);
  const done = await visitor.post('/dat-lai-mat-khau', { token: tokenValue, password: NEW_PASSWORD, password_confirm: NEW_PASSWORD });
  assert.equal(done.status, 303);
  assert.equal((await owner.get('/tai-khoan')).status, 303, 'the old session was revoked');
  const reuse = await visitor.post('/dat-lai-mat-khau', { token: tokenValue, password: 'lại một mật khẩu khác', password_confirm: 'lại một mật khẩu khác' });
  assert.equal(reuse.status, 400);
  assert.equal((await visitor.get(link)).status, 400);
  assert.equal((await signIn(new Client(app), 'hoa@example.vn', PASSWORD)).status, 401);
  assert.equal((await signIn(new Client(app), 'hoa@example.vn', NEW_PASSWORD)).status, 303);
});

test('without SMTP the mail stays queued, and is sent by the outbox once a transport is available', async (t) => {
  const { build } = await import('../../helpers/build.ts');
  const { startSmtp } = await import('../../helpers/smtp.ts');
  const { createMailTransport, flushOutbox } = await import('../../../src/platform/mail/outbox.ts');
  const { app, store, config } = await build(t);
  const client = new Client(app);
  await register(client, 'hoa@example.vn');
  const queued = await store.db.selectFrom('mail_outbox').select(['status', 'to_address']).execute();
  assert.deepEqual(queued, [{ status: 'queued', to_address: 'hoa@example.vn' }]);
  const smtp = await startSmtp(t);
  const transport = createMailTransport(smtp.url);
  t.after(() => transport.close());
  assert.deepEqual(await flushOutbox(store.db, transport, config.mailFrom), { sent: 1, failed: 0 });
  await smtp.waitFor('hoa@example.vn');
  const sent = await store.db.selectFrom('mail_outbox').select(['status', 'sent_at']).executeTakeFirstOrThrow();
  assert.equal(sent.status, 'sent');
  assert.deepEqual(await flushOutbox(store.db, transport, config.mailFrom), { sent: 0, failed: 0 });
});

test('a failed delivery is retried later with backoff', async (t) => {
  const { build } = await import('../../helpers/build.ts');
  const { createMailTransport, flushOutbox } = await import('../../../src/platform/mail/outbox.ts');
  const { app, store, config } = await build(t);
  await register(new Client(app), 'hoa@example.vn');
  const transport = createMailTransport('smtp://127.0.0.1:1');
  t.after(() => transport.close());
  assert.deepEqual(await flushOutbox(store.db, transport, config.mailFrom), { sent: 0, failed: 1 });
  const row = await store.db.selectFrom('mail_outbox').select(['status', 'attempts', 'next_attempt_at', 'last_error']).executeTakeFirstOrThrow();
  assert.equal(row.status, 'queued');
  assert.equal(row.attempts, 1);
  assert.ok(Date.parse(row.next_attempt_at) > Date.now() + 50_000);
  assert.notEqual(row.last_error, null);
});

test('the outbox worker started with the app sends queued mail on its own', async (t) => {
  const { app, smtp, store } = await authApp(t);
  await register(new Client(app), 'hoa@example.vn');
  const mail = await smtp.waitFor('hoa@example.vn', undefined, 15_000);
  assert.equal(mail.subject, 'Xác thực địa chỉ thư điện tử');
  // The row is marked sent just after the SMTP server has accepted the message.
  let row = await store.db.selectFrom('mail_outbox').select(['status', 'attempts']).executeTakeFirstOrThrow();
  for (let i = 0; i < 40 && row.status !== 'sent'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    row = await store.db.selectFrom('mail_outbox').select(['status', 'attempts']).executeTakeFirstOrThrow();
  }
  assert.deepEqual(row, { status: 'sent', attempts: 1 });
});
