import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, hasHorizontalScroll, openSite, type SiteEnv } from '../helpers/browser.ts';

const CITIZEN = 'citizen@laocai.example.vn';
const OFFICER = 'officer@laocai.example.vn';

/** A real, minimal PDF 1.4 file: one empty A4 page, with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const FORM: Record<string, string> = {
  applicant_name: 'Hoàng Văn Đạt',
  applicant_phone: '0912 345 678',
  applicant_email: CITIZEN,
  org_name: 'Hội Nông dân tỉnh Lào Cai',
  org_address: 'Phường Cốc Lếu, Lào Cai',
  org_phone: '0214 3 840 111',
  org_document: 'Quyết định 123/QĐ-UBND',
  doc_title: 'Sổ tay kỹ thuật trồng chè Shan tuyết',
  doc_author: 'Hội Nông dân tỉnh Lào Cai',
  doc_pages: '48',
  doc_size: '14,5 x 20,5',
  doc_copies: '500',
  doc_language: 'Tiếng Việt',
  printer: 'Công ty In Lào Cai, phường Kim Tân',
  purpose: 'Phát miễn phí cho hội viên',
  abstract: 'Hướng dẫn trồng, chăm sóc và chế biến chè Shan tuyết.',
};

/** Clicks a submit button and waits for the page the form leads to (works with and without JavaScript). */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function check(page: Page, width: number, what: string): Promise<void> {
  if (width <= 320) assert.equal(await hasHorizontalScroll(page), false, `${what} scrolls sideways at ${width} px`);
  await checkA11y(page);
}

/** The citizen finds the procedure without diacritics, fills the form, attaches PDFs and submits; returns the dossier code. */
async function apply(site: SiteEnv, page: Page, pdfPath: string, width: number): Promise<string> {
  page.setDefaultTimeout(20_000);
  await page.goto(site.url('/thu-tuc'));
  await check(page, width, 'catalogue');
  await page.fill('#f-q', 'tai lieu khong kinh doanh');
  await submit(page, 'form[role=search] button[type=submit]');
  assert.match(page.url(), /q=tai\+lieu\+khong\+kinh\+doanh/);
  await check(page, width, 'search results');
  await Promise.all([page.waitForNavigation(), page.click('main a[href="/thu-tuc/1.003868"]')]);
  await check(page, width, 'procedure');
  await submit(page, 'form[action="/thu-tuc/1.003868/nop-truc-tuyen"] button[type=submit]');
  assert.match(page.url(), /\/ho-so\/\d+$/);
  await check(page, width, 'draft');

  await page.selectOption('#f-doc_form', 'print');
  for (const [name, value] of Object.entries(FORM)) await page.fill(`#f-${name}`, value);
  await submit(page, 'button:has-text("Lưu nháp")');
  for (const component of ['don-de-nghi', 'ban-thao']) {
    await page.setInputFiles(`#file-${component}`, pdfPath);
    await submit(page, `form:has(#file-${component}) button[type=submit]`);
  }
  assert.equal(await page.locator('main td:has-text("so-tay.pdf"), main li:has-text("so-tay.pdf")').count() >= 2, true);
  await check(page, width, 'draft with documents');
  await submit(page, 'button:has-text("Nộp hồ sơ")');
  assert.equal((await page.textContent('main h1'))?.trim(), 'Giấy tiếp nhận hồ sơ');
  await check(page, width, 'receipt');
  const code = (await page.textContent('main dl.facts dd strong'))?.trim() ?? '';
  assert.match(code, /^000\.00\.\d+\.H15-\d{6}-\d{4}$/);
  return code;
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
