/** Public introduction pages: functions and duties, organisation chart, leaders, directory, contact. */
import type { Children } from '@kitajs/html';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { AgencyDuty, AgencyVersion } from '../../platform/org/queries.ts';
import { formatDate } from '../../platform/text/format.ts';
import { inLocale } from '../../platform/site/settings.ts';
import { Layout } from '../../ui/layout.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { DirectoryEntry, IntroPage, OrgNode, Person } from './intro-queries.ts';

export const INTRO_PATH = '/gioi-thieu';
export const introHref = (slug: string): string => `${INTRO_PATH}/${slug}`;

const byLocale = (ctx: ViewContext, vi: string | null, en: string | null): string => (ctx.locale === 'en' && en !== null && en !== '' ? en : (vi ?? ''));
export const pageTitle = (ctx: ViewContext, p: IntroPage): string => byLocale(ctx, p.title_vi, p.title_en);

/** Plain text with blank lines between paragraphs, escaped. */
export function Paragraphs({ text }: { text: string }): JSX.Element {
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return (
    <>
      {paras.map((p) => (
        <p safe>{p}</p>
      ))}
    </>
  );
}

function IntroShell({ ctx, pages, page, children }: { ctx: ViewContext; pages: readonly IntroPage[]; page: IntroPage; children?: Children }): JSX.Element {
  const title = pageTitle(ctx, page);
  return (
    <Layout ctx={ctx} title={title}>
      <nav aria-label={ctx.t('shell.breadcrumb')} class="breadcrumb intro-breadcrumb">
        <ol>
          <li>
            <a href="/" safe>{ctx.t('shell.home')}</a>
          </li>
          <li>
            <a href={INTRO_PATH} safe>{ctx.t('portal.intro_title')}</a>
          </li>
          <li aria-current="page" safe>
            {title}
          </li>
        </ol>
      </nav>
      <div class="intro-layout">
        <nav class="intro-nav" aria-label={ctx.t('portal.intro_sections')}>
          <ul>
            {pages.map((p) => (
              <li>
                <a href={introHref(p.slug)} aria-current={p.slug === page.slug ? 'page' : undefined} safe>
                  {pageTitle(ctx, p)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <article class="intro-content">
          <h1 safe>{title}</h1>
          <Paragraphs text={byLocale(ctx, page.body_vi, page.body_en)} />
          {children ?? ''}
        </article>
      </div>
    </Layout>
  );
}

export function IntroIndexPage({ ctx, pages }: { ctx: ViewContext; pages: readonly IntroPage[] }): JSX.Element {
  return (
    <Layout ctx={ctx} title={ctx.t('portal.intro_title')}>
      <h1 safe>{ctx.t('portal.intro_title')}</h1>
      <p safe>{ctx.t('portal.intro_lead')}</p>
      <ul class="intro-index">
        {pages.map((p) => (
          <li>
            <a href={introHref(p.slug)} safe>
              {pageTitle(ctx, p)}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

const period = (ctx: ViewContext, from: string, to: string | null): string =>
  ctx.t('portal.period_value', { from: formatDate(from), to: to === null ? ctx.t('portal.until_now') : formatDate(to) });

const dutyLabel = (ctx: ViewContext, duty: string): string => {
  const key = `portal.duty_${duty}`;
  return ctx.t(key as MessageKey);
};

export function FunctionsPage({ ctx, pages, page, versions, duties }: { ctx: ViewContext; pages: readonly IntroPage[]; page: IntroPage; versions: readonly AgencyVersion[]; duties: readonly AgencyDuty[] }): JSX.Element {
  const first = versions[0];
  const last = versions.at(-1);
  return (
    <IntroShell ctx={ctx} pages={pages} page={page}>
      <h2 safe>{ctx.t('portal.duties_heading')}</h2>
      {first === undefined || last === undefined ? '' : (
        <p safe>{ctx.t('portal.duties_as_of', { from: formatDate(first.validFrom), to: last.validTo === null ? ctx.t('portal.until_now') : formatDate(last.validTo) })}</p>
      )}
      {duties.length === 0 ? (
        <p safe>{ctx.t('portal.no_duties')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col" safe>{ctx.t('portal.duty')}</th>
              <th scope="col" safe>{ctx.t('portal.period')}</th>
            </tr>
          </thead>
          <tbody>
            {duties.map((d) => (
              <tr>
                <th scope="row" safe>{dutyLabel(ctx, d.duty)}</th>
                <td safe>{period(ctx, d.validFrom, d.validTo)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </IntroShell>
  );
}

function OrgList({ ctx, nodes }: { ctx: ViewContext; nodes: readonly OrgNode[] }): JSX.Element {
  return (
    <ul>
      {nodes.map((n) => (
        <li>
          <span safe>{byLocale(ctx, n.unit.name_vi, n.unit.name_en)}</span>
          {n.children.length === 0 ? '' : <OrgList ctx={ctx} nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

export function OrgChartPage({ ctx, pages, page, agencyName, tree }: { ctx: ViewContext; pages: readonly IntroPage[]; page: IntroPage; agencyName: string; tree: readonly OrgNode[] }): JSX.Element {
  return (
    <IntroShell ctx={ctx} pages={pages} page={page}>
      <figure class="org-chart">
        <figcaption safe>{ctx.t('portal.org_chart_label')}</figcaption>
        <ul>
          <li>
            <strong safe>{agencyName}</strong>
            {tree.length === 0 ? <p safe>{ctx.t('portal.no_units')}</p> : <OrgList ctx={ctx} nodes={tree} />}
          </li>
        </ul>
      </figure>
    </IntroShell>
  );
}

function Contacts({ ctx, phone, email }: { ctx: ViewContext; phone: string | null; email: string | null }): JSX.Element {
  return (
    <>
      {phone === null || phone === '' ? '' : (
        <div>
          <dt safe>{ctx.t('shell.phone')}</dt>
          <dd>
            <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} safe>
              {phone}
            </a>
          </dd>
        </div>
      )}
      {email === null || email === '' ? '' : (
        <div>
          <dt safe>{ctx.t('shell.email')}</dt>
          <dd>
            <a href={`mailto:${email}`} safe>
              {email}
            </a>
          </dd>
        </div>
      )}
    </>
  );
}

export function LeadersPage({ ctx, pages, page, leaders }: { ctx: ViewContext; pages: readonly IntroPage[]; page: IntroPage; leaders: readonly Person[] }): JSX.Element {
  return (
    <IntroShell ctx={ctx} pages={pages} page={page}>
      {leaders.length === 0 ? <p safe>{ctx.t('portal.leaders_none')}</p> : ''}
      <ul class="leaders">
        {leaders.map((p) => (
          <li class="leader">
            {p.portrait_url === null || p.portrait_url === '' ? '' : <img src={p.portrait_url} alt={ctx.t('portal.portrait_alt', { name: p.full_name })} width="120" height="160" loading="lazy" />}
            <div>
              <h2 safe>{p.full_name}</h2>
              <dl class="leader-details">
                <div>
                  <dt safe>{ctx.t('portal.position')}</dt>
                  <dd safe>{byLocale(ctx, p.position_vi, p.position_en)}</dd>
                </div>
                {p.duties_vi === null || p.duties_vi === '' ? '' : (
                  <div>
                    <dt safe>{ctx.t('portal.duties_of_leader')}</dt>
                    <dd safe>{byLocale(ctx, p.duties_vi, p.duties_en)}</dd>
                  </div>
                )}
                <Contacts ctx={ctx} phone={p.phone} email={p.email} />
              </dl>
            </div>
          </li>
        ))}
      </ul>
    </IntroShell>
  );
}

export function DirectoryPage({ ctx, pages, page, entries, query }: { ctx: ViewContext; pages: readonly IntroPage[]; page: IntroPage; entries: readonly DirectoryEntry[]; query: string }): JSX.Element {
  return (
    <IntroShell ctx={ctx} pages={pages} page={page}>
      <form method="get" action={introHref(page.slug)} class="directory-search" role="search">
        <label for="f-q" safe>{ctx.t('portal.directory_search')}</label>
        <p class="hint" id="f-q-hint" safe>{ctx.t('portal.directory_search_hint')}</p>
        <div class="search-row">
          <input id="f-q" name="q" type="search" value={query} maxlength="100" aria-describedby="f-q-hint" />
          <button type="submit" safe>{ctx.t('portal.search_button')}</button>
        </div>
      </form>
      <p role="status" safe>{entries.length === 0 ? ctx.t('portal.directory_none') : ctx.t('portal.directory_count', { count: entries.length })}</p>
      {entries.length === 0 ? '' : (
        <div class="table-scroll">
          <table class="data-table directory">
            <thead>
              <tr>
                <th scope="col" safe>{ctx.t('portal.directory_unit')}</th>
                <th scope="col" safe>{ctx.t('portal.directory_person')}</th>
                <th scope="col" safe>{ctx.t('shell.phone')}</th>
                <th scope="col" safe>{ctx.t('shell.email')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <th scope="row" safe>{byLocale(ctx, e.unit_vi, e.unit_en)}</th>
                  <td safe>{[e.person, byLocale(ctx, e.position_vi, e.position_en)].filter((v) => v !== null && v !== '').join(', ')}</td>
                  <td>{e.phone === null ? '' : <a href={`tel:${e.phone.replace(/[^\d+]/g, '')}`} safe>{e.phone}</a>}</td>
                  <td>{e.email === null ? '' : <a href={`mailto:${e.email}`} safe>{e.email}</a>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </IntroShell>
  );
}

export function ContactPage({ ctx, pages, page, agency }: { ctx: ViewContext; pages: readonly IntroPage[]; page: IntroPage; agency: AgencyVersion | null }): JSX.Element {
  const site = ctx.site;
  // The site settings hold the address in both languages; the agency's record only in Vietnamese.
  const address = inLocale(site.address, ctx.locale);
  return (
    <IntroShell ctx={ctx} pages={pages} page={page}>
      <dl class="contact-details">
        <div>
          <dt safe>{ctx.t('portal.contact_agency')}</dt>
          <dd safe>{agency === null ? inLocale(site.agency_name, ctx.locale) : byLocale(ctx, agency.nameVi, agency.nameEn)}</dd>
        </div>
        <div>
          <dt safe>{ctx.t('shell.address')}</dt>
          <dd safe>{address}</dd>
        </div>
        <Contacts ctx={ctx} phone={agency?.phone ?? site.phone.vi} email={agency?.email ?? site.email.vi} />
      </dl>
      <p>
        <a href={introHref('danh-ba')} safe>{ctx.t('portal.contact_directory_link')}</a>
      </p>
    </IntroShell>
  );
}
