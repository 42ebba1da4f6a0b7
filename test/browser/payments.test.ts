import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, openSite } from '../helpers/browser.ts';
import { feeRequestedDossier, feeState } from '../integration/eservices/payments-helpers.ts';

test('in Chromium without JavaScript: the applicant pays the fees through the sandbox gateway and reads the receipt; every page passes axe', async (t) => {
  const site = await openSite(t, { env: { VIETQR_BANK_BIN: '970415', VIETQR_ACCOUNT: '113000006789' } });
  const { id } = await feeRequestedDossier(site.app, site.store);
  const page = await site.page({ javaScript: false, signedInAs: 'citizen@laocai.example.vn' });

  await page.goto(site.url(`/ho-so/${id}/bien-nhan`));
  await page.click(`main a[href="/ho-so/${id}/phi"] >> nth=0`);
  assert.match((await page.textContent('main')) ?? '', /150\.000 đồng/);
  await checkA11y(page);

  await page.click('main button:has-text("qua VNPay")');
  await page.waitForURL(/\/sandbox\/vnpay\/vpcpay\.html\?/);
  await checkA11y(page);
  await page.click('main button[value="pay"]');
  await page.waitForURL(/\/thanh-toan\/vnpay\/ket-qua\?/);
  assert.match((await page.textContent('main')) ?? '', /Thanh toán đã được xác nhận/);
  await checkA11y(page);
  assert.equal((await feeState(site.store, id)).dossier.status, 'accepted');

  await page.click('main a:has-text("Xem phí, lệ phí")');
  await page.click('main a:has-text("Biên lai điện tử số 0000001")');
  assert.match((await page.textContent('main')) ?? '', /Một trăm năm mươi nghìn đồng/);
  await checkA11y(page);

  const narrow = await site.page({ width: 320, signedInAs: 'citizen@laocai.example.vn' });
  await narrow.goto(page.url());
  await checkA11y(narrow);
  const scrollWidth = await narrow.evaluate('document.documentElement.scrollWidth');
  assert.ok(Number(scrollWidth) <= 320, `page is ${String(scrollWidth)} px wide at 320`);

  const officer = await site.page({ signedInAs: 'officer@laocai.example.vn' });
  await officer.goto(site.url(`/quan-tri/ho-so/${id}/phi`));
  await checkA11y(officer);
});

test('in Chromium: the VietQR code and the officer\'s fee request form with errors pass axe', async (t) => {
  const site = await openSite(t, { env: { VIETQR_BANK_BIN: '970415', VIETQR_ACCOUNT: '113000006789', VIETQR_ACCOUNT_NAME: 'So Van hoa' } });
  const { id } = await feeRequestedDossier(site.app, site.store);
  const citizen = await site.page({ width: 320, signedInAs: 'citizen@laocai.example.vn' });
  await citizen.goto(site.url(`/ho-so/${id}/phi`));
  // Reading the page makes no code; the button does (a form, without JavaScript).
  assert.equal(await citizen.locator('.vietqr img').count(), 0);
  await checkA11y(citizen);
  await citizen.click('main button:has-text("Tạo mã VietQR")');
  await citizen.waitForSelector('.vietqr img');
  assert.equal(await citizen.locator('.vietqr img').count(), 1);
  await checkA11y(citizen);
  const scrollWidth = await citizen.evaluate('document.documentElement.scrollWidth');
  assert.ok(Number(scrollWidth) <= 320, `page is ${String(scrollWidth)} px wide at 320`);

  const officer = await site.page({ signedInAs: 'officer@laocai.example.vn' });
  await officer.goto(site.url(`/quan-tri/ho-so/${id}/phi`));
  await officer.fill('#f-amount', '1');
  await officer.click('main button:has-text("Xác nhận đã nhận tiền")');
  await officer.waitForSelector('.error-summary');
  await checkA11y(officer);
  // Cancelling a line without a reason: the error is announced and linked, the page stays accessible.
  await officer.click('main button:has-text("Huỷ khoản phí")');
  await officer.waitForSelector('#f-reason-error');
  await checkA11y(officer);
});
