/**
 * Submitting and following one's own dossiers through the JSON API, with a personal access token
 * (`Authorization: Bearer …`, platform/auth/api-tokens.ts):
 *
 * - `POST /api/v1/dossiers` (multipart/form-data): `procedure` (its code), the form's fields by
 *   name, and each document in a part named after its component code. It goes through the same
 *   steps as the web form (startDossier, saveDraft, attachDocument, submitDossier), after a check
 *   of everything at once so that a refused request writes nothing and lists every problem, in
 *   Vietnamese and English. `Idempotency-Key`: a retry with the same key and the same request
 *   answers with the dossier already made (200, `Idempotent-Replayed: true`).
 * - `GET /api/v1/dossiers/{code}`: status, documents and timeline, to the token's owner only
 *   (another applicant's dossier answers 404 like an unknown code).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { requireApiToken } from '../../platform/auth/api-tokens.ts';
import { requireUser } from '../../platform/auth/guards.ts';
import { loadWorkingCalendar } from '../../platform/calendar/queries.ts';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { translate, type MessageKey } from '../../platform/i18n/index.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { attachDocument, checkDocumentContent } from './attach-document.ts';
import { procedureByCode, type ProcedureRow } from './catalogue-queries.ts';
import { apiTimeline, apiTimelineEntry, dossierEvents, dossierFiles, dossierOfApplicant, type DossierRow } from './dossier-queries.ts';
import { MAX_FILE_BYTES, sha256Hex } from './file-store.ts';
import { parseFormDefinition, pickFormData } from './form-definition.ts';
import { saveDraft } from './save-draft.ts';
import { startDossier } from './start-dossier.ts';
import { submissionErrors, submitDossier, type ComponentRequirement } from './submit-dossier.ts';

/** Documents one request may carry. */
export const API_MAX_FILES = 20;
const FIELD_MAX_BYTES = 20_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

type Bilingual = { vi: string; en: string };
type BilingualErrors = Record<string, Bilingual>;

interface Upload {
  readonly component: string;
  readonly fileName: string;
  readonly content: Buffer;
}

interface ParsedRequest {
  readonly fields: Record<string, string>;
  readonly uploads: readonly Upload[];
  /** Problems met while reading: repeated or truncated fields, a file above the size limit. */
  readonly errors: FieldErrors;
  readonly tooLarge: boolean;
}

const both = (key: MessageKey, params?: Record<string, string | number>): Bilingual => ({ vi: translate('vi', key, params), en: translate('en', key, params) });
const bothOf = (errors: FieldErrors): BilingualErrors => Object.fromEntries(Object.entries(errors).map(([name, e]) => [name, both(e.key, e.params)]));

async function readMultipart(request: FastifyRequest): Promise<ParsedRequest> {
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  const errors: FieldErrors = {};
  let tooLarge = false;
  const parts = request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: API_MAX_FILES, fields: 100, fieldSize: FIELD_MAX_BYTES } });
  try {
    for await (const part of parts) {
      if (part.type === 'file') uploads.push({ component: part.fieldname, fileName: part.filename, content: await part.toBuffer() });
      else if (typeof part.value !== 'string' || part.valueTruncated) errors[part.fieldname] = { key: 'eservices_api.error_field_long' };
      else if (Object.hasOwn(fields, part.fieldname)) errors[part.fieldname] = { key: 'eservices_api.error_field_repeated' };
      else fields[part.fieldname] = part.value.normalize('NFC');
    }
  } catch (err) {
    // Reading stops at the first file above the limit (the rest of the stream is dropped), as on the upload form.
    const e = err as { code?: string; part?: { fieldname?: string } };
    if (e.code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
    tooLarge = true;
    errors[`doc-${e.part?.fieldname ?? 'file'}`] = { key: 'eservices.error_file_size', params: { mb: MAX_FILE_BYTES / 1024 / 1024 } };
  }
  return { fields, uploads, errors, tooLarge };
}

/** What makes two requests "the same" for an idempotency key: procedure, form values and documents. */
function requestDigest(procedureCode: string, values: Record<string, string>, uploads: readonly Upload[], hashes: readonly string[]): string {
  const canonical = JSON.stringify([procedureCode, Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)), uploads.map((u, i) => [u.component, u.fileName, hashes[i]])]);
  return createHash('sha256').update(canonical).digest('hex');
}

type Claim = { kind: 'claimed'; id: number } | { kind: 'replay'; dossierId: number } | { kind: 'pending' } | { kind: 'mismatch' };

/** Takes the idempotency key for this request, or says what an earlier request with it became. */
async function claimKey(db: Db, applicantId: number, key: string, digest: string): Promise<Claim> {
  const inserted = await db
    .insertInto('dossier_api_requests')
    .values({ applicant_id: applicantId, idempotency_key: key, request_sha256: digest, dossier_id: null, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['applicant_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted !== undefined) return { kind: 'claimed', id: inserted.id };
  const earlier = await db.selectFrom('dossier_api_requests').select(['request_sha256', 'dossier_id']).where('applicant_id', '=', applicantId).where('idempotency_key', '=', key).executeTakeFirst();
  if (earlier === undefined) return { kind: 'pending' }; // released between the two statements: the client retries
  if (earlier.request_sha256 !== digest) return { kind: 'mismatch' };
  return earlier.dossier_id === null ? { kind: 'pending' } : { kind: 'replay', dossierId: earlier.dossier_id };
}

function sendErrors(request: FastifyRequest, reply: FastifyReply, status: number, code: string, fields: BilingualErrors): FastifyReply {
  const message = request.t(status === 409 ? 'error.conflict' : status === 413 ? 'error.payload_too_large' : status === 415 ? 'error.unsupported_media_type' : 'error.validation');
  return reply.code(status).header('cache-control', 'no-store').send({ error: { code, message, fields, requestId: request.id } });
}

export interface DossierView {
  readonly code: string;
  readonly procedure: { code: string; name: Bilingual };
  readonly status: string;
  readonly nationalStatus: number | null;
  readonly submittedAt: string | null;
  readonly receivedOn: string | null;
  readonly dueOn: string | null;
  readonly finishedOn: string | null;
  readonly documents: readonly { component: string; componentName: Bilingual; fileName: string; mediaType: string; sizeBytes: number; sha256: string; reused: boolean }[];
  readonly trackingUrl: string;
  readonly url: string;
}

async function dossierView(db: Db, publicUrl: URL, dossier: DossierRow, procedure: ProcedureRow, components: readonly ComponentRequirement[]): Promise<DossierView> {
  const files = await dossierFiles(db, dossier.id);
  const code = dossier.code ?? '';
  const name = (c: string): Bilingual => {
    const found = components.find((x) => x.code === c);
    return { vi: found?.name_vi ?? c, en: found?.name_en ?? c };
  };
  return {
    code,
    procedure: { code: procedure.code, name: { vi: procedure.name_vi, en: procedure.name_en } },
    status: dossier.status,
    nationalStatus: dossier.national_status,
    submittedAt: dossier.submitted_at,
    receivedOn: dossier.received_on,
    dueOn: dossier.due_on,
    finishedOn: dossier.finished_on,
    documents: files.map((f) => ({ component: f.component_code, componentName: name(f.component_code), fileName: f.file_name, mediaType: f.media_type, sizeBytes: f.size_bytes, sha256: f.sha256, reused: f.reused === 1 })),
    trackingUrl: new URL(`/tra-cuu?ma=${encodeURIComponent(code)}`, publicUrl).toString(),
    url: new URL(`/api/v1/dossiers/${encodeURIComponent(code)}`, publicUrl).toString(),
  };
}

/** The procedure's document components: what a submission is checked against and the receipt names. */
const componentsOf = (db: Db, procedureId: number): Promise<ComponentRequirement[]> =>
  db.selectFrom('procedure_components').select(['code', 'name_vi', 'name_en', 'required']).where('procedure_id', '=', procedureId).orderBy('sort_order').execute();

async function procedureOfDossier(db: Db, dossier: DossierRow): Promise<{ procedure: ProcedureRow; components: ComponentRequirement[] }> {
  const procedure = await db.selectFrom('procedures').selectAll().where('id', '=', dossier.procedure_id).executeTakeFirstOrThrow();
  return { procedure, components: await componentsOf(db, procedure.id) };
}

/** Everything wrong with the request, in both languages, before anything is written. */
function problems(procedure: ProcedureRow, components: readonly ComponentRequirement[], values: Record<string, string>, uploads: readonly Upload[], readErrors: FieldErrors): { errors: BilingualErrors; status: number } {
  const def = parseFormDefinition(procedure.form_json);
  const known = new Set(components.map((c) => c.code));
  const accepted = new Set<string>();
  const fileErrors: FieldErrors = {};
  let status = 422;
  for (const u of uploads) {
    const name = `doc-${u.component}`;
    if (!known.has(u.component)) {
      fileErrors[name] = { key: 'eservices.error_component' };
      continue;
    }
    try {
      checkDocumentContent(u.content);
      accepted.add(u.component);
    } catch (err) {
      if (!(err instanceof AppError) || err.fields?.file === undefined) throw err;
      fileErrors[name] = err.fields.file;
      if (err.status === 415 && status === 422) status = 415;
      if (err.status === 413) status = 413;
    }
  }
  const withoutRefused = (errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).filter(([k]) => fileErrors[k] === undefined && readErrors[k] === undefined));
  const vi = withoutRefused(submissionErrors(def, values, components, accepted, 'vi'));
  // Field names in the messages are the form's own labels, in each language.
  const en = Object.keys(vi).length === 0 ? {} : withoutRefused(submissionErrors(def, values, components, accepted, 'en'));
  const errors: BilingualErrors = { ...bothOf(readErrors), ...bothOf(fileErrors) };
  for (const [k, e] of Object.entries(vi)) errors[k] = { vi: translate('vi', e.key, e.params), en: en[k] === undefined ? translate('en', e.key, e.params) : translate('en', en[k].key, en[k].params) };
  return { errors, status };
}

const multipartBody = {
  type: 'object',
  properties: {
    procedure: { type: 'string', description: 'Code of the procedure, e.g. 1.003868 (GET /api/v1/procedures).' },
    applicant_name: { type: 'string' },
    applicant_phone: { type: 'string' },
    applicant_email: { type: 'string' },
    '{field}': { type: 'string', description: 'Each field of the procedure’s application form by its name, as on its web form; unknown names are ignored.' },
    '{component}': { type: 'string', format: 'binary', description: `A document of the component with this code (GET /api/v1/procedures/{code} lists them): PDF, JPEG, PNG, DOCX or XLSX, checked by content, at most ${MAX_FILE_BYTES / 1024 / 1024} MB; up to ${API_MAX_FILES} files.` },
  },
  required: ['procedure'],
} as const;

const bilingual = { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;
const dossierSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', description: 'Dossier code (mã hồ sơ), 000.00.<agency>.H15-<yyMMdd>-<nnnn>' },
    procedure: { type: 'object', properties: { code: { type: 'string' }, name: bilingual } },
    status: { type: 'string' },
    nationalStatus: { type: 'integer', nullable: true, description: 'Status code 1–10 of the national public service portal' },
    submittedAt: { type: 'string', format: 'date-time', nullable: true },
    receivedOn: { type: 'string', format: 'date', nullable: true, description: 'Date of receipt (after the cut-off hour: the next working day)' },
    dueOn: { type: 'string', format: 'date', nullable: true, description: 'Due date, in working days from the date of receipt' },
    finishedOn: { type: 'string', format: 'date', nullable: true },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        properties: { component: { type: 'string' }, componentName: bilingual, fileName: { type: 'string' }, mediaType: { type: 'string' }, sizeBytes: { type: 'integer' }, sha256: { type: 'string' }, reused: { type: 'boolean' } },
      },
    },
    trackingUrl: { type: 'string', description: 'The public tracking page (/tra-cuu) with the code filled in' },
    url: { type: 'string' },
  },
} as const;
const errorSchema = (description: string) =>
  ({
    description,
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          reason: { type: 'string' },
          message: { type: 'string' },
          messages: bilingual,
          fields: { type: 'object', additionalProperties: bilingual, description: 'Field (or `doc-<component>`) → message in Vietnamese and English' },
          requestId: { type: 'string' },
        },
      },
    },
  }) as const;
const bearer = [{ bearerAuth: [] }];

export function registerDossierApi(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;

  app.post(
    '/api/v1/dossiers',
    {
      preHandler: requireApiToken,
      // The schema documents the request; the handler reads and checks the parts and the key itself
      // (a multipart body is streamed, there is no parsed body for a validator to see).
      validatorCompiler: () => () => true,
      schema: {
        tags: ['eservices'],
        summary: 'Submit a dossier (applicant’s access token)',
        description:
          'Submits a dossier for a procedure, as the web form does: the same form validation, documents per component checked by content and size, then the receipt. Nothing is written when the request is refused; every problem is listed under `fields` in Vietnamese and English (422; 413 for a file above the limit, 415 for content that is not an accepted type). Send an `Idempotency-Key` so that a retry makes one dossier: the same key with the same request answers 200 with the dossier already made and `Idempotent-Replayed: true`; with another request, 422.',
        security: bearer,
        consumes: ['multipart/form-data'],
        headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', maxLength: 200, description: 'Any unique string per dossier, e.g. a UUID' } } },
        body: { content: { 'multipart/form-data': { schema: multipartBody } } },
        response: {
          201: { description: 'The receipt: dossier code, date of receipt, due date, documents and tracking link', ...dossierSchema },
          200: { description: 'A retry with the same Idempotency-Key: the dossier made by the first request', ...dossierSchema },
          401: errorSchema('No token, or a token unknown, expired or revoked'),
          409: errorSchema('The first request with this Idempotency-Key is still being handled'),
          413: errorSchema('A document above the size limit'),
          415: errorSchema('A document whose content is not an accepted type (e.g. an executable named .pdf)'),
          422: errorSchema('Form values, a missing required document, an unknown procedure or component'),
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!request.isMultipart()) return sendErrors(request, reply, 415, 'unsupported_media_type', { body: both('eservices_api.error_multipart') });
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) return sendErrors(request, reply, 422, 'validation', { 'Idempotency-Key': both('eservices_api.error_idempotency_key') });
      const parsed = await readMultipart(request);
      if (parsed.tooLarge) return sendErrors(request, reply, 413, 'payload_too_large', bothOf(parsed.errors));
      const procedureCode = parsed.fields.procedure ?? '';
      const procedure = procedureCode === '' ? undefined : await procedureByCode(db, procedureCode);
      if (procedure === undefined) {
        const errors: BilingualErrors = { procedure: procedureCode === '' ? both('shell.field_required', { field: 'procedure' }) : both('eservices_api.error_procedure') };
        return sendErrors(request, reply, 422, 'validation', { ...bothOf(parsed.errors), ...errors });
      }
      const components = await componentsOf(db, procedure.id);
      const def = parseFormDefinition(procedure.form_json);
      const values = pickFormData(def, (name) => parsed.fields[name] ?? '');
      const found = problems(procedure, components, values, parsed.uploads, parsed.errors);
      if (Object.keys(found.errors).length > 0) {
        const code = found.status === 413 ? 'payload_too_large' : found.status === 415 ? 'unsupported_media_type' : 'validation';
        return sendErrors(request, reply, found.status, code, found.errors);
      }

      let claimId: number | undefined;
      if (key !== undefined) {
        const digest = requestDigest(procedure.code, values, parsed.uploads, parsed.uploads.map((u) => sha256Hex(u.content)));
        const claim = await claimKey(db, user.id, key, digest);
        if (claim.kind === 'mismatch') return sendErrors(request, reply, 422, 'validation', { 'Idempotency-Key': both('eservices_api.error_idempotency_reused') });
        if (claim.kind === 'pending') return sendErrors(request, reply, 409, 'conflict', { 'Idempotency-Key': both('eservices_api.error_idempotency_pending') });
        if (claim.kind === 'replay') {
          const dossier = await dossierOfApplicant(db, claim.dossierId, user.id);
          if (dossier === undefined) throw new AppError('not_found');
          return reply.code(200).header('idempotent-replayed', 'true').header('cache-control', 'no-store').send(await dossierView(db, config.publicUrl, dossier, procedure, components));
        }
        claimId = claim.id;
      }

      let draftId: number | undefined;
      try {
        draftId = await startDossier(db, user, procedure, todayInVietnam());
        const draft = await dossierOfApplicant(db, draftId, user.id);
        if (draft === undefined) throw new Error('the new draft vanished');
        await saveDraft(db, draft, def, values, request.locale);
        for (const u of parsed.uploads) await attachDocument(db, config.dataDir, draft, u.component, u.fileName, u.content);
        // The draft as saveDraft left it (its form values), without reading it again.
        const filled: DossierRow = { ...draft, form_json: JSON.stringify(values) };
        await submitDossier(db, actorOf(request), filled, { calendar: await loadWorkingCalendar(db), cutoffHour: config.receiptCutoffHour, now: new Date(), locale: request.locale, procedure: { ...procedure, components } });
        if (claimId !== undefined) await db.updateTable('dossier_api_requests').set({ dossier_id: draftId }).where('id', '=', claimId).execute();
      } catch (err) {
        // A refused or failed submission leaves neither a draft nor the key behind: the client may correct it and retry.
        if (draftId !== undefined) await db.deleteFrom('dossiers').where('id', '=', draftId).where('status', '=', 'draft').execute();
        if (claimId !== undefined) await db.deleteFrom('dossier_api_requests').where('id', '=', claimId).execute();
        if (err instanceof AppError && err.fields !== undefined) return sendErrors(request, reply, err.status, err.code, bothOf(err.fields));
        throw err;
      }
      const dossier = await dossierOfApplicant(db, draftId, user.id);
      if (dossier === undefined) throw new Error('the submitted dossier vanished');
      return reply.code(201).header('cache-control', 'no-store').header('location', `/api/v1/dossiers/${encodeURIComponent(dossier.code ?? '')}`).send(await dossierView(db, config.publicUrl, dossier, procedure, components));
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/v1/dossiers/:code',
    {
      preHandler: requireApiToken,
      schema: {
        tags: ['eservices'],
        summary: 'One of the token owner’s dossiers: status, documents and timeline',
        description: 'Only the applicant who submitted the dossier (the token’s owner) reads it; any other code answers 404, whether it exists or not.',
        security: bearer,
        params: { type: 'object', properties: { code: { type: 'string', maxLength: 60 } } },
        response: {
          200: { ...dossierSchema, properties: { ...dossierSchema.properties, timeline: { type: 'array', items: apiTimelineEntry } } },
          401: errorSchema('No token, or a token unknown, expired or revoked'),
          404: errorSchema('No dossier of the token’s owner with this code'),
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const dossier = await db.selectFrom('dossiers').selectAll().where('code', '=', request.params.code).where('applicant_id', '=', user.id).where('status', '!=', 'draft').executeTakeFirst();
      if (dossier === undefined) throw new AppError('not_found');
      const { procedure, components } = await procedureOfDossier(db, dossier);
      const [view, events] = await Promise.all([dossierView(db, config.publicUrl, dossier, procedure, components), dossierEvents(db, dossier.id)]);
      return reply.header('cache-control', 'private, no-store').send({
        ...view,
        timeline: await apiTimeline(db, dossier, events),
      });
    },
  );
}

