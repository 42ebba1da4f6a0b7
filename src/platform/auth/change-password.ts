/** Password changes: by the signed-in user (other sessions end) and by a reset link (every session ends). */
import type { Config } from '../../config/index.ts';
import { actorOf } from '../audit/audit.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import type { FastifyRequest } from 'fastify';
import type { CurrentUser } from '../http/context.ts';
import { enqueueResetMail } from './auth-mail.ts';
import { consumeEmailToken, issueEmailToken } from './email-tokens.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { authUserByEmail } from './queries.ts';
import { destroyUserSessions } from './session.ts';

/** Changes the signed-in user's password; false when the current password is wrong. Audited for staff. */
export async function changePassword(db: Db, config: Config, request: FastifyRequest, user: CurrentUser, current: string, next: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, row.password_hash))) return false;
  const hash = await hashPassword(next, config.scryptCost);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: nowIso() }).where('id', '=', user.id).execute();
    await destroyUserSessions(trx, user.id, request.sessionKey ?? undefined);
    if (user.accountType === 'staff') await recordAudit(trx, actorOf(request, user), { action: 'user.password_changed', entityType: 'user', entityId: user.id });
  });
  return true;
}

/** Sends a reset link when the address has an enabled account; says nothing either way. */
export async function requestPasswordReset(db: Db, config: Config, email: string): Promise<void> {
  const user = await authUserByEmail(db, email);
  if (user === undefined || user.disabled_at !== null) return;
  await db.transaction().execute(async (trx) => {
    const token = await issueEmailToken(trx, user.id, 'reset-password');
    await enqueueResetMail(trx, config, user, token);
  });
}

/**
 * Sets a new password from a reset link (used up here) and ends every session; the lockout is lifted and the
 * address counts as verified, since the link proved control of the mailbox. Null when the link is not valid.
 */
export async function resetPassword(db: Db, config: Config, token: string, password: string): Promise<number | null> {
  const hash = await hashPassword(password, config.scryptCost);
  return db.transaction().execute(async (trx) => {
    const userId = await consumeEmailToken(trx, token, 'reset-password');
    if (userId === null) return null;
    const at = nowIso();
    await trx.updateTable('users').set({ password_hash: hash, failed_sign_ins: 0, locked_until: null, updated_at: at }).where('id', '=', userId).execute();
    await trx.updateTable('users').set({ email_verified_at: at }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
    await destroyUserSessions(trx, userId);
    return userId;
  });
}
