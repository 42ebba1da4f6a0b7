/**
 * Builds the Fastify application: external plugins, then platform hooks and routes, then modules.
 * The server (server.ts) and the tests both start from here.
 */
import { createServer, type ServerOptions } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { isLocale, type Config } from './config/index.ts';
import type { DbHandle } from './platform/db/index.ts';
import type { AppError } from './platform/errors.ts';
import { translator } from './platform/i18n/index.ts';
import type { AppDeps } from './platform/http/context.ts';
import { issueCsrf } from './platform/http/csrf.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { FastifyAnswered, requestIdFor, Shortcuts } from './platform/http/shortcuts.ts';
import { registerErrorHandling, sendError } from './platform/http/errors-plugin.ts';
import { parseFormBody } from './platform/http/form-body.ts';
import { LOCALE_COOKIE, registerOperations } from './platform/http/operations.ts';
import { currentUser, loadSession, SESSION_COOKIE } from './platform/auth/session.ts';
import { SiteSettingsCache } from './platform/site/settings.ts';
import { modules } from './modules/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = (await import('node:module')).createRequire(import.meta.url);
const fontFiles = path.join(path.dirname(require.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');

export interface BuildOptions {
  readonly config: Config;
  readonly store: DbHandle;
  /** Pino logger options; tests pass `false`, or a stream to read the lines written. */
  readonly logger?: boolean | { level: string; stream?: { write(line: string): void } };
}

export async function buildApp({ config, store, logger }: BuildOptions): Promise<FastifyInstance> {
  const secureCookies = config.publicUrl.protocol === 'https:';
  const headers = securityHeaders(secureCookies);
  const shortcuts = new Shortcuts({ headers, defaultLocale: config.defaultLocale, trustProxy: config.trustProxy, sessionCookie: SESSION_COOKIE, localeCookie: LOCALE_COOKIE });
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    genReqId: requestIdFor,
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // Pages kept in memory are answered before the framework (shortcuts.ts); everything else goes to Fastify.
    serverFactory: (handler, fastifyOptions) => {
      const options = fastifyOptions as { http?: ServerOptions; keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket: number };
      const server = createServer(options.http ?? {}, (req, res) => {
        if (!shortcuts.serve(req, res)) handler(req, res);
      });
      // What Fastify sets on the servers it creates itself.
      server.keepAliveTimeout = options.keepAliveTimeout;
      server.requestTimeout = options.requestTimeout;
      server.setTimeout(options.connectionTimeout);
      if (options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
      return server;
    },
  });

  const deps: AppDeps = { config, store, nav: [], adminNav: [], site: new SiteSettingsCache(store.db), shortcuts };
  app.decorate('deps', deps);
  app.decorateRequest('locale', config.defaultLocale);
  app.decorateRequest('t', translator(config.defaultLocale));
  app.decorateRequest('user', null);
  app.decorateRequest('sessionKey', null);
  app.decorateRequest('csrfIssue', null);
  app.decorateRequest('csrfToken', {
    getter(this: { csrfIssue: (() => string) | null }) {
      return this.csrfIssue?.() ?? '';
    },
  });

  await app.register(cookie);
  shortcuts.attach(app.log, (header) => app.parseCookie(header));
  app.addHook('preClose', async () => shortcuts.close());
  app.addHook('onResponse', async (request, reply) => shortcuts.answered(new FastifyAnswered(request, reply)));
  await app.register(rateLimit, { global: false });

  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseFormBody(body as Buffer));
    } catch (err) {
      done(err as AppError, undefined);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    const lang = request.cookies[LOCALE_COOKIE];
    if (isLocale(lang)) {
      request.locale = lang;
      request.t = translator(lang);
    }
    issueCsrf(request, reply, config.secret, secureCookies);
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined) {
      const session = await loadSession(store.db, token);
      if (session === null) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      } else if (!session.mfaPending) {
        request.user = await currentUser(store.db, session.userId);
        request.sessionKey = request.user === null ? null : session.key;
      }
    }
  });

  await app.register(fastifyStatic, {
    root: path.join(here, 'ui/assets'),
    prefix: '/assets/',
    maxAge: '1d',
    index: false,
  });
  await app.register(fastifyStatic, {
    root: fontFiles,
    prefix: '/assets/fonts/',
    maxAge: '30d',
    immutable: true,
    decorateReply: false,
    index: false,
  });

  registerErrorHandling(app);
  registerOperations(app, { secureCookies });

  const notFoundLimit = app.rateLimit({ max: 120, timeWindow: '1 minute' });
  app.setNotFoundHandler({ preHandler: notFoundLimit }, async (request, reply) => sendError(request, reply, 'not_found', 404));

  for (const mod of modules) await app.register(mod);
  return app;
}
