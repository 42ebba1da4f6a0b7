import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { act, submitted } from './inbox-helpers.ts';
import { signedIn } from './helpers.ts';

interface Procedure {
  code: string;
  name: { vi: string; en: string };
  processingDays: number;
  fees: { amountVnd: number }[];
  components: { code: string; required: boolean }[];
  agencies: unknown[];
}
interface Status {
  code: string;
  status: string;
  nationalStatus: number | null;
  timeline: { action: string }[];
}
interface OpenApi {
  paths: Record<string, { get?: { parameters: { name: string; required?: boolean }[] } }>;
}
const json = <T>(body: string): T => JSON.parse(body) as T;
type List = { procedures: Procedure[] };

test('GET /api/v1/procedures searches with or without diacritics; one procedure carries its fees and components', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const all = json<List>((await client.get('/api/v1/procedures')).body);
  assert.ok(all.procedures.length >= 5);
  const plain = json<List>((await client.get('/api/v1/procedures?q=tai%20lieu%20khong%20kinh%20doanh')).body);
  const accented = json<List>((await client.get(`/api/v1/procedures?q=${encodeURIComponent('tài liệu không kinh doanh')}`)).body);
  assert.deepEqual(plain.procedures.map((p) => p.code), ['1.003868']);
  assert.deepEqual(accented.procedures.map((p) => p.code), ['1.003868']);
  assert.equal(plain.procedures[0]?.name.vi, 'Cấp giấy phép xuất bản tài liệu không kinh doanh');
  assert.equal(plain.procedures[0]?.processingDays, 10);
  assert.equal(json<List>((await client.get('/api/v1/procedures?q=zzzz')).body).procedures.length, 0);

  const one = await client.get('/api/v1/procedures/1.003868');
  assert.equal(one.status, 200);
  assert.equal(one.headers['access-control-allow-origin'], '*');
  const p = json<{ procedure: Procedure }>(one.body).procedure;
  assert.equal(p.code, '1.003868');
  assert.ok(p.fees.some((f) => f.amountVnd === 15000));
  assert.ok(p.components.some((c) => c.code === 'don-de-nghi' && c.required === true));
  assert.ok(p.agencies.length >= 1);
  const missing = await client.get('/api/v1/procedures/9.999999');
  assert.equal(missing.status, 404);
  assert.equal(json<{ error: { code: string } }>(missing.body).error.code, 'not_found');
});

test('GET /api/v1/dossiers/{code}/status needs the code with the phone or email and returns no personal data', async (t) => {
  const { app, store } = await build(t);
  const { id, code } = await submitted(app, store);
  await act(await signedIn(app, store, 'officer'), id, 'accept');
  const client = new Client(app);
  const url = `/api/v1/dossiers/${encodeURIComponent(code)}/status`;
  const ok = await client.get(`${url}?contact=0912%20345%20678`);
  assert.equal(ok.status, 200);
  const body = json<Status>(ok.body);
  assert.equal(body.code, code);
  assert.equal(body.status, 'accepted');
  assert.equal(body.nationalStatus, 2);
  assert.deepEqual(body.timeline.map((e) => e.action), ['submitted', 'accept']);
  for (const secret of ['Hoàng Văn Đạt', 'citizen@laocai.example.vn', '0912', 'Shan tuyết', 'Hội Nông dân']) assert.ok(!ok.body.includes(secret), secret);
  assert.equal((await client.get(`${url}?contact=CITIZEN@laocai.example.vn`)).status, 200);
  assert.equal((await client.get(`${url}?contact=0900000000`)).status, 404);
  assert.equal((await client.get(`/api/v1/dossiers/NOPE/status?contact=0912345678`)).status, 404);
  assert.equal((await client.get(url)).status, 400);
});

test('the OpenAPI document lists the e-services API', async (t) => {
  const { app } = await build(t, { demo: false });
  const doc = json<OpenApi>((await new Client(app).get('/api/docs/json')).body);
  for (const path of ['/api/v1/procedures', '/api/v1/procedures/{code}', '/api/v1/dossiers/{code}/status']) assert.ok(doc.paths[path]?.get, path);
  assert.ok((doc.paths['/api/v1/dossiers/{code}/status']?.get?.parameters ?? []).some((p) => p.name === 'contact' && p.required === true));
});
