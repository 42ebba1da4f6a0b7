/** Keeps the portal search index in step with what readers can see of an article. */
import type { Db } from '../../platform/db/index.ts';
import { indexDocument, removeDocument } from '../../platform/search/engine.ts';
import { htmlToText } from './sanitize.ts';
import { articleUrl } from './queries.ts';

export const ARTICLE_DOC_TYPE = 'article';

/** Indexes the live revision of a public article, or removes the article when it is not public. */
export async function syncArticleIndex(db: Db, articleId: number): Promise<void> {
  const row = await db
    .selectFrom('articles as a')
    .innerJoin('article_revisions as r', 'r.id', 'a.live_revision_id')
    .innerJoin('news_categories as c', 'c.id', 'a.category_id')
    .select(['a.id', 'a.slug', 'a.is_public', 'a.published_at', 'a.category_id', 'c.slug as category_slug', 'r.title', 'r.lead', 'r.body', 'r.tags'])
    .where('a.id', '=', articleId)
    .executeTakeFirst();
  if (row === undefined || row.is_public !== 1) {
    await removeDocument(db, ARTICLE_DOC_TYPE, articleId);
    return;
  }
  await indexDocument(db, {
    type: ARTICLE_DOC_TYPE,
    id: row.id,
    title: row.title,
    body: [row.lead, htmlToText(row.body), row.tags].filter((s) => s !== '').join('\n'),
    url: articleUrl(row.category_slug, row.slug),
    publishedAt: row.published_at,
    categoryId: row.category_id,
  });
}
