/** Assigning a duty to an agency from a date, and ending it: one agency holds a duty in non-overlapping periods. */
import type { Db } from '../../../platform/db/index.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { isIsoDate } from '../../../platform/calendar/dates.ts';
import { DUTIES } from '../../../platform/org/demo-agencies.ts';
import { checkPeriod } from './agency-input.ts';

export async function addAgencyDuty(db: Db, actor: AuditActor, agencyId: number, input: { duty: string; validFrom: string; validTo: string }): Promise<void> {
  const errors: FieldErrors = {};
  if (!(DUTIES as readonly string[]).includes(input.duty)) errors.duty = { key: 'admin.error_duty' };
  checkPeriod(errors, input.validFrom, input.validTo);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  const validTo = input.validTo === '' ? null : input.validTo;
  await db.transaction().execute(async (trx) => {
    const agency = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
    if (agency === undefined) throw new AppError('not_found');
    const clash = await trx
      .selectFrom('agency_duties')
      .select(['valid_from', 'valid_to'])
      .where('agency_id', '=', agencyId)
      .where('duty', '=', input.duty)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', input.validFrom)]))
      .where((eb) => (validTo === null ? eb.lit(true) : eb('valid_from', '<=', validTo)))
      .executeTakeFirst();
    if (clash !== undefined) throw new AppError('validation', { valid_from: { key: 'admin.error_duty_overlap', params: { from: clash.valid_from, to: clash.valid_to ?? '…' } } });
    const row = { agency_id: agencyId, duty: input.duty, valid_from: input.validFrom, valid_to: validTo };
    const { id } = await trx.insertInto('agency_duties').values(row).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'agency.duty_added', entityType: 'agency', entityId: agencyId, agencyId, after: { duty_id: id, duty: row.duty, valid_from: row.valid_from, valid_to: row.valid_to } });
  });
}

/** Ends an open duty on `validTo` (its last day). */
export async function endAgencyDuty(db: Db, actor: AuditActor, agencyId: number, dutyId: number, validTo: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const duty = await trx.selectFrom('agency_duties').selectAll().where('id', '=', dutyId).where('agency_id', '=', agencyId).executeTakeFirst();
    if (duty === undefined) throw new AppError('not_found');
    if (!isIsoDate(validTo)) throw new AppError('validation', { valid_to: { key: 'admin.error_date' } });
    if (duty.valid_to !== null) throw new AppError('validation', { valid_to: { key: 'admin.error_duty_ended' } });
    if (validTo < duty.valid_from) throw new AppError('validation', { valid_to: { key: 'admin.error_end_before_start', params: { from: duty.valid_from } } });
    await trx.updateTable('agency_duties').set({ valid_to: validTo }).where('id', '=', dutyId).execute();
    await recordAudit(trx, actor, { action: 'agency.duty_ended', entityType: 'agency', entityId: agencyId, agencyId, before: { duty: duty.duty, valid_to: null }, after: { duty: duty.duty, valid_to: validTo } });
  });
}
