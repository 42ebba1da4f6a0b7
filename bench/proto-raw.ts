import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { measurePaired, startBaseline } from './lib/http.ts';
import { securityHeaders } from '../src/platform/http/security-headers.ts';
const body = Buffer.from('<p>Xin chào Lào Cai</p>'.repeat(Number(process.env.REP ?? 500)));
const sec = securityHeaders(false);
const server = http.createServer((req, res) => {
  const h: Record<string, string | number> = { ...sec, 'x-request-id': randomUUID(), vary: 'Accept-Encoding', 'content-type': 'text/html; charset=utf-8', 'x-cache': 'hit', 'content-length': body.length };
  res.writeHead(200, h);
  res.end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const url = `http://127.0.0.1:${(server.address() as any).port}/`;
const base = await startBaseline();
const r = await measurePaired(base.url + '/', url);
console.log(body.length, 'base', r.baseline.requestsPerSecond, 'raw', r.subject.requestsPerSecond, (r.subject.requestsPerSecond / r.baseline.requestsPerSecond * 100).toFixed(0) + '%', 'p99', r.subject.p99Ms);
await base.stop(); server.close();
