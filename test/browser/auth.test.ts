import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, openSite } from '../helpers/browser.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { createMailTransport, flushOutbox } from '../../src/platform/mail/outbox.ts';
import { base32Decode, totp } from '../../src/platform/auth/totp.ts';

const PASSWORD = 'một mật khẩu dài 2026';

test('in Chromium: register, verify by the mailed link, sign in and out, then TOTP; every auth page passes axe', async (t) => {
  const smtp = await startSmtp(t);
  const site = await openSite(t, { env: { SMTP_URL: smtp.url } });
  const transport = createMailTransport(smtp.url);
  t.after(() => transport.close());
  const page = await site.page();

  await page.goto(site.url('/dang-ky'));
  await checkA11y(page);
  await page.click('button[type=submit]:has-text("Đăng ký")');
  await page.waitForSelector('.error-summary');
  await checkA11y(page);
  await page.fill('#f-full_name', 'Lò Thị Hoa');
  await page.fill('#f-email', 'hoa@example.vn');
  await page.check('#f-account_type-business');
  await page.fill('#f-password', PASSWORD);
  await page.fill('#f-password_confirm', PASSWORD);
  await Promise.all([page.waitForURL(/\/dang-ky\/kiem-tra-thu$/), page.click('button[type=submit]:has-text("Đăng ký")')]);
  await checkA11y(page);

  await flushOutbox(site.store.db, transport, site.config.mailFrom);
  const mail = await smtp.waitFor('hoa@example.vn');
  const link = /http:\/\/localhost:3000(\/xac-thuc-email\?token=[\w-]+)/.exec(mail.text)?.[1];
  assert.ok(link);
  await page.goto(site.url(link));
  assert.equal(await page.textContent('h1'), 'Đã xác thực thư điện tử');
  await checkA11y(page);

  await page.click('main a[href="/dang-nhap"]');
  await checkA11y(page);
  await page.fill('#f-email', 'hoa@example.vn');
  await page.fill('#f-password', 'sai mật khẩu rồi');
  await page.click('main button[type=submit]');
  await page.waitForSelector('.alert-error');
  await checkA11y(page);
  await page.fill('#f-password', PASSWORD);
  await Promise.all([page.waitForURL(site.url('/')), page.click('main button[type=submit]')]);
  assert.equal(await page.textContent('.header-tools a[href="/tai-khoan"]'), 'Lò Thị Hoa');

  await page.goto(site.url('/tai-khoan'));
  await checkA11y(page);
  await page.click('a[href="/tai-khoan/xac-thuc-hai-buoc"]');
  await checkA11y(page);
  const secret = ((await page.textContent('main code')) ?? '').replace(/ /g, '');
  await page.fill('#f-code', totp(base32Decode(secret), Date.now()));
  await page.click('main button[type=submit]');
  await page.waitForSelector('.recovery-codes');
  assert.equal(await page.locator('.recovery-codes li').count(), 10);
  await checkA11y(page);

  await Promise.all([page.waitForURL(site.url('/')), page.click('.header-tools button:has-text("Đăng xuất")')]);
  assert.equal(await page.locator('.header-tools a[href="/dang-nhap"]').count(), 1);

  await page.goto(site.url('/dang-nhap'));
  await page.fill('#f-email', 'hoa@example.vn');
  await page.fill('#f-password', PASSWORD);
  await Promise.all([page.waitForURL(/\/dang-nhap\/xac-thuc/), page.click('main button[type=submit]')]);
  await checkA11y(page);
  await page.fill('#f-code', totp(base32Decode(secret), Date.now() + 30_000));
  await Promise.all([page.waitForURL(site.url('/')), page.click('main button[type=submit]')]);
  assert.equal(await page.locator('.header-tools a[href="/tai-khoan"]').count(), 1);

  await page.goto(site.url('/quen-mat-khau'));
  await checkA11y(page);
});
