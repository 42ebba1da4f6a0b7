/** Revoking a licence (thu hồi giấy phép): a leader of the issuing agency, with a reason; the verification page shows it. */
import type { Db } from '../../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { hasRole } from '../../../platform/auth/guards.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import type { LicenceRow } from './licence-queries.ts';

export const canRevokeLicence = (user: CurrentUser, licence: LicenceRow): boolean => licence.status === 'valid' && hasRole(user, 'leader', licence.agency_id);

export async function revokeLicence(db: Db, actor: AuditActor, user: CurrentUser, licence: LicenceRow, reason: string, today: string): Promise<void> {
  if (!hasRole(user, 'leader', licence.agency_id)) throw new AppError('forbidden');
  const text = reason.trim();
  if (text === '') throw new AppError('validation', { reason: { key: 'licences.error_required' } });
  if ([...text].length > 2000) throw new AppError('validation', { reason: { key: 'shell.field_too_long', params: { field: 'reason', max: 2000 } } });
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('licences')
      .set({ status: 'revoked', revoked_on: today, revoke_reason: text, updated_at: nowIso() })
      .where('id', '=', licence.id)
      .where('status', '=', 'valid')
      .executeTakeFirst();
    if (done.numUpdatedRows === 0n) throw new AppError('conflict', { reason: { key: 'licences.error_already_revoked' } });
    await recordAudit(trx, actor, { action: 'licence.revoked', entityType: 'licence', entityId: licence.id, agencyId: licence.agency_id, before: { status: 'valid' }, after: { status: 'revoked', revokedOn: today, reason: text } });
  });
}
