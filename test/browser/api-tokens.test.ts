import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, hasHorizontalScroll, openSite } from '../helpers/browser.ts';

test('API access tokens without JavaScript: make one (shown once), see it listed, revoke it; axe finds nothing, no sideways scroll at 320 px', async (t) => {
  const site = await openSite(t);
  const page = await site.page({ javaScript: false, signedInAs: 'citizen@laocai.example.vn' });
  await page.goto(site.url('/tai-khoan'));
  await page.getByRole('link', { name: 'Quản lý khóa truy cập API' }).click();
  await checkA11y(page);

  // An empty name is refused next to the field, the lifetime typed is kept.
  await page.getByLabel('Hiệu lực (số ngày)').fill('30');
  await page.getByRole('button', { name: 'Tạo khóa' }).click();
  assert.match(await page.locator('#name-error, [id$="name-message"], .field-error').first().innerText(), /tên khóa/i);
  assert.equal(await page.getByLabel('Hiệu lực (số ngày)').inputValue(), '30');
  await checkA11y(page);

  await page.getByLabel('Tên khóa').fill('Phần mềm kế toán');
  await page.getByRole('button', { name: 'Tạo khóa' }).click();
  const token = await page.locator('code.token').innerText();
  assert.match(token, /^csk_[A-Za-z0-9_-]{43}$/);
  await checkA11y(page);
  const api = await fetch(site.url('/api/v1/dossiers/000.00.01.H15-000000-0001'), { headers: { authorization: `Bearer ${token}` } });
  assert.equal(api.status, 404, 'the token is accepted');

  await page.goto(site.url('/tai-khoan/khoa-api'));
  assert.ok(!(await page.content()).includes(token), 'shown once');
  await page.getByRole('button', { name: 'Thu hồi khóa “Phần mềm kế toán”' }).click();
  assert.match(await page.locator('body').innerText(), /Đã thu hồi khóa/);
  await checkA11y(page);
  assert.equal((await fetch(site.url('/api/v1/dossiers/x'), { headers: { authorization: `Bearer ${token}` } })).status, 401);

  const small = await site.page({ javaScript: false, width: 320, signedInAs: 'citizen@laocai.example.vn' });
  await small.goto(site.url('/tai-khoan/khoa-api'));
  assert.equal(await hasHorizontalScroll(small), false);
});
