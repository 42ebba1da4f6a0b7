import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { checkA11y, hasHorizontalScroll, openSite } from '../helpers/browser.ts';

test('in Chromium: an enterprise downloads its Excel template, uploads it with one bad cell, fixes it; the statistician approves; the figure is published; every page passes axe', async (t) => {
  const site = await openSite(t);
  const dir = await mkdtemp(path.join(tmpdir(), 'congso-reports-'));
  t.after(() => rm(dir, { recursive: true, force: true }));

  const page = await site.page({ signedInAs: 'enterprise@laocai.example.vn' });
  await page.goto(site.url('/bao-cao-thong-ke'));
  await checkA11y(page);
  await Promise.all([page.waitForURL(/\/bao-cao-thong-ke\/\d+$/), page.click('main a:has-text("BC-VT-01")')]);
  await checkA11y(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Tải mẫu Excel")')]);
  assert.equal(download.suggestedFilename(), 'BC-VT-01_2025-Q2_v1.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const units: string[] = [];
  for (let r = 5; typeof ws.getCell(r, 1).value === 'string'; r += 1) {
    units.push(String(ws.getCell(r, 1).value));
    [520, 41_000, 30_500, 8_100].forEach((v, i) => (ws.getCell(r, 3 + i).value = v + r));
  }
  assert.ok(units.length >= 8);
  ws.getCell('D7').value = '41.000 thuê bao';
  const bad = path.join(dir, 'bao-cao-loi.xlsx');
  await writeFile(bad, Buffer.from(await wb.xlsx.writeBuffer()));
  await page.setInputFiles('#f-file', bad);
  await page.click('button:has-text("Tải lên và nộp")');
  await page.waitForSelector('.error-summary');
  assert.equal((await page.textContent('.report-problems'))?.trim(), 'Ô D7: "41.000 thuê bao" không phải là số.');
  await checkA11y(page);

  ws.getCell('D7').value = 41_007;
  const good = path.join(dir, 'bao-cao.xlsx');
  await writeFile(good, Buffer.from(await wb.xlsx.writeBuffer()));
  await page.setInputFiles('#f-file', good);
  await Promise.all([page.waitForURL(/\?ok=nop/), page.click('button:has-text("Tải lên và nộp")')]);
  assert.match((await page.textContent('.alert-success')) ?? '', /Đã nộp báo cáo \(lần 1\)/);
  await checkA11y(page);
  const narrow = await site.page({ signedInAs: 'enterprise@laocai.example.vn', width: 320, javaScript: false });
  await narrow.goto(page.url());
  assert.equal(await hasHorizontalScroll(narrow), false, 'the page reflows at 320 px (the grid scrolls in its own region)');

  const staff = await site.page({ signedInAs: 'statistician@laocai.example.vn' });
  await staff.goto(site.url('/quan-tri/bao-cao-thong-ke'));
  await checkA11y(staff);
  await Promise.all([staff.waitForURL(/\/nop\/\d+$/), staff.click('main a:has-text("BC-VT-01")')]);
  await checkA11y(staff);
  await Promise.all([staff.waitForURL(/\?ok=duyet/), staff.click('button:has-text("Duyệt và ghi số liệu")')]);
  assert.match((await staff.textContent('.alert-success')) ?? '', /Đã duyệt/);
  await checkA11y(staff);

  const unit = units[2]!;
  const res = await fetch(site.url(`/api/v1/indicators/telecom.mobile_subscriptions/values?unit=${unit}&from=2025-Q2&to=2025-Q2`));
  const body = (await res.json()) as { values: { period: string; value: number; status: string }[] };
  assert.deepEqual(body.values, [{ period: '2025-Q2', value: 41_007, status: 'approved' }]);
  await page.reload();
  assert.match((await page.textContent('main')) ?? '', /Đã duyệt/);
});
