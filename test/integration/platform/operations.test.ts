import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';

test('a flood of requests for unknown pages is rate limited with a localized 429', async (t) => {
  const { app } = await build(t, { demo: false });
  const client = new Client(app);
  let last = 0;
  for (let i = 0; i < 125; i++) last = (await client.get(`/khong-co-${i}`)).status;
  assert.equal(last, 429);
  const res = await client.get('/khong-co-nua');
  assert.equal(res.status, 429);
  assert.match(res.body, /quá nhiều yêu cầu/);
});

test('every response carries a request id, echoed from a sane X-Request-Id', async (t) => {
  const { app } = await build(t, { demo: false });
  const client = new Client(app);
  const given = await client.get('/healthz', { 'x-request-id': 'abc-123' });
  assert.equal(given.headers['x-request-id'], 'abc-123');
  const hostile = await client.get('/healthz', { 'x-request-id': '<script>' });
  assert.match(String(hostile.headers['x-request-id']), /^[0-9a-f-]{36}$/);
});

test('a 500 shows neither the error message nor a stack', async (t) => {
  const { app } = await build(t, { demo: false, beforeReady: (a) => a.get('/__boom', async () => { throw new Error('secret detail at /srv/app.ts:42'); }) });
  const res = await new Client(app).get('/__boom');
  assert.equal(res.status, 500);
  assert.doesNotMatch(res.body, /secret detail|app\.ts/);
  assert.match(res.body, /lỗi hệ thống/);
});

test('the server starts from the CLI, logs JSON with request ids, and stops cleanly on SIGTERM', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-serve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: { ...process.env, DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'info', SECRET: 's'.repeat(40), DATABASE_URL: path.join(dir, 'c.sqlite') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (url === undefined && Date.now() < deadline) {
    url = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(out)?.[1];
    if (url === undefined) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(url, `server did not start:\n${out}`);
  const res = await fetch(`${url}/healthz`);
  assert.equal(res.status, 200);
  const requestId = res.headers.get('x-request-id');
  child.kill('SIGTERM');
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 0);
  const lines = out.split('\n').filter((l) => l.startsWith('{'));
  assert.ok(lines.length > 0 && lines.every((l) => JSON.parse(l) !== null));
  assert.ok(lines.some((l) => (JSON.parse(l) as { reqId?: string }).reqId === requestId));
  assert.ok(lines.some((l) => /shutting down/.test(l)));
});
