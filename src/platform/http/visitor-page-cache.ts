/**
 * Pages shared by every visitor who is not signed in (home, introduction pages), rendered once per
 * language and address and kept for a few seconds. The per-browser CSRF token is rendered as a
 * placeholder and filled in on every response, so a cached page never carries another browser's
 * token. Signed-in users always get a fresh page (it shows their name and staff links).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendHtml, viewContext, type ViewContext } from '../../ui/view-context.ts';
import { compressBody, markEncoding, preferredEncoding } from './encoding.ts';
import { encodeUtf8 } from '../text/utf8.ts';

const CSRF_PLACEHOLDER = 'csrf-placeholder-8b61e0d4';

interface Entry {
  readonly html: string;
  readonly hasForm: boolean;
  /** The page encoded once: writing a long string costs its UTF-8 encoding on every response. */
  readonly body: Buffer;
  /** The page compressed, made when a browser that accepts the encoding first asks (pages without a form). */
  readonly compressed: Partial<Record<'br' | 'gzip', Buffer>>;
  readonly at: number;
  /** The site settings the page was rendered with: a saved identity (name, footer) shows at once. */
  readonly site: object;
}

export class VisitorPageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 200,
  ) {}

  /** Sends the page rendered by `render`, from the cache when the visitor is not signed in. */
  async send(request: FastifyRequest, reply: FastifyReply, render: (ctx: ViewContext) => Promise<string> | string): Promise<FastifyReply> {
    if (request.user !== null) return sendHtml(reply, await render(await viewContext(request)));
    const key = `${request.locale}:${request.url}`;
    const now = Date.now();
    const site = await request.server.deps.site.get();
    let entry = this.entries.get(key);
    if (entry === undefined || now - entry.at > this.ttlMs || entry.site !== site) {
      const ctx = await viewContext(request, CSRF_PLACEHOLDER);
      const html = await render(ctx);
      entry = { html, hasForm: html.includes(CSRF_PLACEHOLDER), body: encodeUtf8(html), compressed: {}, at: now, site: ctx.site };
      this.entries.delete(key);
      this.entries.set(key, entry);
      while (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
    }
    // A page with a form carries this browser's token; it is sent as rendered.
    if (entry.hasForm) return sendHtml(reply, entry.html.replaceAll(CSRF_PLACEHOLDER, request.csrfToken));
    // A page without a form reads no token (no CSRF cookie) and is the same for every visitor: it goes
    // out compressed, once, to browsers that accept it.
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    const body = encoding === 'identity' ? entry.body : (entry.compressed[encoding] ??= compressBody(entry.body, encoding));
    return sendHtml(markEncoding(reply, encoding), body);
  }

  /** Forgets every page, after an edit that changes what they show. */
  clear(): void {
    this.entries.clear();
  }
}
