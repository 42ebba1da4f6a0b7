/** The portal shell: skip link, header with the agency's identity, navigation, main, footer. */
import type { Children } from '@kitajs/html';
import type { ViewContext } from './view-context.ts';
import { inLocale } from '../platform/site/settings.ts';
import { CSRF_FIELD } from '../platform/http/csrf.ts';

export interface LayoutProps {
  readonly ctx: ViewContext;
  readonly title: string;
  readonly description?: string;
  readonly children?: Children;
  /** Extra elements for <head> (canonical link, OpenGraph, feeds), already escaped by JSX. */
  readonly head?: Children;
  /** Extra scripts (same-origin paths only; the CSP forbids inline script). */
  readonly scripts?: readonly string[];
}

export function Layout({ ctx, title, description, children, head, scripts = [] }: LayoutProps): JSX.Element {
  const { t, locale, site } = ctx;
  const portal = inLocale(site.portal_name, locale);
  const other = locale === 'vi' ? 'en' : 'vi';
  const switchHref = `/ngon-ngu/${other}?next=${encodeURIComponent(ctx.url)}`;
  const fullTitle = portal === '' ? title : `${title} | ${portal}`;
  const isCurrent = (href: string): boolean => (href === '/' ? ctx.path === '/' : ctx.path === href || ctx.path.startsWith(`${href}/`));
  const isStaff = ctx.user?.accountType === 'staff';
  return (
    <>
      {'<!doctype html>'}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{fullTitle}</title>
          {description === undefined ? '' : <meta name="description" content={description} />}
          <link rel="stylesheet" href="/assets/site.css" />
          <link rel="icon" href="/assets/emblem.svg" type="image/svg+xml" />
          {head ?? ''}
          <script src="/assets/site.js" defer></script>
          {scripts.map((src) => (
            <script src={src} defer></script>
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main" safe>
            {t('shell.skip_to_content')}
          </a>
          <header class="site-header">
            <div class="container header-inner">
              <a class="brand" href="/">
                <img src={site.emblem_url.vi || '/assets/emblem.svg'} alt="" width="56" height="56" />
                <span class="brand-text">
                  <span class="brand-parent" safe>
                    {inLocale(site.parent_name, locale)}
                  </span>
                  <span class="brand-name" safe>
                    {inLocale(site.agency_name, locale)}
                  </span>
                </span>
              </a>
              <div class="header-tools">
                <a href={switchHref} lang={other} hreflang={other} aria-label={t('shell.switch_to_other_label')} safe>
                  {t('shell.switch_to_other')}
                </a>
                {ctx.user === null ? (
                  <>
                    <a href="/dang-nhap" safe>{t('shell.sign_in')}</a>
                    <a href="/dang-ky" safe>{t('shell.sign_up')}</a>
                  </>
                ) : (
                  <>
                    <a href="/tai-khoan" safe>
                      {ctx.user.fullName}
                    </a>
                    {isStaff ? <a href="/quan-tri" safe>{t('shell.admin')}</a> : ''}
                    <form method="post" action="/dang-xuat" class="inline-form">
                      <input type="hidden" name={CSRF_FIELD} value={ctx.csrfToken} />
                      <button type="submit" class="link-button" safe>
                        {t('shell.sign_out')}
                      </button>
                    </form>
                  </>
                )}
              </div>
            </div>
            <nav class="main-nav" aria-label={t('shell.main_navigation')}>
              <div class="container">
                <ul>
                  {[...ctx.nav]
                    .sort((a, b) => a.order - b.order)
                    .map((item) => (
                      <li>
                        <a href={item.href} aria-current={isCurrent(item.href) ? 'page' : undefined} safe>
                          {t(item.label)}
                        </a>
                      </li>
                    ))}
                </ul>
              </div>
            </nav>
          </header>
          <main id="main" class="container" tabindex="-1">
            {children ?? ''}
          </main>
          <footer class="site-footer" aria-label={t('shell.footer')}>
            <div class="container">
              <p class="footer-agency" safe>
                {inLocale(site.agency_name, locale)}
              </p>
              <dl class="footer-details">
                <div>
                  <dt safe>{t('shell.address')}</dt>
                  <dd safe>{inLocale(site.address, locale)}</dd>
                </div>
                <div>
                  <dt safe>{t('shell.phone')}</dt>
                  <dd safe>{site.phone.vi}</dd>
                </div>
                <div>
                  <dt safe>{t('shell.email')}</dt>
                  <dd>
                    <a href={`mailto:${site.email.vi}`} safe>
                      {site.email.vi}
                    </a>
                  </dd>
                </div>
                <div>
                  <dt safe>{t('shell.responsible')}</dt>
                  <dd safe>{inLocale(site.responsible_person, locale)}</dd>
                </div>
                <div>
                  <dt safe>{t('shell.licence')}</dt>
                  <dd safe>{inLocale(site.licence_line, locale)}</dd>
                </div>
              </dl>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
