/** Routes of the leaders' work schedule: /lich-cong-tac for readers, /quan-tri/lich-cong-tac for editors. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { agenciesWithRole, requireAnyRolePage } from '../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { SCHEDULE_ADMIN, SCHEDULE_PUBLIC, ScheduleAdminPage, SchedulePage } from './schedule-views.tsx';
import { isRealDate } from './validate-article.ts';
import { changeScheduleEvent, recordScheduleEvent, scheduleEventsOfWeek, weekStart } from './work-schedule.ts';

const CHANGES = { 'cong-bo': 'publish', rut: 'withdraw', xoa: 'remove' } as const;
const mondayOf = (raw: string | undefined): string => weekStart(raw !== undefined && isRealDate(raw) ? raw : todayInVietnam());

export function registerScheduleRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const editorsOnly = requireAnyRolePage('editor');
  app.deps.nav.push({ href: SCHEDULE_PUBLIC, label: 'newsroom.schedule_title', order: 12 });
  app.deps.adminNav.push({ href: SCHEDULE_ADMIN, label: 'newsroom.schedule_title', roles: ['editor'], order: 11 });

  app.get<{ Querystring: { ngay?: string } }>(SCHEDULE_PUBLIC, async (request, reply) => {
    const monday = mondayOf(request.query.ngay);
    const ctx = await viewContext(request);
    return sendHtml(reply, SchedulePage({ ctx, monday, events: await scheduleEventsOfWeek(db, monday, true) }));
  });

  async function renderAdmin(request: FastifyRequest, reply: FastifyReply, monday: string, status: number, extra: { values?: Record<string, string>; errors?: FieldErrors; alert?: string; notice?: string } = {}) {
    const ctx = await viewContext(request);
    return sendHtml(reply, ScheduleAdminPage({ ctx, adminNav: app.deps.adminNav, monday, events: await scheduleEventsOfWeek(db, monday, false), ...extra }), status);
  }

  app.get<{ Querystring: { ngay?: string; ok?: string } }>(SCHEDULE_ADMIN, { preHandler: editorsOnly }, async (request, reply) =>
    renderAdmin(request, reply, mondayOf(request.query.ngay), 200, request.query.ok === '1' ? { notice: request.t('newsroom.schedule_saved') } : {}),
  );

  app.post<{ Body: FormValues }>(SCHEDULE_ADMIN, { preHandler: editorsOnly }, async (request, reply) => {
    const body = request.body ?? {};
    const values = { date: field(body, 'date'), start_time: field(body, 'start_time'), end_time: field(body, 'end_time'), content: field(body, 'content'), leader: field(body, 'leader'), attendees: field(body, 'attendees'), place: field(body, 'place') };
    const monday = mondayOf(values.date);
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderAdmin(request, reply, monday, 403, { values, alert: request.t('error.csrf_invalid') });
    try {
      await recordScheduleEvent(db, actorOf(request), agenciesWithRole(request.user, 'editor')[0] ?? null, {
        date: values.date,
        startTime: values.start_time,
        endTime: values.end_time,
        content: values.content,
        leader: values.leader,
        attendees: values.attendees,
        place: values.place,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return renderAdmin(request, reply, monday, 422, { values, errors: err.fields });
      throw err;
    }
    return reply.redirect(`${SCHEDULE_ADMIN}?ngay=${values.date}&ok=1`, 303);
  });

  app.post<{ Params: { id: string; change: string }; Body: FormValues }>(`${SCHEDULE_ADMIN}/:id/:change`, { preHandler: editorsOnly }, async (request, reply) => {
    const change = CHANGES[request.params.change as keyof typeof CHANGES];
    if (change === undefined || !/^\d{1,9}$/.test(request.params.id)) throw new AppError('not_found');
    if (!isCsrfValid(request, field(request.body ?? {}, '_csrf'), config.secret)) return renderAdmin(request, reply, mondayOf(undefined), 403, { alert: request.t('error.csrf_invalid') });
    const day = await changeScheduleEvent(db, actorOf(request), Number(request.params.id), change);
    return reply.redirect(`${SCHEDULE_ADMIN}?ngay=${day}&ok=1`, 303);
  });
}
