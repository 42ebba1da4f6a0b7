import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { checkA11y, hasHorizontalScroll, openSite } from '../helpers/browser.ts';
import { nowIso } from '../../src/platform/db/dialect.ts';
import { parsePeriod } from '../../src/modules/statistics/period.ts';

/** A desktop browser's user agent: the headless one is filtered out of the analytics as a bot. */
const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const INDICATOR = 'telecom.mobile_subscriptions';
const n = (v: number): string => v.toLocaleString('vi-VN');

test('in Chromium: an enterprise downloads its Excel template, uploads it with one bad cell, fixes it; the statistician approves; a visitor sees the indicator page and the ranking change and the Lào Cai 2008 dashboard, and analytics counts that visit once; every page passes axe', async (t) => {
  const site = await openSite(t);
  const db = site.store.db;
  // Two other provinces report 2025-Q2 (illustrative), so that the ranking has neighbours: Hà Nội above Lào Cai's total, Hà Giang below.
  const indicator = await db.selectFrom('stat_indicators').select('id').where('code', '=', INDICATOR).executeTakeFirstOrThrow();
  const q2 = parsePeriod('2025-Q2')!;
  for (const [code, value] of [['01', 1_000_000], ['02', 100_000]] as const) {
    const unit = await db.selectFrom('admin_units').select('id').where('structure', '=', 'pre2025').where('level', '=', 'province').where('code', '=', code).executeTakeFirstOrThrow();
    await db
      .insertInto('stat_values')
      .values({ indicator_id: indicator.id, admin_unit_id: unit.id, period: q2.code, period_kind: 'quarter', period_start: q2.start, period_end: q2.end, reporter_agency_id: null, value, status: 'illustrative', source: null, note: null, created_at: nowIso(), updated_at: nowIso() })
      .execute();
  }
  const visitor = await site.browser.newContext({ userAgent: DESKTOP_UA, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 800 } });
  const publicPage = await visitor.newPage();
  const rankingUrl = site.url(`/thong-ke/xep-hang/${INDICATOR}?period=2025-Q2`);
  await publicPage.goto(rankingUrl);
  const rankedBefore = await publicPage.$$eval('main table tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | ')));
  assert.equal(rankedBefore.length, 2);
  assert.match(rankedBefore[1]!, /^2 \| Hà Giang/);
  assert.equal(await publicPage.$('tr.stat-own'), null, 'Lào Cai has no 2025-Q2 figure before the report');

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
  // The form's assignments (units by name) and the period: VNPT has submitted, so no reporter is outstanding.
  await Promise.all([staff.waitForURL(/\/bieu\/BC-VT-01$/), staff.click('main a:has-text("Giao biểu BC-VT-01")')]);
  assert.match((await staff.textContent('main table')) ?? '', /VNPT Lào Cai[\s\S]*Huyện Bát Xát/);
  await checkA11y(staff);
  await Promise.all([staff.waitForURL(/\/ky\/\d+$/), staff.click('main a:has-text("Quý 2/2025")')]);
  assert.match((await staff.textContent('main')) ?? '', /Mọi đơn vị được giao đã nộp báo cáo kỳ này\./);
  await checkA11y(staff);
  await staff.goto(site.url('/quan-tri/bao-cao-thong-ke'));
  await Promise.all([staff.waitForURL(/\/nop\/\d+$/), staff.click('main a:has-text("BC-VT-01")')]);
  await checkA11y(staff);
  await Promise.all([staff.waitForURL(/\?ok=duyet/), staff.click('button:has-text("Duyệt và ghi số liệu")')]);
  assert.match((await staff.textContent('.alert-success')) ?? '', /Đã duyệt/);
  await checkA11y(staff);

  const unit = units[2]!;
  const res = await fetch(site.url(`/api/v1/indicators/${INDICATOR}/values?unit=${unit}&from=2025-Q2&to=2025-Q2`));
  const body = (await res.json()) as { values: { period: string; value: number; status: string }[] };
  assert.deepEqual(body.values, [{ period: '2025-Q2', value: 41_007, status: 'approved' }]);
  await page.reload();
  assert.match((await page.textContent('main')) ?? '', /Đã duyệt/);

  // The public pages, in the visitor's browser: the province's total of the report on the indicator page, and in the ranking.
  const total = units.reduce((sum, _, k) => sum + 41_000 + 5 + k, 0);
  await publicPage.goto(site.url(`/thong-ke/chi-tieu/${INDICATOR}?unit=10&period=2025-Q2`));
  const provinces = await publicPage.$$eval('main table tr', (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | ')));
  assert.ok(provinces.includes(`Quý 2/2025 | ${n(total)} | Đã duyệt`), `the province's series: ${provinces.join(' / ')}`);
  assert.ok(provinces.includes(`2 | Lào Cai (tỉnh của cổng thông tin này) | ${n(total)} | Đã duyệt`), `the provinces for the quarter: ${provinces.join(' / ')}`);
  await checkA11y(publicPage);
  await publicPage.goto(rankingUrl);
  const rankedAfter = await publicPage.$$eval('main table tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | ')));
  assert.equal(rankedAfter.length, 3);
  assert.match(rankedAfter[0]!, /^1 \| Hà Nội/);
  assert.equal(rankedAfter[1], await publicPage.$eval('tr.stat-own', (r) => [...r.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | ')));
  assert.ok(rankedAfter[1]!.startsWith('2 | Lào Cai') && rankedAfter[1]!.includes(n(total)), rankedAfter[1]);
  assert.match(rankedAfter[2]!, /^3 \| Hà Giang/, 'Hà Giang moves down a place');
  await checkA11y(publicPage);

  // The Lào Cai 2008 dashboard still shows the article's figures.
  await publicPage.goto(site.url('/thong-ke/lao-cai-2008'));
  const dashboard = (await publicPage.textContent('main')) ?? '';
  const cards = ['277điểmSố điểm phục vụ bưu chính', '127xãSố xã có điểm Bưu điện - Văn hóa xã', '100,0%Tỷ lệ trung tâm huyện có báo đến trong ngày', '32,0thuê bao/100 dânMật độ điện thoại', 'trên 11.900thuê baoSố thuê bao truy nhập Internet', '42cơ quanSố cơ quan nhà nước có mạng nội bộ', 'Thứ 5/56Số lượt truy cập cổng thông tin điện tử trên đầu người', 'Thứ 12/56Số dịch vụ công trực tuyến mức độ 1'];
  for (const card of cards) assert.ok(dashboard.includes(card), card);
  await checkA11y(publicPage);

  // Analytics: the visitor's four page views are one visit of one visitor (the headless pages and the API calls are not counted).
  const staffContext = staff.context();
  const report = await staffContext.newPage();
  let figures = { visits: '', visitors: '', pageviews: '' };
  for (let attempt = 0; attempt < 20 && figures.pageviews !== '4'; attempt += 1) {
    await site.app.analytics.rollup();
    await report.goto(site.url('/quan-tri/thong-ke-truy-cap'));
    figures = {
      visits: ((await report.textContent('[data-figure="visits"]')) ?? '').trim(),
      visitors: ((await report.textContent('[data-figure="visitors"]')) ?? '').trim(),
      pageviews: ((await report.textContent('[data-figure="pageviews"]')) ?? '').trim(),
    };
    if (figures.pageviews !== '4') await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(figures, { visits: '1', visitors: '1', pageviews: '4' });
  await checkA11y(report);
  await visitor.close();
});
