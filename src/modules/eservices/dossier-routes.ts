/** Applying online (draft, documents, submission, receipt), the applicant's list and public tracking. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { actorOf } from '../../platform/audit/audit.ts';
import { requireUser, requireUserPage } from '../../platform/auth/guards.ts';
import { loadWorkingCalendar } from '../../platform/calendar/queries.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { attachDocument, removeDocument } from './attach-document.ts';
import { procedureByCode, procedureById, procedureComponents } from './catalogue-queries.ts';
import { DraftPage, MyDossiersPage, ReceiptPage, TrackPage } from './dossier-pages.tsx';
import { agencyNameOn, dossierByCodeAndContact, dossierEvents, dossierFiles, dossierOfApplicant, dossiersOfApplicant, eventAgencyNames, type DossierRow } from './dossier-queries.ts';
import { MAX_FILE_BYTES } from './file-store.ts';
import { parseFormDefinition, pickFormData, type FormData } from './form-definition.ts';
import { saveDraft } from './save-draft.ts';
import { startDossier } from './start-dossier.ts';
import { submitDossier } from './submit-dossier.ts';
import { supplementDossier } from './supplement-dossier.ts';

const idParam = (raw: string): number => {
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
};

export function registerDossierRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;

  /** The signed-in applicant's own dossier, or 404 (another person's dossier is not revealed). */
  async function ownDossier(request: FastifyRequest<{ Params: { id: string } }>): Promise<DossierRow> {
    const user = requireUser(request);
    const dossier = await dossierOfApplicant(db, idParam(request.params.id), user.id);
    if (dossier === undefined) throw new AppError('not_found');
    return dossier;
  }

  async function renderDraft(
    request: FastifyRequest,
    reply: FastifyReply,
    dossier: DossierRow,
    extra: { values?: FormData; errors?: FieldErrors; alert?: string; notice?: string } = {},
    status = 200,
  ) {
    const procedure = await procedureById(db, dossier.procedure_id);
    if (procedure === undefined) throw new AppError('not_found');
    const [components, files] = await Promise.all([procedureComponents(db, procedure.id), dossierFiles(db, dossier.id)]);
    const def = parseFormDefinition(procedure.form_json);
    const values = extra.values ?? (JSON.parse(dossier.form_json) as FormData);
    const page = DraftPage({ ctx: await viewContext(request), dossier, procedure, def, values, components, files, ...extra });
    return sendHtml(reply, page, status);
  }

  async function renderReceipt(request: FastifyRequest, reply: FastifyReply, dossier: DossierRow, extra: { errors?: FieldErrors; notice?: string } = {}, status = 200) {
    const procedure = await procedureById(db, dossier.procedure_id);
    if (procedure === undefined) throw new AppError('not_found');
    const [components, files, events, agency] = await Promise.all([
      procedureComponents(db, procedure.id),
      dossierFiles(db, dossier.id),
      dossierEvents(db, dossier.id),
      agencyNameOn(db, dossier.agency_id, dossier.received_on ?? todayInVietnam()),
    ]);
    const ctx = await viewContext(request);
    const agencies = await eventAgencyNames(db, events, null, dossier.received_on ?? todayInVietnam());
    const trackUrl = new URL(`/tra-cuu?ma=${encodeURIComponent(dossier.code ?? '')}`, config.publicUrl).toString();
    const qr = await QRCode.toString(trackUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    const qrDataUrl = `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}`;
    const page = ReceiptPage({ ctx, dossier, procedure, components, files, events, agencies, qrDataUrl, agencyName: ctx.locale === 'en' ? agency.en : agency.vi, cutoffHour: config.receiptCutoffHour, ...extra });
    return sendHtml(reply, page, status);
  }

  /** Documents are uploaded from the draft, or from the receipt while supplements are asked for. */
  const renderOwnPage = (request: FastifyRequest, reply: FastifyReply, dossier: DossierRow, extra: { errors?: FieldErrors; alert?: string }, status: number) =>
    dossier.status === 'draft' ? renderDraft(request, reply, dossier, extra, status) : renderReceipt(request, reply, dossier, extra.errors === undefined ? { notice: extra.alert ?? '' } : { errors: extra.errors }, status);

  app.post<{ Params: { code: string }; Body: FormValues }>('/thu-tuc/:code/nop-truc-tuyen', { preHandler: requireUserPage }, async (request, reply) => {
    const user = requireUser(request);
    if (!isCsrfValid(request, field(request.body ?? {}, '_csrf'), config.secret)) throw new AppError('csrf_invalid');
    const procedure = await procedureByCode(db, request.params.code);
    if (procedure === undefined) throw new AppError('not_found');
    const id = await startDossier(db, user, procedure, todayInVietnam());
    return reply.redirect(`/ho-so/${id}`, 303);
  });

  app.get('/ho-so', { preHandler: requireUserPage }, async (request, reply) => {
    const user = requireUser(request);
    return sendHtml(reply, MyDossiersPage({ ctx: await viewContext(request), dossiers: await dossiersOfApplicant(db, user.id) }));
  });

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>('/ho-so/:id', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    if (dossier.status !== 'draft') return reply.redirect(`/ho-so/${dossier.id}/bien-nhan`, 303);
    const ok = request.query.ok;
    const notice = ok === 'luu' ? 'eservices.draft_saved' : ok === 'tai-len' ? 'eservices.uploaded' : ok === 'go' ? 'eservices.file_removed' : undefined;
    return renderDraft(request, reply, dossier, notice === undefined ? {} : { notice: request.t(notice) });
  });

  app.post<{ Params: { id: string }; Body: FormValues }>('/ho-so/:id', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    if (dossier.status !== 'draft') return reply.redirect(`/ho-so/${dossier.id}/bien-nhan`, 303);
    const body = request.body ?? {};
    const procedure = await procedureById(db, dossier.procedure_id);
    if (procedure === undefined) throw new AppError('not_found');
    const def = parseFormDefinition(procedure.form_json);
    const values = pickFormData(def, (name) => field(body, name));
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderDraft(request, reply, dossier, { values, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await saveDraft(db, dossier, def, values, request.locale);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderDraft(request, reply, dossier, { values, ...(err.fields === undefined ? {} : { errors: err.fields }) }, 422);
      throw err;
    }
    return reply.redirect(`/ho-so/${dossier.id}?ok=luu`, 303);
  });

  app.post<{ Params: { id: string } }>('/ho-so/:id/tai-lieu', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    if (!request.isMultipart()) throw new AppError('unsupported_media_type');
    const fields: Record<string, string> = {};
    let file: { name: string; content: Buffer } | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const content = await part.toBuffer();
          if (file === undefined && part.fieldname === 'file') file = { name: part.filename, content };
        } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        return renderOwnPage(request, reply, dossier, { errors: { file: { key: 'eservices.error_file_size', params: { mb: MAX_FILE_BYTES / 1024 / 1024 } } } }, 413);
      }
      throw err;
    }
    if (!isCsrfValid(request, fields._csrf ?? '', config.secret)) return renderOwnPage(request, reply, dossier, { alert: request.t('error.csrf_invalid') }, 403);
    try {
      await attachDocument(db, config.dataDir, dossier, fields.component ?? '', file?.name ?? '', file?.content ?? Buffer.alloc(0));
    } catch (err) {
      if (err instanceof AppError && err.fields !== undefined) return renderOwnPage(request, reply, dossier, { errors: err.fields }, err.status);
      throw err;
    }
    return reply.redirect(dossier.status === 'draft' ? `/ho-so/${dossier.id}?ok=tai-len#tai-lieu` : `/ho-so/${dossier.id}/bien-nhan?ok=tai-len`, 303);
  });

  app.post<{ Params: { id: string; fileId: string }; Body: FormValues }>('/ho-so/:id/tai-lieu/:fileId/xoa', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    if (!isCsrfValid(request, field(request.body ?? {}, '_csrf'), config.secret)) return renderDraft(request, reply, dossier, { alert: request.t('error.csrf_invalid') }, 403);
    if (dossier.status !== 'draft') return reply.redirect(`/ho-so/${dossier.id}/bien-nhan`, 303);
    await removeDocument(db, dossier, idParam(request.params.fileId));
    return reply.redirect(`/ho-so/${dossier.id}?ok=go#tai-lieu`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>('/ho-so/:id/nop', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    if (!isCsrfValid(request, field(request.body ?? {}, '_csrf'), config.secret)) return renderDraft(request, reply, dossier, { alert: request.t('error.csrf_invalid') }, 403);
    const calendar = await loadWorkingCalendar(db);
    try {
      await submitDossier(db, actorOf(request), dossier, { calendar, cutoffHour: config.receiptCutoffHour, now: new Date(), locale: request.locale });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderDraft(request, reply, dossier, err.fields === undefined ? {} : { errors: err.fields }, 422);
      throw err;
    }
    return reply.redirect(`/ho-so/${dossier.id}/bien-nhan`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>('/ho-so/:id/bien-nhan', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    if (dossier.status === 'draft') return reply.redirect(`/ho-so/${dossier.id}`, 303);
    const ok = request.query.ok;
    const notice = ok === 'bo-sung' ? 'eservices.supplement_done' : ok === 'tai-len' ? 'eservices.uploaded' : undefined;
    return renderReceipt(request, reply, dossier, notice === undefined ? {} : { notice: request.t(notice) });
  });

  app.post<{ Params: { id: string }; Body: FormValues }>('/ho-so/:id/bo-sung', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    const body = request.body ?? {};
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderReceipt(request, reply, dossier, { notice: request.t('error.csrf_invalid') }, 403);
    const note = [...field(body, 'note')].slice(0, 2000).join('');
    try {
      await supplementDossier(db, actorOf(request), dossier, note, await loadWorkingCalendar(db), todayInVietnam());
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return reply.redirect(`/ho-so/${dossier.id}/bien-nhan`, 303);
      throw err;
    }
    return reply.redirect(`/ho-so/${dossier.id}/bien-nhan?ok=bo-sung`, 303);
  });

  // The receipt's QR code opens this page with the code filled in; the second factor is still asked.
  app.get<{ Querystring: { ma?: string } }>('/tra-cuu', async (request, reply) =>
    sendHtml(reply, TrackPage({ ctx: await viewContext(request), values: { code: (request.query.ma ?? '').slice(0, 60), contact: '' } })),
  );

  // Guessing codes and phone numbers is slowed down: a few lookups a minute is all a person needs.
  const trackLimit = app.rateLimit({ max: 20, timeWindow: '1 minute' });
  app.post<{ Body: FormValues }>('/tra-cuu', { preHandler: trackLimit }, async (request, reply) => {
    const body = request.body ?? {};
    const values = { code: field(body, 'code').slice(0, 60), contact: field(body, 'contact').slice(0, 254) };
    const ctx = await viewContext(request);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return sendHtml(reply, TrackPage({ ctx, values, alert: request.t('error.csrf_invalid') }), 403);
    const errors: FieldErrors = {};
    if (values.code === '') errors.code = { key: 'shell.field_required', params: { field: request.t('eservices.dossier_code').toLowerCase() } };
    if (values.contact === '') errors.contact = { key: 'shell.field_required', params: { field: request.t('eservices.track_contact').toLowerCase() } };
    if (Object.keys(errors).length > 0) return sendHtml(reply, TrackPage({ ctx, values, errors }), 422);
    const dossier = await dossierByCodeAndContact(db, values.code, values.contact);
    if (dossier === undefined) return sendHtml(reply, TrackPage({ ctx, values, alert: request.t('eservices.track_not_found') }), 404);
    const procedure = await procedureById(db, dossier.procedure_id);
    const events = await dossierEvents(db, dossier.id);
    const agencies = await eventAgencyNames(db, events, null, dossier.received_on ?? todayInVietnam());
    const procedureName = procedure === undefined ? '' : ctx.locale === 'en' ? procedure.name_en : procedure.name_vi;
    return sendHtml(reply, TrackPage({ ctx, values, found: { dossier, procedureName, events, agencies } }));
  });
}
