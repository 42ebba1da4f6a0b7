/** /quan-tri/co-quan: the organisation model (agencies over time), for administrators. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { agencyDutyHistory, agencyHistory, unitById, type AdminUnit } from '../../platform/org/queries.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { agencyRecord, agencySummaries } from './agencies-queries.ts';
import { idParam } from './route-helpers.ts';
import { addAgencyDuty, endAgencyDuty } from './services/agency-duty.ts';
import type { VersionInput } from './services/agency-input.ts';
import { addAgencyVersion } from './services/add-agency-version.ts';
import { createAgency } from './services/create-agency.ts';
import { AGENCIES_PATH, AgenciesListPage, AgencyPage, type AgencyPageProps } from './views/agencies-pages.tsx';

type Q = Record<string, string | undefined>;
const VERSION_FIELDS = ['name_vi', 'name_en', 'short_name', 'parent', 'unit', 'valid_from', 'valid_to'] as const;

const NOTICES = { 'phien-ban': 'admin.version_added', 'nhiem-vu': 'admin.duty_added', 'ket-thuc': 'admin.duty_ended', 'them': 'admin.agency_created' } as const;

function versionInput(values: Record<string, string>): VersionInput {
  return {
    nameVi: values.name_vi ?? '',
    nameEn: values.name_en ?? '',
    shortName: values.short_name ?? '',
    parentCode: values.parent ?? '',
    unitCode: values.unit ?? '',
    validFrom: values.valid_from ?? '',
    validTo: values.valid_to ?? '',
  };
}

const pick = (body: FormValues, names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, field(body, n)]));

const isValidation = (err: unknown): err is AppError & { fields: FieldErrors } => err instanceof AppError && err.code === 'validation' && err.fields !== undefined;

export function registerAgencyRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const adminOnly = requireAnyRolePage('administrator');

  async function renderList(request: FastifyRequest, reply: FastifyReply, extra: { notice?: string; create?: { values?: Record<string, string>; errors?: FieldErrors; alert?: string } } = {}, status = 200) {
    const ctx = await viewContext(request);
    const agencies = await agencySummaries(store.db, todayInVietnam());
    return sendHtml(reply, AgenciesListPage({ ctx, adminNav: app.deps.adminNav, agencies, ...extra }), status);
  }

  async function renderAgency(request: FastifyRequest, reply: FastifyReply, id: number, extra: Partial<Pick<AgencyPageProps, 'notice' | 'version' | 'duty' | 'endDuty'>> = {}, status = 200) {
    const agency = await agencyRecord(store.db, id);
    if (agency === undefined) throw new AppError('not_found');
    const [versions, duties, agencies] = await Promise.all([agencyHistory(store.db, id), agencyDutyHistory(store.db, id), agencySummaries(store.db, todayInVietnam())]);
    const units = new Map<number, AdminUnit>();
    for (const v of versions) {
      if (v.adminUnitId !== null && !units.has(v.adminUnitId)) {
        const unit = await unitById(store.db, v.adminUnitId);
        if (unit !== null) units.set(unit.id, unit);
      }
    }
    const ctx = await viewContext(request);
    return sendHtml(reply, AgencyPage({ ctx, adminNav: app.deps.adminNav, agency, versions, duties, agencies, units, ...extra }), status);
  }

  app.get<{ Querystring: Q }>(AGENCIES_PATH, { preHandler: adminOnly }, async (request, reply) =>
    renderList(request, reply, request.query.ok === 'them' ? { notice: request.t('admin.agency_created') } : {}),
  );

  app.post<{ Body: FormValues }>(AGENCIES_PATH, { preHandler: adminOnly }, async (request, reply) => {
    const body = request.body ?? {};
    const values = pick(body, ['code', 'kind', ...VERSION_FIELDS]);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderList(request, reply, { create: { values, alert: request.t('error.csrf_invalid') } }, 403);
    let id: number;
    try {
      id = await createAgency(store.db, actorOf(request), { ...versionInput(values), code: values.code ?? '', kind: values.kind ?? '' });
    } catch (err) {
      if (isValidation(err)) return renderList(request, reply, { create: { values, errors: err.fields } }, 422);
      throw err;
    }
    return reply.redirect(`${AGENCIES_PATH}/${id}?ok=them`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: Q }>(`${AGENCIES_PATH}/:id`, { preHandler: adminOnly }, async (request, reply) => {
    const ok = request.query.ok;
    const notice = ok !== undefined && Object.hasOwn(NOTICES, ok) ? request.t(NOTICES[ok as keyof typeof NOTICES]) : undefined;
    return renderAgency(request, reply, idParam(request.params.id), notice === undefined ? {} : { notice });
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${AGENCIES_PATH}/:id/phien-ban`, { preHandler: adminOnly }, async (request, reply) => {
    const id = idParam(request.params.id);
    const body = request.body ?? {};
    const values = pick(body, VERSION_FIELDS);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderAgency(request, reply, id, { version: { values, alert: request.t('error.csrf_invalid') } }, 403);
    try {
      await addAgencyVersion(store.db, actorOf(request), id, versionInput(values));
    } catch (err) {
      if (isValidation(err)) return renderAgency(request, reply, id, { version: { values, errors: err.fields } }, 422);
      throw err;
    }
    return reply.redirect(`${AGENCIES_PATH}/${id}?ok=phien-ban`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${AGENCIES_PATH}/:id/nhiem-vu`, { preHandler: adminOnly }, async (request, reply) => {
    const id = idParam(request.params.id);
    const body = request.body ?? {};
    const values = pick(body, ['duty', 'duty_from', 'duty_to']);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderAgency(request, reply, id, { duty: { values, alert: request.t('error.csrf_invalid') } }, 403);
    try {
      await addAgencyDuty(store.db, actorOf(request), id, { duty: values.duty ?? '', validFrom: values.duty_from ?? '', validTo: values.duty_to ?? '' });
    } catch (err) {
      if (isValidation(err)) {
        // The duty form's date fields have their own names (the version form on the same page uses valid_from/valid_to).
        const errors = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k === 'valid_from' ? 'duty_from' : k === 'valid_to' ? 'duty_to' : k, v]));
        return renderAgency(request, reply, id, { duty: { values, errors } }, 422);
      }
      throw err;
    }
    return reply.redirect(`${AGENCIES_PATH}/${id}?ok=nhiem-vu`, 303);
  });

  app.post<{ Params: { id: string; dutyId: string }; Body: FormValues }>(`${AGENCIES_PATH}/:id/nhiem-vu/:dutyId/ket-thuc`, { preHandler: adminOnly }, async (request, reply) => {
    const id = idParam(request.params.id);
    const dutyId = idParam(request.params.dutyId);
    const body = request.body ?? {};
    const values = { valid_to: field(body, 'valid_to') };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderAgency(request, reply, id, { endDuty: { dutyId, values, alert: request.t('error.csrf_invalid') } }, 403);
    try {
      await endAgencyDuty(store.db, actorOf(request), id, dutyId, values.valid_to);
    } catch (err) {
      if (isValidation(err)) return renderAgency(request, reply, id, { endDuty: { dutyId, values, errors: err.fields } }, 422);
      throw err;
    }
    return reply.redirect(`${AGENCIES_PATH}/${id}?ok=ket-thuc`, 303);
  });
}
