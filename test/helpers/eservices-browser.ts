/**
 * Steps of the e-services browser tests: a real small PDF, submitting a form and waiting for the page
 * it leads to, and the applicant's way through the publishing-licence form (procedure 1.003868).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { SiteEnv } from './browser.ts';
import { PUBLISHING_FORM } from '../integration/eservices/helpers.ts';

/** A real, minimal PDF 1.4 file: one empty A4 page, with a correct cross-reference table. */
export function tinyPdf(): Buffer {
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

/** The publishing-licence form as an applicant types it (the select `doc_form` is chosen apart). */
export const PUBLISHING_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(PUBLISHING_FORM).filter(([name]) => name !== 'doc_form'));

/** Clicks a submit button and waits for the page the form leads to (works with and without JavaScript). */
export async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

export interface ApplyOptions {
  /** Files per document component (component code → path); their names must appear on the draft. */
  readonly files: Readonly<Record<string, string>>;
  /** Fields typed instead of PUBLISHING_FIELDS' (e.g. the applicant's own e-mail). */
  readonly fields?: Readonly<Record<string, string>>;
  /** Run on every page reached (axe, reflow). */
  readonly check: (page: Page, what: string) => Promise<void>;
}

/** The citizen finds the procedure without diacritics, fills the form, attaches the files and submits; returns the dossier code. */
export async function applyForPublishing(site: SiteEnv, page: Page, options: ApplyOptions): Promise<string> {
  const { check } = options;
  await page.goto(site.url('/thu-tuc'));
  await check(page, 'catalogue');
  await page.fill('#f-q', 'tai lieu khong kinh doanh');
  await submit(page, 'form[role=search] button[type=submit]');
  assert.match(page.url(), /q=tai\+lieu\+khong\+kinh\+doanh/);
  await check(page, 'search results');
  await Promise.all([page.waitForNavigation(), page.click('main a[href="/thu-tuc/1.003868"]')]);
  await check(page, 'procedure');
  await submit(page, 'form[action="/thu-tuc/1.003868/nop-truc-tuyen"] button[type=submit]');
  assert.match(page.url(), /\/ho-so\/\d+$/);
  await check(page, 'draft');

  await page.selectOption('#f-doc_form', 'print');
  for (const [name, value] of Object.entries({ ...PUBLISHING_FIELDS, ...options.fields })) await page.fill(`#f-${name}`, value);
  await submit(page, 'button:has-text("Lưu nháp")');
  for (const [component, file] of Object.entries(options.files)) {
    await page.setInputFiles(`#file-${component}`, file);
    await submit(page, `form:has(#file-${component}) button[type=submit]`);
    const name = file.split('/').pop() ?? file;
    assert.ok((await page.locator(`main td:has-text("${name}"), main li:has-text("${name}")`).count()) >= 1, `${name} is not listed on the draft`);
  }
  await check(page, 'draft with documents');
  await submit(page, 'button:has-text("Nộp hồ sơ")');
  assert.equal((await page.textContent('main h1'))?.trim(), 'Giấy tiếp nhận hồ sơ');
  await check(page, 'receipt');
  const code = (await page.textContent('main dl.facts dd strong'))?.trim() ?? '';
  assert.match(code, /^000\.00\.\d+\.H15-\d{6}-\d{4}$/);
  return code;
}
