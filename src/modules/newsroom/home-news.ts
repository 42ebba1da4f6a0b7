/**
 * The news on the portal's home page: featured articles and, for each top-level category, its
 * latest articles (including those of its sub-categories). Published means public with a
 * publication time not in the future, the same rule as the newsroom's public pages (queries.ts).
 */
import type { Db } from '../../platform/db/index.ts';
import { allCategories, articleUrl, descendantsIn, featuredPublicArticles, latestPublicArticles } from './queries.ts';

export interface HomeArticle {
  readonly id: number;
  readonly title: string;
  readonly lead: string;
  readonly url: string;
  readonly publishedAt: string;
  readonly categoryVi: string;
  readonly categoryEn: string;
}

export interface HomeCategory {
  readonly nameVi: string;
  readonly nameEn: string;
  readonly url: string;
  readonly articles: readonly HomeArticle[];
}

export interface HomeNews {
  readonly featured: readonly HomeArticle[];
  readonly categories: readonly HomeCategory[];
}

export interface HomeNewsOptions {
  /** The moment that counts as now (ISO); articles scheduled later are not shown. */
  readonly now: string;
  readonly featured?: number;
  readonly perCategory?: number;
  /** At most this many categories, in the categories' own order. */
  readonly categories?: number;
}

const toHome = (a: Awaited<ReturnType<typeof latestPublicArticles>>[number]): HomeArticle => ({
  id: a.id,
  title: a.title,
  lead: a.lead,
  url: articleUrl(a.category_slug, a.slug),
  publishedAt: a.published_at,
  categoryVi: a.category_name_vi,
  categoryEn: a.category_name_en,
});


/** Featured and latest-by-category articles for the home page; categories with no article are left out. */
export async function homeNews(db: Db, options: HomeNewsOptions): Promise<HomeNews> {
  const all = await allCategories(db);
  const tops = all.filter((c) => c.parent_id === null).slice(0, options.categories ?? 6);
  const [featured, ...perCategory] = await Promise.all([
    featuredPublicArticles(db, options.now, options.featured ?? 3),
    ...tops.map((c) => latestPublicArticles(db, options.now, options.perCategory ?? 4, descendantsIn(all, c.id))),
  ]);
  const categories = tops
    .map((c, i) => ({ nameVi: c.name_vi, nameEn: c.name_en, url: `/tin-tuc/${c.slug}`, articles: (perCategory[i] ?? []).map(toHome) }))
    .filter((c) => c.articles.length > 0);
  return { featured: (featured ?? []).map(toHome), categories };
}
