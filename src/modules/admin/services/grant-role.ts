/**
 * Granting and revoking roles. Staff roles are held in an agency; the public's roles (citizen,
 * enterprise) are not. Whether the actor may manage the user and the agency is decided by the caller
 * (the web checks the administrator's scope; the command line is trusted).
 */
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { destroyUserSessions } from '../../../platform/auth/session.ts';
import { isRole, isStaffRole } from '../../../platform/auth/roles.ts';

export interface RoleChange {
  readonly userId: number;
  readonly role: string;
  readonly agencyId: number | null;
}

function validate(change: RoleChange): FieldErrors {
  if (!isRole(change.role)) return { role: { key: 'admin.error_role' } };
  if (isStaffRole(change.role) && change.agencyId === null) return { agency: { key: 'admin.error_agency_required' } };
  if (!isStaffRole(change.role) && change.agencyId !== null) return { agency: { key: 'admin.error_agency_public_role' } };
  return {};
}

const heldRole = (db: Db, change: RoleChange) =>
  db
    .selectFrom('user_roles')
    .select(['id', 'role', 'agency_id'])
    .where('user_id', '=', change.userId)
    .where('role', '=', change.role)
    .where((eb) => (change.agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', change.agencyId)))
    .executeTakeFirst();

export async function grantRole(db: Db, actor: AuditActor, change: RoleChange): Promise<void> {
  const errors = validate(change);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', change.userId).executeTakeFirst();
    if (user === undefined) throw new AppError('not_found');
    if (change.agencyId !== null) {
      const agency = await trx.selectFrom('agencies').select('id').where('id', '=', change.agencyId).executeTakeFirst();
      if (agency === undefined) throw new AppError('validation', { agency: { key: 'admin.error_agency_unknown' } });
    }
    if ((await heldRole(trx, change)) !== undefined) throw new AppError('validation', { role: { key: 'admin.error_role_held' } });
    await trx.insertInto('user_roles').values({ user_id: change.userId, role: change.role, agency_id: change.agencyId, granted_at: nowIso(), granted_by: actor.id }).execute();
    await recordAudit(trx, actor, {
      action: 'user.role_granted',
      entityType: 'user',
      entityId: change.userId,
      agencyId: change.agencyId,
      after: { role: change.role, agency_id: change.agencyId },
    });
  });
}

/** Revokes a role; the user's sessions end so that the change applies at once. */
export async function revokeRole(db: Db, actor: AuditActor, change: RoleChange): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const held = await heldRole(trx, change);
    if (held === undefined) throw new AppError('validation', { role: { key: 'admin.error_role_not_held' } });
    await trx.deleteFrom('user_roles').where('id', '=', held.id).execute();
    await destroyUserSessions(trx, change.userId);
    await recordAudit(trx, actor, {
      action: 'user.role_revoked',
      entityType: 'user',
      entityId: change.userId,
      agencyId: change.agencyId,
      before: { role: change.role, agency_id: change.agencyId },
    });
  });
}
