/** Staff routes (statisticians): /quan-tri/chi-so lists the editions; /quan-tri/chi-so/{code}/an-ban-moi?tu={edition} copies one into a new edition. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { isCsrfValid } from '../../../platform/http/csrf.ts';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { canReviewReports } from '../reports/permissions.ts';
import { ADMIN_PATH, AdminIndicesPage, NewEditionPage } from './admin-views.tsx';
import { createEdition, formFromBody, formFromEdition, validateEdition, type EditionForm } from './new-edition.ts';
import { allIndices, editionContent, editionsOf, indexByCode, type Edition, type IndexRow } from './queries.ts';

export function registerIndexAdmin(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const statisticians = requireAnyRolePage('statistician');
  app.deps.adminNav.push({ href: ADMIN_PATH, label: 'statistics.composite.admin_nav', roles: ['statistician'], order: 62 });

  app.get<{ Querystring: { ok?: string } }>(ADMIN_PATH, { preHandler: statisticians }, async (request, reply) => {
    const indices = await allIndices(db);
    const editions = await editionsOf(
      db,
      indices.map((i) => i.id),
    );
    const ok = typeof request.query.ok === 'string' && /^[0-9A-Za-z.-]{1,20}$/.test(request.query.ok) ? request.t('statistics.composite.admin_created', { edition: request.query.ok }) : undefined;
    return sendHtml(reply, AdminIndicesPage({ ctx: await viewContext(request), adminNav: app.deps.adminNav, indices: indices.map((index) => ({ index, editions: editions.filter((e) => e.index_id === index.id) })), notice: ok }));
  });

  /** The index and the edition being copied (the most recent one when none is named). */
  async function load(code: string, from: string): Promise<{ index: IndexRow; source: Edition; labels: string[] }> {
    const index = /^[a-z0-9][a-z0-9-]{0,63}$/.test(code) ? await indexByCode(db, code) : undefined;
    if (index === undefined) throw new AppError('not_found');
    const editions = await editionsOf(db, [index.id]);
    const row = from === '' ? editions[0] : editions.find((e) => e.label === from);
    if (row === undefined) throw new AppError('not_found', { from: { key: 'statistics.composite.err.source', params: { edition: from.slice(0, 20) } } });
    return { index, source: await editionContent(db, row), labels: editions.map((e) => e.label) };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, index: IndexRow, source: Edition, form: EditionForm, extra: { errors?: FieldErrors; alert?: string }, status = 200) {
    const ctx = await viewContext(request);
    return sendHtml(reply, NewEditionPage({ ctx, adminNav: app.deps.adminNav, index, source, form, ...extra }), status);
  }

  app.get<{ Params: { code: string }; Querystring: { tu?: string } }>(`${ADMIN_PATH}/:code/an-ban-moi`, { preHandler: statisticians }, async (request, reply) => {
    const { index, source } = await load(request.params.code, typeof request.query.tu === 'string' ? request.query.tu.trim() : '');
    return render(request, reply, index, source, formFromEdition(source), {});
  });

  app.post<{ Params: { code: string }; Body: FormValues }>(`${ADMIN_PATH}/:code/an-ban-moi`, { preHandler: statisticians }, async (request, reply) => {
    const body = request.body ?? {};
    if (!canReviewReports(request.user)) throw new AppError('forbidden');
    const { index, source, labels } = await load(request.params.code, field(body, 'from').trim());
    const form = formFromBody(body, source);
    // A stale token re-renders the form with what was typed rather than losing it.
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render(request, reply, index, source, form, { alert: request.t('error.csrf_invalid') }, 403);
    const checked = validateEdition(form, source, labels, request.locale);
    if ('errors' in checked) return render(request, reply, index, source, form, { errors: checked.errors }, 422);
    try {
      await createEdition(db, actorOf(request), index, source, checked.edition);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return render(request, reply, index, source, form, { errors: err.fields }, 422);
      throw err;
    }
    return reply.redirect(`${ADMIN_PATH}?${new URLSearchParams({ ok: checked.edition.label }).toString()}`, 303);
  });
}

