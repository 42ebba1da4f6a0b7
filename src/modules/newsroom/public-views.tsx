/** Readers' pages: the news index, a category, an article (with its rating box), the print view. */
import { Layout } from '../../ui/layout.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { html, raw, type Markup } from '../../ui/html.ts';
import { CSRF_FIELD } from '../../platform/http/csrf.ts';
import { formatDate, formatNumber } from '../../platform/text/format.ts';
import type { CategoryRow, LiveRevision, PublicArticleSummary } from './queries.ts';
import { articleUrl } from './queries.ts';
import type { RatingSummary } from './rate-article.ts';
import { MAX_STARS } from './rate-article.ts';
import { variantUrl } from './cover-image.ts';

const categoryName = (ctx: ViewContext, c: { name_vi: string; name_en: string }): string => (ctx.locale === 'vi' ? c.name_vi : c.name_en);
const summaryCategory = (ctx: ViewContext, a: PublicArticleSummary): string => (ctx.locale === 'vi' ? a.category_name_vi : a.category_name_en);

export function ArticleList({ ctx, items, headingLevel = 'h3' }: { ctx: ViewContext; items: readonly PublicArticleSummary[]; headingLevel?: 'h2' | 'h3' }): JSX.Element {
  if (items.length === 0) return <p class="muted" safe>{ctx.t('newsroom.no_articles')}</p>;
  return (
    <ul class="news-list">
      {items.map((a) => (
        <li class="news-item">
          {headingLevel === 'h2' ? (
            <h2 class="news-title">
              <a href={articleUrl(a.category_slug, a.slug)} safe>{a.title}</a>
            </h2>
          ) : (
            <h3 class="news-title">
              <a href={articleUrl(a.category_slug, a.slug)} safe>{a.title}</a>
            </h3>
          )}
          <p class="muted news-meta">
            <time datetime={a.published_at} safe>{formatDate(a.published_at)}</time>
            <span safe>{` · ${summaryCategory(ctx, a)}`}</span>
          </p>
          {a.lead === '' ? '' : <p safe>{a.lead}</p>}
        </li>
      ))}
    </ul>
  );
}

export interface NewsIndexProps {
  readonly ctx: ViewContext;
  readonly featured: readonly PublicArticleSummary[];
  readonly sections: readonly { category: CategoryRow; items: readonly PublicArticleSummary[] }[];
}

export function NewsIndexPage({ ctx, featured, sections }: NewsIndexProps): JSX.Element {
  const t = ctx.t;
  const feed = `${ctx.publicUrl.origin}/tin-tuc/rss.xml`;
  return (
    <Layout ctx={ctx} title={t('newsroom.news')} head={<link rel="alternate" type="application/rss+xml" title={t('newsroom.news')} href={feed} />}>
      <h1 safe>{t('newsroom.news')}</h1>
      <NewsSections ctx={ctx} featured={featured} sections={sections} />
    </Layout>
  );
}

/** Featured and latest news by category: used on /tin-tuc and as the home page's news section. */
export function NewsSections({ ctx, featured, sections }: Omit<NewsIndexProps, 'ctx'> & { ctx: ViewContext }): JSX.Element {
  const t = ctx.t;
  return (
    <>
      {featured.length === 0 ? '' : (
        <section aria-labelledby="news-featured">
          <h2 id="news-featured" safe>{t('newsroom.featured')}</h2>
          <ArticleList ctx={ctx} items={featured} />
        </section>
      )}
      {sections.map(({ category, items }) => (
        <section aria-labelledby={`news-cat-${category.id}`}>
          <h2 id={`news-cat-${category.id}`}>
            <a href={`/tin-tuc/${category.slug}`} safe>{categoryName(ctx, category)}</a>
          </h2>
          <ArticleList ctx={ctx} items={items} />
        </section>
      ))}
    </>
  );
}

export interface CategoryPageProps {
  readonly ctx: ViewContext;
  readonly category: CategoryRow;
  readonly trail: readonly CategoryRow[];
  readonly items: readonly PublicArticleSummary[];
  readonly page: number;
  readonly pages: number;
}

function Breadcrumb({ ctx, trail, current }: { ctx: ViewContext; trail: readonly { href: string; label: string }[]; current: string }): JSX.Element {
  return html`
    <nav class="breadcrumb" aria-label="${ctx.t('newsroom.breadcrumb')}">
      <ol>
        <li><a href="/">${ctx.t('shell.home')}</a></li>
        ${trail.map((c) => html`<li><a href="${c.href}">${c.label}</a></li>`)}
        <li aria-current="page">${current}</li>
      </ol>
    </nav>`.html;
}

export function CategoryPage({ ctx, category, trail, items, page, pages }: CategoryPageProps): JSX.Element {
  const t = ctx.t;
  const name = categoryName(ctx, category);
  const base = `/tin-tuc/${category.slug}`;
  const crumbs = [{ href: '/tin-tuc', label: t('newsroom.news') }, ...trail.slice(0, -1).map((c) => ({ href: `/tin-tuc/${c.slug}`, label: categoryName(ctx, c) }))];
  return (
    <Layout
      ctx={ctx}
      title={page > 1 ? `${name} (${t('newsroom.page_n', { page })})` : name}
      head={
        <>
          <link rel="canonical" href={`${ctx.publicUrl.origin}${base}${page > 1 ? `?trang=${page}` : ''}`} />
          <link rel="alternate" type="application/rss+xml" title={name} href={`${ctx.publicUrl.origin}${base}/rss.xml`} />
          <link rel="alternate" type="application/atom+xml" title={name} href={`${ctx.publicUrl.origin}${base}/atom.xml`} />
        </>
      }
    >
      <Breadcrumb ctx={ctx} trail={crumbs} current={name} />
      <h1 safe>{name}</h1>
      <ArticleList ctx={ctx} items={items} headingLevel="h2" />
      <Pagination ctx={ctx} base={base} page={page} pages={pages} />
      <p>
        <a href={`${base}/rss.xml`} safe>{t('newsroom.rss')}</a>
        {' · '}
        <a href={`${base}/atom.xml`} safe>{t('newsroom.atom')}</a>
      </p>
    </Layout>
  );
}

export function Pagination({ ctx, base, page, pages, param = 'trang' }: { ctx: ViewContext; base: string; page: number; pages: number; param?: string }): JSX.Element {
  if (pages <= 1) return <></>;
  const sep = base.includes('?') ? '&' : '?';
  const href = (p: number) => (p === 1 && param === 'trang' ? base : `${base}${sep}${param}=${p}`);
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={ctx.t('newsroom.pagination')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev" safe>{ctx.t('newsroom.previous')}</a>
          </li>
        ) : ''}
        {shown.map((p) =>
          p === page ? (
            <li>
              <span aria-current="page" safe>{String(p)}</span>
            </li>
          ) : (
            <li>
              <a href={href(p)} aria-label={ctx.t('newsroom.page_n', { page: p })} safe>{String(p)}</a>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next" safe>{ctx.t('newsroom.next')}</a>
          </li>
        ) : ''}
      </ul>
    </nav>
  );
}

export interface ArticlePageProps {
  readonly ctx: ViewContext;
  readonly article: { id: number; slug: string; published_at: string; view_count: number };
  readonly revision: LiveRevision;
  readonly trail: readonly CategoryRow[];
  readonly related: readonly PublicArticleSummary[];
  readonly tags?: readonly { slug: string; name: string }[];
  readonly rating: RatingSummary;
  readonly ratingNotice?: string | undefined;
  readonly ratingError?: string | undefined;
  /** Sanitised at save time (sanitize.ts); the only HTML rendered unescaped. */
  readonly safeBody: string;
  /** The view count as shown; a mark filled in on each response when the page is cached (page-cache.ts). */
  readonly viewsText?: string;
}

// The rating box and the article page are templates, not JSX, like the shell (ui/html.ts): the page
// is rendered for every reader when the page cache is off. The markup is the same as JSX wrote it.
function RatingBox({ ctx, articleId, rating, notice, error }: { ctx: ViewContext; articleId: number; rating: RatingSummary; notice?: string | undefined; error?: string | undefined }): Markup {
  const t = ctx.t;
  const stars = Array.from({ length: MAX_STARS }, (_, i) => MAX_STARS - i);
  const summary = rating.count === 0 ? t('newsroom.rating_none') : t('newsroom.rating_summary', { average: formatNumber(rating.average, ctx.locale, 1), count: formatNumber(rating.count, ctx.locale) });
  // A signed-in reader's rating is theirs: it carries their form token. A reader who is not signed in
  // shares the cached page, and the rating route checks where the post comes from.
  const token = ctx.user === null ? '' : html`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrfToken}"/>`;
  return html`
    <section class="rating no-print" id="danh-gia" aria-labelledby="rating-title" data-rating>
      <h2 id="rating-title">${`${t('newsroom.rate_title')} (${formatNumber(rating.count, ctx.locale)})`}</h2>
      <p class="rating-summary" data-rating-summary aria-live="polite">${summary}</p>
      ${notice === undefined ? '' : html`<p class="alert alert-success" role="status">${notice}</p>`}
      ${error === undefined ? '' : html`<p class="alert alert-error" role="alert">${error}</p>`}
      <form method="post" action="${`/tin-tuc/danh-gia/${articleId}`}" class="rating-form">
        ${token}
        <fieldset>
          <legend>${t('newsroom.rate_legend')}</legend>
          ${stars.map(
            (n) => html`
              <span class="rating-option">
                <input type="radio" name="stars" value="${String(n)}" id="${`stars-${n}`}" required/>
                <label for="${`stars-${n}`}">${t('newsroom.stars_n', { n })}</label>
              </span>`,
          )}
        </fieldset>
        <button type="submit" class="button">${t('newsroom.rate_submit')}</button>
      </form>
    </section>`;
}

export function ArticlePage(props: ArticlePageProps): JSX.Element {
  const { ctx, article, revision, trail, related, rating, safeBody } = props;
  const t = ctx.t;
  const category = trail[trail.length - 1];
  const path = category === undefined ? '' : articleUrl(category.slug, article.slug);
  const canonical = `${ctx.publicUrl.origin}${path}`;
  const crumbs = [{ href: '/tin-tuc', label: t('newsroom.news') }, ...trail.map((c) => ({ href: `/tin-tuc/${c.slug}`, label: categoryName(ctx, c) }))];
  const share = encodeURIComponent(canonical);
  const description = revision.lead === '' ? revision.title : revision.lead;
  const views = props.viewsText ?? formatNumber(article.view_count, ctx.locale);
  const head = html`
    <link rel="canonical" href="${canonical}"/>
    <meta property="og:type" content="article"/>
    <meta property="og:title" content="${revision.title}"/>
    <meta property="og:description" content="${description}"/>
    <meta property="og:url" content="${canonical}"/>
    <meta property="og:locale" content="vi_VN"/>
    <meta property="article:published_time" content="${article.published_at}"/>
    ${revision.cover_sha256 === null ? '' : html`<meta property="og:image" content="${`${ctx.publicUrl.origin}${variantUrl(revision.cover_sha256, 1280)}`}"/>`}`;
  const cover = revision.cover_sha256 === null ? '' : html`<figure class="article-cover"><img src="${variantUrl(revision.cover_sha256, 1280)}" alt="${revision.cover_alt ?? ''}"/></figure>`;
  const tags =
    props.tags === undefined || props.tags.length === 0
      ? ''
      : html`
          <nav aria-label="${t('newsroom.tags_label')}" class="no-print">
            <ul class="tag-list">${props.tags.map((tag) => html`<li><a href="${tagUrl(tag.slug)}" rel="tag">${tag.name}</a></li>`)}</ul>
          </nav>`;
  const relatedBox =
    related.length === 0
      ? ''
      : html`
          <section aria-labelledby="related-title" class="no-print">
            <h2 id="related-title">${t('newsroom.related')}</h2>
            ${raw(ArticleList({ ctx, items: related }) as string)}
          </section>`;
  const body = html`
    ${raw(Breadcrumb({ ctx, trail: crumbs, current: revision.title }) as string)}
    <article class="article">
      <h1>${revision.title}</h1>
      <p class="muted article-meta">
        <span>${`${t('newsroom.published_on')} `}</span>
        <time datetime="${article.published_at}">${formatDate(article.published_at)}</time>
        <span>${` · ${t('newsroom.views', { count: views })}`}</span>
      </p>
      ${revision.lead === '' ? '' : html`<p class="lead">${revision.lead}</p>`}
      ${cover}
      <div class="prose">${raw(safeBody)}</div>
      <p class="article-author">${revision.author_byline}</p>
      ${revision.source === null ? '' : html`<p class="muted">${`${t('newsroom.source')}: ${revision.source}`}</p>`}
      ${revision.event_date === null ? '' : html`<p class="muted">${`${t('newsroom.event_date')}: ${formatDate(revision.event_date)}`}</p>`}
      ${tags}
    </article>
    <p class="actions no-print">
      <a href="${`${path}/ban-in`}">${t('newsroom.print')}</a>
      <a href="${`https://www.facebook.com/sharer/sharer.php?u=${share}`}" rel="noopener">${t('newsroom.share_facebook')}</a>
      <a href="${`https://twitter.com/intent/tweet?url=${share}`}" rel="noopener">${t('newsroom.share_x')}</a>
      <a href="${`mailto:?subject=${encodeURIComponent(revision.title)}&body=${share}`}">${t('newsroom.share_email')}</a>
    </p>
    ${RatingBox({ ctx, articleId: article.id, rating, notice: props.ratingNotice, error: props.ratingError })}
    ${relatedBox}`;
  return Layout({ ctx, title: revision.title, description, scripts: ['/assets/newsroom-rating.js'], head, children: body });
}

/** A page of its own for printing: the article without the portal's navigation. */
export function PrintPage({ ctx, revision, publishedAt, canonical, safeBody }: { ctx: ViewContext; revision: LiveRevision; publishedAt: string; canonical: string; safeBody: string }): JSX.Element {
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title safe>{revision.title}</title>
          <link rel="canonical" href={canonical} />
          <link rel="stylesheet" href="/assets/site.css" />
        </head>
        <body>
          <main id="main" class="container print-view">
            <article class="article">
              <h1 safe>{revision.title}</h1>
              <p class="muted" safe>{`${formatDate(publishedAt)} · ${revision.author_byline}${revision.source === null ? '' : ` · ${revision.source}`}`}</p>
              {revision.lead === '' ? '' : <p class="lead" safe>{revision.lead}</p>}
              <div class="prose">{safeBody}</div>
              <p class="muted" safe>{canonical}</p>
            </article>
          </main>
        </body>
      </html>
    </>
  );
}

/** A short page for the outcome of a form post without JavaScript (rating refused, …). */
export function MessagePage({ ctx, title, message, back }: { ctx: ViewContext; title: string; message: string; back: string }): JSX.Element {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p class="alert alert-error" role="alert" safe>{message}</p>
      <p>
        <a href={back} safe>{ctx.t('newsroom.back_to_article')}</a>
      </p>
    </Layout>
  );
}

export const tagUrl = (slug: string): string => `/tin-tuc/the/${slug}`;

/** Published articles carrying one tag. */
export function TagPage({ ctx, tag, items, page, pages }: { ctx: ViewContext; tag: { slug: string; name: string }; items: readonly PublicArticleSummary[]; page: number; pages: number }): JSX.Element {
  const t = ctx.t;
  const title = t('newsroom.tag_title', { tag: tag.name });
  const base = tagUrl(tag.slug);
  return (
    <Layout ctx={ctx} title={page > 1 ? `${title} (${t('newsroom.page_n', { page })})` : title} head={<link rel="canonical" href={`${ctx.publicUrl.origin}${base}${page > 1 ? `?trang=${page}` : ''}`} />}>
      <Breadcrumb ctx={ctx} trail={[{ href: '/tin-tuc', label: t('newsroom.news') }]} current={title} />
      <h1 safe>{title}</h1>
      {items.length === 0 ? <p safe>{t('newsroom.no_articles')}</p> : <ArticleList ctx={ctx} items={items} headingLevel="h2" />}
      <Pagination ctx={ctx} base={base} page={page} pages={pages} />
    </Layout>
  );
}
