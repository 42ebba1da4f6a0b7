/** Everything a view needs from the request, gathered once per page. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../config/index.ts';
import type { Translate } from '../platform/i18n/index.ts';
import type { CurrentUser, NavItem } from '../platform/http/context.ts';
import type { SiteSettings } from '../platform/site/settings.ts';
import { encodeUtf8 } from '../platform/text/utf8.ts';

export interface ViewContext {
  readonly locale: Locale;
  readonly t: Translate;
  readonly user: CurrentUser | null;
  readonly csrfToken: string;
  /** The request path (without query), for the language switch and the current-page marker. */
  readonly path: string;
  readonly url: string;
  readonly site: SiteSettings;
  readonly nav: readonly NavItem[];
  readonly publicUrl: URL;
  readonly requestId: string;
}

/**
 * `csrfToken` is read only when a form renders it, so a page without forms issues no CSRF cookie; a
 * page cache passes its placeholder instead of the browser's token.
 */
export async function viewContext(request: FastifyRequest, csrfToken?: string): Promise<ViewContext> {
  const { deps } = request.server;
  const url = request.url;
  const site = await deps.site.get();
  return {
    locale: request.locale,
    t: request.t,
    user: request.user,
    get csrfToken() {
      return csrfToken ?? request.csrfToken;
    },
    path: url.split('?')[0] ?? '/',
    url,
    site,
    nav: deps.nav,
    publicUrl: deps.config.publicUrl,
    requestId: request.id,
  };
}

/**
 * Sends a rendered page with the HTML content type. A page with async components renders to a
 * promise, which Fastify cannot send as such: it is sent once resolved (returning the reply tells
 * Fastify the response is on its way).
 */
export function sendHtml(reply: FastifyReply, html: string | Buffer | Promise<string>, status = 200): FastifyReply {
  reply.code(status).type('text/html; charset=utf-8');
  if (html instanceof Promise) {
    html.then(
      (page) => reply.send(encodeUtf8(page)),
      (err: unknown) => reply.send(err),
    );
    return reply;
  }
  // Encoded once here (encodeUtf8: fast for Vietnamese text): given a string, Fastify measures its
  // UTF-8 length and Node then encodes it again to write it.
  return reply.send(typeof html === 'string' ? encodeUtf8(html) : html);
}
