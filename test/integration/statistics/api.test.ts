import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { build, dropTemplates } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';

after(dropTemplates);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read arbitrary JSON bodies
const json = (body: string): Record<string, any> => JSON.parse(body);

test('the indicator dictionary lists the codes the API promises, with sources, ITU codes and formulas', async (t) => {
  const { app } = await build(t);
  const res = await new Client(app).get('/api/v1/indicators');
  assert.equal(res.status, 200);
  assert.equal(res.headers['access-control-allow-origin'], '*');
  const list = json(res.body).indicators as { code: string; ituCode: string | null; formula: string | null; source: { vi: string } }[];
  const codes = list.map((i) => i.code);
  for (const code of [
    'postal.service_points', 'postal.commune_cultural_post_offices', 'postal.communes_total', 'press.district_centres_same_day_newspaper_pct',
    'telecom.fixed_phone_subscriptions', 'telecom.mobile_subscriptions', 'telecom.phone_density_per_100', 'internet.subscribers',
    'internet.fixed_broadband_subscriptions', 'it.state_agencies_with_lan', 'portal.visits', 'portal.visits_per_capita',
    'eservices.online_services_level1', 'eservices.online_services_level4', 'population', 'telecom.mobile_broadband_subscriptions',
    'internet.users_pct', 'internet.households_with_internet_pct',
  ]) assert.ok(codes.includes(code), code);
  const density = list.find((i) => i.code === 'telecom.phone_density_per_100');
  assert.equal(density?.formula, '(telecom.fixed_phone_subscriptions + telecom.mobile_subscriptions) / population * 100');
  assert.equal(list.find((i) => i.code === 'telecom.mobile_subscriptions')?.ituCode, 'i271');
  assert.match(list.find((i) => i.code === 'postal.service_points')?.source.vi ?? '', /03\/2022\/TT-BTTTT/);
});

test("Lào Cai's figures as of 30/9/2008 are the article's", async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const value = async (code: string, query = 'unit=10&from=2008-09&to=2008-09') => {
    const res = await client.get(`/api/v1/indicators/${code}/values?${query}`);
    assert.equal(res.status, 200, res.body);
    return json(res.body);
  };
  const points = await value('postal.service_points');
  assert.deepEqual(points.values, [{ period: '2008-09', value: 277, status: 'reported' }]);
  assert.equal(points.indicator, 'postal.service_points');
  assert.equal(points.unit, '10');
  assert.equal((await value('postal.commune_cultural_post_offices')).values[0].value, 127);
  assert.equal((await value('press.district_centres_same_day_newspaper_pct')).values[0].value, 100);
  assert.equal((await value('internet.subscribers')).values[0].value, 11_900);
  assert.equal((await value('it.state_agencies_with_lan')).values[0].value, 42);
  // Derived from subscriptions and the (estimated) population, so it carries the estimate status.
  assert.deepEqual((await value('telecom.phone_density_per_100')).values, [{ period: '2008-09', value: 32, status: 'estimate' }]);
  // A whole year reads the latest figure of a stock within it.
  assert.equal((await value('postal.service_points', 'unit=10&from=2008&to=2008')).values.find((v: { period: string }) => v.period === '2008-09')?.value, 277);
  const population = await value('population', 'unit=10&from=2019&to=2019');
  assert.deepEqual(population.values, [{ period: '2019', value: 730_420, status: 'reported' }]);
  assert.equal((await value('population', 'unit=10&from=2018&to=2018')).values[0].status, 'estimate');
  const later = await value('postal.service_points', 'unit=10&from=2009&to=2024');
  assert.equal(later.values.length, 16);
  assert.equal(later.illustrative, true);
});

test('rankings place Lào Cai 5th of 56 in portal visits per capita and 12th of 56 in level-1 services for 2008', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  for (const [code, rank] of [['portal.visits_per_capita', 5], ['eservices.online_services_level1', 12]] as const) {
    const res = await client.get(`/api/v1/rankings/${code}?period=2008`);
    assert.equal(res.status, 200, res.body);
    const body = json(res.body);
    assert.equal(body.indicator, code);
    assert.equal(body.period, '2008');
    assert.equal(body.total, 56);
    assert.equal(body.illustrative, true);
    const row = body.rows.find((r: { unitCode: string }) => r.unitCode === '10');
    assert.equal(row.rank, rank, code);
    assert.equal(row.unitName, 'Lào Cai');
    // No other province shares Lào Cai's rank.
    assert.equal(body.rows.filter((r: { rank: number }) => r.rank === rank).length, 1);
    const values = body.rows.map((r: { value: number }) => r.value);
    assert.deepEqual(values, [...values].sort((a, b) => b - a));
  }
  const later = json((await client.get('/api/v1/rankings/eservices.online_services_level1?period=2012')).body);
  assert.equal(later.total, 63);
});

test('bad input gets a clear JSON error in Vietnamese or English', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const unknown = await client.get('/api/v1/indicators/telecom.nothing/values?unit=10');
  assert.equal(unknown.status, 404);
  assert.equal(json(unknown.body).error.code, 'not_found');
  assert.match(json(unknown.body).error.fields.code, /Không có chỉ tiêu mã "telecom.nothing"/);
  const badPeriod = await client.get('/api/v1/indicators/postal.service_points/values?unit=10&from=2008-13&lang=en');
  assert.equal(badPeriod.status, 400);
  assert.match(json(badPeriod.body).error.fields.from, /Period "2008-13" is not valid/);
  const badUnit = await client.get('/api/v1/indicators/postal.service_points/values?unit=99&from=2008&to=2008');
  assert.equal(badUnit.status, 404);
  assert.match(json(badUnit.body).error.fields.unit, /mã "99"/);
  // Code 10 (old Lào Cai) no longer exists in the 2025 structure.
  assert.equal((await client.get('/api/v1/indicators/postal.service_points/values?unit=10&from=2026&to=2026')).status, 404);
  assert.equal((await client.get('/api/v1/indicators/postal.service_points/values')).status, 400);
  assert.equal((await client.get('/api/v1/indicators/postal.service_points/values?unit=10&from=2010&to=2008')).status, 400);
  const noPeriod = await client.get('/api/v1/rankings/portal.visits?lang=en');
  assert.equal(noPeriod.status, 400);
  assert.match(json(noPeriod.body).error.fields.period, /Give the period/);
  assert.equal((await client.get('/api/v1/rankings/portal.visits?period=2008-Q5')).status, 400);
  assert.equal((await client.get('/api/v1/rankings/nothing?period=2008')).status, 404);
});

test('the OpenAPI document describes the open data API', async (t) => {
  const { app } = await build(t, { demo: false });
  const res = await new Client(app).get('/api/docs/json');
  assert.equal(res.status, 200);
  const doc = json(res.body);
  assert.ok(doc.paths['/api/v1/indicators/{code}/values']);
  assert.ok(doc.paths['/api/v1/rankings/{code}']);
});
