import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { build, dropTemplates } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { parseCsvRows } from '../../../src/platform/text/csv.ts';

after(dropTemplates);

/** Text of the page without tags, whitespace collapsed: what a reader sees. */
const text = (html: string): string => html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&quot;|&#34;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
/** The table row (tr) that contains a string. */
const rowWith = (html: string, needle: string): string => {
  const row = html.split('<tr').slice(1).find((r) => r.includes(needle));
  return row === undefined ? '' : `<tr${row.split('</tr>')[0] ?? ''}</tr>`;
};

test('/thong-ke lists the indicators by domain and finds them without diacritics', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const res = await client.get('/thong-ke');
  assert.equal(res.status, 200);
  const page = text(res.body);
  for (const domain of ['Bưu chính', 'Báo chí', 'Viễn thông', 'Internet', 'Ứng dụng công nghệ thông tin', 'Cổng thông tin điện tử', 'Dịch vụ công trực tuyến', 'Dân số']) assert.ok(page.includes(domain), domain);
  assert.ok(res.body.includes('href="/thong-ke/chi-tieu/postal.service_points"'));
  assert.ok(res.body.indexOf('Bưu chính') < res.body.indexOf('Dân số trung bình'), 'postal before population');

  const found = text((await client.get('/thong-ke?q=diem%20phuc%20vu%20buu%20chinh')).body);
  assert.match(found, /Số điểm phục vụ bưu chính/);
  assert.doesNotMatch(found, /Dân số trung bình/);
  assert.match(text((await client.get('/thong-ke?q=i271')).body), /thuê bao/i);
  const none = await client.get('/thong-ke?q=%3Cscript%3Ezzz');
  assert.equal(none.status, 200);
  assert.match(text(none.body), /Không có chỉ tiêu nào khớp với "<script>zzz"/);
  assert.doesNotMatch(none.body, /[^"]<script>zzz/, 'the query is escaped outside the input value');
});

test('an indicator page shows its definition, an accessible SVG chart and the same figures in tables', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const res = await client.get('/thong-ke/chi-tieu/postal.service_points?unit=10&period=2008');
  assert.equal(res.status, 200, res.body);
  const page = text(res.body);
  assert.match(page, /Số điểm phục vụ bưu chính/);
  assert.match(page, /Thông tư 03\/2022\/TT-BTTTT/);
  assert.match(page, /Tổng hợp: theo đơn vị hành chính cộng; theo thời gian lấy số cuối kỳ/);
  // The article's 277 points as of 30/9/2008, in the series and the 2008 breakdown, vi-VN formatting.
  assert.match(rowWith(res.body, 'Tháng 09/2008'), /277/);
  assert.match(page, /Có số liệu minh họa/);
  const charts = res.body.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  assert.equal(charts.length, 4, 'two charts, each in a wide and a narrow rendition');
  for (const svg of charts) {
    assert.match(svg, /role="img"/);
    assert.match(svg, /aria-labelledby="chart-[\w-]+-title chart-[\w-]+-desc"/);
    assert.match(svg, /<title id="chart-[\w-]+-title">Số điểm phục vụ bưu chính/);
    assert.doesNotMatch(svg, /<script|style=|<style/, 'no script and nothing the CSP would block');
  }
  assert.match(res.body, /<caption>Số điểm phục vụ bưu chính: các tỉnh, thành phố, Năm 2008<\/caption>/);
  const own = rowWith(res.body, 'tỉnh của cổng thông tin này');
  assert.match(own, /class="stat-own"/);
  assert.match(own, /Lào Cai/);
  assert.match(res.body, /href="\/thong-ke\/tai-ve\/postal.service_points.csv\?unit=10&period=2008"/);
  assert.match(res.body, /href="\/thong-ke\/xep-hang\/postal.service_points\?period=2008"/);
  // Larger numbers use the Vietnamese thousands separator.
  const subscribers = await client.get('/thong-ke/chi-tieu/internet.subscribers?unit=10&period=2008-09');
  assert.match(rowWith(subscribers.body, 'Tháng 09/2008'), /11\.900/);
  const english = await client.get('/thong-ke/chi-tieu/internet.subscribers?unit=10&period=2008-09', { cookie: 'lang=en' });
  assert.match(rowWith(english.body, '2008-09'), /11,900/);
  // Without a choice the page shows the portal's province and the latest year.
  const plain = await client.get('/thong-ke/chi-tieu/telecom.phone_density_per_100');
  assert.equal(plain.status, 200);
  assert.match(text(plain.body), /Theo thời gian: Lào Cai/);
  assert.match(rowWith(plain.body, 'Tháng 09/2008'), /32/);
});

test('indicator pages refuse unknown codes and bad choices in Vietnamese, keeping the input', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const missing = await client.get('/thong-ke/chi-tieu/telecom.nothing');
  assert.equal(missing.status, 404);
  assert.match(missing.headers['content-type'] as string, /text\/html/);
  assert.match(text(missing.body), /Không tìm thấy|không tồn tại/i);
  const bad = await client.get('/thong-ke/chi-tieu/postal.service_points?unit=10&period=2008-13');
  assert.equal(bad.status, 422);
  assert.match(text(bad.body), /Kỳ "2008-13" không đúng dạng/);
  assert.match(bad.body, /value="2008-13"/);
  assert.match(bad.body, /aria-invalid="true"/);
  const badUnit = await client.get('/thong-ke/chi-tieu/postal.service_points?unit=99');
  assert.equal(badUnit.status, 422);
  assert.match(text(badUnit.body), /Không có đơn vị hành chính mã "99"/);
  assert.equal((await client.get('/thong-ke/xep-hang/portal.visits?period=2008-Q5')).status, 422);
  assert.equal((await client.get('/thong-ke/xep-hang/nothing?period=2008')).status, 404);
  const download = await client.get('/thong-ke/tai-ve/postal.service_points.csv?period=abc');
  assert.equal(download.status, 400);
  assert.match(download.body, /Kỳ "abc" không đúng dạng/);
  assert.equal((await client.get('/thong-ke/tai-ve/postal.service_points.exe')).status, 404);
  assert.equal((await client.get('/thong-ke/nhung/nothing.svg')).status, 404);
});

test('downloads carry the page figures as CSV, XLSX and JSON with Vietnamese-safe file names', async (t) => {
  const { app } = await build(t);
  const query = 'unit=10&period=2008';
  const csv = await app.inject({ method: 'GET', url: `/thong-ke/tai-ve/postal.service_points.csv?${query}` });
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  const disposition = csv.headers['content-disposition'] as string;
  assert.match(disposition, /^attachment; filename="[\x20-\x7e]+\.csv"; filename\*=UTF-8''/);
  assert.match(decodeURIComponent(disposition.split("UTF-8''")[1] ?? ''), /^Số điểm phục vụ bưu chính - Lào Cai - 2008\.csv$/);
  assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'byte-order mark for Excel');
  const rows = parseCsvRows(csv.rawPayload.toString('utf8'));
  assert.deepEqual(rows[0], ['Chỉ tiêu', 'Mã', 'Đơn vị hành chính', 'Kỳ', 'Giá trị', 'Tình trạng', 'Hạng', 'Hình thành từ', 'Ghi chú']);
  assert.ok(rows.some((r) => r[3] === '2008-09' && r[4] === '277' && r[5] === 'Báo cáo'), 'the article figure');
  const ranked = rows.filter((r) => r[6] !== '' && r[6] !== 'Hạng');
  assert.equal(ranked.length, 63);

  const xlsx = await app.inject({ method: 'GET', url: `/thong-ke/tai-ve/postal.service_points.xlsx?${query}` });
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Theo thời gian', 'Theo tỉnh, thành phố', 'Nguồn, căn cứ']);
  const series = wb.worksheets[0];
  assert.ok(series !== undefined);
  assert.equal(series.getRow(1).getCell(1).value, 'Kỳ');
  assert.equal(series.getRow(1).font?.bold, true);
  const article = series.getRows(2, series.rowCount - 1)?.find((r) => r.getCell(1).value === '2008-09');
  assert.equal(article?.getCell(3).value, 277);
  assert.equal(article?.getCell(3).numFmt, '#,##0');
  const sources = wb.worksheets[2];
  assert.match(String(sources?.getRow(5).getCell(2).value), /Thông tư 03\/2022\/TT-BTTTT/);

  const json = await app.inject({ method: 'GET', url: `/thong-ke/tai-ve/eservices.online_services_level1.json?${query}` });
  assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
  const body = JSON.parse(json.body) as { indicator: { code: string }; illustrative: boolean; breakdown: { total: number; rows: { unitCode: string; rank: number }[] } };
  assert.equal(body.indicator.code, 'eservices.online_services_level1');
  assert.equal(body.illustrative, true);
  assert.equal(body.breakdown.total, 56);
  assert.equal(body.breakdown.rows.find((r) => r.unitCode === '10')?.rank, 12);

  // The 2025 view downloads as shown: 34 provinces, where they came from, and why a cell is empty.
  const mapped = await app.inject({ method: 'GET', url: '/thong-ke/tai-ve/postal.service_points.csv?unit=10&period=2010&structure=2025' });
  const mappedRows = parseCsvRows(mapped.rawPayload.toString('utf8')).filter((r) => r[3] === '2010' && r[1] !== '10');
  assert.equal(mappedRows.length, 34);
  const newLaoCai = mappedRows.find((r) => r[7]?.includes('Yên Bái') === true);
  assert.match(newLaoCai?.[7] ?? '', /Lào Cai; Yên Bái|Yên Bái; Lào Cai/);
  assert.equal(newLaoCai?.[8], 'Cộng từ 2 tỉnh cũ');
  const mappedXlsx = await app.inject({ method: 'GET', url: '/thong-ke/tai-ve/internet.users_pct.xlsx?unit=10&period=2010&structure=2025' });
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load(mappedXlsx.rawPayload as unknown as ArrayBuffer);
  assert.equal(wb2.worksheets[1]?.getRow(2).getCell(6).value, 'Chỉ tiêu tỷ lệ, không cộng được từ các tỉnh cũ');
});

test('the ranking page places Lào Cai 5th and 12th of 56 for 2008, highlighted, with the illustrative note', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  for (const [code, rank] of [['portal.visits_per_capita', '5'], ['eservices.online_services_level1', '12']] as const) {
    const res = await client.get(`/thong-ke/xep-hang/${code}?period=2008`);
    assert.equal(res.status, 200);
    const own = rowWith(res.body, 'tỉnh của cổng thông tin này');
    assert.match(own, /class="stat-own"/);
    assert.match(text(own), new RegExp(`^ ${rank} Lào Cai \\(tỉnh của cổng thông tin này\\) [\\d,]+ Minh họa $`));
    assert.match(text(res.body), /Xếp hạng 56 tỉnh, thành phố có số liệu, Năm 2008/);
    assert.match(text(res.body), /Số liệu của các tỉnh, thành phố khác là số liệu minh họa/);
  }
});

test('the Lào Cai 2008 overview shows the article figures from the data, each linking to its indicator', async (t) => {
  const { app, store } = await build(t);
  const client = new Client(app);
  const res = await client.get('/thong-ke/lao-cai-2008');
  assert.equal(res.status, 200);
  const page = text(res.body);
  for (const figure of ['277', '127', '100', '32', 'trên 11.900', '42', 'Thứ 5/56', 'Thứ 12/56']) assert.ok(page.includes(figure), figure);
  for (const code of ['postal.service_points', 'postal.commune_cultural_post_offices', 'press.district_centres_same_day_newspaper_pct', 'telecom.phone_density_per_100', 'internet.subscribers', 'it.state_agencies_with_lan']) {
    assert.ok(res.body.includes(`href="/thong-ke/chi-tieu/${code}?unit=10&period=2008"`), code);
  }
  // The cards are read from the data: a corrected figure shows at once.
  const indicator = await store.db.selectFrom('stat_indicators').select('id').where('code', '=', 'postal.service_points').executeTakeFirstOrThrow();
  await store.db.updateTable('stat_values').set({ value: 278 }).where('indicator_id', '=', indicator.id).where('period', '=', '2008-09').execute();
  assert.ok(text((await client.get('/thong-ke/lao-cai-2008')).body).includes('278'));
});

test('the 2025 view adds up former provinces merged whole and flags what it cannot add', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const res = await client.get('/thong-ke/chi-tieu/postal.service_points?unit=10&period=2010&structure=2025');
  assert.equal(res.status, 200);
  const api = async (unit: string) => (JSON.parse((await client.get(`/api/v1/indicators/postal.service_points/values?unit=${unit}&from=2010&to=2010`)).body) as { values: { value: number }[] }).values[0]?.value ?? 0;
  // New Lào Cai (15) = old Lào Cai (10) + Yên Bái (15 before 2025).
  const laoCai = await api('10');
  const yenBaiRes = JSON.parse((await client.get('/api/v1/rankings/postal.service_points?period=2010')).body) as { rows: { unitCode: string; value: number }[] };
  const yenBai = yenBaiRes.rows.find((r) => r.unitCode === '15')?.value ?? 0;
  const row = rowWith(res.body, 'Yên Bái');
  assert.match(text(row), /Lào Cai/);
  assert.ok(text(row).includes(new Intl.NumberFormat('vi-VN').format(laoCai + yenBai)), `${laoCai} + ${yenBai}`);
  assert.match(text(row), /Cộng từ 2 tỉnh cũ/);
  // A 2025 province's series reaches back before the reform with the same sums, noted as such.
  const merged = await client.get('/thong-ke/chi-tieu/postal.service_points?unit=15&period=2010&structure=2025');
  assert.equal(merged.status, 200);
  assert.match(text(merged.body), /Theo thời gian: Lào Cai/);
  assert.ok(text(rowWith(merged.body, 'Năm 2010')).includes(new Intl.NumberFormat('vi-VN').format(laoCai + yenBai)));
  assert.match(text(merged.body), /Số liệu của các tỉnh cũ được cộng lại/);
  const mergedCsv = parseCsvRows((await client.get('/thong-ke/tai-ve/postal.service_points.csv?unit=15&period=2010&structure=2025')).body);
  assert.equal(mergedCsv.find((r) => r[1] === '15' && r[3] === '2010' && r[6] === '')?.[4], String(laoCai + yenBai));
  // Code 15 is Yên Bái in 2010 as reported, and the merged Lào Cai under the 2025 structure or with no period.
  assert.match(text((await client.get('/thong-ke/chi-tieu/postal.service_points?unit=15&period=2010')).body), /Theo thời gian: Yên Bái/);
  // The new province has no figures of its own before it existed.
  assert.match(text((await client.get('/thong-ke/chi-tieu/postal.service_points?unit=15')).body), /Theo thời gian: Lào Cai Chưa có số liệu/);
    // A share cannot be added up.
  const share = await client.get('/thong-ke/chi-tieu/internet.users_pct?unit=10&period=2010&structure=2025');
  assert.match(text(share.body), /Chỉ tiêu tỷ lệ, không cộng được từ các tỉnh cũ/);
  // In 2008 seven provinces did not report portal visits: the new provinces they joined are flagged.
  const visits = await client.get('/thong-ke/chi-tieu/portal.visits?unit=10&period=2008&structure=2025');
  assert.match(text(visits.body), /Thiếu số liệu của .+: không cộng/);
});

test('the embed route serves the chart alone, framable from other sites, and as SVG', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const page = await client.get('/thong-ke/nhung/postal.service_points?unit=10');
  assert.equal(page.status, 200);
  assert.match(page.headers['content-security-policy'] as string, /frame-ancestors \*/);
  assert.match(page.headers['content-security-policy'] as string, /script-src 'none'/);
  assert.equal(page.headers['x-frame-options'], undefined);
  assert.match(page.body, /<svg[^>]+role="img"/);
  assert.doesNotMatch(page.body, /class="site-header"/);
  assert.match(page.body, /href="http:\/\/[^"]+\/thong-ke\/chi-tieu\/postal.service_points\?unit=10"/);
  const svg = await client.get('/thong-ke/nhung/postal.service_points.svg?unit=10');
  assert.equal(svg.status, 200);
  assert.equal(svg.headers['content-type'], 'image/svg+xml; charset=utf-8');
  assert.equal(svg.headers['cross-origin-resource-policy'], 'cross-origin');
  assert.match(svg.body, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.doesNotMatch(svg.body, /<script|style=/);
  // Every other page keeps the site's frame policy.
  const normal = await client.get('/thong-ke/chi-tieu/postal.service_points');
  assert.match(normal.headers['content-security-policy'] as string, /frame-ancestors 'self'/);
  assert.equal(normal.headers['x-frame-options'], 'SAMEORIGIN');
});
