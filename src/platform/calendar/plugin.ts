/**
 * The working-day calendar's web face: GET /api/v1/calendar/due and the administrators' page
 * /quan-tri/lich-lam-viec for the yearly overrides.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.ts';
import { requireAnyRolePage } from '../auth/guards.ts';
import { AppError, type FieldErrors } from '../errors.ts';
import { isCsrfValid } from '../http/csrf.ts';
import { field, type FormValues } from '../http/form-body.ts';
import { translate } from '../i18n/index.ts';
import { todayInVietnam } from '../text/format.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { CalendarAdminPage } from './admin-page.tsx';
import { isIsoDate, yearOf } from './dates.ts';
import { CalendarRangeError, statutoryHolidays } from './holidays.ts';
import { firstLunarYear, lastLunarYear } from './lunar-table.ts';
import { calendarOverridesInYear, loadWorkingCalendar } from './queries.ts';
import { recordCalendarOverride, removeCalendarOverride } from './record-override.ts';
import { MAX_WORKING_DAYS } from './working-calendar.ts';

const ADMIN_PATH = '/quan-tri/lich-lam-viec';

/** A 400 whose messages are given in both languages, for API clients that show them to people. */
function badRequest(reply: FastifyReply, request: FastifyRequest, fields: FieldErrors): FastifyReply {
  const both = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => ({ vi: translate('vi', key, params), en: translate('en', key, params) });
  return reply
    .code(400)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code: 'bad_request',
        message: both('error.bad_request'),
        fields: Object.fromEntries(Object.entries(fields).map(([name, e]) => [name, both(e.key, e.params)])),
        requestId: request.id,
      },
    });
}

export default async function calendarPlugin(app: FastifyInstance): Promise<void> {
  const { store, config } = app.deps;
  app.deps.adminNav.push({ href: ADMIN_PATH, label: 'calendar.admin_title', roles: ['administrator'], order: 90 });

  app.get<{ Querystring: Record<string, string | undefined> }>('/api/v1/calendar/due', async (request, reply) => {
    const from = request.query.from ?? '';
    const daysRaw = request.query.days ?? '';
    const fields: FieldErrors = {};
    if (!isIsoDate(from)) fields.from = { key: 'calendar.error_date' };
    else if (yearOf(from) < firstLunarYear || yearOf(from) > lastLunarYear) fields.from = { key: 'calendar.error_year_range', params: { from: firstLunarYear, to: lastLunarYear } };
    const days = /^\d{1,4}$/.test(daysRaw) ? Number(daysRaw) : NaN;
    if (!(days >= 0 && days <= MAX_WORKING_DAYS)) fields.days = { key: 'calendar.error_days', params: { max: MAX_WORKING_DAYS } };
    if (Object.keys(fields).length > 0) return badRequest(reply, request, fields);
    const calendar = await loadWorkingCalendar(store.db);
    try {
      return { from, days, due: calendar.dueDate(from, days) };
    } catch (err) {
      if (err instanceof CalendarRangeError) return badRequest(reply, request, { days: { key: 'calendar.error_year_range', params: { from: firstLunarYear, to: lastLunarYear } } });
      throw err;
    }
  });

  const adminOnly = requireAnyRolePage('administrator');

  async function renderAdmin(request: FastifyRequest, reply: FastifyReply, year: number, extra: { values?: Record<string, string>; errors?: FieldErrors; alert?: string; notice?: string } = {}, status = 200) {
    const ctx = await viewContext(request);
    const overrides = await calendarOverridesInYear(store.db, year);
    return sendHtml(reply, CalendarAdminPage({ ctx, adminNav: app.deps.adminNav, year, holidays: statutoryHolidays(year), overrides, ...extra }), status);
  }

  const requestedYear = (raw: string | undefined, fallback: number): number => {
    const year = Number(raw);
    return Number.isInteger(year) && year >= firstLunarYear && year <= lastLunarYear ? year : fallback;
  };

  app.get<{ Querystring: Record<string, string | undefined> }>(ADMIN_PATH, { preHandler: adminOnly }, async (request, reply) => {
    const year = requestedYear(request.query.nam, yearOf(todayInVietnam()));
    const notice = request.query.ok === 'ghi' ? request.t('calendar.recorded') : request.query.ok === 'xoa' ? request.t('calendar.removed') : undefined;
    return renderAdmin(request, reply, year, notice === undefined ? {} : { notice });
  });

  app.post<{ Body: FormValues }>(ADMIN_PATH, { preHandler: adminOnly }, async (request, reply) => {
    const body = request.body ?? {};
    const values = { day: field(body, 'day'), kind: field(body, 'kind'), note: field(body, 'note'), legal_basis: field(body, 'legal_basis') };
    const year = isIsoDate(values.day) ? requestedYear(values.day.slice(0, 4), yearOf(todayInVietnam())) : yearOf(todayInVietnam());
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) {
      return renderAdmin(request, reply, year, { values, alert: request.t('error.csrf_invalid') }, 403);
    }
    try {
      await recordCalendarOverride(store.db, actorOf(request), { day: values.day, kind: values.kind, note: values.note, legalBasis: values.legal_basis });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) {
        return renderAdmin(request, reply, year, { values, errors: err.fields }, 422);
      }
      throw err;
    }
    return reply.redirect(`${ADMIN_PATH}?nam=${yearOf(values.day)}&ok=ghi`, 303);
  });

  app.post<{ Body: FormValues; Params: { id: string } }>(`${ADMIN_PATH}/:id/xoa`, { preHandler: adminOnly }, async (request, reply) => {
    const body = request.body ?? {};
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    if (Number.isNaN(id)) throw new AppError('not_found');
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) {
      return renderAdmin(request, reply, yearOf(todayInVietnam()), { alert: request.t('error.csrf_invalid') }, 403);
    }
    const day = await removeCalendarOverride(store.db, actorOf(request), id);
    return reply.redirect(`${ADMIN_PATH}?nam=${yearOf(day)}&ok=xoa`, 303);
  });
}
