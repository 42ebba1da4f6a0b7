/**
 * Browser tests: the real app listening on 127.0.0.1 (random port, fresh database) and headless
 * Chromium driven by playwright-core, with axe-core accessibility checks (WCAG 2.0/2.1/2.2 A and AA).
 *
 *   const site = await openSite(t);               // app + browser, both closed after the test
 *   const page = await site.page({ width: 320 }); // options: javaScript, width, height, signedInAs
 *   await page.goto(site.url('/gioi-thieu'));
 *   await checkA11y(page);                        // throws with a readable list of violations
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, type BuildOptions, type TestEnv } from './build.ts';
import { createSession, SESSION_COOKIE } from '../../src/platform/auth/session.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
const axe = (): string => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** The WCAG levels the portal commits to (WCAG 2.2 AA includes the 2.0 and 2.1 criteria). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

export interface PageOptions {
  /**
   * Run the site's scripts (default true). false blocks every script the site serves, so the page
   * is what a reader without JavaScript gets; the browser's own JavaScript stays on, because axe
   * runs through it (in a context with JavaScript disabled its timers never fire and axe hangs).
   */
  readonly javaScript?: boolean;
  /** Viewport width in CSS pixels (default 1280); 320 is the WCAG 1.4.10 reflow width. */
  readonly width?: number;
  readonly height?: number;
  /** Sign in as this user (email of an existing account) by creating a session directly. */
  readonly signedInAs?: string;
}

export interface SiteEnv extends TestEnv {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly browser: Browser;
  /** Absolute URL for a path on the site. */
  url(path: string): string;
  /** A page in a fresh browser context (own cookies), closed with the site. */
  page(options?: PageOptions): Promise<Page>;
  /** A fresh browser context, when a test needs several pages sharing cookies. */
  context(options?: PageOptions): Promise<BrowserContext>;
}

/** Launches headless Chromium; the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Starts the app on a random local port over a fresh database and opens a browser; both closed after the test. */
export async function openSite(t: TestContext, options: BuildOptions = {}): Promise<SiteEnv> {
  const browser = await launchBrowser();
  // node:test runs `after` hooks in the order they were registered: this one, before build's, closes
  // the browser before the app. The other way round, the app's close waited for a connection the
  // browser still held, and the browser's close never came (a run hung after its last test).
  t.after(async () => {
    await browser.close();
  });
  const env = await build(t, options);
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  const address = env.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const context = async (pageOptions: PageOptions = {}): Promise<BrowserContext> => {
    const ctx = await browser.newContext({
      viewport: { width: pageOptions.width ?? 1280, height: pageOptions.height ?? 800 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    if (pageOptions.javaScript === false) {
      await ctx.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort('blockedbyclient') : route.continue()));
    }
    if (pageOptions.signedInAs !== undefined) {
      const user = await env.store.db.selectFrom('users').select('id').where('email', '=', pageOptions.signedInAs).executeTakeFirst();
      if (user === undefined) throw new Error(`no account ${pageOptions.signedInAs}`);
      const { token } = await createSession(env.store.db, user.id, { mfaPending: false });
      await ctx.addCookies([{ name: SESSION_COOKIE, value: token, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    }
    return ctx;
  };

  return {
    ...env,
    baseUrl,
    browser,
    url: (path: string) => new URL(path, baseUrl).toString(),
    context,
    page: async (pageOptions: PageOptions = {}) => (await context(pageOptions)).newPage(),
  };
}

interface AxeNode {
  readonly target: readonly unknown[];
  readonly html: string;
  readonly failureSummary?: string;
}
interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly AxeNode[];
}

export interface A11yOptions {
  /** CSS selectors to leave out (e.g. third-party widgets); use sparingly and say why. */
  readonly exclude?: readonly string[];
}

/**
 * Runs axe-core on the page with the WCAG A/AA rules and throws listing every violation.
 * axe is evaluated through the DevTools protocol (page.evaluate), which the site's CSP
 * (script-src 'self') does not block.
 */
export async function checkA11y(page: Page, options: A11yOptions = {}): Promise<void> {
  const violations = await runAxe(page, options);
  if (violations.length === 0) return;
  const lines = violations.flatMap((v) => [
    `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}  <${v.helpUrl}>`,
    ...v.nodes.slice(0, 5).map((n) => `    at ${n.target.map(String).join(' ')}: ${n.html.slice(0, 160)}${n.failureSummary === undefined ? '' : `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`}`),
    ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
  ]);
  throw new Error(`axe found ${violations.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`);
}

/** The raw axe violations, for tests that assert on them. */
export async function runAxe(page: Page, options: A11yOptions = {}): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in globalThis);
  if (!hasAxe) await page.evaluate(axe());
  return page.evaluate(
    async ({ tags, exclude }) => {
      const g = globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
      const context = exclude.length === 0 ? { include: [['html']] } : { include: [['html']], exclude: exclude.map((s) => [s]) };
      const result = await g.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      }));
    },
    { tags: [...WCAG_TAGS], exclude: [...(options.exclude ?? [])] },
  );
}

/** True when the page is wider than the viewport (content would need horizontal scrolling). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth > root.clientWidth;
  });
}

/** Collects the Content-Security-Policy violations the page reports on its console. */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}
