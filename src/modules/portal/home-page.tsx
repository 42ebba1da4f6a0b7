import { Layout } from '../../ui/layout.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { inLocale } from '../../platform/site/settings.ts';
import { formatDate } from '../../platform/text/format.ts';
import type { HomeArticle, HomeNews } from '../newsroom/home-news.ts';

function ArticleItem({ a, lead }: { a: HomeArticle; lead: boolean }): JSX.Element {
  return (
    <li class="home-article">
      <a href={a.url} safe>{a.title}</a>
      <time datetime={a.publishedAt} safe>{formatDate(a.publishedAt)}</time>
      {lead && a.lead !== '' ? <p safe>{a.lead}</p> : ''}
    </li>
  );
}

export function HomePage({ ctx, news }: { ctx: ViewContext; news: HomeNews }): JSX.Element {
  const name = inLocale(ctx.site.portal_name, ctx.locale);
  const links = [...ctx.nav].filter((n) => n.href !== '/').sort((a, b) => a.order - b.order);
  const en = ctx.locale === 'en';
  return (
    <Layout ctx={ctx} title={ctx.t('shell.home')}>
      <h1 safe>{name}</h1>
      <div class="home-grid">
        <div class="home-news">
          {news.featured.length === 0 ? '' : (
            <section aria-labelledby="home-featured">
              <h2 id="home-featured" safe>{ctx.t('portal.home_featured')}</h2>
              <ul class="home-articles featured">
                {news.featured.map((a) => (
                  <ArticleItem a={a} lead />
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="home-latest">
            <h2 id="home-latest" safe>{ctx.t('portal.home_latest')}</h2>
            {news.categories.length === 0 ? <p safe>{ctx.t('portal.home_no_news')}</p> : ''}
            {news.categories.map((c, i) => {
              const cname = en && c.nameEn !== '' ? c.nameEn : c.nameVi;
              return (
                <section aria-labelledby={`home-cat-${i}`} class="home-category">
                  <h3 id={`home-cat-${i}`}>
                    <a href={c.url} safe>{cname}</a>
                  </h3>
                  <ul class="home-articles">
                    {c.articles.map((a) => (
                      <ArticleItem a={a} lead={false} />
                    ))}
                  </ul>
                  <p>
                    <a href={c.url} safe>{ctx.t('portal.home_more', { category: cname })}</a>
                  </p>
                </section>
              );
            })}
          </section>
        </div>
        <nav class="home-links" aria-labelledby="home-links">
          <h2 id="home-links" safe>{ctx.t('portal.home_links')}</h2>
          <ul>
            {links.map((l) => (
              <li>
                <a href={l.href} safe>{ctx.t(l.label)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </Layout>
  );
}
