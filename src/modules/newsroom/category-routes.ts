/** /quan-tri/chuyen-muc: the category tree for editors. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { CATEGORY_ADMIN, CategoryAdminPage } from './category-views.tsx';
import { allCategories } from './queries.ts';
import { saveCategory } from './save-category.ts';

export function registerCategoryRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const editorsOnly = requireAnyRolePage('editor');
  app.deps.adminNav.push({ href: CATEGORY_ADMIN, label: 'newsroom.categories', roles: ['editor'], order: 13 });

  async function render(request: FastifyRequest, reply: FastifyReply, editId: number | null, status: number, extra: { values?: Record<string, string>; errors?: FieldErrors; alert?: string; notice?: string } = {}) {
    const categories = await allCategories(db);
    const editing = editId === null ? undefined : categories.find((c) => c.id === editId);
    if (editId !== null && editing === undefined) throw new AppError('not_found');
    const values = extra.values ?? (editing === undefined ? {} : { name_vi: editing.name_vi, name_en: editing.name_en, slug: editing.slug, parent_id: editing.parent_id === null ? '' : String(editing.parent_id), sort_order: String(editing.sort_order) });
    const ctx = await viewContext(request);
    return sendHtml(reply, CategoryAdminPage({ ctx, adminNav: app.deps.adminNav, categories, editing, values, errors: extra.errors, alert: extra.alert, notice: extra.notice }), status);
  }

  app.get<{ Querystring: { sua?: string; ok?: string } }>(CATEGORY_ADMIN, { preHandler: editorsOnly }, async (request, reply) =>
    render(request, reply, /^\d{1,9}$/.test(request.query.sua ?? '') ? Number(request.query.sua) : null, 200, request.query.ok === '1' ? { notice: request.t('newsroom.saved') } : {}),
  );

  async function post(request: FastifyRequest<{ Body: FormValues }>, reply: FastifyReply, id: number | null) {
    const body = request.body ?? {};
    const values = { name_vi: field(body, 'name_vi'), name_en: field(body, 'name_en'), slug: field(body, 'slug'), parent_id: field(body, 'parent_id'), sort_order: field(body, 'sort_order') };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render(request, reply, id, 403, { values, alert: request.t('error.csrf_invalid') });
    try {
      await saveCategory(db, actorOf(request), id, { nameVi: values.name_vi, nameEn: values.name_en, slug: values.slug, parentId: values.parent_id, sortOrder: values.sort_order });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return render(request, reply, id, 422, { values, errors: err.fields });
      throw err;
    }
    return reply.redirect(`${CATEGORY_ADMIN}?ok=1`, 303);
  }

  app.post<{ Body: FormValues }>(CATEGORY_ADMIN, { preHandler: editorsOnly }, async (request, reply) => post(request, reply, null));
  app.post<{ Params: { id: string }; Body: FormValues }>(`${CATEGORY_ADMIN}/:id`, { preHandler: editorsOnly }, async (request, reply) => {
    if (!/^\d{1,9}$/.test(request.params.id)) throw new AppError('not_found');
    return post(request, reply, Number(request.params.id));
  });
}
