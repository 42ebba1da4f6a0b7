import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, hasHorizontalScroll, openSite, type SiteEnv } from '../helpers/browser.ts';
import { applyForPublishing, submit, tinyPdf } from '../helpers/eservices-browser.ts';

const CITIZEN = 'citizen@laocai.example.vn';
const OFFICER = 'officer@laocai.example.vn';

async function check(page: Page, width: number, what: string): Promise<void> {
  if (width <= 320) assert.equal(await hasHorizontalScroll(page), false, `${what} scrolls sideways at ${width} px`);
  await checkA11y(page);
}

/** The citizen applies with the same PDF as both required documents; returns the dossier code. */
function apply(site: SiteEnv, page: Page, pdfPath: string, width: number): Promise<string> {
  page.setDefaultTimeout(20_000);
  return applyForPublishing(site, page, { files: { 'don-de-nghi': pdfPath, 'ban-thao': pdfPath }, check: (p, what) => check(p, width, what) });
}

test('in Chromium: a citizen finds a procedure without diacritics, applies with a PDF, gets the receipt; the officer accepts it; the citizen tracks it; axe on each page, also without JavaScript at 320 px', async (t) => {
  const site = await openSite(t);
  const dir = await mkdtemp(path.join(tmpdir(), 'congso-eservices-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const pdfPath = path.join(dir, 'so-tay.pdf');
  await writeFile(pdfPath, tinyPdf());

  const citizen = await site.page({ signedInAs: CITIZEN });
  const code = await apply(site, citizen, pdfPath, 1280);

  const officer = await site.page({ signedInAs: OFFICER });
  officer.setDefaultTimeout(20_000);
  await officer.goto(site.url('/quan-tri/ho-so'));
  await checkA11y(officer);
  await Promise.all([officer.waitForNavigation(), officer.click(`main a:has-text("${code}")`)]);
  await checkA11y(officer);
  await submit(officer, 'button[name=action][value=accept]');
  assert.match((await officer.textContent('main dl.facts')) ?? '', /Đã tiếp nhận/);
  await checkA11y(officer);

  await citizen.goto(site.url('/tra-cuu'));
  await checkA11y(citizen);
  await citizen.fill('#f-code', code);
  await citizen.fill('#f-contact', '0912345678');
  await submit(citizen, 'form[action="/tra-cuu"] button[type=submit]');
  assert.match((await citizen.textContent('main')) ?? '', /Tiếp nhận hồ sơ|Đã tiếp nhận/);
  await checkA11y(citizen);

  // The same journey without JavaScript on a 320 px screen.
  const small = await site.page({ signedInAs: CITIZEN, javaScript: false, width: 320 });
  const second = await apply(site, small, pdfPath, 320);
  assert.notEqual(second, code);
  await small.goto(site.url('/tra-cuu'));
  await check(small, 320, 'tracking');
  await small.fill('#f-code', second);
  await small.fill('#f-contact', CITIZEN);
  await submit(small, 'form[action="/tra-cuu"] button[type=submit]');
  assert.match((await small.textContent('main')) ?? '', /Chờ tiếp nhận|Mới đăng ký/);
  await check(small, 320, 'tracking result');
});
