/** /quan-tri/gioi-thieu: administrators edit the introduction pages of their agencies (audited). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { agenciesWithRole, requireAnyRolePage, requireUser } from '../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { agencyHistory } from '../../platform/org/queries.ts';
import { requireText } from '../../ui/forms.tsx';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { introPageBySlug, introPagesOfAgencies, isIntroSlug, orgUnitsOfAgency, type IntroPage } from './intro-queries.ts';
import { specByKind, validateRecord, type RecordSpec } from './intro-records.ts';
import { INTRO_ADMIN_PATH, IntroAdminHome, PageEditForm, RecordEditPage, RecordListPage, recordsPath, type FormState } from './intro-admin-views.tsx';
import { canEditIntro, createIntroRecord, deleteIntroRecord, introRecord, introRecords, saveIntroPage, updateIntroRecord } from './save-intro-record.ts';

const idParam = (raw: string): number => {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
};

const specParam = (raw: string): RecordSpec => {
  const spec = specByKind(raw);
  if (spec === undefined) throw new AppError('not_found');
  return spec;
};

const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function registerIntroAdminRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const adminOnly = requireAnyRolePage('administrator');
  const myAgencies = (request: FastifyRequest): number[] => agenciesWithRole(requireUser(request), 'administrator');

  async function agencyChoices(ids: readonly number[], locale: string): Promise<{ value: string; label: string }[]> {
    const out: { value: string; label: string }[] = [];
    for (const id of ids) {
      const last = (await agencyHistory(db, id)).at(-1);
      out.push({ value: String(id), label: last === undefined ? String(id) : locale === 'en' ? last.nameEn : last.nameVi });
    }
    return out;
  }

  /** Possible parents of a unit: the agency's units except the unit itself and those below it (no cycles). */
  async function parentChoices(agencyIds: readonly number[], locale: string, self?: number): Promise<{ value: string; label: string }[]> {
    const units = (await Promise.all(agencyIds.map((id) => orgUnitsOfAgency(db, id)))).flat();
    const excluded = new Set<number>(self === undefined ? [] : [self]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of units) {
        if (u.parent_id !== null && excluded.has(u.parent_id) && !excluded.has(u.id)) {
          excluded.add(u.id);
          grew = true;
        }
      }
    }
    return units.filter((u) => !excluded.has(u.id)).map((u) => ({ value: String(u.id), label: locale === 'en' ? u.name_en : u.name_vi }));
  }

  async function renderList(request: FastifyRequest, reply: FastifyReply, spec: RecordSpec, state: FormState = {}, status = 200, notice?: string) {
    const ids = myAgencies(request);
    const ctx = await viewContext(request);
    const [rows, agencies, parents] = await Promise.all([introRecords(db, spec, ids), agencyChoices(ids, ctx.locale), parentChoices(ids, ctx.locale)]);
    return sendHtml(reply, RecordListPage({ ctx, adminNav: app.deps.adminNav, spec, rows, state, agencies, parents, ...(notice === undefined ? {} : { notice }) }), status);
  }

  /** The record, when the user administers its agency: 404 when missing, 403 for another agency's record. */
  async function editable(request: FastifyRequest, spec: RecordSpec, id: number) {
    const row = await introRecord(db, spec, id);
    if (row === undefined) throw new AppError('not_found');
    if (!canEditIntro(request.user, row.agency_id)) throw new AppError('forbidden');
    return row;
  }

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, spec: RecordSpec, id: number, state: FormState | undefined, status = 200, deleteAlert?: string) {
    const row = await editable(request, spec, id);
    const ctx = await viewContext(request);
    const values = state?.values ?? Object.fromEntries(spec.fields.map((f) => [f.name, f.kind === 'flag' ? (row[f.name] === 1 ? '1' : '') : asText(row[f.name])]));
    const parents = await parentChoices([row.agency_id ?? -1], ctx.locale, id);
    return sendHtml(reply, RecordEditPage({ ctx, adminNav: app.deps.adminNav, spec, id, name: asText(row[spec.nameField]), state: { ...state, values }, agencies: [], parents, ...(deleteAlert === undefined ? {} : { deleteAlert }) }), status);
  }

  const formValues = (spec: RecordSpec, body: FormValues): Record<string, string> => Object.fromEntries([...spec.fields.map((f) => [f.name, field(body, f.name)]), ['agency', field(body, 'agency')]]);

  app.get<{ Querystring: { ok?: string } }>(INTRO_ADMIN_PATH, { preHandler: adminOnly }, async (request, reply) => {
    const ctx = await viewContext(request);
    const pages = await introPagesOfAgencies(db, myAgencies(request));
    return sendHtml(reply, IntroAdminHome({ ctx, adminNav: app.deps.adminNav, pages, ...(request.query.ok === '1' ? { notice: ctx.t('portal.admin_saved') } : {}) }));
  });

  async function editablePage(request: FastifyRequest, slug: string): Promise<IntroPage> {
    const page = isIntroSlug(slug) ? await introPageBySlug(db, slug) : undefined;
    if (page === undefined) throw new AppError('not_found');
    if (!canEditIntro(request.user, page.agency_id)) throw new AppError('forbidden');
    return page;
  }

  app.get<{ Params: { slug: string } }>(`${INTRO_ADMIN_PATH}/trang/:slug`, { preHandler: adminOnly }, async (request, reply) => {
    const page = await editablePage(request, request.params.slug);
    return sendHtml(reply, PageEditForm({ ctx: await viewContext(request), adminNav: app.deps.adminNav, page, state: {} }));
  });

  app.post<{ Params: { slug: string }; Body: FormValues }>(`${INTRO_ADMIN_PATH}/trang/:slug`, { preHandler: adminOnly }, async (request, reply) => {
    const page = await editablePage(request, request.params.slug);
    const body = request.body ?? {};
    const values = Object.fromEntries(['title_vi', 'title_en', 'body_vi', 'body_en', 'version'].map((n) => [n, field(body, n)]));
    const render = async (state: FormState, status: number) => sendHtml(reply, PageEditForm({ ctx: await viewContext(request), adminNav: app.deps.adminNav, page, state }), status);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return render({ values, alert: request.t('error.csrf_invalid') }, 403);
    const errors: FieldErrors = {};
    requireText(errors, 'title_vi', values.title_vi!.trim(), request.t('portal.field_title_vi'), 200);
    requireText(errors, 'title_en', values.title_en!.trim(), request.t('portal.field_title_en'), 200);
    for (const name of ['body_vi', 'body_en'] as const) if ([...values[name]!].length > 20_000) errors[name] = { key: 'shell.field_too_long', params: { field: request.t(`portal.field_${name}`), max: 20_000 } };
    if (Object.keys(errors).length > 0) return render({ values, errors }, 422);
    try {
      await saveIntroPage(db, actorOf(request), page.slug, Number(values.version), { title_vi: values.title_vi!.trim(), title_en: values.title_en!.trim(), body_vi: values.body_vi!, body_en: values.body_en! }, requireUser(request).id);
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return render({ values: { ...values, version: String(page.version) }, alert: request.t('error.conflict') }, 409);
      throw err;
    }
    return reply.redirect(`${INTRO_ADMIN_PATH}?ok=1`, 303);
  });

  app.get<{ Params: { kind: string }; Querystring: { ok?: string } }>(`${INTRO_ADMIN_PATH}/:kind`, { preHandler: adminOnly }, async (request, reply) => {
    const spec = specParam(request.params.kind);
    const ok = request.query.ok;
    return renderList(request, reply, spec, {}, 200, ok === 'luu' ? request.t('portal.admin_saved') : ok === 'xoa' ? request.t('portal.admin_deleted') : undefined);
  });

  app.post<{ Params: { kind: string }; Body: FormValues }>(`${INTRO_ADMIN_PATH}/:kind`, { preHandler: adminOnly }, async (request, reply) => {
    const spec = specParam(request.params.kind);
    const body = request.body ?? {};
    const input = formValues(spec, body);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderList(request, reply, spec, { values: input, alert: request.t('error.csrf_invalid') }, 403);
    const mine = myAgencies(request);
    const agencyId = mine.length === 1 ? mine[0]! : Number(input.agency);
    const parents = agencyId > 0 ? (await orgUnitsOfAgency(db, agencyId)).map((u) => u.id) : [];
    const { values, errors } = validateRecord(spec, input, request.t, parents);
    if (!mine.includes(agencyId)) errors.agency = { key: 'portal.error_agency' };
    if (Object.keys(errors).length > 0) return renderList(request, reply, spec, { values: input, errors }, 422);
    await createIntroRecord(db, actorOf(request), spec, agencyId, values);
    return reply.redirect(`${recordsPath(spec)}?ok=luu`, 303);
  });

  app.get<{ Params: { kind: string; id: string } }>(`${INTRO_ADMIN_PATH}/:kind/:id`, { preHandler: adminOnly }, async (request, reply) =>
    renderEdit(request, reply, specParam(request.params.kind), idParam(request.params.id), undefined),
  );

  app.post<{ Params: { kind: string; id: string }; Body: FormValues }>(`${INTRO_ADMIN_PATH}/:kind/:id`, { preHandler: adminOnly }, async (request, reply) => {
    const spec = specParam(request.params.kind);
    const id = idParam(request.params.id);
    const row = await editable(request, spec, id);
    const body = request.body ?? {};
    const input = formValues(spec, body);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderEdit(request, reply, spec, id, { values: input, alert: request.t('error.csrf_invalid') }, 403);
    const parents = (await parentChoices([row.agency_id ?? -1], request.locale, id)).map((c) => Number(c.value));
    const { values, errors } = validateRecord(spec, input, request.t, parents);
    if (Object.keys(errors).length > 0) return renderEdit(request, reply, spec, id, { values: input, errors }, 422);
    await updateIntroRecord(db, actorOf(request), spec, id, values);
    return reply.redirect(`${recordsPath(spec)}?ok=luu`, 303);
  });

  app.post<{ Params: { kind: string; id: string }; Body: FormValues }>(`${INTRO_ADMIN_PATH}/:kind/:id/xoa`, { preHandler: adminOnly }, async (request, reply) => {
    const spec = specParam(request.params.kind);
    const id = idParam(request.params.id);
    await editable(request, spec, id);
    const body = request.body ?? {};
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderEdit(request, reply, spec, id, undefined, 403, request.t('error.csrf_invalid'));
    try {
      await deleteIntroRecord(db, actorOf(request), spec, id);
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return renderEdit(request, reply, spec, id, undefined, 409, request.t('portal.error_has_children'));
      throw err;
    }
    return reply.redirect(`${recordsPath(spec)}?ok=xoa`, 303);
  });
}
