/**
 * The e-services JSON API, version 1, documented at /api/docs:
 * `GET /api/v1/procedures` (the published catalogue, `q` searched with or without Vietnamese
 * diacritics), `GET /api/v1/procedures/{code}` (one procedure with its agencies, online levels,
 * fees and document components) and `GET /api/v1/dossiers/{code}/status?contact=` (the check of
 * /tra-cuu: the dossier code with the applicant's phone or email; only status and timeline come
 * back, never the applicant's data). Public and read-only; the status lookup is rate-limited.
 * Submitting and reading one's own dossiers with an access token: api-dossiers.ts.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import {
  procedureAgencyHistory,
  procedureByCode,
  procedureComponents,
  procedureFees,
  procedureLevels,
  publishedProcedures,
  receivingAgency,
} from './catalogue-queries.ts';
import { apiTimeline, apiTimelineEntry, dossierByCodeAndContact, dossierEvents } from './dossier-queries.ts';
import { registerDossierApi } from './api-dossiers.ts';

const str = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const bilingual = { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;
const errorResponse = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' } } } },
} as const;
const procedureSummary = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: bilingual,
    field: { type: 'string' },
    processingDays: { type: 'integer', description: 'Time limit in working days' },
    onlineAvailable: { type: 'boolean' },
    onlineLevel: { type: 'object', nullable: true, properties: { scheme: { type: 'string' }, level: { type: 'string' } } },
    url: { type: 'string' },
  },
} as const;

export function registerEservicesApi(app: FastifyInstance): void {
  const db = app.deps.store.db;
  const publicUrl = app.deps.config.publicUrl;
  const page = (code: string) => new URL(`/thu-tuc/${encodeURIComponent(code)}`, publicUrl).toString();

  app.get<{ Querystring: { q?: string; field?: string } }>(
    '/api/v1/procedures',
    {
      schema: {
        tags: ['eservices'],
        summary: 'Published administrative procedures',
        description: '`q` matches code and name with or without Vietnamese diacritics ("giay phep xuat ban" finds "Giấy phép xuất bản"); `field` is publishing, press, online_information or posts.',
        querystring: { type: 'object', properties: { q: str(200), field: str(40), lang: str(2) } },
        response: { 200: { type: 'object', properties: { procedures: { type: 'array', items: procedureSummary } } } },
      },
    },
    async (request, reply) => {
      const entries = await publishedProcedures(db, { q: (request.query.q ?? '').normalize('NFC'), field: request.query.field ?? '' }, todayInVietnam());
      return reply.header('access-control-allow-origin', '*').send({
        procedures: entries.map((e) => ({ code: e.code, name: { vi: e.nameVi, en: e.nameEn }, field: e.field, processingDays: e.processingDays, onlineAvailable: e.onlineAvailable, onlineLevel: e.level, url: page(e.code) })),
      });
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags: ['eservices'],
        summary: 'One procedure: agencies over time, online levels, fees and document components',
        params: { type: 'object', properties: { code: str(40) } },
        response: { 404: errorResponse },
      },
    },
    async (request, reply) => {
      const p = await procedureByCode(db, request.params.code);
      if (p === undefined) throw new AppError('not_found');
      const [agencies, levels, fees, components, current] = await Promise.all([
        procedureAgencyHistory(db, p.id),
        procedureLevels(db, p.id),
        procedureFees(db, p.id),
        procedureComponents(db, p.id),
        receivingAgency(db, p.id, todayInVietnam()),
      ]);
      return reply.header('access-control-allow-origin', '*').send({
        procedure: {
          code: p.code,
          nationalCode: p.national_code,
          name: { vi: p.name_vi, en: p.name_en },
          field: p.field,
          processingDays: p.processing_days,
          result: { vi: p.result_vi, en: p.result_en },
          legalBasis: p.legal_basis,
          onlineAvailable: p.online_available === 1 && current !== undefined,
          agencies: agencies.map((a) => ({ role: a.role, name: { vi: a.nameVi, en: a.nameEn }, validFrom: a.validFrom, validTo: a.validTo })),
          onlineLevels: levels.map((l) => ({ scheme: l.scheme, level: l.level, validFrom: l.valid_from, validTo: l.valid_to })),
          fees: fees.map((f) => ({ label: { vi: f.label_vi, en: f.label_en }, amountVnd: f.amount_vnd, unit: { vi: f.unit_vi, en: f.unit_en }, legalBasis: f.legal_basis })),
          components: components.map((c) => ({ code: c.code, name: { vi: c.name_vi, en: c.name_en }, copies: { vi: c.copies_vi, en: c.copies_en }, required: c.required === 1 })),
          url: page(p.code),
        },
      });
    },
  );

  // The same guessing brake as the /tra-cuu form: a code and a phone number are weak secrets together.
  const statusLimit = app.rateLimit({ max: 20, timeWindow: '1 minute' });
  app.get<{ Params: { code: string }; Querystring: { contact?: string } }>(
    '/api/v1/dossiers/:code/status',
    {
      preHandler: statusLimit,
      schema: {
        tags: ['eservices'],
        summary: 'Status and timeline of a dossier',
        description: 'The dossier code with the phone number or email given in the dossier, as on /tra-cuu. A wrong pair answers 404 like an unknown code. Only the status, the dates and the timeline are returned.',
        params: { type: 'object', properties: { code: str(60) } },
        querystring: { type: 'object', required: ['contact'], properties: { contact: str(254), lang: str(2) } },
        response: {
          200: {
            type: 'object',
            properties: {
              code: { type: 'string' },
              procedure: { type: 'string' },
              status: { type: 'string' },
              nationalStatus: { type: 'integer', nullable: true },
              receivedOn: { type: 'string', format: 'date', nullable: true },
              dueOn: { type: 'string', format: 'date', nullable: true },
              finishedOn: { type: 'string', format: 'date', nullable: true },
              timeline: { type: 'array', items: apiTimelineEntry },
            },
          },
          400: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const dossier = await dossierByCodeAndContact(db, request.params.code.slice(0, 60), (request.query.contact ?? '').normalize('NFC').slice(0, 254));
      if (dossier === undefined) throw new AppError('not_found');
      const [procedure, events] = await Promise.all([
        db.selectFrom('procedures').select('code').where('id', '=', dossier.procedure_id).executeTakeFirst(),
        dossierEvents(db, dossier.id),
      ]);
      return reply.header('cache-control', 'private, no-store').send({
        code: dossier.code,
        procedure: procedure?.code ?? '',
        status: dossier.status,
        nationalStatus: dossier.national_status,
        receivedOn: dossier.received_on,
        dueOn: dossier.due_on,
        finishedOn: dossier.finished_on,
        timeline: await apiTimeline(db, dossier, events),
      });
    },
  );
  registerDossierApi(app);
}
