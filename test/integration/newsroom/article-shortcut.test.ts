/**
 * A kept article page answered before the framework (platform/http/shortcuts.ts), over real HTTP:
 * the same bytes and headers as the route's answer, the same side effects (view count, page view,
 * metrics, request id), and the framework whenever the shortcut cannot be sure.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test, type TestContext } from 'node:test';
import { build, type BuildOptions } from '../../helpers/build.ts';
import { countersByDb } from '../../../src/modules/newsroom/view-counter.ts';

const SEED = '/tin-tuc/hoat-dong-cua-so/doan-cong-tac-cua-bo-thong-tin-truyen-thong-lam-viec-voi-so-tt-tt-tinh-lao-cai';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** The app listening on a local port, with a count of the requests that reached the framework. */
async function serve(t: TestContext, options: BuildOptions = {}) {
  let reachedFramework = 0;
  const env = await build(t, {
    ...options,
    beforeReady: (app) => {
      app.addHook('onRequest', async () => {
        reachedFramework++;
      });
    },
  });
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  const address = env.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port');
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: address.port, path, method, headers: { 'user-agent': CHROME, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  return { ...env, get, reached: () => reachedFramework };
}

/** Headers that differ between any two responses (connection, date) or per request (its id). */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'x-request-id']);
const lasting = (headers: Answer['headers']) => Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.has(name)));

test('a kept article page is answered before the framework, with the route\'s bytes and headers, and counted as the route counts it', async (t) => {
  const site = await serve(t);
  const first = await site.get(SEED);
  assert.equal(first.headers['x-cache'], 'miss');
  const kept = await site.get(SEED);
  assert.equal(kept.headers['x-cache'], 'miss', 'asked for again: now kept');
  assert.equal(site.reached(), 2);

  for (const encoding of [undefined, 'gzip, deflate, br, zstd', 'gzip']) {
    const headers: Record<string, string> = encoding === undefined ? {} : { 'accept-encoding': encoding };
    const before = site.reached();
    const short = await site.get(SEED, headers);
    assert.equal(site.reached(), before, `answered without the framework (accept-encoding: ${encoding})`);
    // The route's own answer for the same kept page (inject goes straight to the framework).
    const routed = await site.app.inject({ url: SEED, headers: { 'user-agent': CHROME, ...headers } });
    assert.equal(short.status, 200);
    assert.equal(routed.headers['x-cache'], 'hit');
    assert.deepEqual(lasting(short.headers), lasting(routed.headers as Answer['headers']));
    assert.deepEqual(short.body, routed.rawPayload, 'the same bytes');
    assert.match(String(short.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  }
  assert.equal((await site.get(SEED, { 'x-request-id': 'proxy-42.a' })).headers['x-request-id'], 'proxy-42.a', 'a well-formed request id is kept');
  assert.match(String((await site.get(SEED, { 'x-request-id': 'bad id <script>' })).headers['x-request-id']), /^[0-9a-f-]{36}$/);

  // Every read is a view, whichever path answered it: 2 misses, 3 shortcuts, 3 injected hits, 2 with request ids.
  await countersByDb.get(site.store.db)!.flush();
  const row = await site.store.db.selectFrom('articles').select('view_count').where('slug', '=', SEED.split('/').pop()!).executeTakeFirstOrThrow();
  assert.equal(row.view_count, 10);

  const metrics = (await site.app.inject({ url: '/metrics' })).body;
  assert.match(metrics, /http_requests_total\{method="GET",route="\/tin-tuc\/:cat\/:slug",status="200"\} 10/);
});

test('the shortcut leaves to the framework a signed-in reader, a query, a HEAD, another language until kept, a page due for a check, and a closing app', async (t) => {
  const site = await serve(t);
  await site.get(SEED);
  await site.get(SEED);
  let before = site.reached();
  await site.get(SEED);
  assert.equal(site.reached(), before, 'kept and fresh: answered before the framework');

  const framework = async (why: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> => {
    before = site.reached();
    const answer = await site.get(path, headers, method);
    assert.equal(site.reached(), before + 1, why);
    return answer;
  };
  const signedIn = await framework('a session cookie (even an unknown one) is looked up by the platform', SEED, { cookie: 'sid=not-a-session' });
  assert.equal(signedIn.status, 200);
  await framework('a query string (a rating notice, a campaign tag)', `${SEED}?danh-gia=ok`);
  await framework('a query string', `${SEED}?utm_source=zalo`);
  assert.equal((await framework('HEAD', SEED, {}, 'HEAD')).body.length, 0);
  await framework('a trailing slash', `${SEED}/`);
  const english = await framework('the English page is not kept yet', SEED, { cookie: 'lang=en' });
  assert.match(english.body.toString('utf8'), /<html lang="en"/);
  await framework('asked for once, it is kept when asked for again', SEED, { cookie: 'lang=en' });
  before = site.reached();
  const englishKept = await site.get(SEED, { cookie: 'lang=en; csrf=x' });
  assert.equal(site.reached(), before, 'the English page, once kept, is answered before the framework too');
  assert.match(englishKept.body.toString('utf8'), /<html lang="en"/);
  assert.match((await site.get(SEED)).body.toString('utf8'), /<html lang="vi"/, 'and the Vietnamese one is still the Vietnamese one');
  await framework('no such article', '/tin-tuc/hoat-dong-cua-so/khong-co-bai-nay');

  await new Promise((resolve) => setTimeout(resolve, 1100));
  const checked = await framework('a page served for a second is compared with the database by the route', SEED);
  assert.equal(checked.headers['x-cache'], 'hit');
  before = site.reached();
  await site.get(SEED);
  assert.equal(site.reached(), before, 'and then answered before the framework again');

  site.app.deps.shortcuts.close();
  await framework('once the app closes, the framework answers (503 while it drains)', SEED);
});

test('a page view answered before the framework is recorded as the route\'s would be: same visitor, referrer and device', async (t) => {
  const site = await serve(t, { env: { TRUST_PROXY: 'true' } });
  const reader = { 'x-forwarded-for': '203.0.113.7, 10.0.0.2', referer: 'https://www.google.com/' };
  const crawler = { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' };
  // A crawler asks first (not counted, not kept): the reader's first read is kept, the second answered before the framework.
  await site.get(SEED, crawler);
  const fromRoute = site.reached();
  await site.get(SEED, reader);
  assert.equal(site.reached(), fromRoute + 1);
  const before = site.reached();
  await site.get(SEED, { ...reader, referer: 'http://localhost:3000/tin-tuc' });
  assert.equal(site.reached(), before);
  await site.get(SEED, { 'x-forwarded-for': '198.51.100.20', 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148' });
  await site.get(SEED, crawler);
  await site.app.analytics.flush();
  const hits = await site.store.db.selectFrom('analytics_hits').select(['visitor', 'path', 'referrer_host', 'device']).orderBy('id').execute();
  assert.equal(hits.length, 3, 'a bot is not counted');
  assert.ok(hits.every((h) => h.path === SEED));
  assert.equal(hits[0]!.visitor, hits[1]!.visitor, 'the same reader behind the proxy is the same visitor on both paths');
  assert.notEqual(hits[2]!.visitor, hits[0]!.visitor);
  assert.deepEqual(
    hits.map((h) => [h.referrer_host, h.device]),
    [
      ['google.com', 'desktop'],
      [null, 'desktop'],
      [null, 'mobile'],
    ],
  );
});

test('the request log has the same lines for an answer given before the framework as for the route\'s', async (t) => {
  const lines: Record<string, unknown>[] = [];
  const site = await serve(t, { logger: { level: 'info', stream: { write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) } } });
  await site.get(SEED);
  await site.get(SEED, { 'x-request-id': 'framework-1' });
  // The second answer kept the page; let the route answer once more (a query keeps it from the shortcut), then the shortcut.
  await site.get(`${SEED}?a=1`, { 'x-request-id': 'framework-2' });
  await site.get(SEED, { 'x-request-id': 'shortcut-1' });
  const of = (id: string) => lines.filter((l) => l.reqId === id);
  const framework = of('framework-2');
  const shortcut = of('shortcut-1');
  assert.deepEqual(
    framework.map((l) => l.msg),
    ['incoming request', 'request completed'],
  );
  const shape = (l: Record<string, unknown>) => {
    const { time: _time, reqId: _reqId, responseTime, req, ...rest } = l;
    const r = req as Record<string, unknown> | undefined;
    return { ...rest, responseTime: typeof responseTime, req: r === undefined ? undefined : { ...r, url: String(r.url).split('?')[0], remotePort: typeof r.remotePort } };
  };
  assert.deepEqual(shortcut.map(shape), framework.map(shape));
});
