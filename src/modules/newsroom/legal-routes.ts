/** Routes of the legal documents library: /van-ban for readers, /quan-tri/van-ban for editors. */
import { createReadStream, existsSync } from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { registerSearchType } from '../../platform/search/types.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { LEGAL_DOC_TYPE, legalDocumentById, legalDocumentBySlug, legalDocuments, saveLegalDocument, type LegalDocumentInput, type LegalDocumentRow } from './legal-documents.ts';
import { LEGAL_ADMIN, LEGAL_PUBLIC, LegalAdminListPage, LegalDetailPage, LegalFormPage, LegalListPage } from './legal-views.tsx';
import { attachLegalFile, filesOfLegalDocument, legalFileById, MAX_LEGAL_FILE_BYTES, removeLegalFile } from './legal-files.ts';
import { storedFilePath } from '../../platform/files/content-store.ts';
import { LEGAL_DOC_STATUSES, LEGAL_DOC_TYPES, type LegalDocStatus, type LegalDocType } from './tables.ts';

const PAGE_SIZE = 20;
const FIELDS = ['number_symbol', 'doc_type', 'title', 'issuing_body', 'signer', 'issued_on', 'effective_on', 'expires_on', 'status', 'replaced_by', 'summary', 'is_published'] as const;

const inputOf = (v: Record<string, string>): LegalDocumentInput => ({
  numberSymbol: v.number_symbol ?? '',
  docType: v.doc_type ?? '',
  title: v.title ?? '',
  issuingBody: v.issuing_body ?? '',
  signer: v.signer ?? '',
  issuedOn: v.issued_on ?? '',
  effectiveOn: v.effective_on ?? '',
  expiresOn: v.expires_on ?? '',
  status: v.status ?? '',
  replacedBy: v.replaced_by ?? '',
  summary: v.summary ?? '',
  isPublished: v.is_published === '1',
});

const valuesOf = (d: LegalDocumentRow): Record<string, string> => ({
  number_symbol: d.number_symbol,
  doc_type: d.doc_type,
  title: d.title,
  issuing_body: d.issuing_body,
  signer: d.signer,
  issued_on: d.issued_on,
  effective_on: d.effective_on ?? '',
  expires_on: d.expires_on ?? '',
  status: d.status,
  replaced_by: d.replaced_by ?? '',
  summary: d.summary,
  is_published: d.is_published === 1 ? '1' : '',
});

export function registerLegalRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const editorsOnly = requireAnyRolePage('editor');
  registerSearchType(LEGAL_DOC_TYPE, 'newsroom.legal_search_type');
  app.deps.nav.push({ href: LEGAL_PUBLIC, label: 'newsroom.legal_title', order: 11 });
  app.deps.adminNav.push({ href: LEGAL_ADMIN, label: 'newsroom.legal_title', roles: ['editor'], order: 12 });

  app.get<{ Querystring: Record<string, string | undefined> }>(LEGAL_PUBLIC, async (request, reply) => {
    const filter = { loai: request.query.loai ?? '', 'hieu-luc': request.query['hieu-luc'] ?? '', nam: request.query.nam ?? '' };
    const type = (LEGAL_DOC_TYPES as readonly string[]).includes(filter.loai) ? (filter.loai as LegalDocType) : undefined;
    const status = (LEGAL_DOC_STATUSES as readonly string[]).includes(filter['hieu-luc']) ? (filter['hieu-luc'] as LegalDocStatus) : undefined;
    const year = /^\d{4}$/.test(filter.nam) ? Number(filter.nam) : undefined;
    const page = /^\d{1,5}$/.test(request.query.trang ?? '') ? Math.max(1, Number(request.query.trang)) : 1;
    const { total, items } = await legalDocuments(db, { type, status, year, onlyPublished: true, page, pageSize: PAGE_SIZE });
    const ctx = await viewContext(request);
    return sendHtml(reply, LegalListPage({ ctx, items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), filter: { loai: type ?? '', 'hieu-luc': status ?? '', nam: year === undefined ? '' : String(year) } }));
  });

  app.get<{ Params: { slug: string } }>(`${LEGAL_PUBLIC}/:slug`, async (request, reply) => {
    const doc = /^[a-z0-9-]{1,120}$/.test(request.params.slug) ? await legalDocumentBySlug(db, request.params.slug) : undefined;
    if (doc === undefined || doc.is_published !== 1) throw new AppError('not_found');
    const ctx = await viewContext(request);
    return sendHtml(reply, LegalDetailPage({ ctx, doc, files: await filesOfLegalDocument(db, doc.id) }));
  });

  app.get<{ Params: { slug: string; file: string } }>(`${LEGAL_PUBLIC}/:slug/tep/:file`, async (request, reply) => {
    const doc = /^[a-z0-9-]{1,120}$/.test(request.params.slug) ? await legalDocumentBySlug(db, request.params.slug) : undefined;
    // Staff may download the files of a document not yet published (the edit page links here).
    const mayRead = doc !== undefined && (doc.is_published === 1 || request.user?.roles.some((r) => r.role === 'editor') === true);
    const file = mayRead && /^\d{1,9}$/.test(request.params.file) ? await legalFileById(db, doc.id, Number(request.params.file)) : undefined;
    if (file === undefined) throw new AppError('not_found');
    const stored = storedFilePath(config.dataDir, file.sha256);
    if (!existsSync(stored)) throw new AppError('not_found');
    return reply
      .type(file.media_type)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', doc!.is_published === 1 ? 'public, max-age=3600' : 'private, no-store')
      .send(createReadStream(stored));
  });

  app.get<{ Querystring: { ok?: string } }>(LEGAL_ADMIN, { preHandler: editorsOnly }, async (request, reply) => {
    const { items } = await legalDocuments(db, { onlyPublished: false, page: 1, pageSize: 500 });
    const ctx = await viewContext(request);
    return sendHtml(reply, LegalAdminListPage({ ctx, adminNav: app.deps.adminNav, items, notice: request.query.ok === '1' ? request.t('newsroom.saved') : undefined }));
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, id: number | null, values: Record<string, string>, status: number, extra: { errors?: FieldErrors; alert?: string; notice?: string; fileErrors?: FieldErrors } = {}) {
    const ctx = await viewContext(request);
    const doc = id === null ? undefined : await legalDocumentById(db, id);
    const files = doc === undefined ? undefined : { slug: doc.slug, rows: await filesOfLegalDocument(db, doc.id), errors: extra.fileErrors };
    return sendHtml(reply, LegalFormPage({ ctx, adminNav: app.deps.adminNav, id, values, errors: extra.errors, alert: extra.alert, notice: extra.notice, files }), status);
  }

  const parseId = (raw: string): number => {
    if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
    return Number(raw);
  };

  app.get(`${LEGAL_ADMIN}/moi`, { preHandler: editorsOnly }, async (request, reply) => renderForm(request, reply, null, { status: 'in_force' }, 200));
  const FILE_NOTICES: Record<string, 'newsroom.attachment_added' | 'newsroom.attachment_removed'> = { them: 'newsroom.attachment_added', go: 'newsroom.attachment_removed' };
  app.get<{ Params: { id: string }; Querystring: { tep?: string } }>(`${LEGAL_ADMIN}/:id`, { preHandler: editorsOnly }, async (request, reply) => {
    const doc = await legalDocumentById(db, parseId(request.params.id));
    if (doc === undefined) throw new AppError('not_found');
    const noticeKey = FILE_NOTICES[request.query.tep ?? ''];
    return renderForm(request, reply, doc.id, valuesOf(doc), 200, noticeKey === undefined ? {} : { notice: request.t(noticeKey) });
  });

  async function existingDoc(raw: string) {
    const doc = await legalDocumentById(db, parseId(raw));
    if (doc === undefined) throw new AppError('not_found');
    return doc;
  }

  // @fastify/multipart adds hooks to every route of the context it is registered in; only the upload has it.
  void app.register(async (uploads) => {
    await uploads.register(multipart, { limits: { fileSize: MAX_LEGAL_FILE_BYTES, files: 1, fields: 4, fieldSize: 2000 } });
    uploads.post<{ Params: { id: string } }>(`${LEGAL_ADMIN}/:id/tep`, { preHandler: editorsOnly }, async (request, reply) => {
      const doc = await existingDoc(request.params.id);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const fields: Record<string, string> = {};
      let content: Buffer | undefined;
      let fileName = '';
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            fileName = part.filename;
            content = await part.toBuffer();
          } else if (typeof part.value === 'string') fields[part.fieldname] = part.value.normalize('NFC');
        }
      } catch (err) {
        // @fastify/multipart refuses a file over the limit while reading it; the editor gets the same page back.
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return renderForm(request, reply, doc.id, valuesOf(doc), 413, { fileErrors: { file: { key: 'newsroom.attachment_error_size' } } });
        throw err;
      }
      if (!isCsrfValid(request, fields._csrf, config.secret)) return renderForm(request, reply, doc.id, valuesOf(doc), 403, { alert: request.t('error.csrf_invalid') });
      try {
        await attachLegalFile(db, config.dataDir, actorOf(request), doc.id, content, fileName);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return renderForm(request, reply, doc.id, valuesOf(doc), 422, { fileErrors: err.fields });
        throw err;
      }
      return reply.redirect(`${LEGAL_ADMIN}/${doc.id}?tep=them`, 303);
    });
  });

  app.post<{ Params: { id: string; file: string }; Body: FormValues }>(`${LEGAL_ADMIN}/:id/tep/:file/go`, { preHandler: editorsOnly }, async (request, reply) => {
    const doc = await existingDoc(request.params.id);
    if (!isCsrfValid(request, field(request.body ?? {}, '_csrf'), config.secret)) return renderForm(request, reply, doc.id, valuesOf(doc), 403, { alert: request.t('error.csrf_invalid') });
    await removeLegalFile(db, actorOf(request), doc.id, parseId(request.params.file));
    return reply.redirect(`${LEGAL_ADMIN}/${doc.id}?tep=go`, 303);
  });

  async function save(request: FastifyRequest<{ Body: FormValues }>, reply: FastifyReply, id: number | null) {
    const body = request.body ?? {};
    const values = Object.fromEntries(FIELDS.map((f) => [f, field(body, f)]));
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderForm(request, reply, id, values, 403, { alert: request.t('error.csrf_invalid') });
    try {
      await saveLegalDocument(db, actorOf(request), id, inputOf(values));
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return renderForm(request, reply, id, values, 422, { errors: err.fields });
      throw err;
    }
    return reply.redirect(`${LEGAL_ADMIN}?ok=1`, 303);
  }

  app.post<{ Body: FormValues }>(`${LEGAL_ADMIN}/moi`, { preHandler: editorsOnly }, async (request, reply) => save(request, reply, null));
  app.post<{ Params: { id: string }; Body: FormValues }>(`${LEGAL_ADMIN}/:id`, { preHandler: editorsOnly }, async (request, reply) => save(request, reply, parseId(request.params.id)));
}
