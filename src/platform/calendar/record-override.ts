/** Recording and removing a calendar override: validated, one per day, audited in the same transaction. */
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import { AppError, type FieldErrors } from '../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit.ts';
import { isIsoDate, yearOf } from './dates.ts';
import { firstLunarYear, lastLunarYear } from './lunar-table.ts';
import { OVERRIDE_KINDS, type OverrideKind } from './working-calendar.ts';
import { calendarOverrideById, calendarOverrideOnDay } from './queries.ts';

export interface OverrideInput {
  readonly day: string;
  readonly kind: string;
  readonly note: string;
  readonly legalBasis: string;
}

export function validateOverride(input: OverrideInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!isIsoDate(input.day)) errors.day = { key: 'calendar.error_date' };
  else if (yearOf(input.day) < firstLunarYear || yearOf(input.day) > lastLunarYear) {
    errors.day = { key: 'calendar.error_year_range', params: { from: firstLunarYear, to: lastLunarYear } };
  }
  if (!(OVERRIDE_KINDS as readonly string[]).includes(input.kind)) errors.kind = { key: 'calendar.error_kind' };
  if (input.note === '') errors.note = { key: 'calendar.error_note' };
  else if ([...input.note].length > 300) errors.note = { key: 'shell.field_too_long', params: { field: 'note', max: 300 } };
  if ([...input.legalBasis].length > 300) errors.legal_basis = { key: 'shell.field_too_long', params: { field: 'legal basis', max: 300 } };
  return errors;
}

/** Records an override; throws AppError('validation') with field errors (a day already recorded included). */
export async function recordCalendarOverride(db: Db, actor: AuditActor, input: OverrideInput): Promise<number> {
  const errors = validateOverride(input);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  return db.transaction().execute(async (trx) => {
    if ((await calendarOverrideOnDay(trx, input.day)) !== undefined) throw new AppError('validation', { day: { key: 'calendar.error_day_taken' } });
    const row = {
      day: input.day,
      kind: input.kind as OverrideKind,
      note: input.note,
      legal_basis: input.legalBasis === '' ? null : input.legalBasis,
      created_at: nowIso(),
      created_by: actor.id,
    };
    const { id } = await trx.insertInto('calendar_overrides').values(row).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'calendar.override_recorded', entityType: 'calendar_override', entityId: id, after: row });
    return id;
  });
}

/** Removes an override; returns the day it was for. */
export async function removeCalendarOverride(db: Db, actor: AuditActor, id: number): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const before = await calendarOverrideById(trx, id);
    if (before === undefined) throw new AppError('not_found');
    await trx.deleteFrom('calendar_overrides').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'calendar.override_removed', entityType: 'calendar_override', entityId: id, before });
    return before.day;
  });
}
