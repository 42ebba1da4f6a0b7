/** Operational routes: health check, Prometheus metrics, and the language switch. */
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { isLocale } from '../../config/index.ts';

export const LOCALE_COOKIE = 'lang';

/** A same-site path to return to, or '/' (never an absolute or protocol-relative URL). */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export function registerOperations(app: FastifyInstance, options: { secureCookies: boolean }): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });

  // Every response, the framework's and those answered before it (shortcuts.ts).
  app.deps.shortcuts.onAnswered((answered) => {
    const labels = { method: answered.method, route: answered.route ?? 'not-found', status: String(answered.statusCode) };
    duration.observe(labels, answered.elapsedMs / 1000);
    requests.inc(labels);
  });

  app.get('/healthz', async (request, reply) => {
    try {
      await app.deps.store.ping();
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: app.deps.store.dialect });
    } catch (err) {
      request.log.error({ err }, 'health check failed');
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable', database: app.deps.store.dialect });
    }
  });

  app.get('/metrics', async (_request, reply) => {
    return reply.type(registry.contentType).header('cache-control', 'no-store').send(await registry.metrics());
  });

  app.get<{ Params: { lang: string }; Querystring: { next?: string } }>('/ngon-ngu/:lang', async (request, reply) => {
    const lang = request.params.lang;
    if (!isLocale(lang)) return reply.callNotFound();
    reply.setCookie(LOCALE_COOKIE, lang, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: options.secureCookies,
      maxAge: 365 * 24 * 3600,
    });
    return reply.redirect(safeNext(request.query.next), 303);
  });
}
