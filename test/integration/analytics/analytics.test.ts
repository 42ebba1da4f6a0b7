import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { build, dropTemplates } from '../../helpers/build.ts';
import { signedIn } from '../admin/admin-helpers.ts';
import type { Db } from '../../../src/platform/db/index.ts';
import { todayInVietnam } from '../../../src/platform/text/format.ts';
import { publishOnlineServiceLevels } from '../../../src/modules/analytics/publish-figures.ts';
import { seriesFor, topFor, totalsFor } from '../../../src/modules/analytics/report-queries.ts';

after(dropTemplates);

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const ADDRESS = '203.0.113.77';
const PAGES = ['/', '/tin-tuc', '/thu-tuc', '/gioi-thieu'];

async function visit(app: FastifyInstance, url: string, options: { ua?: string; address?: string; referer?: string } = {}): Promise<number> {
  const headers: Record<string, string> = {};
  if (options.ua !== undefined) headers['user-agent'] = options.ua;
  if (options.referer !== undefined) headers.referer = options.referer;
  const res = await app.inject({ method: 'GET', url, headers, remoteAddress: options.address ?? ADDRESS });
  return res.statusCode;
}

async function dayTotals(db: Db, day: string) {
  const row = await db.selectFrom('analytics_rollups').select(['visits', 'visitors', 'pageviews']).where('grain', '=', 'day').where('period', '=', day).where('dimension', '=', 'total').executeTakeFirst();
  return row === undefined ? undefined : { visits: Number(row.visits), visitors: Number(row.visitors), pageviews: Number(row.pageviews) };
}

test('a browsing session of several pages is one visit of one visitor; bots, assets, the API and the staff area are not counted', async (t) => {
  const { app, store } = await build(t);
  for (const [i, page] of PAGES.entries()) assert.equal(await visit(app, page, { ua: CHROME, ...(i === 0 ? { referer: 'https://www.google.com/search?q=lao+cai' } : { referer: 'http://localhost:3000/' }) }), 200, page);
  assert.equal(await visit(app, '/tin-tuc?trang=1&utm_source=zalo', { ua: CHROME }), 200);
  for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'curl/8.5.0', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', '']) {
    await visit(app, '/', { ua, address: '198.51.100.9' });
  }
  await visit(app, '/assets/site.css', { ua: CHROME });
  await visit(app, '/api/v1/indicators', { ua: CHROME });
  await visit(app, '/quan-tri', { ua: CHROME });
  await visit(app, '/khong-co-trang-nay', { ua: CHROME });
  await app.analytics.rollup();

  const today = todayInVietnam();
  assert.deepEqual(await dayTotals(store.db, today), { visits: 1, visitors: 1, pageviews: 5 });
  const hits = await store.db.selectFrom('analytics_hits').selectAll().orderBy('id').execute();
  assert.deepEqual(hits.map((h) => h.path), [...PAGES, '/tin-tuc?trang=1']);
  assert.equal(new Set(hits.map((h) => h.visitor)).size, 1);
  assert.equal(hits[0]?.referrer_host, 'google.com');
  assert.equal(hits[1]?.referrer_host, null, 'moving between the portal\'s own pages is not a referral');
  assert.equal(hits[0]?.device, 'desktop');
  const referrers = await store.db.selectFrom('analytics_rollups').select(['key', 'visits']).where('grain', '=', 'day').where('dimension', '=', 'referrer').execute();
  assert.deepEqual(referrers.map((r) => [r.key, Number(r.visits)]), [['google.com', 1]]);
});

test('no address is stored: not in the hits, not in the salts, not in the rollups', async (t) => {
  const { app, store } = await build(t);
  for (const page of PAGES) await visit(app, page, { ua: IPHONE });
  await app.analytics.rollup();
  for (const table of ['analytics_hits', 'analytics_salts', 'analytics_rollups'] as const) {
    const rows = await store.db.selectFrom(table).selectAll().execute();
    assert.ok(rows.length > 0, table);
    const text = JSON.stringify(rows);
    assert.ok(!text.includes(ADDRESS), `${table} holds the address`);
    assert.ok(!text.includes('203.0.113'), `${table} holds part of the address`);
    assert.ok(!text.includes('iPhone'), `${table} holds the user agent`);
    for (const column of Object.keys(rows[0]!)) assert.doesNotMatch(column, /ip|addr|agent/i, `${table}.${column}`);
  }
  const hit = await store.db.selectFrom('analytics_hits').select('device').executeTakeFirstOrThrow();
  assert.equal(hit.device, 'mobile');
});

test('the same person is a new visitor the next day; a pause of 30 minutes starts a new visit; old salts are deleted', async (t) => {
  const { app, store } = await build(t);
  const recorder = app.analytics.recorder;
  const at = (iso: string) => () => new Date(iso);
  recorder.now = at('2026-11-20T02:00:00Z');
  await visit(app, '/', { ua: CHROME });
  recorder.now = at('2026-11-20T02:20:00Z');
  await visit(app, '/tin-tuc', { ua: CHROME });
  recorder.now = at('2026-11-20T02:50:00Z'); // 30 minutes after the last view: a second visit
  await visit(app, '/thu-tuc', { ua: CHROME });
  recorder.now = at('2026-11-21T02:00:00Z');
  await visit(app, '/', { ua: CHROME });
  await app.analytics.rollup();

  assert.deepEqual(await dayTotals(store.db, '2026-11-20'), { visits: 2, visitors: 1, pageviews: 3 });
  assert.deepEqual(await dayTotals(store.db, '2026-11-21'), { visits: 1, visitors: 1, pageviews: 1 });
  const ids = await store.db.selectFrom('analytics_hits').select(['day', 'visitor']).distinct().execute();
  assert.equal(new Set(ids.map((r) => r.visitor)).size, 2, 'a different visitor id on each day');
  const month = await store.db.selectFrom('analytics_rollups').select(['visits', 'visitors', 'pageviews']).where('grain', '=', 'month').where('period', '=', '2026-11').where('dimension', '=', 'total').executeTakeFirstOrThrow();
  assert.deepEqual({ visits: Number(month.visits), visitors: Number(month.visitors), pageviews: Number(month.pageviews) }, { visits: 3, visitors: 2, pageviews: 4 });

  recorder.now = at('2026-11-24T02:00:00Z');
  await visit(app, '/', { ua: CHROME });
  await app.analytics.flush();
  const salts = await store.db.selectFrom('analytics_salts').select('day').orderBy('day').execute();
  assert.deepEqual(salts.map((s) => s.day).filter((d) => d < '2026-11-23'), [], 'salts older than two days are gone');
});

test('rollups match the raw hits, and the monthly visits flow into portal.visits idempotently', async (t) => {
  const { app, store } = await build(t);
  const people = [CHROME, IPHONE, 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1'];
  for (const [i, ua] of people.entries()) for (const page of PAGES.slice(0, i + 2)) await visit(app, page, { ua, address: `192.0.2.${i + 10}` });
  await app.analytics.rollup();
  await app.analytics.rollup();
  const today = todayInVietnam();
  const raw = await store.db.selectFrom('analytics_hits').select(['visitor', 'path', 'device']).execute();
  assert.deepEqual(await dayTotals(store.db, today), { visits: 3, visitors: 3, pageviews: raw.length });
  const pages = await store.db.selectFrom('analytics_rollups').select(['key', 'pageviews']).where('grain', '=', 'day').where('dimension', '=', 'page').execute();
  for (const p of pages) assert.equal(Number(p.pageviews), raw.filter((h) => h.path === p.key).length, p.key);
  const devices = await store.db.selectFrom('analytics_rollups').select(['key', 'visits']).where('grain', '=', 'day').where('dimension', '=', 'device').orderBy('key').execute();
  assert.deepEqual(devices.map((d) => [d.key, Number(d.visits)]), [['desktop', 1], ['mobile', 1], ['tablet', 1]]);

  const figures = await store.db
    .selectFrom('stat_values as v')
    .innerJoin('stat_indicators as i', 'i.id', 'v.indicator_id')
    .innerJoin('admin_units as u', 'u.id', 'v.admin_unit_id')
    .select(['v.period', 'v.period_kind', 'v.value', 'v.source', 'v.status', 'u.code', 'u.structure'])
    .where('i.code', '=', 'portal.visits')
    .where('v.source', '=', 'analytics')
    .execute();
  assert.deepEqual(
    figures.map((f) => ({ ...f, value: Number(f.value) })),
    [{ period: today.slice(0, 7), period_kind: 'month', value: 3, source: 'analytics', status: 'reported', code: '15', structure: '2025' }],
  );
  const api = await app.inject({ method: 'GET', url: `/api/v1/indicators/portal.visits/values?unit=15&from=${today.slice(0, 7)}&to=${today.slice(0, 7)}` });
  assert.equal(api.statusCode, 200, api.body);
  assert.deepEqual(JSON.parse(api.body).values, [{ period: today.slice(0, 7), value: 3, status: 'reported' }]);
});

test('the catalogue counts online services by level into eservices.online_services_level1..4, keeping figures from other sources', async (t) => {
  const { store } = await build(t);
  const codes = { current: '15', pre2025: '10' };
  const levelIds = (await store.db.selectFrom('stat_indicators').select('id').where('code', 'like', 'eservices.online_services_level%').execute()).map((r) => r.id);
  const laoCai = await store.db.selectFrom('admin_units').select('id').where('structure', '=', 'pre2025').where('level', '=', 'province').where('code', '=', '10').executeTakeFirstOrThrow();
  // An installation without figures for 2020: the catalogue provides them.
  await store.db.deleteFrom('stat_values').where('indicator_id', 'in', levelIds).where('admin_unit_id', '=', laoCai.id).where('period', '=', '2020').execute();
  const first = await publishOnlineServiceLevels(store.db, codes, 2020);
  assert.deepEqual(first.map((f) => [f.code, f.outcome]), [1, 2, 3, 4].map((l) => [`eservices.online_services_level${l}`, 'inserted']));
  assert.ok(first.some((f) => f.value > 0));
  const again = await publishOnlineServiceLevels(store.db, codes, 2020);
  assert.deepEqual(again.map((f) => f.outcome), ['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  const rows = await store.db.selectFrom('stat_values').select(['admin_unit_id', 'period', 'value', 'source']).where('indicator_id', 'in', levelIds).where('period', '=', '2020').where('admin_unit_id', '=', laoCai.id).execute();
  assert.equal(rows.length, 4);
  assert.ok(rows.every((r) => r.source === 'catalogue'));
  assert.deepEqual(rows.map((r) => Number(r.value)).sort(), first.map((f) => f.value).sort());
  // The 2008 figures of the article come from the demo (another source) and stay as they are.
  const before = await store.db.selectFrom('stat_values').select(['id', 'value']).where('indicator_id', 'in', levelIds).where('period', '=', '2008').where('admin_unit_id', '=', laoCai.id).orderBy('id').execute();
  const kept = await publishOnlineServiceLevels(store.db, codes, 2008);
  for (const f of kept) assert.ok(f.outcome === 'kept' || f.outcome === 'inserted', `${f.code}: ${f.outcome}`);
  const afterwards = await store.db.selectFrom('stat_values').select(['id', 'value']).where('indicator_id', 'in', levelIds).where('period', '=', '2008').where('admin_unit_id', '=', laoCai.id).where('source', '!=', 'catalogue').orderBy('id').execute();
  assert.deepEqual(afterwards, before);
  assert.deepEqual(await publishOnlineServiceLevels(store.db, codes, 2024), [], 'Decree 42/2022 levels have no indicator');
});

test('the report shows visits, visitors, pages, referrers, devices and visits per inhabitant to administrators and statisticians only', async (t) => {
  const { app, store } = await build(t);
  for (const page of PAGES) await visit(app, page, { ua: CHROME, referer: 'https://baolaocai.vn/bai-viet' });
  await visit(app, '/', { ua: IPHONE, address: '192.0.2.50' });
  await app.analytics.rollup();

  const anonymous = await app.inject({ method: 'GET', url: '/quan-tri/thong-ke-truy-cap' });
  assert.ok([302, 303, 401, 403].includes(anonymous.statusCode), String(anonymous.statusCode));
  const writer = await signedIn(app, store.db, 'writer@laocai.example.vn');
  assert.equal((await writer.get('/quan-tri/thong-ke-truy-cap')).status, 403);
  const citizen = await signedIn(app, store.db, 'citizen@laocai.example.vn');
  assert.equal((await citizen.get('/quan-tri/thong-ke-truy-cap')).status, 403);

  const statistician = await signedIn(app, store.db, 'statistician@laocai.example.vn');
  const page = await statistician.get('/quan-tri/thong-ke-truy-cap');
  assert.equal(page.status, 200);
  assert.match(page.body, /<dd data-figure="visits"[^>]*>2<\/dd>/);
  assert.match(page.body, /<dd data-figure="visitors"[^>]*>2<\/dd>/);
  assert.match(page.body, /<dd data-figure="pageviews"[^>]*>5<\/dd>/);
  assert.match(page.body, /baolaocai\.vn/);
  assert.match(page.body, /\/tin-tuc/);
  assert.match(page.body, /Điện thoại/);
  assert.match(page.body, /<caption[^>]*>Trang được xem nhiều nhất<\/caption>/);
  assert.match(page.body, /data-figure="per-capita"/);
  assert.match(page.body, /1\.778\.785/, 'population in vi-VN digits');
  assert.match(page.body, /href="\/quan-tri\/thong-ke-truy-cap"/, 'menu entry');

  const byMonth = await statistician.get(`/quan-tri/thong-ke-truy-cap?tu=2026-01-01&den=${todayInVietnam()}&theo=month`);
  assert.equal(byMonth.status, 200);
  const admin = await signedIn(app, store.db, 'admin@laocai.example.vn');
  assert.equal((await admin.get('/quan-tri/thong-ke-truy-cap')).status, 200);
  const bad = await admin.get('/quan-tri/thong-ke-truy-cap?tu=2026-13-01&den=x');
  assert.equal(bad.status, 422);
  assert.match(bad.body, /value="2026-13-01"/);
  assert.equal((await admin.get('/quan-tri/thong-ke-truy-cap?tu=2026-05-01&den=2026-04-01')).status, 422);
  // The report pages themselves are not counted.
  await app.analytics.flush();
  const counted = await store.db.selectFrom('analytics_hits').select('path').where('path', 'like', '/quan-tri%').execute();
  assert.deepEqual(counted, []);
});

test('closing the app writes the buffered page views before the database is closed', async (t) => {
  const { app, store } = await build(t);
  for (const page of PAGES) await visit(app, page, { ua: CHROME });
  assert.ok(app.analytics.recorder.pending + 0 <= PAGES.length);
  await app.close();
  const hits = await store.db.selectFrom('analytics_hits').select('path').execute();
  assert.equal(hits.length, PAGES.length);
  const rolled = await dayTotals(store.db, todayInVietnam());
  assert.equal(rolled?.pageviews, PAGES.length);
});

test('report figures for any range equal the sums of the daily rollups, across month edges', async (t) => {
  const { app, store } = await build(t, { demo: false });
  const recorder = app.analytics.recorder;
  // One or two visitors a day from 20 January to 10 March, on pages that vary by day.
  for (let d = 0; d < 50; d += 1) {
    const at = new Date(Date.parse('2026-01-20T03:00:00Z') + d * 86_400_000);
    recorder.now = () => at;
    for (let v = 0; v <= d % 2; v += 1) {
      for (let p = 0; p <= d % 3; p += 1) await recorder.record({ path: `/trang-${(d + p) % 4}`, referrerHost: v === 0 ? null : 'google.com', device: v === 0 ? 'desktop' : 'mobile', address: `192.0.2.${v}`, userAgent: 'UA' });
    }
  }
  await app.analytics.rollup();
  const days = await store.db.selectFrom('analytics_rollups').selectAll().where('grain', '=', 'day').execute();
  const expected = (from: string, to: string, dimension: string) => {
    const out = new Map<string, { visits: number; visitors: number; pageviews: number }>();
    for (const r of days.filter((r) => r.dimension === dimension && r.period >= from && r.period <= to)) {
      const a = out.get(r.key) ?? { visits: 0, visitors: 0, pageviews: 0 };
      a.visits += Number(r.visits);
      a.visitors += Number(r.visitors);
      a.pageviews += Number(r.pageviews);
      out.set(r.key, a);
    }
    return out;
  };
  for (const [from, to] of [['2026-01-01', '2026-03-31'], ['2026-01-25', '2026-03-02'], ['2026-01-21', '2026-02-26'], ['2026-02-03', '2026-02-05'], ['2026-02-01', '2026-02-28'], ['2026-03-09', '2026-03-31']] as const) {
    assert.deepEqual(await totalsFor(store.db, from, to), expected(from, to, 'total').get('') ?? { visits: 0, visitors: 0, pageviews: 0 }, `${from}..${to}`);
    const pages = await topFor(store.db, 'page', from, to, 20);
    assert.deepEqual(new Map(pages.map(({ key, ...f }) => [key, f])), expected(from, to, 'page'), `pages ${from}..${to}`);
    const byMonth = await seriesFor(store.db, 'month', from, to);
    const total = byMonth.reduce((a, m) => a + m.pageviews, 0);
    assert.equal(total, expected(from, to, 'total').get('')?.pageviews ?? 0, `months ${from}..${to}`);
  }
});
