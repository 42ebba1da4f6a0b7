/**
 * Creating and editing articles. Every save writes a new revision; the article points at it as its
 * working revision. Editing a published article leaves the live revision online and puts the new
 * one back into the workflow as a draft. A save based on an old version is refused (409) with the
 * revision that won, so nothing typed is lost.
 */
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { agenciesWithRole } from '../../platform/auth/guards.ts';
import { slugify, uniqueSlug } from '../../platform/text/slug.ts';
import { allCategories, articleById, revisionById, type ArticleRow, type RevisionRow } from './queries.ts';
import { canCreateArticle, canEditArticle } from './permissions.ts';
import { validateArticle, type ArticleInput, type CleanArticle } from './validate-article.ts';

/** Thrown when the article changed since the form was opened; carries the current state. */
export class ArticleConflictError extends AppError {
  constructor(
    readonly current: ArticleRow,
    readonly currentRevision: RevisionRow,
  ) {
    super('conflict');
  }
}

async function validated(db: Db, input: ArticleInput, selfId: number | null): Promise<CleanArticle> {
  const categories = new Set((await allCategories(db)).map((c) => c.id));
  const { errors, clean } = validateArticle(input, categories);
  if (errors.related === undefined && clean.relatedIds.length > 0) {
    // Only articles that exist and are not this one; whether they are online is decided when the page is shown.
    const found = await db.selectFrom('articles').select('id').where('id', 'in', clean.relatedIds).execute();
    if (found.length !== clean.relatedIds.length || (selfId !== null && clean.relatedIds.includes(selfId))) errors.related = { key: 'newsroom.error_related' };
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  return clean;
}

async function freeSlug(db: Db, wanted: string, title: string, exceptId: number | null): Promise<string> {
  return uniqueSlug(wanted === '' ? slugify(title) : wanted, async (candidate) => {
    const row = await db.selectFrom('articles').select('id').where('slug', '=', candidate).executeTakeFirst();
    return row !== undefined && row.id !== exceptId;
  });
}

async function insertRevision(db: Db, articleId: number, number: number, a: CleanArticle, userId: number | null): Promise<number> {
  const row = await db
    .insertInto('article_revisions')
    .values({
      article_id: articleId,
      number,
      title: a.title,
      lead: a.lead,
      body: a.body,
      author_byline: a.authorByline,
      source: a.source,
      event_date: a.eventDate,
      tags: a.tags.join(', '),
      note: a.note,
      related_ids: a.relatedIds.join(','),
      created_by: userId,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Creates a draft; returns its id. */
export async function createArticle(db: Db, actor: AuditActor, user: CurrentUser, input: ArticleInput): Promise<number> {
  if (!canCreateArticle(user)) throw new AppError('forbidden');
  const clean = await validated(db, input, null);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const slug = await freeSlug(trx, clean.slug, clean.title, null);
    const agencyId = agenciesWithRole(user, 'writer')[0] ?? agenciesWithRole(user, 'editor')[0] ?? null;
    // The working revision id is filled right after the first revision exists (they reference each other).
    const { id } = await trx
      .insertInto('articles')
      .values({ category_id: clean.categoryId, slug, status: 'draft', working_revision_id: 0, is_featured: clean.featured ? 1 : 0, agency_id: agencyId, created_by: user.id, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const revisionId = await insertRevision(trx, id, 1, clean, user.id);
    await trx.updateTable('articles').set({ working_revision_id: revisionId }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'newsroom.article_created', entityType: 'article', entityId: id, agencyId, after: { slug, title: clean.title, revision: 1 } });
    return id;
  });
}

/** Saves a new revision of an existing article, if `expectedVersion` is still current. */
export async function updateArticle(db: Db, actor: AuditActor, user: CurrentUser, id: number, expectedVersion: number, input: ArticleInput): Promise<void> {
  const clean = await validated(db, input, id);
  await db.transaction().execute(async (trx) => {
    const article = await articleById(trx, id);
    if (article === undefined) throw new AppError('not_found');
    if (!canEditArticle(user, article)) throw new AppError('forbidden');
    const working = await revisionById(trx, article.working_revision_id);
    if (working === undefined) throw new AppError('not_found');
    if (article.version !== expectedVersion) throw new ArticleConflictError(article, working);
    const last = await trx.selectFrom('article_revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', id).executeTakeFirstOrThrow();
    const number = Number(last.n ?? 0) + 1;
    const revisionId = await insertRevision(trx, id, number, clean, user.id);
    // A published article keeps its slug: links to it must not break.
    const slug = article.live_revision_id === null ? await freeSlug(trx, clean.slug, clean.title, id) : article.slug;
    // Any change after review sends the article back to draft; a writer's returned article stays returned until resubmitted.
    const status = article.status === 'returned' ? 'returned' : 'draft';
    const updated = await trx
      .updateTable('articles')
      .set({ working_revision_id: revisionId, slug, category_id: clean.categoryId, is_featured: clean.featured ? 1 : 0, status, scheduled_at: null, version: article.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ArticleConflictError(article, working);
    await recordAudit(trx, actor, {
      action: 'newsroom.article_edited',
      entityType: 'article',
      entityId: id,
      agencyId: article.agency_id,
      before: { status: article.status, revision: working.number, title: working.title },
      after: { status, revision: number, title: clean.title },
    });
  });
}
