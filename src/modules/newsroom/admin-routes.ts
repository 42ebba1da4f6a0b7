/** Editorial routes under /quan-tri/tin-bai: parse, authorise, act, respond. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { ADMIN_BASE, ArticleFormPage, ArticleListPage, RevisionsPage } from './admin-views.tsx';
import { diffLines } from './diff.ts';
import { registerCoverRoutes } from './cover-routes.ts';
import {
  canApproveArticle,
  canArchiveArticle,
  canEditArticle,
  canPublishArticle,
  canReturnArticle,
  canScheduleArticle,
  canSubmitArticle,
  canUnpublishArticle,
  isEditor,
} from './permissions.ts';
import { allCategories, articleById, articlesForStaff, articleUrl, categoryById, revisionById, revisionByNumber, revisionsOfArticle, type ArticleRow, type RevisionRow } from './queries.ts';
import { htmlToText } from './sanitize.ts';
import { ArticleConflictError, createArticle, updateArticle } from './save-article.ts';
import { ARTICLE_STATUSES, type ArticleStatus } from './tables.ts';
import type { ArticleInput } from './validate-article.ts';
import { chosenTitles, relatedCandidates } from './related-articles.ts';
import { restoreRevision, stepArticle, WORKFLOW_ACTIONS, type WorkflowAction } from './workflow.ts';

const PAGE_SIZE = 20;
const staffOnly = requireAnyRolePage('editor', 'writer');

const inputOf = (body: FormValues): ArticleInput => ({
  title: field(body, 'title'),
  slug: field(body, 'slug'),
  lead: field(body, 'lead'),
  body: field(body, 'body'),
  authorByline: field(body, 'author_byline'),
  source: field(body, 'source'),
  eventDate: field(body, 'event_date'),
  categoryId: field(body, 'category_id'),
  tags: field(body, 'tags'),
  featured: field(body, 'featured') === '1',
  note: field(body, 'note'),
  related: field(body, 'related'),
});

const valuesOfInput = (i: ArticleInput): Record<string, string> => ({
  title: i.title,
  slug: i.slug,
  lead: i.lead,
  body: i.body,
  author_byline: i.authorByline,
  source: i.source,
  event_date: i.eventDate,
  category_id: i.categoryId,
  tags: i.tags,
  featured: i.featured ? '1' : '',
  note: '',
  related: i.related ?? '',
});

const valuesOfRevision = (a: ArticleRow, r: RevisionRow): Record<string, string> => ({
  title: r.title,
  slug: a.slug,
  lead: r.lead,
  body: r.body,
  author_byline: r.author_byline,
  source: r.source ?? '',
  event_date: r.event_date ?? '',
  category_id: String(a.category_id),
  tags: r.tags,
  featured: a.is_featured === 1 ? '1' : '',
  note: '',
  related: r.related_ids.split(',').filter((s) => s !== '').join(', '),
  version: String(a.version),
});

/** The text of a revision as a reader would compare it, one field or paragraph per line. */
export function revisionText(r: { title: string; lead: string; body: string; author_byline: string; source: string | null; event_date: string | null; tags: string }): string {
  return [r.title, r.lead, htmlToText(r.body), r.author_byline, r.source ?? '', r.event_date ?? '', r.tags].filter((s) => s !== '').join('\n');
}

function allowedActions(user: CurrentUser, a: ArticleRow): WorkflowAction[] {
  const checks: Record<WorkflowAction, boolean> = {
    submit: canSubmitArticle(user, a),
    return: canReturnArticle(user, a),
    approve: canApproveArticle(user, a),
    publish: canPublishArticle(user, a),
    schedule: canScheduleArticle(user, a),
    unpublish: canUnpublishArticle(user, a),
    archive: canArchiveArticle(user, a),
  };
  return WORKFLOW_ACTIONS.filter((action) => checks[action]);
}

const NOTICES: Record<string, 'newsroom.saved' | 'newsroom.created' | 'newsroom.step_done' | 'newsroom.restored'> = { luu: 'newsroom.saved', tao: 'newsroom.created', buoc: 'newsroom.step_done', 'khoi-phuc': 'newsroom.restored' };

/** A datetime-local value is Viet Nam's wall-clock time (UTC+7, no daylight saving). */
export const vietnamLocalToIso = (value: string): string | undefined => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : undefined);

const parseId = (raw: string): number => {
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
};

export async function registerAdminRoutes(app: FastifyInstance): Promise<void> {
  const { store, config } = app.deps;
  const db = store.db;
  app.deps.adminNav.push({ href: ADMIN_BASE, label: 'newsroom.admin_title', roles: ['editor', 'writer'], order: 10 });

  app.get<{ Querystring: { trang?: string; 'trang-thai'?: string; ok?: string } }>(ADMIN_BASE, { preHandler: staffOnly }, async (request, reply) => {
    const user = request.user!;
    const page = /^\d{1,5}$/.test(request.query.trang ?? '') ? Math.max(1, Number(request.query.trang)) : 1;
    const status = (ARTICLE_STATUSES as readonly string[]).includes(request.query['trang-thai'] ?? '') ? (request.query['trang-thai'] as ArticleStatus) : undefined;
    // Writers see their own articles; editors everything.
    const { total, items } = await articlesForStaff(db, { ...(isEditor(user) ? {} : { onlyAuthor: user.id }), ...(status === undefined ? {} : { status }), page, pageSize: PAGE_SIZE });
    const ctx = await viewContext(request);
    const noticeKey = NOTICES[request.query.ok ?? ''];
    return sendHtml(reply, ArticleListPage({ ctx, adminNav: app.deps.adminNav, items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), status, notice: noticeKey === undefined ? undefined : request.t(noticeKey) }));
  });

  /** The related-articles picker's state: its search (?lien-quan=…) and the titles of the chosen ids. */
  async function relatedState(query: string | undefined, relatedIds: string, selfId: number | null) {
    const q = (query ?? '').slice(0, 200);
    return { query: q, results: q.trim() === '' ? undefined : await relatedCandidates(db, q, selfId), chosen: await chosenTitles(db, relatedIds) };
  }

  app.get<{ Querystring: { 'lien-quan'?: string } }>(`${ADMIN_BASE}/moi`, { preHandler: staffOnly }, async (request, reply) => {
    const ctx = await viewContext(request);
    const related = await relatedState(request.query['lien-quan'], '', null);
    return sendHtml(reply, ArticleFormPage({ ctx, adminNav: app.deps.adminNav, categories: await allCategories(db), values: { author_byline: request.user!.fullName }, related }));
  });

  app.post<{ Body: FormValues }>(`${ADMIN_BASE}/moi`, { preHandler: staffOnly }, async (request, reply) => {
    const body = request.body ?? {};
    const input = inputOf(body);
    const render = async (status: number, extra: { errors?: FieldErrors; alert?: string }) => {
      const ctx = await viewContext(request);
      const related = await relatedState(undefined, input.related ?? '', null);
      return sendHtml(reply, ArticleFormPage({ ctx, adminNav: app.deps.adminNav, categories: await allCategories(db), values: valuesOfInput(input), related, ...extra }), status);
    };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render(403, { alert: request.t('error.csrf_invalid') });
    try {
      const id = await createArticle(db, actorOf(request), request.user!, input);
      return reply.redirect(`${ADMIN_BASE}/${id}?ok=tao`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return render(422, { errors: err.fields });
      throw err;
    }
  });

  async function loadEditable(request: FastifyRequest, id: number) {
    const article = await articleById(db, id);
    if (article === undefined) throw new AppError('not_found');
    const user = request.user!;
    // Writers may open only their own articles.
    if (!isEditor(user) && article.created_by !== user.id) throw new AppError('forbidden');
    const working = await revisionById(db, article.working_revision_id);
    if (working === undefined) throw new AppError('not_found');
    return { article, working };
  }

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, id: number, status: number, extra: { values?: Record<string, string>; errors?: FieldErrors; stepErrors?: FieldErrors; alert?: string; notice?: string; conflict?: ReturnType<typeof diffLines>; relatedQuery?: string } = {}) {
    const { article, working } = await loadEditable(request, id);
    const values = extra.values ?? valuesOfRevision(article, working);
    const category = await categoryById(db, article.category_id);
    const ctx = await viewContext(request);
    return sendHtml(
      reply,
      ArticleFormPage({
        ctx,
        adminNav: app.deps.adminNav,
        categories: await allCategories(db),
        article,
        values,
        related: await relatedState(extra.relatedQuery, values.related ?? '', article.id),
        errors: extra.errors,
        stepErrors: extra.stepErrors,
        alert: extra.alert,
        notice: extra.notice,
        conflict: extra.conflict,
        liveUrl: category === undefined ? undefined : articleUrl(category.slug, article.slug),
        actions: allowedActions(request.user!, article),
        cover: working.cover_sha256 === null ? undefined : { sha256: working.cover_sha256, alt: working.cover_alt ?? '' },
      }),
      status,
    );
  }

  await registerCoverRoutes(app, renderEdit);

  app.get<{ Params: { id: string }; Querystring: { ok?: string; 'lien-quan'?: string } }>(`${ADMIN_BASE}/:id`, { preHandler: staffOnly }, async (request, reply) => {
    const noticeKey = NOTICES[request.query.ok ?? ''];
    return renderEdit(request, reply, parseId(request.params.id), 200, { ...(noticeKey === undefined ? {} : { notice: request.t(noticeKey) }), relatedQuery: request.query['lien-quan'] ?? '' });
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${ADMIN_BASE}/:id`, { preHandler: staffOnly }, async (request, reply) => {
    const id = parseId(request.params.id);
    const body = request.body ?? {};
    const input = inputOf(body);
    const version = /^\d{1,9}$/.test(field(body, 'version')) ? Number(field(body, 'version')) : -1;
    const values = { ...valuesOfInput(input), note: field(body, 'note'), version: String(version) };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderEdit(request, reply, id, 403, { values, alert: request.t('error.csrf_invalid') });
    try {
      await updateArticle(db, actorOf(request), request.user!, id, version, input);
      return reply.redirect(`${ADMIN_BASE}/${id}?ok=luu`, 303);
    } catch (err) {
      if (err instanceof ArticleConflictError) {
        // Keep what this person typed; show what the other save changed; saving again is a deliberate overwrite.
        const mine = { title: input.title, lead: input.lead, body: input.body, author_byline: input.authorByline, source: input.source, event_date: input.eventDate, tags: input.tags };
        return renderEdit(request, reply, id, 409, {
          values: { ...values, version: String(err.current.version) },
          alert: request.t('newsroom.conflict'),
          conflict: diffLines(revisionText(mine), revisionText(err.currentRevision)),
        });
      }
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return renderEdit(request, reply, id, 422, { values, errors: err.fields });
      throw err;
    }
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${ADMIN_BASE}/:id/buoc`, { preHandler: staffOnly }, async (request, reply) => {
    const id = parseId(request.params.id);
    const body = request.body ?? {};
    const action = field(body, 'action');
    if (!(WORKFLOW_ACTIONS as readonly string[]).includes(action)) throw new AppError('bad_request');
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderEdit(request, reply, id, 403, { alert: request.t('error.csrf_invalid') });
    const at = action === 'schedule' ? (vietnamLocalToIso(field(body, 'at')) ?? 'invalid') : undefined;
    try {
      await stepArticle(db, actorOf(request), request.user!, id, action as WorkflowAction, { comment: field(body, 'comment'), ...(at === undefined ? {} : { at }) });
      return reply.redirect(`${ADMIN_BASE}/${id}?ok=buoc`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return renderEdit(request, reply, id, 422, { stepErrors: err.fields });
      throw err;
    }
  });

  app.get<{ Params: { id: string }; Querystring: { so?: string } }>(`${ADMIN_BASE}/:id/phien-ban`, { preHandler: staffOnly }, async (request, reply) => {
    const { article, working } = await loadEditable(request, parseId(request.params.id));
    const revisions = await revisionsOfArticle(db, article.id);
    const n = /^\d{1,6}$/.test(request.query.so ?? '') ? Number(request.query.so) : working.number;
    const shown = revisions.find((r) => r.number === n);
    const previous = shown === undefined ? undefined : await revisionByNumber(db, article.id, shown.number - 1);
    const diff = shown === undefined ? [] : diffLines(previous === undefined ? '' : revisionText(previous), revisionText(shown));
    const ctx = await viewContext(request);
    return sendHtml(reply, RevisionsPage({ ctx, adminNav: app.deps.adminNav, article, revisions, shown, diff, canRestore: canEditArticle(request.user, article) }));
  });

  app.post<{ Params: { id: string; n: string }; Body: FormValues }>(`${ADMIN_BASE}/:id/phien-ban/:n/khoi-phuc`, { preHandler: staffOnly }, async (request, reply) => {
    const id = parseId(request.params.id);
    const n = parseId(request.params.n);
    if (!isCsrfValid(request, field(request.body ?? {}, '_csrf'), config.secret)) return renderEdit(request, reply, id, 403, { alert: request.t('error.csrf_invalid') });
    await restoreRevision(db, actorOf(request), request.user!, id, n);
    return reply.redirect(`${ADMIN_BASE}/${id}?ok=khoi-phuc`, 303);
  });
}
