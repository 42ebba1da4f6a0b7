/**
 * The editorial workflow: draft → submitted → returned (with a comment) | approved → scheduled |
 * published → unpublished | archived. Each step checks its permission, bumps the article's version
 * (so a form opened before the step is refused on save), and is audited in the same transaction.
 */
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { slugify } from '../../platform/text/slug.ts';
import { articleById, revisionById, revisionByNumber, type ArticleRow } from './queries.ts';
import { syncArticleIndex } from './article-index.ts';
import type { ArticleStatus } from './tables.ts';
import {
  canApproveArticle,
  canArchiveArticle,
  canEditArticle,
  canPublishArticle,
  canReturnArticle,
  canScheduleArticle,
  canSubmitArticle,
  canUnpublishArticle,
} from './permissions.ts';
import { parseTags } from './validate-article.ts';

export const PUBLISH_JOB = 'newsroom.publish_article';

export const WORKFLOW_ACTIONS = ['submit', 'return', 'approve', 'publish', 'schedule', 'unpublish', 'archive'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

const PERMISSION: Record<WorkflowAction, (user: CurrentUser | null, a: ArticleRow) => boolean> = {
  submit: canSubmitArticle,
  return: canReturnArticle,
  approve: canApproveArticle,
  publish: canPublishArticle,
  schedule: canScheduleArticle,
  unpublish: canUnpublishArticle,
  archive: canArchiveArticle,
};

export interface StepOptions {
  /** Required to return an article: what the writer must fix. */
  readonly comment?: string;
  /** Required to schedule: the publication instant (ISO), in the future. */
  readonly at?: string;
}

/** Copies the working revision's tags to the tag index used for related articles. */
async function syncTags(db: Db, articleId: number, tagsText: string): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  for (const name of parseTags(tagsText)) {
    const slug = slugify(name, 60);
    if (slug === '') continue;
    let tag = await db.selectFrom('news_tags').select('id').where('slug', '=', slug).executeTakeFirst();
    tag ??= await db.insertInto('news_tags').values({ slug, name }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('article_tags').values({ article_id: articleId, tag_id: tag.id }).onConflict((oc) => oc.doNothing()).execute();
  }
}

/** Makes the working revision live. `publishedAt` is kept from the first publication unless given. */
export async function makeLive(db: Db, article: ArticleRow, publishedAt: string): Promise<void> {
  const working = await revisionById(db, article.working_revision_id);
  if (working === undefined) throw new AppError('not_found');
  await db
    .updateTable('articles')
    .set({ status: 'published', live_revision_id: working.id, is_public: 1, published_at: article.published_at ?? publishedAt, scheduled_at: null, review_comment: null, version: article.version + 1, updated_at: nowIso() })
    .where('id', '=', article.id)
    .execute();
  await syncTags(db, article.id, working.tags);
  await syncArticleIndex(db, article.id);
}

/** Runs one workflow step on an article; throws forbidden/validation/not_found as AppError. */
export async function stepArticle(db: Db, actor: AuditActor, user: CurrentUser, id: number, action: WorkflowAction, options: StepOptions = {}): Promise<ArticleStatus> {
  const comment = (options.comment ?? '').trim();
  if (action === 'return' && comment === '') throw new AppError('validation', { comment: { key: 'newsroom.error_comment' } });
  if (action === 'return' && [...comment].length > 2000) throw new AppError('validation', { comment: { key: 'shell.field_too_long', params: { field: 'comment', max: 2000 } } });
  let at: string | null = null;
  if (action === 'schedule') {
    const when = options.at === undefined ? NaN : Date.parse(options.at);
    if (Number.isNaN(when)) throw new AppError('validation', { at: { key: 'newsroom.error_schedule_at' } });
    if (when <= Date.now()) throw new AppError('validation', { at: { key: 'newsroom.error_schedule_past' } });
    at = new Date(when).toISOString();
  }
  return db.transaction().execute(async (trx) => {
    const article = await articleById(trx, id);
    if (article === undefined) throw new AppError('not_found');
    if (!PERMISSION[action](user, article)) throw new AppError('forbidden');
    const now = nowIso();
    let status: ArticleStatus;
    const bump = { version: article.version + 1, updated_at: now };
    switch (action) {
      case 'submit':
        status = 'submitted';
        await trx.updateTable('articles').set({ status, ...bump }).where('id', '=', id).execute();
        break;
      case 'return':
        status = 'returned';
        await trx.updateTable('articles').set({ status, review_comment: comment, scheduled_at: null, ...bump }).where('id', '=', id).execute();
        break;
      case 'approve':
        status = 'approved';
        await trx.updateTable('articles').set({ status, review_comment: null, ...bump }).where('id', '=', id).execute();
        break;
      case 'publish':
        status = 'published';
        await makeLive(trx, article, now);
        break;
      case 'schedule':
        status = 'scheduled';
        await trx.updateTable('articles').set({ status, scheduled_at: at, ...bump }).where('id', '=', id).execute();
        await trx
          .insertInto('jobs')
          .values({ kind: PUBLISH_JOB, payload_json: JSON.stringify({ articleId: id, revisionId: article.working_revision_id }), run_at: at!, status: 'queued', created_at: now })
          .execute();
        break;
      case 'unpublish':
      case 'archive':
        status = action === 'unpublish' ? 'unpublished' : 'archived';
        await trx.updateTable('articles').set({ status, is_public: 0, scheduled_at: null, ...bump }).where('id', '=', id).execute();
        await syncArticleIndex(trx, id);
        break;
    }
    await recordAudit(trx, actor, {
      action: `newsroom.article_${action}`,
      entityType: 'article',
      entityId: id,
      agencyId: article.agency_id,
      before: { status: article.status },
      after: { status, ...(comment === '' ? {} : { comment }), ...(at === null ? {} : { scheduledAt: at }) },
    });
    return status;
  });
}

/** Restores an old revision as a new working revision (the history is never rewritten). */
export async function restoreRevision(db: Db, actor: AuditActor, user: CurrentUser, id: number, number: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const article = await articleById(trx, id);
    if (article === undefined) throw new AppError('not_found');
    if (!canEditArticle(user, article)) throw new AppError('forbidden');
    const old = await revisionByNumber(trx, id, number);
    if (old === undefined) throw new AppError('not_found');
    const last = await trx.selectFrom('article_revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', id).executeTakeFirstOrThrow();
    const next = Number(last.n ?? 0) + 1;
    const { id: revisionId } = await trx
      .insertInto('article_revisions')
      .values({ ...old, id: undefined, number: next, note: `#${number}`, created_by: user.id, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('articles').set({ working_revision_id: revisionId, status: 'draft', scheduled_at: null, version: article.version + 1, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'newsroom.revision_restored', entityType: 'article', entityId: id, agencyId: article.agency_id, before: { status: article.status }, after: { restored: number, revision: next } });
    return next;
  });
}
