/** Account switches an administrator sets: "requires a second factor" and disabled/enabled. */
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { destroyUserSessions } from '../../../platform/auth/session.ts';

async function currentFlags(db: Db, userId: number) {
  const row = await db.selectFrom('users').select(['id', 'mfa_required', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (row === undefined) throw new AppError('not_found');
  return row;
}

export async function setMfaRequired(db: Db, actor: AuditActor, userId: number, required: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await currentFlags(trx, userId);
    const value = required ? 1 : 0;
    if (before.mfa_required === value) return;
    await trx.updateTable('users').set({ mfa_required: value, updated_at: nowIso() }).where('id', '=', userId).execute();
    await recordAudit(trx, actor, { action: 'user.mfa_required_set', entityType: 'user', entityId: userId, before: { mfa_required: before.mfa_required }, after: { mfa_required: value } });
  });
}

/** Disabling ends every session of the account at once; enabling lets it sign in again. */
export async function setAccountDisabled(db: Db, actor: AuditActor, userId: number, disabled: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await currentFlags(trx, userId);
    if ((before.disabled_at !== null) === disabled) return;
    const at = nowIso();
    const disabledAt = disabled ? at : null;
    await trx.updateTable('users').set({ disabled_at: disabledAt, updated_at: at }).where('id', '=', userId).execute();
    if (disabled) await destroyUserSessions(trx, userId);
    await recordAudit(trx, actor, {
      action: disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: userId,
      before: { disabled_at: before.disabled_at },
      after: { disabled_at: disabledAt },
    });
  });
}
