/** Shared steps of the account tests: an app with a real SMTP server, registration, sign-in, TOTP codes. */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { build } from '../../helpers/build.ts';
import type { Client } from '../../helpers/client.ts';
import { startSmtp } from '../../helpers/smtp.ts';
import { createMailTransport, flushOutbox } from '../../../src/platform/mail/outbox.ts';
import { base32Decode, totp } from '../../../src/platform/auth/totp.ts';

export async function authApp(t: TestContext) {
  const smtp = await startSmtp(t);
  const env = await build(t, { env: { SMTP_URL: smtp.url } });
  const transport = createMailTransport(smtp.url);
  t.after(() => transport.close());
  const flush = () => flushOutbox(env.store.db, transport, env.config.mailFrom);
  return { ...env, smtp, flush };
}

export const PASSWORD = 'một mật khẩu dài 2026';

/** The path and query of the first link in a mail to `path`. */
export function linkIn(text: string, path: string): string {
  const match = new RegExp(`http://localhost:3000(${path}\\?token=[A-Za-z0-9_-]+)`).exec(text);
  assert.ok(match?.[1], `no ${path} link in:\n${text}`);
  return match[1];
}

export async function register(client: Client, email: string, extra: Record<string, string> = {}) {
  await client.get('/dang-ky');
  return client.post('/dang-ky', { full_name: 'Lò Thị Hoa', email, phone: '0912 345 678', account_type: 'citizen', password: PASSWORD, password_confirm: PASSWORD, ...extra });
}

export async function signIn(client: Client, email: string, password: string, next?: string) {
  await client.get('/dang-nhap');
  return client.post('/dang-nhap', { email, password, ...(next === undefined ? {} : { next }) });
}

/** The TOTP secret shown on a setup page. */
export function secretOnPage(body: string): string {
  const match = /<code>([A-Z2-7 ]{20,})<\/code>/.exec(body);
  assert.ok(match?.[1], 'no secret on the setup page');
  return match[1].replace(/ /g, '');
}

export const codeAt = (secret: string, offsetSteps = 0): string => totp(base32Decode(secret), Date.now() + offsetSteps * 30_000);
