/**
 * Answers given before the framework: a module may answer a request from memory (a page it keeps
 * for readers who are not signed in) without Fastify's routing, hooks and reply. On a page kept in
 * memory that pipeline cost more than the answer itself (a cached article page spent about two thirds
 * of its server time there).
 *
 * A shortcut only ever answers a plain GET, without a query string, from a browser that holds no
 * session cookie, while the app is not closing. It answers only with what the module's own route
 * would have sent for the same request; whenever it is not sure (nothing kept, the entry due for a
 * check), it declines and the request goes through the framework as usual.
 *
 * What the platform's hooks do for every response is done here too, by the same code:
 *   - the security headers and the request id (`x-request-id`, the given one when well-formed);
 *   - the locale from the language cookie;
 *   - the request log lines Fastify writes ("incoming request", "request completed") with the same
 *     fields, when the log level includes them;
 *   - the listeners given to `onAnswered` (request metrics, page views), which the app's onResponse
 *     hooks call for the framework's responses with the same `Answered` record.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { levels } from 'pino';
import { isLocale, type Locale } from '../../config/index.ts';

/** The request id: the one the client or proxy gave in `x-request-id` when well-formed, else a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** A finished response, as the listeners of `onAnswered` see it. */
export interface Answered {
  readonly method: string;
  /** The request's URL as sent (path and query). */
  readonly url: string;
  /** The route's pattern (e.g. `/tin-tuc/:cat/:slug`); undefined when no route matched. */
  readonly route: string | undefined;
  readonly statusCode: number;
  readonly contentType: string | undefined;
  readonly headers: IncomingMessage['headers'];
  /** The client's address (through the trusted proxy, as Fastify's `request.ip`). */
  readonly ip: string;
  /** The host the request was sent to (through the trusted proxy, as Fastify's `request.host`). */
  readonly host: string;
  readonly elapsedMs: number;
}

/** The `Answered` record of a response sent by the framework, read when a listener asks. */
export class FastifyAnswered implements Answered {
  constructor(
    private readonly request: FastifyRequest,
    private readonly reply: FastifyReply,
  ) {}
  get method(): string {
    return this.request.method;
  }
  get url(): string {
    return this.request.url;
  }
  get route(): string | undefined {
    return this.request.routeOptions.url;
  }
  get statusCode(): number {
    return this.reply.statusCode;
  }
  get contentType(): string | undefined {
    const type = this.reply.getHeader('content-type');
    return typeof type === 'string' ? type : undefined;
  }
  get headers(): IncomingMessage['headers'] {
    return this.request.headers;
  }
  get ip(): string {
    return this.request.ip;
  }
  get host(): string {
    return this.request.host;
  }
  get elapsedMs(): number {
    return this.reply.elapsedTime;
  }
}

/** What Fastify reads an address and a host from: the headers and the socket's address. */
interface Peer {
  readonly headers: IncomingMessage['headers'];
  readonly socket: { readonly remoteAddress?: string | undefined };
}

/** As Fastify's `request.ip`: the socket's address, or with a trusted proxy the furthest address it forwarded. */
function ipOf(peer: Peer, trustProxy: boolean): string {
  if (!trustProxy) return peer.socket.remoteAddress ?? '';
  const all = proxyAddr.all(peer as IncomingMessage, () => true);
  return all[all.length - 1] ?? '';
}

/** As Fastify's `request.host`: the Host header, or with a trusted proxy the last X-Forwarded-Host. */
function hostOf(peer: Peer, trustProxy: boolean): string {
  const forwarded = peer.headers['x-forwarded-host'];
  if (trustProxy && typeof forwarded === 'string' && forwarded !== '') {
    const last = forwarded.lastIndexOf(',');
    return last === -1 ? forwarded.trim() : forwarded.slice(last + 1).trim();
  }
  return peer.headers.host ?? '';
}

/**
 * The `Answered` record of a shortcut's answer (always a 200 to a GET). It keeps the request's headers
 * and address, not the request: under load, records that held the IncomingMessage were at times
 * carried out of V8's young generation with it (about 1.7 MB promoted per scavenge, the old
 * generation collected every second, twice the CPU per request), which records without it never were.
 */
class ShortcutAnswered implements Answered {
  readonly method = 'GET';
  readonly statusCode = 200;
  constructor(
    private readonly peer: Peer,
    private readonly trustProxy: boolean,
    readonly url: string,
    readonly route: string,
    readonly contentType: string | undefined,
    readonly elapsedMs: number,
  ) {}
  get headers(): IncomingMessage['headers'] {
    return this.peer.headers;
  }
  get ip(): string {
    return ipOf(this.peer, this.trustProxy);
  }
  get host(): string {
    return hostOf(this.peer, this.trustProxy);
  }
}

/** What a shortcut is asked: the request, its path (without query) and the reader's locale. */
export interface ShortcutRequest {
  readonly raw: IncomingMessage;
  readonly path: string;
  readonly locale: Locale;
}

/** A shortcut's answer: always 200, with the route's pattern (for metrics) and the response's own headers. */
export interface ShortcutAnswer {
  readonly route: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Answers a request from memory, or returns undefined to let the framework answer it. Never throws on purpose. */
export type Shortcut = (request: ShortcutRequest) => ShortcutAnswer | undefined;

export interface ShortcutsOptions {
  /** Headers of every response (security-headers.ts). */
  readonly headers: Readonly<Record<string, string>>;
  readonly defaultLocale: Locale;
  /** Fastify's `trustProxy` setting, so that addresses and hosts are read as Fastify reads them. */
  readonly trustProxy: boolean;
  readonly sessionCookie: string;
  readonly localeCookie: string;
}

export class Shortcuts {
  private readonly byPrefix: { prefix: string; shortcut: Shortcut }[] = [];
  private readonly listeners: ((answered: Answered) => void)[] = [];
  private closing = false;
  private log: FastifyBaseLogger | undefined;
  private parseCookie: ((header: string) => Record<string, string | undefined>) | undefined;

  constructor(private readonly options: ShortcutsOptions) {}

  /** Set once the app exists: the app's logger and its cookie parser (@fastify/cookie's). */
  attach(log: FastifyBaseLogger, parseCookie: (header: string) => Record<string, string | undefined>): void {
    this.log = log;
    this.parseCookie = parseCookie;
  }

  /** Adds a shortcut for paths that start with `prefix`. */
  add(prefix: string, shortcut: Shortcut): void {
    this.byPrefix.push({ prefix, shortcut });
  }

  /** Calls `listener` for every response, the framework's (through the app's onResponse hooks) and the shortcuts'. */
  onAnswered(listener: (answered: Answered) => void): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners about a finished response. A listener that throws does not stop the others. */
  answered(answered: Answered): void {
    for (const listener of this.listeners) {
      try {
        listener(answered);
      } catch (err) {
        this.log?.error({ err }, 'a response listener failed');
      }
    }
  }

  /** From now on every request goes to the framework (which answers 503 while the app closes). */
  close(): void {
    this.closing = true;
  }

  /** Answers `req` when a shortcut can; returns false (having written nothing) otherwise. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.closing || req.method !== 'GET' || this.log === undefined) return false;
    const url = req.url ?? '';
    if (url.includes('?')) return false;
    if (!this.byPrefix.some((s) => url.startsWith(s.prefix))) return false;
    let locale = this.options.defaultLocale;
    const cookieHeader = req.headers.cookie;
    if (cookieHeader !== undefined) {
      const cookies = this.parseCookie!(cookieHeader);
      // A session (even a stale or half-finished one) is looked up by the platform's hooks.
      if (cookies[this.options.sessionCookie] !== undefined) return false;
      const lang = cookies[this.options.localeCookie];
      if (isLocale(lang)) locale = lang;
    }
    const started = performance.now();
    let answer: ShortcutAnswer | undefined;
    try {
      for (const { prefix, shortcut } of this.byPrefix) {
        if (url.startsWith(prefix)) answer = shortcut({ raw: req, path: url, locale });
        if (answer !== undefined) break;
      }
    } catch (err) {
      this.log.error({ err }, 'a shortcut failed; the request goes to the framework');
      return false;
    }
    if (answer === undefined) return false;

    const id = requestIdFor(req);
    const trustProxy = this.options.trustProxy;
    const log = (levels.values[this.log.level] ?? Infinity) <= levels.values.info! ? this.log.child({ reqId: id }) : undefined;
    log?.info({ req: { method: req.method, url, headers: req.headers, host: hostOf(req, trustProxy), ip: ipOf(req, trustProxy), socket: req.socket } }, 'incoming request');
    res.writeHead(200, { ...this.options.headers, 'x-request-id': id, ...answer.headers, 'content-length': answer.body.length });
    res.end(answer.body);
    const elapsedMs = performance.now() - started;
    log?.info({ res: { statusCode: 200 }, responseTime: elapsedMs }, 'request completed');
    const peer: Peer = { headers: req.headers, socket: { remoteAddress: req.socket.remoteAddress } };
    this.answered(new ShortcutAnswered(peer, trustProxy, url, answer.route, answer.headers['content-type'], elapsedMs));
    return true;
  }
}
