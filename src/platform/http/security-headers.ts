/**
 * The security headers of every response, computed once at start-up (the same set helmet's defaults
 * give, with our Content-Security-Policy). Computing them per request cost about a tenth of a cached
 * page's time. A route may override one (the statistics embed route relaxes frame-ancestors).
 */
export function securityHeaders(isHttps: boolean): Readonly<Record<string, string>> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // Article bodies may show images kept on other sites (the editor takes an image address; imports
    // bring the old portal's): allowed over https only, so a page never mixes in clear-text content.
    // They are not fetched and stored by the server, which would let anyone with an editor's account
    // make the portal request arbitrary addresses (internal ones included); the referrer policy
    // sends those sites the portal's origin only.
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
  ].join(';');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    // The legacy XSS auditor is turned off: it could be abused to blank parts of a page (OWASP).
    'x-xss-protection': '0',
    ...(isHttps ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
