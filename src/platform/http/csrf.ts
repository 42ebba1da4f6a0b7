/**
 * CSRF protection for HTML forms: a random HttpOnly cookie per browser and, in each form,
 * an HMAC of it under the server secret (signed double-submit, OWASP CSRF cheat sheet).
 * A cross-site page can neither read the cookie nor compute the token.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';

export function csrfTokenFor(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(`csrf:${cookieValue}`).digest('base64url');
}

/**
 * Makes `request.csrfToken` available. The cookie is set, and the token computed, only when a page
 * reads the token (it renders a form): a page without forms sends no Set-Cookie, costs no HMAC, and
 * can be shared by caches.
 */
export function issueCsrf(request: FastifyRequest, reply: FastifyReply, secret: string, secure: boolean): void {
  let token: string | undefined;
  request.csrfIssue = () => {
    if (token !== undefined) return token;
    let value = request.cookies[CSRF_COOKIE];
    if (value === undefined || !/^[A-Za-z0-9_-]{32}$/.test(value)) {
      value = randomBytes(24).toString('base64url');
      reply.setCookie(CSRF_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      request.cookies[CSRF_COOKIE] = value;
    }
    token = csrfTokenFor(secret, value);
    return token;
  };
}

/** True when the submitted token matches this browser's cookie. */
export function isCsrfValid(request: FastifyRequest, submitted: unknown, secret: string): boolean {
  const cookie = request.cookies[CSRF_COOKIE];
  if (cookie === undefined || typeof submitted !== 'string' || submitted === '') return false;
  const expected = Buffer.from(csrfTokenFor(secret, cookie));
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Whether a state-changing request comes from one of the portal's own pages, judged by the headers a
 * browser sets and a page cannot forge: `Sec-Fetch-Site` (Fetch Metadata, sent by current browsers),
 * else `Origin` compared with the portal's public origin and with the Host the request was sent to.
 * A request with neither header is not from a browser that could be led into a cross-site post, and
 * passes. For forms that readers who are not signed in submit from shared, cached pages (a rating),
 * where a per-browser token would make every page unique; OWASP's CSRF cheat sheet lists this check
 * as an alternative to tokens.
 */
export function isSameOriginRequest(request: FastifyRequest, publicOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (origin === publicOrigin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
