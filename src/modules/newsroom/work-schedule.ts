/**
 * The leaders' work schedule: queries for a week and the editor's actions (record, publish,
 * withdraw, remove), each audited in its transaction. Weeks run Monday to Sunday.
 */
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { isRealDate } from './validate-article.ts';

export interface ScheduleEventRow {
  id: number;
  event_date: string;
  start_time: string | null;
  end_time: string | null;
  place: string;
  leader: string;
  attendees: string;
  content: string;
  is_published: number;
}

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The Monday of the week holding `day`. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

export const weekDays = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));
export const shiftWeek = (monday: string, weeks: number): string => addDays(monday, weeks * 7);

/** Events of the week starting `monday`, in day and time order; readers get only published ones. */
export async function scheduleEventsOfWeek(db: Db, monday: string, onlyPublished: boolean): Promise<ScheduleEventRow[]> {
  let q = db
    .selectFrom('work_schedule_events')
    .select(['id', 'event_date', 'start_time', 'end_time', 'place', 'leader', 'attendees', 'content', 'is_published'])
    .where('event_date', '>=', monday)
    .where('event_date', '<=', addDays(monday, 6));
  if (onlyPublished) q = q.where('is_published', '=', 1);
  const rows = await q.orderBy('event_date').orderBy('start_time').orderBy('id').execute();
  return rows;
}

export interface ScheduleInput {
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly place: string;
  readonly leader: string;
  readonly attendees: string;
  readonly content: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const chars = (s: string): number => [...s].length;

export function validateScheduleEvent(input: ScheduleInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!isRealDate(input.date)) errors.date = { key: 'newsroom.error_date' };
  if (input.startTime !== '' && !TIME.test(input.startTime)) errors.start_time = { key: 'newsroom.schedule_error_time' };
  if (input.endTime !== '' && !TIME.test(input.endTime)) errors.end_time = { key: 'newsroom.schedule_error_time' };
  else if (input.endTime !== '' && (input.startTime === '' || input.endTime < input.startTime)) errors.end_time = { key: 'newsroom.schedule_error_end' };
  if (input.leader === '') errors.leader = { key: 'newsroom.schedule_error_leader' };
  else if (chars(input.leader) > 300) errors.leader = { key: 'shell.field_too_long', params: { field: 'leader', max: 300 } };
  if (input.content === '') errors.content = { key: 'newsroom.schedule_error_content' };
  else if (chars(input.content) > 2000) errors.content = { key: 'shell.field_too_long', params: { field: 'content', max: 2000 } };
  if (chars(input.place) > 300) errors.place = { key: 'shell.field_too_long', params: { field: 'place', max: 300 } };
  if (chars(input.attendees) > 1000) errors.attendees = { key: 'shell.field_too_long', params: { field: 'attendees', max: 1000 } };
  return errors;
}

/** Records an event (unpublished until an editor publishes it); returns its id. */
export async function recordScheduleEvent(db: Db, actor: AuditActor, agencyId: number | null, input: ScheduleInput): Promise<number> {
  const errors = validateScheduleEvent(input);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const row = {
      event_date: input.date,
      start_time: input.startTime === '' ? null : input.startTime,
      end_time: input.endTime === '' ? null : input.endTime,
      place: input.place,
      leader: input.leader,
      attendees: input.attendees,
      content: input.content,
      agency_id: agencyId,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    };
    const { id } = await trx.insertInto('work_schedule_events').values(row).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'newsroom.schedule_event_recorded', entityType: 'work_schedule_event', entityId: id, agencyId, after: row });
    return id;
  });
}

/** Publishes, withdraws or removes an event; returns its date (to go back to its week). */
export async function changeScheduleEvent(db: Db, actor: AuditActor, id: number, change: 'publish' | 'withdraw' | 'remove'): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('work_schedule_events').selectAll().where('id', '=', id).executeTakeFirst();
    if (before === undefined) throw new AppError('not_found');
    if (change === 'remove') await trx.deleteFrom('work_schedule_events').where('id', '=', id).execute();
    else await trx.updateTable('work_schedule_events').set({ is_published: change === 'publish' ? 1 : 0, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: `newsroom.schedule_event_${change}`, entityType: 'work_schedule_event', entityId: id, agencyId: before.agency_id, before: { is_published: before.is_published }, after: change === 'remove' ? null : { is_published: change === 'publish' ? 1 : 0 } });
    return before.event_date;
  });
}
