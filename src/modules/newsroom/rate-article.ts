/**
 * Reader ratings, one per reader per article. A signed-in reader is known by account. Anyone else
 * is known by a keyed hash of the day's random salt with their address and user agent: the salt is
 * stored for the day and then deleted, so yesterday's hashes cannot be recomputed or linked, no
 * cookie is needed and nothing personal is stored (the approach of cookieless analytics such as
 * Plausible; see the research notes on newsroom analytics).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { articleById } from './queries.ts';

export const MIN_STARS = 1;
export const MAX_STARS = 5;

/** Today's salt, created on first use; older salts are removed (rotation). */
async function saltOfToday(db: Db, now: Date): Promise<string> {
  const day = todayInVietnam(now);
  const existing = await db.selectFrom('rating_salts').select('salt').where('day', '=', day).executeTakeFirst();
  if (existing !== undefined) return existing.salt;
  await db.deleteFrom('rating_salts').where('day', '<', day).execute();
  await db.insertInto('rating_salts').values({ day, salt: randomBytes(32).toString('base64url') }).onConflict((oc) => oc.column('day').doNothing()).execute();
  const row = await db.selectFrom('rating_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return row.salt;
}

export interface Rater {
  readonly userId: number | null;
  readonly ip: string;
  readonly userAgent: string;
}

export async function raterKey(db: Db, rater: Rater, now: Date = new Date()): Promise<string> {
  if (rater.userId !== null) return `u:${rater.userId}`;
  const salt = await saltOfToday(db, now);
  return `h:${createHmac('sha256', salt).update(`${rater.ip}\n${rater.userAgent}`).digest('base64url')}`;
}

export interface RatingSummary {
  readonly count: number;
  readonly average: number;
}

export const ratingSummary = (sum: number, count: number): RatingSummary => ({ count, average: count === 0 ? 0 : Math.round((sum / count) * 10) / 10 });

export type RatingOutcome = { kind: 'rated'; summary: RatingSummary } | { kind: 'already_rated'; summary: RatingSummary };

/** Parses the stars field: an integer 1–5, else a validation error. */
export function parseStars(raw: string): number {
  const stars = /^\d$/.test(raw) ? Number(raw) : NaN;
  if (!(stars >= MIN_STARS && stars <= MAX_STARS)) throw new AppError('validation', { stars: { key: 'newsroom.error_stars', params: { min: MIN_STARS, max: MAX_STARS } } });
  return stars;
}

/** Records a rating. Refused for an article readers cannot see; a second rating by the same reader is not counted. */
export async function rateArticle(db: Db, articleId: number, stars: number, rater: Rater): Promise<RatingOutcome> {
  return db.transaction().execute(async (trx) => {
    const article = await articleById(trx, articleId);
    if (article === undefined) throw new AppError('not_found');
    if (article.is_public !== 1 || article.published_at === null || article.published_at > nowIso()) {
      throw new AppError('unprocessable', { stars: { key: 'newsroom.error_rating_not_public' } });
    }
    const key = await raterKey(trx, rater);
    const inserted = await trx.insertInto('article_ratings').values({ article_id: articleId, rater_key: key, stars, created_at: nowIso() }).onConflict((oc) => oc.columns(['article_id', 'rater_key']).doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { kind: 'already_rated', summary: ratingSummary(article.rating_sum, article.rating_count) };
    await trx
      .updateTable('articles')
      .set((eb) => ({ rating_sum: eb('rating_sum', '+', stars), rating_count: eb('rating_count', '+', 1) }))
      .where('id', '=', articleId)
      .execute();
    return { kind: 'rated', summary: ratingSummary(article.rating_sum + stars, article.rating_count + 1) };
  });
}
