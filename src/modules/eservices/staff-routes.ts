/** The one-stop-shop processing pages: /quan-tri/ho-so (inbox), a dossier, its actions and its documents. */
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, recordAudit } from '../../platform/audit/audit.ts';
import { agenciesWithRole, requireAnyRolePage, requireUser } from '../../platform/auth/guards.ts';
import { loadWorkingCalendar } from '../../platform/calendar/queries.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { awaitingAuthority } from './authority-queries.ts';
import { actOnDossier, authorityOf, canSeeDossier, canTakeAction } from './act-on-dossier.ts';
import { procedureById, procedureComponents } from './catalogue-queries.ts';
import { dossierEvents, dossierFiles, eventAgencyNames, type DossierRow } from './dossier-queries.ts';
import { licenceKindOf } from './results/licence-kinds.ts';
import { licenceOfDossier } from './results/licence-queries.ts';
import { storedFilePath } from './file-store.ts';
import { parseFormDefinition } from './form-definition.ts';
import { dossierById, dossierFile, inboxCounts, inboxDossiers, proceduresOfAgencies, urgencyOf, type InboxFilter } from './staff-queries.ts';
import { InboxPage, StaffDossierPage, isDossierStatus, isUrgency } from './staff-pages.tsx';
import { STAFF_ACTIONS, isStaffAction, type DossierStatus, type StaffActionName } from './workflow.ts';

const INBOX = '/quan-tri/ho-so';

export function registerStaffRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  app.deps.adminNav.push({ href: INBOX, label: 'eservices.inbox', roles: ['officer', 'leader'], order: 30 });
  const staffOnly = requireAnyRolePage('officer', 'leader');

  const staffAgencies = (request: FastifyRequest): number[] => {
    const user = requireUser(request);
    return [...new Set([...agenciesWithRole(user, 'officer'), ...agenciesWithRole(user, 'leader')])];
  };

  /** A dossier the staff member may see, else 404 (another agency's dossiers are not revealed). */
  async function visibleDossier(request: FastifyRequest<{ Params: { id: string } }>): Promise<DossierRow> {
    const user = requireUser(request);
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    const dossier = Number.isNaN(id) ? undefined : await dossierById(db, id);
    if (dossier === undefined || !canSeeDossier(user, dossier)) throw new AppError('not_found');
    return dossier;
  }

  async function renderDossier(request: FastifyRequest, reply: FastifyReply, dossier: DossierRow, extra: { values?: Record<string, string>; errors?: FieldErrors; alert?: string; notice?: string } = {}, status = 200) {
    const user = requireUser(request);
    const procedure = await procedureById(db, dossier.procedure_id);
    if (procedure === undefined) throw new AppError('not_found');
    const [components, files, events, calendar, authority, licence] = await Promise.all([
      procedureComponents(db, procedure.id),
      dossierFiles(db, dossier.id),
      dossierEvents(db, dossier.id),
      loadWorkingCalendar(db),
      authorityOf(db, dossier),
      licenceOfDossier(db, dossier.id),
    ]);
    const today = todayInVietnam();
    const urgency = urgencyOf(dossier.status as DossierStatus, dossier.due_on, today, calendar.nextWorkingDay(today));
    // Returning a licence's result is offered once the licence is issued (actOnDossier refuses it before).
    const resultReady = licenceKindOf(procedure.code) === undefined || licence !== undefined;
    const actions = (Object.keys(STAFF_ACTIONS) as StaffActionName[]).filter(
      (a) => canTakeAction(user, dossier, a, authority) && (a !== 'apologise' || urgency === 'late' || urgency === 'due_soon') && (a !== 'return_result' || resultReady),
    );
    const agencyNames = await eventAgencyNames(db, events, authority, dossier.received_on ?? today);
    const page = StaffDossierPage({
      ctx: await viewContext(request),
      adminNav: app.deps.adminNav,
      dossier,
      procedure,
      def: parseFormDefinition(procedure.form_json),
      components,
      files,
      events,
      actions,
      urgency,
      authority: authority === null ? null : (agencyNames.get(authority) ?? null),
      agencyNames,
      ...extra,
    });
    return sendHtml(reply, page, status);
  }

  app.get<{ Querystring: Record<string, string | undefined> }>(INBOX, { preHandler: staffOnly }, async (request, reply) => {
    const q = request.query;
    const filter: InboxFilter = {
      ...(/^\d{1,9}$/.test(q['thu-tuc'] ?? '') ? { procedureId: Number(q['thu-tuc']) } : {}),
      ...(isDossierStatus(q['trang-thai'] ?? '') ? { status: q['trang-thai'] as DossierStatus } : {}),
      ...(isUrgency(q.han ?? '') ? { urgency: q.han as InboxFilter['urgency'] } : {}),
    };
    const agencyIds = staffAgencies(request);
    const calendar = await loadWorkingCalendar(db);
    const today = todayInVietnam();
    const soon = calendar.nextWorkingDay(today);
    const page = /^\d{1,6}$/.test(q.trang ?? '') ? Number(q.trang) : 1;
    const [result, counts, procedures, awaiting] = await Promise.all([
      inboxDossiers(db, agencyIds, filter, today, soon, page),
      inboxCounts(db, agencyIds, today, soon),
      proceduresOfAgencies(db, agencyIds),
      awaitingAuthority(db, agenciesWithRole(requireUser(request), 'leader'), today),
    ]);
    return sendHtml(reply, InboxPage({ ctx: await viewContext(request), adminNav: app.deps.adminNav, ...result, counts, filter, procedures, awaiting }));
  });

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>(`${INBOX}/:id`, { preHandler: staffOnly }, async (request, reply) => {
    const dossier = await visibleDossier(request);
    return renderDossier(request, reply, dossier, request.query.ok === '1' ? { notice: request.t('eservices.acted') } : {});
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${INBOX}/:id/xu-ly`, { preHandler: staffOnly }, async (request, reply) => {
    const user = requireUser(request);
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    const found = Number.isNaN(id) ? undefined : await dossierById(db, id);
    if (found !== undefined && !canSeeDossier(user, found) && isCsrfValid(request, field(request.body ?? {}, '_csrf'), config.secret)) {
      // Another agency's dossier: answered as not found (nothing revealed), but the attempt is audited.
      await recordAudit(db, actorOf(request), {
        action: 'dossier.action_refused',
        entityType: 'dossier',
        entityId: found.id,
        agencyId: found.agency_id,
        after: { action: field(request.body ?? {}, 'action'), status: found.status, reason: 'error.not_found' },
      });
    }
    const dossier = await visibleDossier(request);
    const body = request.body ?? {};
    const values = { note: field(body, 'note'), new_due_on: field(body, 'new_due_on'), extra_days: field(body, 'extra_days') };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderDossier(request, reply, dossier, { values, alert: request.t('error.csrf_invalid') }, 403);
    const action = field(body, 'action');
    if (!isStaffAction(action)) return renderDossier(request, reply, dossier, { values, errors: { action: { key: 'eservices.error_step_order' } } }, 422);
    const calendar = await loadWorkingCalendar(db);
    const today = todayInVietnam();
    // The apology slip's new date: typed as a date, or counted in working days from today on the calendar.
    const newDueOn = values.new_due_on === '' && /^\d{1,3}$/.test(values.extra_days) && Number(values.extra_days) > 0 ? calendar.addWorkingDays(today, Number(values.extra_days)) : values.new_due_on;
    try {
      await actOnDossier(db, actorOf(request), user, dossier, { action, note: values.note, newDueOn }, {
        calendar,
        today,
        trackUrl: new URL('/tra-cuu', config.publicUrl).toString(),
      });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict') && err.fields !== undefined) {
        const fresh = (await dossierById(db, dossier.id)) ?? dossier;
        return renderDossier(request, reply, fresh, { values, errors: err.fields }, err.status);
      }
      throw err;
    }
    return reply.redirect(`${INBOX}/${dossier.id}?ok=1`, 303);
  });

  app.get<{ Params: { id: string; fileId: string } }>(`${INBOX}/:id/tep/:fileId`, { preHandler: staffOnly }, async (request, reply) => {
    const dossier = await visibleDossier(request);
    const fileId = /^\d{1,9}$/.test(request.params.fileId) ? Number(request.params.fileId) : NaN;
    const file = Number.isNaN(fileId) ? undefined : await dossierFile(db, dossier.id, fileId);
    if (file === undefined) throw new AppError('not_found');
    return reply
      .type(file.media_type)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
      .header('cache-control', 'private, no-store')
      .send(createReadStream(storedFilePath(config.dataDir, file.sha256)));
  });
}
