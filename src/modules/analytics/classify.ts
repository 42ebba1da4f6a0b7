/**
 * What a page view says about itself, decided from the request alone: whether it is counted at all
 * (pages only, people only), the page's normalised path, the referring site and the device class.
 */
import type { Device } from './tables.ts';

/**
 * Automated clients, matched on the user agent: search and social crawlers, monitoring services,
 * command-line and library HTTP clients, and browsers driven without a screen (HeadlessChrome,
 * PhantomJS, Playwright/Puppeteer, Lighthouse). A request without a user agent is not a person either.
 */
const BOT_PATTERN =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|curl|wget|httpie|python-|aiohttp|httpx|go-http-client|java\/|okhttp|libwww|lwp-|apache-httpclient|axios|node-fetch|undici|got \(|scrapy|headless|phantomjs|puppeteer|playwright|selenium|webdriver|lighthouse|pagespeed|pingdom|uptime|statuscake|monitor|check_http|zgrab|masscan|nmap|nikto|sqlmap|feedfetcher|rss|validator|lightmyrequest/i;

export function isBot(userAgent: string | undefined): boolean {
  if (userAgent === undefined) return true;
  const ua = userAgent.trim();
  return ua === '' || BOT_PATTERN.test(ua);
}

/** Tablets first: an Android tablet says "Android" without "Mobile", an iPad says "iPad". */
export function deviceOf(userAgent: string): Device {
  if (/ipad|tablet|kindle|silk\/|playbook|(android(?!.*mobile))/i.test(userAgent)) return 'tablet';
  if (/mobi|iphone|ipod|android|windows phone|opera mini|blackberry/i.test(userAgent)) return 'mobile';
  return 'desktop';
}

/** Sections of the site that are not public pages: staff area, API, files, operations. */
const EXCLUDED_PREFIXES = ['/assets/', '/api/', '/quan-tri', '/healthz', '/metrics', '/tep/', '/files/', '/favicon'];

/**
 * Query parameters kept in the counted path. Only the page number of a list is kept: everything else
 * (search words, form values, tracking tags) may identify a person or split one page into many.
 */
const QUERY_ALLOWLIST = ['trang'];

const MAX_PATH = 300;

/** The path to count for a request URL, or null when the URL is not a countable public page. */
export function countedPath(url: string): string | null {
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  if (path === '' || path[0] !== '/' || path.startsWith('//')) return null;
  if (EXCLUDED_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p))) return null;
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '');
  if (q !== -1) {
    const params = new URLSearchParams(url.slice(q + 1));
    const kept = QUERY_ALLOWLIST.flatMap((name) => {
      const v = params.get(name);
      return v !== null && /^\d{1,5}$/.test(v) ? [`${name}=${v}`] : [];
    });
    if (kept.length > 0) path = `${path}?${kept.join('&')}`;
  }
  return path.length > MAX_PATH ? path.slice(0, MAX_PATH) : path;
}

/**
 * The host of an external referrer, lower-cased and without "www."; null when there is none, when it
 * is not an http(s) URL, or when it is the portal itself (moving between pages is not a referral).
 */
export function referrerHost(referer: string | undefined, ownHosts: ReadonlySet<string>, requestHost?: string): string | null {
  if (referer === undefined || referer === '') return null;
  let host: string;
  try {
    const u = new URL(referer);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    host = u.hostname.toLowerCase();
  } catch {
    return null;
  }
  if (ownHosts.has(host) || host === requestHost) return null;
  host = host.replace(/^www\./, '');
  return host === '' || host.length > 253 ? null : host;
}
