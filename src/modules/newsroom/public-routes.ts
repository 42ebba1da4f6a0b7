/** Readers' routes: news index, categories, articles, print view, rating, feeds, sitemap and robots.txt. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { isCsrfValid, isSameOriginRequest } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { inLocale } from '../../platform/site/settings.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import {
  articleBySlug,
  articleUrl,
  featuredPublicArticles,
  latestPublicArticles,
  articlePageBySlug,
  PAGE_RELATED,
  publicArticlesInCategories,
  publicArticleUrls,
  publicArticlesWithTag,
  tagBySlug,
  type CategoryRow,
  type CategoryTree,
  type PublicArticleSummary,
} from './queries.ts';
import { ArticlePage, CategoryPage, MessagePage, NewsIndexPage, PrintPage, TagPage } from './public-views.tsx';
import { relatedForPage } from './related-articles.ts';
import { parseStars, rateArticle, ratingSummary } from './rate-article.ts';
import { atom, rss, sitemap, type FeedInfo } from './feeds.ts';
import type { ViewCounter } from './view-counter.ts';
import { articleStamp, VIEW_COUNT_MARK, type CachedArticle, type PageCache } from './page-cache.ts';
import { encodingHeaders, markEncoding, preferredEncoding, type ContentEncoding } from '../../platform/http/encoding.ts';
import { formatNumber } from '../../platform/text/format.ts';
import { encodeUtf8 } from '../../platform/text/utf8.ts';

export const PAGE_SIZE = 10;
/** Readers' ratings; the route itself drops the rated article's cached pages. */
export const RATING_ROUTE = '/tin-tuc/danh-gia/:id';
const FEED_SIZE = 30;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ARTICLE_ROUTE = '/tin-tuc/:cat/:slug';
const keptHeaders = (encoding: ContentEncoding, cache: 'hit' | 'miss'): Readonly<Record<string, string>> =>
  Object.freeze({ 'content-type': 'text/html; charset=utf-8', 'x-cache': cache, ...encodingHeaders(encoding) });
/** The headers of a kept page's answer, made once: a hit in each encoding, and the miss (sent plain). */
const KEPT_HIT_HEADERS: Readonly<Record<ContentEncoding, Readonly<Record<string, string>>>> = { identity: keptHeaders('identity', 'hit'), br: keptHeaders('br', 'hit'), gzip: keptHeaders('gzip', 'hit') };
const KEPT_MISS_HEADERS = keptHeaders('identity', 'miss');
/** An article's address as the shortcut takes it: category and article slugs, no trailing slash. */
const ARTICLE_PATH = /^\/tin-tuc\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The news sections for the home page and /tin-tuc: featured, then the latest of each top-level category. */
export async function newsSections(app: FastifyInstance, tree: CategoryTree, perCategory = 5) {
  const db = app.deps.store.db;
  const now = nowIso();
  const categories = await tree.all();
  const sections: { category: CategoryRow; items: PublicArticleSummary[] }[] = [];
  for (const category of categories.filter((c) => c.parent_id === null)) {
    const ids = await tree.withDescendants(category.id);
    sections.push({ category, items: await latestPublicArticles(db, now, perCategory, ids) });
  }
  return { featured: await featuredPublicArticles(db, now, 3), sections: sections.filter((s) => s.items.length > 0) };
}

/** `pages` is absent when the page cache is switched off (NEWSROOM_PAGE_CACHE=false). */
export function registerPublicRoutes(app: FastifyInstance, views: ViewCounter, pages: PageCache | undefined, tree: CategoryTree): void {
  const { store, config } = app.deps;
  const db = store.db;
  const origin = config.publicUrl.origin;

  app.get('/tin-tuc', async (request, reply) => {
    const ctx = await viewContext(request);
    return sendHtml(reply, NewsIndexPage({ ctx, ...(await newsSections(app, tree)) }));
  });

  async function feedItems(categoryIds?: readonly number[]) {
    const items = await latestPublicArticles(db, nowIso(), FEED_SIZE, categoryIds);
    return items.map((a) => ({ title: a.title, url: `${origin}${articleUrl(a.category_slug, a.slug)}`, summary: a.lead, author: a.author_byline, publishedAt: a.published_at, category: a.category_name_vi }));
  }

  async function sendFeed(request: FastifyRequest, reply: FastifyReply, kind: 'rss' | 'atom', category: CategoryRow | undefined) {
    const site = await app.deps.site.get();
    const portal = inLocale(site.portal_name, 'vi');
    const path = category === undefined ? '/tin-tuc' : `/tin-tuc/${category.slug}`;
    const info: FeedInfo = {
      title: category === undefined ? portal : `${category.name_vi} | ${portal}`,
      url: `${origin}${path}`,
      selfUrl: `${origin}${path}/${kind}.xml`,
      description: request.t('newsroom.feed_description'),
      language: 'vi',
    };
    const items = await feedItems(category === undefined ? undefined : await tree.withDescendants(category.id));
    return reply.type(kind === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8').send(kind === 'rss' ? rss(info, items) : atom(info, items));
  }

  app.get('/tin-tuc/rss.xml', async (request, reply) => sendFeed(request, reply, 'rss', undefined));
  app.get('/tin-tuc/atom.xml', async (request, reply) => sendFeed(request, reply, 'atom', undefined));

  async function categoryOr404(slug: string): Promise<CategoryRow> {
    const category = SLUG.test(slug) ? await tree.bySlug(slug) : undefined;
    if (category === undefined) throw new AppError('not_found');
    return category;
  }

  app.get<{ Params: { cat: string } }>('/tin-tuc/:cat/rss.xml', async (request, reply) => sendFeed(request, reply, 'rss', await categoryOr404(request.params.cat)));
  app.get<{ Params: { cat: string } }>('/tin-tuc/:cat/atom.xml', async (request, reply) => sendFeed(request, reply, 'atom', await categoryOr404(request.params.cat)));

  // A static segment: find-my-way prefers it to the category route, so "the" is no category slug.
  app.get<{ Params: { tag: string }; Querystring: { trang?: string } }>('/tin-tuc/the/:tag', async (request, reply) => {
    const tag = SLUG.test(request.params.tag) ? await tagBySlug(db, request.params.tag) : undefined;
    if (tag === undefined) throw new AppError('not_found');
    const page = /^\d{1,5}$/.test(request.query.trang ?? '') ? Math.max(1, Number(request.query.trang)) : 1;
    const { total, items } = await publicArticlesWithTag(db, nowIso(), tag.id, page, PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new AppError('not_found');
    const ctx = await viewContext(request);
    return sendHtml(reply, TagPage({ ctx, tag, items, page, pages }));
  });

  app.get<{ Params: { cat: string }; Querystring: { trang?: string } }>('/tin-tuc/:cat', async (request, reply) => {
    const category = await categoryOr404(request.params.cat);
    const page = /^\d{1,5}$/.test(request.query.trang ?? '') ? Math.max(1, Number(request.query.trang)) : 1;
    const ids = await tree.withDescendants(category.id);
    const { total, items } = await publicArticlesInCategories(db, nowIso(), ids, page, PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new AppError('not_found');
    const ctx = await viewContext(request);
    return sendHtml(reply, CategoryPage({ ctx, category, trail: await tree.trail(category.id), items, page, pages }));
  });

  /** The public article for a URL, or 404; a moved article (other category) is redirected. */
  async function publicArticle(params: { cat: string; slug: string }) {
    const now = nowIso();
    const live = SLUG.test(params.slug) ? await articlePageBySlug(db, params.slug, now) : undefined;
    if (live === undefined) throw new AppError('not_found');
    const { article, revision, tags, related } = live;
    if (article.is_public !== 1 || article.published_at === null || article.published_at > now) throw new AppError('not_found');
    const trail = await tree.trail(article.category_id);
    const categorySlug = trail[trail.length - 1]?.slug ?? '';
    return { article: { ...article, published_at: article.published_at }, revision, tags, related, now, trail, path: articleUrl(categorySlug, article.slug), isCanonical: categorySlug === params.cat };
  }

  const RATING_NOTICES: Record<string, 'newsroom.rating_thanks' | 'newsroom.rating_already'> = { ok: 'newsroom.rating_thanks', 'da-danh-gia': 'newsroom.rating_already' };

  /** The current view count of an article as shown: the stored count plus the views counted since in this process. */
  const viewsText = (articleId: number, stored: number, locale: FastifyRequest['locale']) => () => formatNumber(stored + views.pendingFor(articleId), locale);

  /**
   * A kept page in the encoding the browser prefers, once it is asked for again (a page read once,
   * most of a large archive, is not worth compressing), with the headers that go with it.
   */
  const keptAnswer = (entry: CachedArticle, hit: boolean, acceptEncoding: string | undefined, locale: FastifyRequest['locale']) => {
    const encoding = hit ? preferredEncoding(acceptEncoding) : 'identity';
    const headers = hit ? KEPT_HIT_HEADERS[encoding] : KEPT_MISS_HEADERS;
    return { headers, body: pages!.body(entry, encoding, viewsText(entry.articleId, entry.viewCount, locale)) };
  };

  const sendKept = (request: FastifyRequest, reply: FastifyReply, entry: CachedArticle, hit: boolean) => {
    const { headers, body } = keptAnswer(entry, hit, request.headers['accept-encoding'], request.locale);
    return reply.headers(headers).send(body);
  };

  // A kept page checked less than a second ago is answered before the framework (shortcuts.ts): the
  // same answer as the route's below for a reader who is not signed in and asks with no query.
  if (pages !== undefined) {
    app.deps.shortcuts.add('/tin-tuc/', ({ raw, path, locale }) => {
      const m = ARTICLE_PATH.exec(path);
      const site = m === null ? undefined : app.deps.site.current();
      if (site === undefined) return undefined;
      const now = Date.now();
      const entry = pages.get(`${locale}:${m![1]}/${m![2]}`, site, now);
      if (entry === undefined || now - entry.checkedAt >= pages.recheckMs) return undefined;
      views.count(entry.articleId);
      return { route: ARTICLE_ROUTE, ...keptAnswer(entry, true, raw.headers['accept-encoding'], locale) };
    });
  }

  app.get<{ Params: { cat: string; slug: string }; Querystring: { 'danh-gia'?: string } }>(ARTICLE_ROUTE, async (request, reply) => {
    const noticeKey = RATING_NOTICES[request.query['danh-gia'] ?? ''];
    // Only the plain page of a reader who is not signed in is shared between readers.
    const isCacheable = pages !== undefined && request.user === null && noticeKey === undefined;
    const key = `${request.locale}:${request.params.cat}/${request.params.slug}`;
    const site = await app.deps.site.get();
    if (isCacheable) {
      const now = Date.now();
      let entry = pages.get(key, site, now);
      if (entry !== undefined && now - entry.checkedAt >= pages.recheckMs) {
        // Another process may have edited, unpublished or rated it: compare the stamp once a second.
        const current = await articleBySlug(db, request.params.slug);
        if (current !== undefined && articleStamp(current) === entry.stamp) {
          pages.checked(entry, current.view_count, now);
        } else {
          pages.delete(key);
          entry = undefined;
        }
      }
      if (entry !== undefined) {
        views.count(entry.articleId);
        return sendKept(request, reply, entry, true);
      }
    }
    const found = await publicArticle(request.params);
    if (!found.isCanonical) return reply.redirect(found.path, 301);
    const { article, revision, trail, tags, related, now } = found;
    // Shared, but kept only once it is asked for again (PageCache.admit).
    const keep = isCacheable && pages.admit(key);
    views.count(article.id);
    const ctx = await viewContext(request);
    const html = await ArticlePage({
      ctx,
      article: { ...article, view_count: article.view_count + views.pendingFor(article.id) },
      revision,
      trail,
      related: await relatedForPage(db, now, article, revision.related_ids, PAGE_RELATED, related),
      tags,
      rating: ratingSummary(article.rating_sum, article.rating_count),
      ratingNotice: noticeKey === undefined ? undefined : request.t(noticeKey),
      safeBody: revision.body,
      ...(keep ? { viewsText: VIEW_COUNT_MARK } : {}),
    });
    markEncoding(reply, 'identity');
    if (!isCacheable) return sendHtml(reply, html);
    if (!keep) return reply.headers(KEPT_MISS_HEADERS).send(encodeUtf8(html));
    const entry = pages.set(key, { articleId: article.id, stamp: articleStamp(article), site, viewCount: article.view_count, html });
    if (entry === undefined) return sendHtml(reply, html.replaceAll(VIEW_COUNT_MARK, viewsText(article.id, article.view_count, request.locale)()));
    return sendKept(request, reply, entry, false);
  });

  app.get<{ Params: { cat: string; slug: string } }>('/tin-tuc/:cat/:slug/ban-in', async (request, reply) => {
    const { article, revision, path } = await publicArticle(request.params);
    const ctx = await viewContext(request);
    return sendHtml(reply, PrintPage({ ctx, revision, publishedAt: article.published_at, canonical: `${origin}${path}`, safeBody: revision.body }));
  });

  // A flood of ratings from one address is cut off before it reaches the database.
  const ratingLimit = app.rateLimit({ max: 10, timeWindow: '1 minute' });
  const wantsJson = (request: FastifyRequest) => request.headers.accept?.includes('application/json') === true;

  app.post<{ Params: { id: string }; Body: FormValues }>(RATING_ROUTE, { preHandler: ratingLimit }, async (request, reply) => {
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    if (Number.isNaN(id)) throw new AppError('not_found');
    const body = request.body ?? {};
    const refuse = async (status: number, message: string, back: string) => {
      if (wantsJson(request)) return reply.code(status).send({ error: { message } });
      const ctx = await viewContext(request);
      return sendHtml(reply, MessagePage({ ctx, title: request.t('newsroom.rate_title'), message, back }), status);
    };
    const back = await db
      .selectFrom('articles as a')
      .innerJoin('news_categories as c', 'c.id', 'a.category_id')
      .select(['a.slug', 'c.slug as category_slug'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (back === undefined) throw new AppError('not_found');
    const backUrl = articleUrl(back.category_slug, back.slug);
    // A token, when one is sent, must be right; a signed-in reader must send one. A reader who is not
    // signed in rates from the shared cached page, which has no token: the post must come from this site.
    const token = field(body, '_csrf');
    const isAllowed = token !== '' || request.user !== null ? isCsrfValid(request, token, config.secret) : isSameOriginRequest(request, origin);
    if (!isAllowed) return refuse(403, request.t('error.csrf_invalid'), backUrl);
    try {
      const stars = parseStars(field(body, 'stars'));
      const outcome = await rateArticle(db, id, stars, { userId: request.user?.id ?? null, ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
      if (outcome.kind === 'rated') pages?.forgetArticle(id);
      const message = request.t(outcome.kind === 'rated' ? 'newsroom.rating_thanks' : 'newsroom.rating_already');
      if (wantsJson(request)) return reply.code(outcome.kind === 'rated' ? 200 : 409).send({ outcome: outcome.kind, ...outcome.summary, message });
      return reply.redirect(`${backUrl}?danh-gia=${outcome.kind === 'rated' ? 'ok' : 'da-danh-gia'}#danh-gia`, 303);
    } catch (err) {
      if (err instanceof AppError && err.fields?.stars !== undefined) return refuse(err.status, request.t(err.fields.stars.key, err.fields.stars.params), backUrl);
      throw err;
    }
  });

  app.get('/sitemap.xml', async (_request, reply) => {
    const categories = await tree.all();
    const articles = await publicArticleUrls(db, nowIso(), 45_000);
    const urls = [
      { loc: `${origin}/` },
      { loc: `${origin}/tin-tuc` },
      ...categories.map((c) => ({ loc: `${origin}/tin-tuc/${c.slug}` })),
      ...articles.map((a) => ({ loc: `${origin}${articleUrl(a.category_slug, a.slug)}`, lastmod: a.updated_at })),
    ];
    return reply.type('application/xml; charset=utf-8').send(sitemap(urls));
  });

  app.get('/robots.txt', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(`User-agent: *\nDisallow: /quan-tri\nDisallow: /api/\nDisallow: /tim-kiem\nSitemap: ${origin}/sitemap.xml\n`),
  );
}
