/** Read-side queries of the newsroom: plain functions named for what they return, db first. */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { countAll, isSqliteDb, jsonArrayOf, jsonRows } from '../../platform/db/dialect.ts';
import { compareVi } from '../../platform/text/collate.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { ArticleStatus } from './tables.ts';

export interface CategoryRow {
  id: number;
  parent_id: number | null;
  slug: string;
  name_vi: string;
  name_en: string;
  sort_order: number;
}

export const allCategories: (db: Db) => Promise<CategoryRow[]> = prepared((db) => db.selectFrom('news_categories').selectAll().orderBy('sort_order').orderBy('id'));
export const categoryById = (db: Db, id: number): Promise<CategoryRow | undefined> => db.selectFrom('news_categories').selectAll().where('id', '=', id).executeTakeFirst();

/** A category and all its descendants, among the rows of the tree. */
export function descendantsIn(all: readonly CategoryRow[], id: number): number[] {
  const ids = [id];
  for (let i = 0; i < ids.length; i++) for (const c of all) if (c.parent_id === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  return ids;
}

/** The path from the root to a category, for breadcrumbs, among the rows of the tree. */
export function trailIn(all: readonly CategoryRow[], id: number): CategoryRow[] {
  const trail: CategoryRow[] = [];
  let current = all.find((c) => c.id === id);
  while (current !== undefined && trail.length < 10) {
    trail.unshift(current);
    const parentId = current.parent_id;
    current = parentId === null ? undefined : all.find((c) => c.id === parentId);
  }
  return trail;
}

/**
 * The category tree kept in memory for readers' pages: a few rows, read by every article and list
 * page (breadcrumbs, canonical paths, feeds), changed rarely. A change made in this process clears it
 * at once (newsroom/index.ts); another process sees it within `ttlMs`, like the site settings.
 */
export class CategoryTree {
  private loaded: { at: number; rows: Promise<CategoryRow[]> } | undefined;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
  ) {}

  all(): Promise<CategoryRow[]> {
    const now = Date.now();
    if (this.loaded === undefined || now - this.loaded.at > this.ttlMs) {
      const rows = allCategories(this.db);
      const loaded = { at: now, rows };
      this.loaded = loaded;
      // A failed read is not kept: the next page asks the database again.
      rows.catch(() => {
        if (this.loaded === loaded) this.loaded = undefined;
      });
    }
    return this.loaded.rows;
  }

  async bySlug(slug: string): Promise<CategoryRow | undefined> {
    return (await this.all()).find((c) => c.slug === slug);
  }

  async trail(id: number): Promise<CategoryRow[]> {
    return trailIn(await this.all(), id);
  }

  async withDescendants(id: number): Promise<number[]> {
    return descendantsIn(await this.all(), id);
  }

  clear(): void {
    this.loaded = undefined;
  }
}

export interface ArticleRow {
  id: number;
  category_id: number;
  slug: string;
  status: ArticleStatus;
  working_revision_id: number;
  live_revision_id: number | null;
  is_public: number;
  is_featured: number;
  published_at: string | null;
  scheduled_at: string | null;
  review_comment: string | null;
  version: number;
  view_count: number;
  rating_sum: number;
  rating_count: number;
  agency_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface RevisionRow {
  id: number;
  article_id: number;
  number: number;
  title: string;
  lead: string;
  body: string;
  author_byline: string;
  source: string | null;
  event_date: string | null;
  tags: string;
  note: string | null;
  cover_sha256: string | null;
  cover_alt: string | null;
  related_ids: string;
  created_by: number | null;
  created_at: string;
}

const first = <T>(rows: T[]): T | undefined => rows[0];
const articleByIdQuery = prepared((db, id: number) => db.selectFrom('articles').selectAll().where('id', '=', id));
const articleBySlugQuery = prepared((db, slug: string) => db.selectFrom('articles').selectAll().where('slug', '=', slug));
const revisionByIdQuery = prepared((db, id: number) => db.selectFrom('article_revisions').selectAll().where('id', '=', id));
export const articleById = (db: Db, id: number): Promise<ArticleRow | undefined> => articleByIdQuery(db, id).then(first);
export const articleBySlug = (db: Db, slug: string): Promise<ArticleRow | undefined> => articleBySlugQuery(db, slug).then(first);
export const revisionById = (db: Db, id: number): Promise<RevisionRow | undefined> => revisionByIdQuery(db, id).then(first);

/** What a reader's page shows of an article's live revision. */
export type LiveRevision = Pick<RevisionRow, 'id' | 'title' | 'lead' | 'body' | 'author_byline' | 'source' | 'event_date' | 'cover_sha256' | 'cover_alt' | 'related_ids'>;

/** The columns of an article its public page uses (the page's statement reads no others). */
export const PAGE_ARTICLE_COLUMNS = ['id', 'category_id', 'slug', 'live_revision_id', 'is_public', 'published_at', 'updated_at', 'view_count', 'rating_sum', 'rating_count'] as const;
export type PageArticle = Pick<ArticleRow, (typeof PAGE_ARTICLE_COLUMNS)[number]>;

/** What a reader's article page reads: the article, its live revision, its tags and what its related articles are chosen from. */
export interface ArticlePageData {
  readonly article: PageArticle;
  readonly revision: LiveRevision;
  /** In Vietnamese alphabetical order. */
  readonly tags: TagRow[];
  readonly related: RelatedPrefetch;
}

/** Related articles on an article page: the box holds this many. */
export const PAGE_RELATED = 5;

// The tags, the tag mates and the newest of the category come as JSON columns of the article's row:
// one statement for the page instead of four (each a round trip to PostgreSQL). The outer tables
// have aliases of their own: the category's subquery is publicArticles(), which names its own `a`.
// The limits are written into the SQL: with limits as parameters, PostgreSQL judged its generic plan
// worse than a fresh one and planned the statement again on every run (0.25 ms, five times its
// execution). Only the columns the page uses are read (23 fields rather than 31): node-postgres has
// the result described on every run and parses each field's description again, and each value is
// converted.
const articlePageQuery = prepared((db, slug: string, now: string) => {
  const sqlite = isSqliteDb(db);
  return db
    .selectFrom('articles as pa')
    .innerJoin('article_revisions as pr', 'pr.id', 'pa.live_revision_id')
    .select(PAGE_ARTICLE_COLUMNS.map((c) => `pa.${c}` as const))
    .select(['pr.title as r_title', 'pr.lead as r_lead', 'pr.author_byline as r_author_byline', 'pr.source as r_source', 'pr.event_date as r_event_date'])
    // On SQLite the body comes as its UTF-8 bytes, decoded by Node (articlePageBySlug): better-sqlite3
    // makes a string of a text column through V8's UTF-8 decoder, which takes a character at a time
    // for Vietnamese text (about 17 µs for a 4 KB body against 4 µs).
    .select(sqlite ? sql<Buffer>`cast(pr.body as blob)`.as('r_body') : sql<string>`pr.body`.as('r_body'))
    .select(['pr.cover_sha256 as r_cover_sha256', 'pr.cover_alt as r_cover_alt', 'pr.related_ids as r_related_ids'])
    .select((eb) => [
      jsonArrayOf(sqlite, eb.selectFrom('news_tags as t').select(['t.id', 't.slug', 't.name']).where('t.id', 'in', eb.selectFrom('article_tags as at').select('at.tag_id').whereRef('at.article_id', '=', 'pa.id'))).as('page_tags'),
      jsonArrayOf(sqlite, tagMateIdsOf(db, sql<number>`pa.id`)).as('page_mates'),
      jsonArrayOf(sqlite, newestOfCategory(db, now, sql<number>`pa.category_id`, sql<number>`pa.id`).limit(sql.lit(PAGE_RELATED * 2))).as('page_category'),
    ])
    .where('pa.slug', '=', slug);
});

/** The article page's data by slug, whatever the article's state (the caller decides who may see it). */
export async function articlePageBySlug(db: Db, slug: string, now: string): Promise<ArticlePageData | undefined> {
  const row = (await articlePageQuery(db, slug, now))[0];
  if (row === undefined) return undefined;
  const { r_title, r_lead, r_body, r_author_byline, r_source, r_event_date, r_cover_sha256, r_cover_alt, r_related_ids, page_tags, page_mates, page_category, ...article } = row;
  return {
    article,
    revision: { id: article.live_revision_id!, title: r_title, lead: r_lead, body: typeof r_body === 'string' ? r_body : r_body.toString('utf8'), author_byline: r_author_byline, source: r_source, event_date: r_event_date, cover_sha256: r_cover_sha256, cover_alt: r_cover_alt, related_ids: r_related_ids },
    tags: jsonRows(page_tags).sort((x, y) => compareVi(x.name, y.name)),
    related: {
      mateIds: jsonRows(page_mates).map((m) => Number(m.article_id)),
      // JSON carries PostgreSQL's text form of a timestamp: back to the ISO form used everywhere.
      sameCategory: jsonRows(page_category).map((r) => ({ ...r, published_at: new Date(r.published_at).toISOString() })),
      sameCategoryLimit: PAGE_RELATED * 2,
    },
  };
}

export const revisionByNumber = (db: Db, articleId: number, n: number): Promise<RevisionRow | undefined> =>
  db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).where('number', '=', n).executeTakeFirst();
export const revisionsOfArticle = (db: Db, articleId: number): Promise<RevisionRow[]> =>
  db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).orderBy('number', 'desc').execute();

export interface PublicArticleSummary {
  id: number;
  slug: string;
  category_id: number;
  category_slug: string;
  category_name_vi: string;
  category_name_en: string;
  title: string;
  lead: string;
  author_byline: string;
  published_at: string;
  is_featured: number;
  view_count: number;
}

/** Summaries of live articles, whatever their state: callers say which (see publicArticles). */
function articleSummaries(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('article_revisions as r', 'r.id', 'a.live_revision_id')
    .innerJoin('news_categories as c', 'c.id', 'a.category_id')
    .select(['a.id', 'a.slug', 'a.category_id', 'c.slug as category_slug', 'c.name_vi as category_name_vi', 'c.name_en as category_name_en', 'r.title', 'r.lead', 'r.author_byline', 'a.is_featured', 'a.view_count'])
    .select(sql<string>`a.published_at`.as('published_at'));
}

/** Articles readers may see (public, published by `now`), as summaries of their live revision. */
export function publicArticles(db: Db, now: string) {
  return articleSummaries(db).where('a.is_public', '=', 1).where('a.published_at', '<=', now);
}

export async function latestPublicArticles(db: Db, now: string, limit: number, categoryIds?: readonly number[]): Promise<PublicArticleSummary[]> {
  let q = publicArticles(db, now);
  if (categoryIds !== undefined) q = q.where('a.category_id', 'in', categoryIds.length > 0 ? [...categoryIds] : [-1]);
  return q.orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}

export async function featuredPublicArticles(db: Db, now: string, limit: number): Promise<PublicArticleSummary[]> {
  return publicArticles(db, now).where('a.is_featured', '=', 1).orderBy('a.published_at', 'desc').limit(limit).execute();
}

export async function publicArticlesInCategories(db: Db, now: string, categoryIds: readonly number[], page: number, pageSize: number): Promise<{ total: number; items: PublicArticleSummary[] }> {
  const ids = categoryIds.length > 0 ? [...categoryIds] : [-1];
  const count = await db
    .selectFrom('articles')
    .select(countAll().as('n'))
    .where('is_public', '=', 1)
    .where('published_at', '<=', now)
    .where('category_id', 'in', ids)
    .executeTakeFirstOrThrow();
  const items = await publicArticles(db, now).where('a.category_id', 'in', ids).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { total: count.n, items };
}

/**
 * Above this many articles sharing a tag with the page's, the newest of them are found by walking
 * the articles newest first (a tag that common matches within a few rows); below it, by their ids.
 * Walking for a rare tag read every published article before giving up (6 ms a page at 100,000).
 */
const TAG_MATES_BY_ID = 1000;

/** An article id or category id: a value, or a column of an outer query (the article page's statement). */
type IdOperand = number | RawBuilder<number>;

const tagMates = (db: Db, articleId: IdOperand) =>
  db.selectFrom('article_tags as x').innerJoin('article_tags as y', 'y.tag_id', 'x.tag_id').where('x.article_id', '=', articleId).where('y.article_id', '!=', articleId);
const tagMateIdsOf = (db: Db, articleId: IdOperand) => tagMates(db, articleId).select('y.article_id').distinct().limit(sql.lit(TAG_MATES_BY_ID + 1));
const tagMateIds = prepared((db, articleId: number) => tagMateIdsOf(db, articleId));
const newestOfCategory = (db: Db, now: string, categoryId: IdOperand, exceptId: IdOperand) =>
  publicArticles(db, now).where('a.id', '!=', exceptId).where('a.category_id', '=', categoryId).orderBy('a.published_at', 'desc');
const newestInCategory = prepared((db, now: string, categoryId: number, exceptId: number, limit: number) => newestOfCategory(db, now, categoryId, exceptId).limit(limit));

/** What relatedPublicArticles reads first, when already read with the article (ArticlePageData.related). */
export interface RelatedPrefetch {
  /** Up to TAG_MATES_BY_ID + 1 ids of other articles sharing a tag, whatever their state. */
  readonly mateIds: readonly number[];
  /** The newest published articles of the article's category but itself, newest first, up to sameCategoryLimit. */
  readonly sameCategory: readonly PublicArticleSummary[];
  readonly sameCategoryLimit: number;
}

/** Related articles: sharing a tag first, then the same category; newest first. */
export async function relatedPublicArticles(db: Db, now: string, article: { id: number; category_id: number }, limit: number, prefetched?: RelatedPrefetch): Promise<PublicArticleSummary[]> {
  const ids = prefetched?.mateIds ?? (await tagMateIds(db, article.id)).map((m) => m.article_id);
  let byTag: PublicArticleSummary[];
  if (ids.length === 0) byTag = [];
  else if (ids.length > TAG_MATES_BY_ID) {
    byTag = await publicArticles(db, now).where('a.id', 'in', tagMates(db, article.id).select('y.article_id')).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  } else {
    // By primary key: the state is checked here rather than in SQL, where the (is_public, published_at)
    // index would tempt the planner into the walk this branch avoids.
    const states = await db.selectFrom('articles').select(['id', 'is_public', 'published_at']).where('id', 'in', ids).execute();
    const newest = states
      .filter((a) => a.is_public === 1 && a.published_at !== null && a.published_at <= now)
      .sort((a, b) => (a.published_at === b.published_at ? b.id - a.id : a.published_at! < b.published_at! ? 1 : -1))
      .slice(0, limit)
      .map((a) => a.id);
    const rows = newest.length === 0 ? [] : await articleSummaries(db).where('a.id', 'in', newest).execute();
    byTag = newest.map((id) => rows.find((r) => r.id === id)).filter((r): r is PublicArticleSummary => r !== undefined);
  }
  if (byTag.length >= limit) return byTag;
  const seen = new Set(byTag.map((r) => r.id));
  const sameCategory =
    prefetched !== undefined && limit * 2 <= prefetched.sameCategoryLimit ? prefetched.sameCategory.slice(0, limit * 2) : await newestInCategory(db, now, article.category_id, article.id, limit * 2);
  return [...byTag, ...sameCategory.filter((r) => !seen.has(r.id))].slice(0, limit);
}

export interface StaffArticleRow {
  id: number;
  slug: string;
  status: ArticleStatus;
  title: string;
  category_name_vi: string;
  category_name_en: string;
  is_public: number;
  updated_at: string;
  published_at: string | null;
  view_count: number;
  rating_sum: number;
  rating_count: number;
  created_by: number | null;
}

/** The staff list: editors see every article, writers only their own. */
export async function articlesForStaff(db: Db, options: { onlyAuthor?: number; status?: ArticleStatus; page: number; pageSize: number }): Promise<{ total: number; items: StaffArticleRow[] }> {
  let base = db.selectFrom('articles as a');
  if (options.onlyAuthor !== undefined) base = base.where('a.created_by', '=', options.onlyAuthor);
  if (options.status !== undefined) base = base.where('a.status', '=', options.status);
  const { n } = await base.select(countAll().as('n')).executeTakeFirstOrThrow();
  const items = await base
    .innerJoin('article_revisions as r', 'r.id', 'a.working_revision_id')
    .innerJoin('news_categories as c', 'c.id', 'a.category_id')
    .select(['a.id', 'a.slug', 'a.status', 'r.title', 'c.name_vi as category_name_vi', 'c.name_en as category_name_en', 'a.is_public', 'a.updated_at', 'a.published_at', 'a.view_count', 'a.rating_sum', 'a.rating_count', 'a.created_by'])
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { total: n, items };
}

/** Everything public, for the sitemap. */
export const publicArticleUrls = (db: Db, now: string, limit: number) =>
  db
    .selectFrom('articles as a')
    .innerJoin('news_categories as c', 'c.id', 'a.category_id')
    .where('a.is_public', '=', 1)
    .where('a.published_at', '<=', now)
    .select(['a.slug', 'c.slug as category_slug', 'a.updated_at'])
    .orderBy('a.published_at', 'desc')
    .limit(limit)
    .execute();

export const articleUrl = (categorySlug: string, slug: string): string => `/tin-tuc/${categorySlug}/${slug}`;

export interface TagRow {
  id: number;
  slug: string;
  name: string;
}

export const tagBySlug = (db: Db, slug: string): Promise<TagRow | undefined> => db.selectFrom('news_tags').selectAll().where('slug', '=', slug).executeTakeFirst();

/** Published articles carrying a tag, newest first, a page at a time. */
export async function publicArticlesWithTag(db: Db, now: string, tagId: number, page: number, pageSize: number): Promise<{ total: number; items: PublicArticleSummary[] }> {
  const tagged = db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId);
  const count = await db.selectFrom('articles').select(countAll().as('n')).where('is_public', '=', 1).where('published_at', '<=', now).where('id', 'in', tagged).executeTakeFirstOrThrow();
  const items = await publicArticles(db, now).where('a.id', 'in', tagged).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { total: count.n, items };
}
