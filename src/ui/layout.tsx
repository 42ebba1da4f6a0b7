/** The portal shell: skip link, header with the agency's identity, navigation, main, footer. */
import { contentToString, type Children } from '@kitajs/html';
import { html, Markup, raw } from './html.ts';
import type { ViewContext } from './view-context.ts';
import { inLocale } from '../platform/site/settings.ts';
import { CSRF_FIELD } from '../platform/http/csrf.ts';

export interface LayoutProps {
  readonly ctx: ViewContext;
  readonly title: string;
  readonly description?: string;
  readonly children?: Children | Markup;
  /** Extra elements for <head> (canonical link, OpenGraph, feeds), already escaped by JSX or a template. */
  readonly head?: Children | Markup;
  /** Extra scripts (same-origin paths only; the CSP forbids inline script). */
  readonly scripts?: readonly string[];
}

/** Children given by JSX (already markup) or by a template, as markup for the shell's template. */
function asMarkup(children: Children | Markup | undefined): Markup {
  if (children instanceof Markup) return children;
  const markup = contentToString(children ?? '');
  if (typeof markup !== 'string') throw new Error('the portal shell takes rendered children, not a promise');
  return raw(markup);
}

// Written as a template, not JSX: the shell is part of every page, and on the article page with the
// cache off rendering was the largest cost (see html.ts). The markup is the same as JSX wrote it.
export function Layout({ ctx, title, description, children, head, scripts = [] }: LayoutProps): JSX.Element {
  const { t, locale, site } = ctx;
  const portal = inLocale(site.portal_name, locale);
  const other = locale === 'vi' ? 'en' : 'vi';
  const switchHref = `/ngon-ngu/${other}?next=${encodeURIComponent(ctx.url)}`;
  const fullTitle = portal === '' ? title : `${title} | ${portal}`;
  const isCurrent = (href: string): boolean => (href === '/' ? ctx.path === '/' : ctx.path === href || ctx.path.startsWith(`${href}/`));
  const isStaff = ctx.user?.accountType === 'staff';
  const tools =
    ctx.user === null
      ? html`<a href="/dang-nhap">${t('shell.sign_in')}</a><a href="/dang-ky">${t('shell.sign_up')}</a>`
      : html`
          <a href="/tai-khoan">${ctx.user.fullName}</a>
          ${isStaff ? html`<a href="/quan-tri">${t('shell.admin')}</a>` : ''}
          <form method="post" action="/dang-xuat" class="inline-form">
            <input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrfToken}"/>
            <button type="submit" class="link-button">${t('shell.sign_out')}</button>
          </form>`;
  const nav = [...ctx.nav]
    .sort((a, b) => a.order - b.order)
    .map((item) => html`<li><a href="${item.href}"${isCurrent(item.href) ? raw(' aria-current="page"') : ''}>${t(item.label)}</a></li>`);
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>${fullTitle}</title>
        ${description === undefined ? '' : html`<meta name="description" content="${description}"/>`}
        <link rel="stylesheet" href="/assets/site.css"/>
        <link rel="icon" href="/assets/emblem.svg" type="image/svg+xml"/>
        ${asMarkup(head)}
        <script src="/assets/site.js" defer></script>
        ${scripts.map((src) => html`<script src="${src}" defer></script>`)}
      </head>
      <body>
        <a class="skip-link" href="#main">${t('shell.skip_to_content')}</a>
        <header class="site-header">
          <div class="container header-inner">
            <a class="brand" href="/">
              <img src="${site.emblem_url.vi || '/assets/emblem.svg'}" alt="" width="56" height="56"/>
              <span class="brand-text">
                <span class="brand-parent">${inLocale(site.parent_name, locale)}</span>
                <span class="brand-name">${inLocale(site.agency_name, locale)}</span>
              </span>
            </a>
            <div class="header-tools">
              <a href="${switchHref}" lang="${other}" hreflang="${other}" aria-label="${t('shell.switch_to_other_label')}">${t('shell.switch_to_other')}</a>
              ${tools}
            </div>
          </div>
          <nav class="main-nav" aria-label="${t('shell.main_navigation')}">
            <div class="container"><ul>${nav}</ul></div>
          </nav>
        </header>
        <main id="main" class="container" tabindex="-1">${asMarkup(children)}</main>
        <footer class="site-footer" aria-label="${t('shell.footer')}">
          <div class="container">
            <p class="footer-agency">${inLocale(site.agency_name, locale)}</p>
            <dl class="footer-details">
              <div><dt>${t('shell.address')}</dt><dd>${inLocale(site.address, locale)}</dd></div>
              <div><dt>${t('shell.phone')}</dt><dd>${site.phone.vi}</dd></div>
              <div><dt>${t('shell.email')}</dt><dd><a href="${`mailto:${site.email.vi}`}">${site.email.vi}</a></dd></div>
              <div><dt>${t('shell.responsible')}</dt><dd>${inLocale(site.responsible_person, locale)}</dd></div>
              <div><dt>${t('shell.licence')}</dt><dd>${inLocale(site.licence_line, locale)}</dd></div>
            </dl>
          </div>
        </footer>
      </body>
    </html>`.html;
}
