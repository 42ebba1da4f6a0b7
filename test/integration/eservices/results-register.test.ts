import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';

const rows = (html: string): number => (html.match(/<a href="\/xac-thuc\/giay-phep\/[A-Za-z0-9_-]{22}">/g) ?? []).length;

test('the register for 2008 shows the 22 licences of the Lào Cai department, marked illustrative, over two pages', async (t) => {
  const { app } = await build(t);
  const visitor = new Client(app);
  const first = await visitor.get('/giay-phep?nam=2008');
  assert.equal(first.status, 200);
  assert.match(first.body, /Tìm thấy 22 giấy phép/);
  assert.equal(rows(first.body), 20);
  assert.match(first.body, /22\/GP-STTTT/);
  assert.match(first.body, /Dữ liệu minh họa/);
  const second = await visitor.get('/giay-phep?nam=2008&trang=2');
  assert.equal(rows(second.body), 2);
  assert.match(second.body, /01\/GP-STTTT/);
  // A page past the end shows the last page rather than an error.
  assert.equal((await visitor.get('/giay-phep?nam=2008&trang=999')).status, 200);

  const api = await visitor.get('/api/v1/licences?year=2008');
  assert.equal(api.status, 200);
  assert.equal(api.headers['access-control-allow-origin'], '*');
  const body = JSON.parse(api.body) as { total: number; licences: { number: string; year: number; kind: string; status: string; illustrative: boolean; issuer: { vi: string }; verifyUrl: string }[] };
  assert.equal(body.total, 22);
  assert.equal(body.licences.length, 22);
  assert.ok(body.licences.every((l) => l.year === 2008 && l.kind === 'publishing_noncommercial' && l.status === 'valid' && l.illustrative));
  assert.equal(body.licences[0]?.issuer.vi, 'Sở Thông tin và Truyền thông tỉnh Lào Cai');
  assert.deepEqual(new Set(body.licences.map((l) => l.number)).size, 22);
  assert.match(body.licences[0]?.verifyUrl ?? '', /\/xac-thuc\/giay-phep\/[A-Za-z0-9_-]{22}$/);
});

test('the register is searched with or without diacritics and filtered by kind; bad filters are ignored, not errors', async (t) => {
  const { app } = await build(t);
  const visitor = new Client(app);
  for (const q of ['ban tin phu nu', 'Bản tin Phụ nữ', 'BAN TIN PHU NU']) {
    const res = await visitor.get(`/giay-phep?q=${encodeURIComponent(q)}`);
    assert.match(res.body, /Tìm thấy 1 giấy phép/, q);
    assert.match(res.body, /Bản tin Phụ nữ Lào Cai/);
  }
  const byHolder = await visitor.get(`/giay-phep?q=${encodeURIComponent('hoi nong dan')}&nam=2008`);
  assert.match(byHolder.body, /Bản tin Nông dân Lào Cai/);
  const sites = await visitor.get('/giay-phep?nam=2008&loai=e_information_site');
  assert.match(sites.body, /Không có giấy phép nào phù hợp/);
  const junk = await visitor.get('/giay-phep?nam=abcd&loai=%3Cscript%3E&trang=-1&q=%25%25');
  assert.equal(junk.status, 200);
  assert.ok(!junk.body.includes('<script>'));

  const api = JSON.parse((await visitor.get(`/api/v1/licences?year=2008&q=${encodeURIComponent('nien giam')}`)).body) as { total: number; licences: { title: string }[] };
  assert.equal(api.total, 1);
  assert.match(api.licences[0]?.title ?? '', /Niên giám thống kê/);
});

test('the API returns one licence by its number and refuses bad parameters in JSON', async (t) => {
  const { app } = await build(t);
  const visitor = new Client(app);
  const one = await visitor.get(`/api/v1/licences/${encodeURIComponent('22/GP-STTTT')}`);
  assert.equal(one.status, 200);
  const body = JSON.parse(one.body) as { licence: { number: string; issuedOn: string; title: string } };
  assert.equal(body.licence.number, '22/GP-STTTT');
  assert.equal(body.licence.issuedOn, '2008-12-26');
  assert.equal((await visitor.get(`/api/v1/licences/${encodeURIComponent('22/GP-STTTT')}?year=2008`)).status, 200);
  const missing = await visitor.get(`/api/v1/licences/${encodeURIComponent('99/GP-STTTT')}`);
  assert.equal(missing.status, 404);
  assert.equal((JSON.parse(missing.body) as { error: { code: string } }).error.code, 'not_found');
  assert.equal((await visitor.get('/api/v1/licences?year=20x8')).status, 400);
  assert.equal((await visitor.get('/api/v1/licences?kind=other')).status, 400);
  assert.equal((await visitor.get(`/api/v1/licences/${encodeURIComponent('22/GP-STTTT')}?year=08`)).status, 400);

  const docs = JSON.parse((await visitor.get('/api/docs/json')).body) as { paths: Record<string, unknown> };
  assert.ok('/api/v1/licences' in docs.paths && '/api/v1/licences/{number}' in docs.paths, Object.keys(docs.paths).join(' '));
});

test('verification in English, and an expired licence shows as expired', async (t) => {
  const { app, store } = await build(t);
  const row = await store.db.selectFrom('licences').select(['id', 'token']).where('number', '=', '05/GP-STTTT').executeTakeFirstOrThrow();
  const visitor = new Client(app);
  const en = await visitor.get(`/xac-thuc/giay-phep/${row.token}`, { cookie: 'lang=en' });
  assert.match(en.body, /This licence was issued by a state agency and is valid/);
  assert.match(en.body, /Illustrative data/);
  await store.db.updateTable('licences').set({ valid_until: '2010-12-31' }).where('id', '=', row.id).execute();
  const vi = await visitor.get(`/xac-thuc/giay-phep/${row.token}`);
  assert.match(vi.body, /Giấy phép này đã hết thời hạn hiệu lực/);
  assert.match(vi.body, /31\/12\/2010/);
  const api = JSON.parse((await visitor.get(`/api/v1/licences/${encodeURIComponent('05/GP-STTTT')}`)).body) as { licence: { status: string } };
  assert.equal(api.licence.status, 'expired');
});
