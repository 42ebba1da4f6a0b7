import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { createSession } from '../../../src/platform/auth/session.ts';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';

async function signedIn(app: FastifyInstance, store: DbHandle, handle: string): Promise<Client> {
  const user = await store.db.selectFrom('users').select('id').where('email', '=', `${handle}@laocai.example.vn`).executeTakeFirstOrThrow();
  const { token } = await createSession(store.db, user.id, { mfaPending: false });
  const client = new Client(app);
  client.cookies.set('sid', token);
  return client;
}

test('GET /api/v1/calendar/due skips Tết 2030 by the Vietnamese calendar and a weekend 2/9', async (t) => {
  const { app } = await build(t);
  const client = new Client(app);
  const tet = await client.get('/api/v1/calendar/due?from=2030-01-31&days=1');
  assert.equal(tet.status, 200);
  assert.deepEqual(JSON.parse(tet.body), { from: '2030-01-31', days: 1, due: '2030-02-08' });
  const national = await client.get('/api/v1/calendar/due?from=2023-08-31&days=1');
  assert.equal(JSON.parse(national.body).due, '2023-09-05');
});

test('bad input to the due-date API is a 400 with Vietnamese and English messages per field', async (t) => {
  const { app } = await build(t, { demo: false });
  const client = new Client(app);
  const res = await client.get('/api/v1/calendar/due?from=2026-02-30&days=-3');
  assert.equal(res.status, 400);
  const body = JSON.parse(res.body);
  assert.equal(body.error.code, 'bad_request');
  assert.match(body.error.fields.from.vi, /YYYY-MM-DD/);
  assert.match(body.error.fields.from.en, /must be written/);
  assert.match(body.error.fields.days.vi, /số nguyên/);
  const outside = await client.get('/api/v1/calendar/due?from=2040-01-02&days=3');
  assert.equal(outside.status, 400);
  assert.match(JSON.parse(outside.body).error.fields.from.en, /2008–2035/);
});

test('an administrator records a make-up working day; due dates follow it; removal is audited', async (t) => {
  const { app, store } = await build(t);
  const admin = await signedIn(app, store, 'admin');
  const page = await admin.get('/quan-tri/lich-lam-viec?nam=2024');
  assert.equal(page.status, 200);
  assert.match(page.body, /Tết Âm lịch/);
  assert.match(page.body, /Nghỉ bù ngày 10\/02\/2024/);

  const before = JSON.parse((await admin.get('/api/v1/calendar/due?from=2024-05-03&days=1')).body);
  assert.equal(before.due, '2024-05-06');
  const saved = await admin.post('/quan-tri/lich-lam-viec', { day: '2024-05-04', kind: 'working_day', note: 'Làm bù cho ngày 29/4', legal_basis: 'Công văn 2450/VPCP-KGVX' });
  assert.equal(saved.status, 303);
  assert.equal(saved.location, '/quan-tri/lich-lam-viec?nam=2024&ok=ghi');
  const listed = await admin.get(saved.location);
  assert.match(listed.body, /Làm bù cho ngày 29\/4/);
  assert.match(listed.body, /Đã ghi ngày điều chỉnh/);
  const after = JSON.parse((await admin.get('/api/v1/calendar/due?from=2024-05-03&days=1')).body);
  assert.equal(after.due, '2024-05-04');

  const audit = await store.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_type', '=', 'calendar_override').execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]?.action, 'calendar.override_recorded');

  const row = await store.db.selectFrom('calendar_overrides').select('id').executeTakeFirstOrThrow();
  const removed = await admin.post(`/quan-tri/lich-lam-viec/${row.id}/xoa`, {});
  assert.equal(removed.status, 303);
  assert.equal(JSON.parse((await admin.get('/api/v1/calendar/due?from=2024-05-03&days=1')).body).due, '2024-05-06');
  const actions = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'calendar_override').orderBy('id').execute();
  assert.deepEqual(actions.map((a) => a.action), ['calendar.override_recorded', 'calendar.override_removed']);
});

test('the override form keeps values on errors (422) and on a bad CSRF token (403); a second entry for a day is refused', async (t) => {
  const { app, store } = await build(t);
  const admin = await signedIn(app, store, 'admin');
  await admin.get('/quan-tri/lich-lam-viec');
  const invalid = await admin.post('/quan-tri/lich-lam-viec', { day: '2024-13-01', kind: '', note: 'Ghi chú giữ lại' });
  assert.equal(invalid.status, 422);
  assert.match(invalid.body, /Ngày phải có dạng YYYY-MM-DD/);
  assert.match(invalid.body, /Vui lòng chọn loại ngày/);
  assert.match(invalid.body, /value="Ghi chú giữ lại"/);
  const forged = await admin.post('/quan-tri/lich-lam-viec', { _csrf: 'forged', day: '2025-01-27', kind: 'day_off', note: 'Hoán đổi' });
  assert.equal(forged.status, 403);
  assert.match(forged.body, /value="Hoán đổi"/);
  assert.equal((await store.db.selectFrom('calendar_overrides').select('id').execute()).length, 0);
  assert.equal((await admin.post('/quan-tri/lich-lam-viec', { day: '2025-01-27', kind: 'day_off', note: 'Hoán đổi' })).status, 303);
  const twice = await admin.post('/quan-tri/lich-lam-viec', { day: '2025-01-27', kind: 'working_day', note: 'Lần hai' });
  assert.equal(twice.status, 422);
  assert.match(twice.body, /Ngày này đã có điều chỉnh/);
});

test('only administrators reach the calendar page; visitors are sent to sign in', async (t) => {
  const { app, store } = await build(t);
  const visitor = await new Client(app).get('/quan-tri/lich-lam-viec');
  assert.equal(visitor.status, 303);
  assert.match(visitor.location ?? '', /^\/dang-nhap\?next=/);
  const officer = await signedIn(app, store, 'officer');
  assert.equal((await officer.get('/quan-tri/lich-lam-viec')).status, 403);
  const post = await officer.post('/quan-tri/lich-lam-viec', { day: '2025-01-27', kind: 'day_off', note: 'x' });
  assert.equal(post.status, 403);
  assert.equal((await store.db.selectFrom('calendar_overrides').select('id').execute()).length, 0);
});

test('congso calendar due prints the due date; --help documents the options', async () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-cli-'));
  const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: path.join(dir, 'cli.sqlite'), SECRET: 'test-secret-test-secret-test-secret-0123', LOG_LEVEL: 'silent' };
  await run('npx', ['tsx', 'src/cli/main.ts', 'migrate'], { env });
  const due = await run('npx', ['tsx', 'src/cli/main.ts', 'calendar', 'due', '--from', '2030-01-31', '--days', '1'], { env });
  assert.equal(due.stdout.trim(), '2030-02-08');
  const help = await run('npx', ['tsx', 'src/cli/main.ts', 'calendar', 'due', '--help'], { env });
  assert.match(help.stdout, /--from YYYY-MM-DD/);
  await assert.rejects(run('npx', ['tsx', 'src/cli/main.ts', 'calendar', 'due', '--from', '2026-13-01', '--days', '3'], { env }), (err: { code?: number }) => err.code === 2);
  rmSync(dir, { recursive: true, force: true });
});
