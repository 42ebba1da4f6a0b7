/**
 * Results of a dossier: the receipt as PDF (applicant and staff), issuing and revoking a licence
 * (staff), the public register `/giay-phep` and verification `/xac-thuc/giay-phep/:token`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit/audit.ts';
import { requireAnyRolePage, requireUser, requireUserPage } from '../../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { isCsrfValid } from '../../../platform/http/csrf.ts';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { canSeeDossier } from '../act-on-dossier.ts';
import { procedureById, procedureComponents } from '../catalogue-queries.ts';
import { agencyNameOn, dossierFiles, dossierOfApplicant, type DossierRow } from '../dossier-queries.ts';
import { dossierById } from '../staff-queries.ts';
import { canIssueLicence, issueLicence } from './issue-licence.ts';
import { isLicenceKind, KIND_RULES, licenceKindOf } from './licence-kinds.ts';
import { RegisterPage, StaffLicencePage, VerifyPage, verifyPath } from './licence-pages.tsx';
import { licenceByToken, licenceOfDossier, registerPage, registerYears, REGISTER_PAGE_SIZE, type RegisterFilter } from './licence-queries.ts';
import { licencePdf } from './licence-pdf.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { canRevokeLicence, revokeLicence } from './revoke-licence.ts';

const idParam = (raw: string): number => {
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
};
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

export function registerLicenceRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  app.deps.nav.push({ href: '/giay-phep', label: 'licences.nav', order: 41 });
  const staffOnly = requireAnyRolePage('officer', 'leader');

  const sendPdf = (reply: FastifyReply, pdf: Buffer, fileName: string, cache: string) =>
    reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', cache).send(pdf);

  async function receiptOf(dossier: DossierRow): Promise<Buffer> {
    if (dossier.status === 'draft') throw new AppError('not_found');
    const procedure = await procedureById(db, dossier.procedure_id);
    if (procedure === undefined) throw new AppError('not_found');
    const [components, files, agency] = await Promise.all([
      procedureComponents(db, procedure.id),
      dossierFiles(db, dossier.id),
      agencyNameOn(db, dossier.agency_id, dossier.received_on ?? todayInVietnam()),
    ]);
    const trackUrl = new URL(`/tra-cuu?ma=${encodeURIComponent(dossier.code ?? '')}`, config.publicUrl).toString();
    return receiptPdf({ dossier, procedure, agencyName: agency.vi, components, files, trackUrl });
  }
  const receiptName = (d: DossierRow) => `bien-nhan-${(d.code ?? String(d.id)).replace(/[^A-Za-z0-9.-]/g, '-')}.pdf`;

  app.get<{ Params: { id: string } }>('/ho-so/:id/bien-nhan.pdf', { preHandler: requireUserPage }, async (request, reply) => {
    const user = requireUser(request);
    const dossier = await dossierOfApplicant(db, idParam(request.params.id), user.id);
    if (dossier === undefined) throw new AppError('not_found');
    return sendPdf(reply, await receiptOf(dossier), receiptName(dossier), 'private, no-store');
  });

  // The applicant reaches their licence (its verification page and PDF) from the receipt page.
  app.get<{ Params: { id: string } }>('/ho-so/:id/giay-phep', { preHandler: requireUserPage }, async (request, reply) => {
    const user = requireUser(request);
    const dossier = await dossierOfApplicant(db, idParam(request.params.id), user.id);
    const licence = dossier === undefined ? undefined : await licenceOfDossier(db, dossier.id);
    if (licence === undefined) throw new AppError('not_found');
    return reply.redirect(verifyPath(licence.token), 303);
  });

  /** A dossier the staff member may see, else 404 (another agency's dossiers are not revealed). */
  async function staffDossier(request: FastifyRequest<{ Params: { id: string } }>): Promise<DossierRow> {
    const dossier = await dossierById(db, idParam(request.params.id));
    if (dossier === undefined || !canSeeDossier(requireUser(request), dossier)) throw new AppError('not_found');
    return dossier;
  }

  app.get<{ Params: { id: string } }>('/quan-tri/ho-so/:id/bien-nhan.pdf', { preHandler: staffOnly }, async (request, reply) => {
    const dossier = await staffDossier(request);
    return sendPdf(reply, await receiptOf(dossier), receiptName(dossier), 'private, no-store');
  });

  async function renderStaffLicence(request: FastifyRequest, reply: FastifyReply, dossier: DossierRow, extra: { values?: Record<string, string>; errors?: FieldErrors; alert?: string; notice?: string } = {}, status = 200) {
    const user = requireUser(request);
    const procedure = await procedureById(db, dossier.procedure_id);
    const kind = procedure === undefined ? undefined : licenceKindOf(procedure.code);
    if (kind === undefined) throw new AppError('not_found');
    const licence = await licenceOfDossier(db, dossier.id);
    const today = todayInVietnam();
    const agency = await agencyNameOn(db, licence?.agency_id ?? dossier.deciding_agency_id ?? dossier.agency_id, licence?.issued_on ?? today);
    const form = JSON.parse(dossier.form_json) as Record<string, string>;
    const rule = KIND_RULES[kind];
    const ctx = await viewContext(request);
    const values = extra.values ?? {
      holder_name: form.org_name ?? dossier.applicant_name,
      holder_address: form.org_address ?? '',
      title: form[rule.titleField] ?? dossier.summary,
      quantity: rule.quantityField === null ? '' : (form[rule.quantityField] ?? ''),
      valid_until: '',
      signer_title: ctx.t('licences.signer_title_default'),
      signer_name: '',
    };
    const page = StaffLicencePage({
      ctx,
      adminNav: app.deps.adminNav,
      dossier,
      kind,
      agencyName: ctx.locale === 'en' ? agency.en : agency.vi,
      licence,
      canIssue: canIssueLicence(user, dossier),
      canRevoke: licence !== undefined && canRevokeLicence(user, licence),
      values,
      today,
      ...extra,
    });
    return sendHtml(reply, page, status);
  }

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>('/quan-tri/ho-so/:id/giay-phep', { preHandler: staffOnly }, async (request, reply) => {
    const dossier = await staffDossier(request);
    const licence = request.query.ok === undefined ? undefined : await licenceOfDossier(db, dossier.id);
    const notice = licence === undefined ? undefined : request.query.ok === 'thu-hoi' ? request.t('licences.revoked') : request.t('licences.issued', { number: licence.number });
    return renderStaffLicence(request, reply, dossier, notice === undefined ? {} : { notice });
  });

  app.post<{ Params: { id: string }; Body: FormValues }>('/quan-tri/ho-so/:id/giay-phep', { preHandler: staffOnly }, async (request, reply) => {
    const dossier = await staffDossier(request);
    const body = request.body ?? {};
    const values = Object.fromEntries(['holder_name', 'holder_address', 'title', 'quantity', 'valid_until', 'signer_title', 'signer_name'].map((k) => [k, field(body, k)]));
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderStaffLicence(request, reply, dossier, { values, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await issueLicence(db, actorOf(request), requireUser(request), dossier, {
        holderName: values.holder_name ?? '',
        holderAddress: values.holder_address ?? '',
        title: values.title ?? '',
        quantity: values.quantity ?? '',
        validUntil: values.valid_until ?? '',
        signerName: values.signer_name ?? '',
        signerTitle: values.signer_title ?? '',
      }, todayInVietnam(), {
        trackUrl: new URL('/tra-cuu', config.publicUrl).toString(),
        verifyUrl: (token) => new URL(verifyPath(token), config.publicUrl).toString(),
      });
    } catch (err) {
      if (err instanceof AppError && err.fields !== undefined) return renderStaffLicence(request, reply, (await dossierById(db, dossier.id)) ?? dossier, { values, errors: err.fields }, err.status);
      throw err;
    }
    return reply.redirect(`/quan-tri/ho-so/${dossier.id}/giay-phep?ok=cap`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>('/quan-tri/ho-so/:id/giay-phep/thu-hoi', { preHandler: staffOnly }, async (request, reply) => {
    const dossier = await staffDossier(request);
    const licence = await licenceOfDossier(db, dossier.id);
    if (licence === undefined) throw new AppError('not_found');
    const body = request.body ?? {};
    const values = { reason: field(body, 'reason') };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderStaffLicence(request, reply, dossier, { values, alert: request.t('error.csrf_invalid') }, 403);
    try {
      await revokeLicence(db, actorOf(request), requireUser(request), licence, values.reason, todayInVietnam());
    } catch (err) {
      if (err instanceof AppError && err.fields !== undefined) return renderStaffLicence(request, reply, dossier, { values, errors: err.fields }, err.status);
      throw err;
    }
    return reply.redirect(`/quan-tri/ho-so/${dossier.id}/giay-phep?ok=thu-hoi`, 303);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/giay-phep', async (request, reply) => {
    const q = request.query;
    const filter: RegisterFilter = {
      ...(typeof q.q === 'string' && q.q.trim() !== '' ? { q: q.q.normalize('NFC').slice(0, 200) } : {}),
      ...(/^\d{4}$/.test(q.nam ?? '') ? { year: Number(q.nam) } : {}),
      ...(isLicenceKind(q.loai ?? '') ? { kind: q.loai as RegisterFilter['kind'] } : {}),
    };
    const requested = /^\d{1,6}$/.test(q.trang ?? '') ? Math.max(1, Number(q.trang)) : 1;
    const [{ rows, total }, years] = await Promise.all([registerPage(db, filter, requested), registerYears(db)]);
    const pages = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
    return sendHtml(reply, RegisterPage({ ctx: await viewContext(request), filter, years, rows, total, page: Math.min(requested, pages), pages, today: todayInVietnam() }));
  });

  async function licenceOfToken(token: string) {
    const licence = TOKEN.test(token) ? await licenceByToken(db, token) : undefined;
    if (licence === undefined) throw new AppError('not_found');
    return licence;
  }

  // Tokens are 128 random bits; guessing them is also slowed down.
  const verifyLimit = app.rateLimit({ max: 120, timeWindow: '1 minute' });

  app.get<{ Params: { token: string } }>('/xac-thuc/giay-phep/:token', { preHandler: verifyLimit }, async (request, reply) => {
    const licence = await licenceOfToken(request.params.token);
    const ctx = await viewContext(request);
    const agency = await agencyNameOn(db, licence.agency_id, licence.issued_on);
    return sendHtml(reply, VerifyPage({ ctx, licence, agencyName: ctx.locale === 'en' ? agency.en : agency.vi, today: todayInVietnam() }));
  });

  app.get<{ Params: { token: string } }>('/xac-thuc/giay-phep/:token/giay-phep.pdf', { preHandler: verifyLimit }, async (request, reply) => {
    const licence = await licenceOfToken(request.params.token);
    const agency = await agencyNameOn(db, licence.agency_id, licence.issued_on);
    const pdf = await licencePdf(licence, agency.vi, new URL(verifyPath(licence.token), config.publicUrl).toString());
    return sendPdf(reply, pdf, `giay-phep-${licence.year}-${licence.number.replace(/[^A-Za-z0-9]/g, '-')}.pdf`, 'no-cache');
  });
}
