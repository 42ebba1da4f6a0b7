import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { build, dropTemplates } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { parseCsvRows } from '../../../src/platform/text/csv.ts';

after(dropTemplates);

const text = (html: string): string => html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&quot;|&#34;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const rowWith = (html: string, needle: string): string => {
  const row = html.split('<tr').slice(1).find((r) => r.includes(needle));
  return row === undefined ? '' : `<tr${row.split('</tr>')[0] ?? ''}</tr>`;
};

interface Row {
  rank: number;
  unitCode: string;
  unitName: string;
  score: number;
  pillars: { code: string; score: number; indicators: { code: string; value: number; normalised: number; weight: number; contribution: number }[] }[];
}
interface RankingBody {
  index: string;
  period: string;
  scale: number;
  provinces: number;
  total: number;
  illustrative: boolean;
  edition: { label: string; pillars: { code: string; weight: number; indicators: { code: string; weight: number; normalisation: string; goalposts: { min: number; max: number } | null; bounds: { min: number; max: number } | null }[] }[] };
  rows: Row[];
  notRanked: { unitCode: string; unitName: string; missing: string[]; reason: string }[];
}

test('the statistics pages link to the composite indices, which list the ICT-readiness index and its editions', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  assert.match((await client.get('/thong-ke')).body, /href="\/thong-ke\/chi-so"/);
  const res = await client.get('/thong-ke/chi-so');
  assert.equal(res.status, 200);
  const page = text(res.body);
  assert.match(page, /Chỉ số sẵn sàng ứng dụng CNTT-TT \(minh họa\)/);
  assert.match(page, /Ấn bản 2008 \(áp dụng 2008–2012\)/);
  assert.match(page, /Ấn bản 2013 \(áp dụng 2013–\)/);
  const en = await client.get('/thong-ke/chi-so', { cookie: 'lang=en' });
  assert.match(text(en.body), /ICT readiness index \(illustrative\)/);
});

test('2008: provinces ranked by the 2008 edition, the seven that did not report listed as not ranked with the reason', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const api = await client.get('/api/v1/indices/ict-readiness/rankings?period=2008');
  assert.equal(api.status, 200, api.body);
  assert.equal(api.headers['access-control-allow-origin'], '*');
  const body = JSON.parse(api.body) as RankingBody;
  assert.equal(body.edition.label, '2008', 'the edition in force for 2008');
  assert.equal(body.provinces, 63);
  assert.equal(body.total, 56, 'the 56 provinces of the article');
  assert.equal(body.notRanked.length, 7);
  assert.ok(body.illustrative);
  for (const n of body.notRanked) {
    assert.deepEqual(n.missing, ['portal.visits_per_capita', 'eservices.online_services_level1', 'eservices.online_services_level2']);
    assert.match(n.reason, /Thiếu số liệu: Số lượt truy cập cổng thông tin điện tử trên đầu người/);
  }
  const laoCai = body.rows.find((r) => r.unitCode === '10');
  assert.ok(laoCai !== undefined, 'Lào Cai is ranked');
  assert.ok(laoCai.rank > 1 && laoCai.rank < 56, `a middling rank: ${laoCai.rank}`);
  // Ranks are by score, ties share a rank.
  for (let i = 1; i < body.rows.length; i += 1) {
    const [a, b] = [body.rows[i - 1]!, body.rows[i]!];
    assert.ok(a.score >= b.score);
    assert.equal(b.rank, a.score === b.score ? a.rank : i + 1);
  }
  // Recompute Lào Cai's score from what the answer gives: each normalised value from the value and
  // the bounds, each contribution, and their sum.
  const specs = new Map(body.edition.pillars.flatMap((p) => p.indicators.map((i) => [i.code, i] as const)));
  let total = 0;
  for (const p of laoCai.pillars) {
    for (const i of p.indicators) {
      const spec = specs.get(i.code)!;
      const b = spec.normalisation === 'goalposts' ? spec.goalposts! : spec.bounds!;
      const expected = Math.min(1, Math.max(0, (i.value - b.min) / (b.max - b.min)));
      assert.ok(Math.abs(i.normalised - expected) < 1e-4, `${i.code}: ${i.normalised} vs ${expected}`);
      total += i.contribution;
    }
  }
  assert.ok(Math.abs(total - laoCai.score) < 1e-4, `${total} vs ${laoCai.score}`);
  // The raw values are those of the indicator rankings (the same resolver and rounding).
  const visits = JSON.parse((await client.get('/api/v1/rankings/portal.visits_per_capita?period=2008')).body) as { rows: { unitCode: string; value: number; rank: number }[] };
  const own = visits.rows.find((r) => r.unitCode === '10')!;
  assert.equal(own.rank, 5);
  assert.equal(laoCai.pillars[1]!.indicators[1]!.value, own.value);
  // Min–max bounds are the lowest and highest figures of the period's provinces.
  const values = visits.rows.map((r) => r.value);
  assert.deepEqual(specs.get('portal.visits_per_capita')!.bounds, { min: Math.min(...values), max: Math.max(...values) });

  // The page shows the same ranking, the province of the portal marked, and the not-ranked list.
  const res = await client.get('/thong-ke/chi-so/ict-readiness?period=2008');
  assert.equal(res.status, 200);
  const page = text(res.body);
  assert.match(page, /56 trên 63 tỉnh, thành phố được xếp hạng/);
  assert.match(page, /Có số liệu minh họa/);
  assert.match(page, /Trọng số và ngưỡng của ấn bản này là minh họa/);
  const ownRow = rowWith(res.body, 'tỉnh của cổng thông tin này');
  assert.match(ownRow, /class="stat-own"/);
  assert.match(ownRow, new RegExp(`>${laoCai.rank}<`));
  assert.match(ownRow, /href="\/thong-ke\/chi-so\/ict-readiness\/tinh\/10\?edition=2008&period=2008"/);
  assert.match(page, /7 tỉnh, thành phố không được xếp hạng, Năm 2008/);
  assert.match(page, /theo ngưỡng 0 – 60/);
  assert.match(page, /theo nhỏ nhất – lớn nhất của các tỉnh trong kỳ/);
  const charts = res.body.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  assert.equal(charts.length, 2, 'a wide and a narrow rendition');
  for (const svg of charts) assert.match(svg, /role="img"/);
});

test('a province page shows its rank, score and every step of the computation', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const body = JSON.parse((await client.get('/api/v1/indices/ict-readiness/rankings?period=2008')).body) as RankingBody;
  const laoCai = body.rows.find((r) => r.unitCode === '10')!;
  const res = await client.get('/thong-ke/chi-so/ict-readiness/tinh/10?edition=2008&period=2008');
  assert.equal(res.status, 200, res.body);
  const page = text(res.body);
  assert.match(page, new RegExp(`Thứ ${laoCai.rank}/56`));
  assert.match(page, new RegExp(`${laoCai.score.toFixed(4).replace('.', ',')} trên thang 1`));
  assert.match(page, /Hạ tầng kỹ thuật: điểm/);
  assert.match(page, /Giá trị chuẩn hóa \(0–1\)/);
  assert.match(page, /Đóng góp vào điểm/);
  // The article's year: Lào Cai's 2008 figures come from its 30/9/2008 report (32 telephones per 100).
  const phones = rowWith(res.body, 'Thuê bao điện thoại di động trên 100 dân');
  assert.match(phones, /thuê bao\/100 dân/);
  assert.match(phones, /theo ngưỡng 0 – 150/);

  // A province that is not ranked says why, and still shows the figures it has.
  const missing = body.notRanked[0]!;
  const other = await client.get(`/thong-ke/chi-so/ict-readiness/tinh/${missing.unitCode}?period=2008`);
  assert.equal(other.status, 200);
  assert.match(text(other.body), /Không được xếp hạng trong kỳ này\. Thiếu số liệu: Số lượt truy cập cổng thông tin điện tử trên đầu người/);
  assert.match(text(other.body), /không có số liệu/);

  const en = await client.get('/thong-ke/chi-so/ict-readiness/tinh/10?period=2008', { cookie: 'lang=en' });
  assert.match(text(en.body), new RegExp(`${laoCai.rank} of 56`));
  assert.match(text(en.body), /How the score was computed/);
});

test('periods of the 2013 edition, the default period, and the downloads', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const y2016 = JSON.parse((await client.get('/api/v1/indices/ict-readiness/rankings?period=2016')).body) as RankingBody;
  assert.equal(y2016.edition.label, '2013');
  assert.equal(y2016.total, 63);
  // Without a period: the latest year with a ranking (2025 has only a population figure).
  const res = await client.get('/thong-ke/chi-so/ict-readiness');
  assert.equal(res.status, 200);
  assert.match(text(res.body), /Chỉ số sẵn sàng ứng dụng CNTT-TT \(minh họa\), Năm 2024/);

  const csv = await client.get('/thong-ke/chi-so/ict-readiness/xep-hang.csv?period=2008');
  assert.equal(csv.status, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv; charset=utf-8/);
  assert.match(String(csv.headers['content-disposition']), /^attachment; filename="ict-readiness-2008-2008\.csv"; filename\*=UTF-8''Ch%E1%BB%89/);
  assert.ok(csv.body.startsWith('\uFEFF'));
  const rows = parseCsvRows(csv.body.slice(1));
  assert.deepEqual(rows[0]!.slice(0, 6), ['Hạng', 'Mã', 'Đơn vị hành chính', 'Kỳ', 'Ấn bản', 'Điểm']);
  assert.equal(rows.filter((r) => r[0] !== '' && r[0] !== 'Hạng').length, 56);
  assert.equal(rows.filter((r) => r.some((c) => c.startsWith('Thiếu số liệu'))).length, 7);
  const json = await client.get('/thong-ke/chi-so/ict-readiness/xep-hang.json?period=2008&edition=2008');
  assert.equal(json.status, 200);
  assert.deepEqual(JSON.parse(json.body), JSON.parse((await client.get('/api/v1/indices/ict-readiness/rankings?period=2008&edition=2008')).body), 'the file holds what the API answers');

  const list = JSON.parse((await client.get('/api/v1/indices')).body) as { indices: { code: string; editions: { label: string; firstYear: number; lastYear: number | null; illustrative: boolean }[] }[] };
  assert.deepEqual(
    list.indices.find((i) => i.code === 'ict-readiness')?.editions.map((e) => [e.label, e.firstYear, e.lastYear, e.illustrative]),
    [
      ['2013', 2013, null, true],
      ['2008', 2008, 2012, true],
    ],
  );
  const docs = await client.get('/api/docs/json');
  assert.match(docs.body, /\/api\/v1\/indices\/\{code\}\/rankings/);
});

test('hostile or wrong parameters: field messages and the right status, never a 500', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const bad = await client.get('/thong-ke/chi-so/ict-readiness?period=%3Cscript%3Ealert(1)%3C%2Fscript%3E&edition=2008');
  assert.equal(bad.status, 422);
  assert.match(text(bad.body), /Kỳ "<script>alert\(1\)<\/script>" không đúng dạng/);
  assert.doesNotMatch(bad.body, /[^"]<script>alert/, 'escaped outside the quoted input value');
  assert.match(bad.body, /name="period" type="text" value="<script>alert\(1\)<\/script>"/, 'the input is kept');
  assert.match(bad.body, /aria-invalid="true"/);

  const notCovered = await client.get('/thong-ke/chi-so/ict-readiness?period=2016&edition=2008');
  assert.equal(notCovered.status, 422);
  assert.match(text(notCovered.body), /Ấn bản 2008 áp dụng cho các năm 2008–2012, không gồm kỳ 2016/);
  const en = await client.get('/thong-ke/chi-so/ict-readiness?period=2016&edition=2008', { cookie: 'lang=en' });
  assert.match(text(en.body), /Edition 2008 applies to 2008–2012, which does not include 2016/);
  const noEdition = await client.get('/thong-ke/chi-so/ict-readiness?period=1999');
  assert.equal(noEdition.status, 422);
  assert.match(text(noEdition.body), /Không có ấn bản nào của chỉ số áp dụng cho kỳ 1999/);
  const unknownEdition = await client.get('/thong-ke/chi-so/ict-readiness?edition=%27%20or%201%3D1--');
  assert.equal(unknownEdition.status, 422);
  assert.match(text(unknownEdition.body), /Không có ấn bản "' or 1=1--" của chỉ số này/);

  assert.equal((await client.get('/thong-ke/chi-so/khong-co')).status, 404);
  assert.equal((await client.get(`/thong-ke/chi-so/${'a'.repeat(80)}`)).status, 404);
  assert.equal((await client.get('/thong-ke/chi-so/ict-readiness/tinh/99?period=2008')).status, 404);
  assert.equal((await client.get('/thong-ke/chi-so/ict-readiness/tinh/%00?period=2008')).status, 404);
  assert.equal((await client.get('/thong-ke/chi-so/ict-readiness/tinh/10?period=2008-13')).status, 400);
  const file = await client.get('/thong-ke/chi-so/ict-readiness/xep-hang.csv?period=2030&edition=2008');
  assert.equal(file.status, 400);
  assert.match(file.body, /Ấn bản 2008 áp dụng cho các năm 2008–2012/);
  const api = await client.get('/api/v1/indices/ict-readiness/rankings?period=x&lang=en');
  assert.equal(api.status, 400);
  assert.match(api.body, /"period":"Period \\"x\\" is not valid/);
  assert.equal((await client.get('/api/v1/indices/nope/rankings?period=2008')).status, 404);
  const long = await client.get(`/api/v1/indices/ict-readiness/rankings?period=${'9'.repeat(500)}`);
  assert.ok(long.status === 400, String(long.status));
});

test('a period before the reform viewed under the 34 provinces of 2025: sums of former provinces, the others not ranked with the reason', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const res = await client.get('/api/v1/indices/ict-readiness/rankings?period=2008&structure=2025');
  assert.equal(res.status, 200, res.body);
  const body = JSON.parse(res.body) as RankingBody & { structure: string | null; notRanked: { unitCode: string; notes: Record<string, string | null> }[] };
  assert.equal(body.structure, '2025');
  assert.equal(body.provinces, 34);
  assert.equal(body.total + body.notRanked.length, 34);
  assert.ok(body.total > 0 && body.notRanked.length > 0, `${body.total} ranked`);
  for (const n of body.notRanked) for (const code of n.missing) assert.match(n.notes[code] ?? '', /^(Thiếu số liệu của .+: không cộng|Có đơn vị chỉ chuyển một phần: không quy đổi|Chỉ tiêu tỷ lệ, không cộng được từ các tỉnh cũ)$/, code);
  // Lào Cai (15 after the merger with Yên Bái) is ranked from the sums of the two former provinces.
  assert.ok(body.rows.some((r) => r.unitCode === '15' && r.unitName === 'Lào Cai'));
  const merged = text((await client.get('/thong-ke/chi-so/ict-readiness/tinh/15?period=2008&structure=2025')).body);
  assert.match(merged, /Cộng từ 2 tỉnh cũ/);
  assert.match(merged, /Thứ \d+\/\d+/);
  // A ranked 2025 province's value is the indicator pages' 2025 view (sum of its former provinces).
  const row = body.rows[0]!;
  const page = await client.get(`/thong-ke/chi-tieu/telecom.mobile_per_100?unit=${row.unitCode}&period=2008&structure=2025`);
  const mobile = row.pillars[0]!.indicators[1]!;
  assert.equal(mobile.code, 'telecom.mobile_per_100');
  assert.match(text(page.body), new RegExp(`${row.unitName} [^]*?${mobile.value.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`));

  const html = await client.get('/thong-ke/chi-so/ict-readiness?period=2008&structure=2025');
  assert.equal(html.status, 200);
  assert.match(html.body, /name="structure" value="2025" checked/);
  assert.match(text(html.body), new RegExp(`${body.total} trên 34 tỉnh, thành phố được xếp hạng`));
  assert.match(html.body, /tinh\/\d{2}\?edition=2008&period=2008&structure=2025/);
  const province = await client.get(`/thong-ke/chi-so/ict-readiness/tinh/${body.notRanked[0]!.unitCode}?period=2008&structure=2025`);
  assert.equal(province.status, 200);
  assert.match(text(province.body), /Không được xếp hạng trong kỳ này\. Thiếu số liệu: /);
  assert.match(text(province.body), /Ghi chú/);
});
