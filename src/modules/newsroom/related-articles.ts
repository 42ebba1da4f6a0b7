/**
 * Related articles: the editor's choice (ids kept in the live revision) comes first, in the order
 * chosen; the rest of the box is filled with articles sharing a tag, then of the same category.
 * Staff find articles to relate through the portal search, or by typing an article's number.
 */
import type { Db } from '../../platform/db/index.ts';
import { searchDocuments } from '../../platform/search/engine.ts';
import { publicArticles, relatedPublicArticles, type PublicArticleSummary, type RelatedPrefetch } from './queries.ts';
import { parseRelatedIds } from './validate-article.ts';

/** `prefetched`: what was read with the article (see relatedPublicArticles). */
export async function relatedForPage(db: Db, now: string, article: { id: number; category_id: number }, relatedIds: string, limit: number, prefetched?: RelatedPrefetch): Promise<PublicArticleSummary[]> {
  const chosen = (parseRelatedIds(relatedIds) ?? []).filter((id) => id !== article.id);
  const picked = chosen.length === 0 ? [] : await publicArticles(db, now).where('a.id', 'in', chosen).execute();
  // Unpublished choices simply drop out; the order is the editor's.
  const ordered = chosen.map((id) => picked.find((p) => p.id === id)).filter((p): p is PublicArticleSummary => p !== undefined);
  if (ordered.length >= limit) return ordered.slice(0, limit);
  const seen = new Set([...ordered.map((p) => p.id), article.id]);
  const fallback = await relatedPublicArticles(db, now, article, limit + ordered.length, prefetched);
  return [...ordered, ...fallback.filter((p) => !seen.has(p.id))].slice(0, limit);
}

export interface RelatedCandidate {
  readonly id: number;
  readonly title: string;
  readonly url: string | null;
}

/** Articles for the picker: by number when digits are typed, otherwise by a portal search of published articles. */
export async function relatedCandidates(db: Db, q: string, selfId: number | null): Promise<RelatedCandidate[]> {
  const text = q.trim();
  if (text === '') return [];
  if (/^#?\d{1,9}$/.test(text)) {
    const id = Number(text.replace('#', ''));
    const row = await db.selectFrom('articles as a').innerJoin('article_revisions as r', 'r.id', 'a.working_revision_id').select(['a.id', 'r.title']).where('a.id', '=', id).executeTakeFirst();
    return row === undefined || row.id === selfId ? [] : [{ id: row.id, title: row.title, url: null }];
  }
  const found = await searchDocuments(db, { q: text, types: ['article'], pageSize: 10 });
  return found.results.map((r) => ({ id: Number(r.id), title: r.title, url: r.url })).filter((r) => r.id !== selfId);
}

/** Titles of the chosen ids (any status), for showing the current choice to staff. */
export async function chosenTitles(db: Db, relatedIds: string): Promise<RelatedCandidate[]> {
  const ids = parseRelatedIds(relatedIds) ?? [];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('articles as a').innerJoin('article_revisions as r', 'r.id', 'a.working_revision_id').select(['a.id', 'r.title']).where('a.id', 'in', ids).execute();
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined).map((r) => ({ id: r.id, title: r.title, url: null }));
}
