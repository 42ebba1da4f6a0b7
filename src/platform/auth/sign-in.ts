/**
 * The password step of signing in, with a per-account lockout: after 5 consecutive failures the
 * account refuses sign-in for 15 minutes (NIST SP 800-63B §5.2.2 throttling), on top of the per-IP rate limit.
 */
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import { UNUSABLE_HASH, verifyPassword } from './password.ts';
import { authUserByEmail, needsSecondStep, type AuthUser } from './queries.ts';
import { createSession, destroySession, type NewSession } from './session.ts';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type SignInOutcome =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'locked'; readonly minutes: number }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'signed_in'; readonly session: NewSession; readonly user: AuthUser; readonly pending: boolean };

const minutesLeft = (lockedUntil: string): number => Math.max(1, Math.ceil((Date.parse(lockedUntil) - Date.now()) / 60_000));

/** Counts a failed attempt; locks the account when it is the MAX_FAILURES-th in a row. Returns the lock end, if locked. */
export async function recordFailedAttempt(db: Db, userId: number): Promise<string | null> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_sign_ins')
    .executeTakeFirst();
  if (row === undefined || row.failed_sign_ins < MAX_FAILURES) return null;
  const until = new Date(Date.now() + LOCKOUT_MS).toISOString();
  await db.updateTable('users').set({ failed_sign_ins: 0, locked_until: until }).where('id', '=', userId).execute();
  return until;
}

export const isLocked = (user: Pick<AuthUser, 'locked_until'>): boolean => user.locked_until !== null && user.locked_until > nowIso();

/**
 * Checks the password and opens a session: a fresh id every time (no fixation), replacing `previousKey`.
 * The session stays pending when a second step (code, or setting up TOTP) is needed.
 */
export async function signIn(db: Db, input: { email: string; password: string; previousKey: string | null; userAgent?: string | undefined }): Promise<SignInOutcome> {
  const user = await authUserByEmail(db, input.email);
  if (user === undefined) {
    // Spend the same time as for a real account, so timing does not tell which emails exist.
    await verifyPassword(input.password, UNUSABLE_HASH);
    return { kind: 'invalid' };
  }
  if (isLocked(user)) return { kind: 'locked', minutes: minutesLeft(user.locked_until!) };
  if (!(await verifyPassword(input.password, user.password_hash))) {
    const lockedUntil = await recordFailedAttempt(db, user.id);
    return lockedUntil === null ? { kind: 'invalid' } : { kind: 'locked', minutes: minutesLeft(lockedUntil) };
  }
  if (user.disabled_at !== null) return { kind: 'disabled' };
  if (user.failed_sign_ins !== 0) await db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', user.id).execute();
  if (input.previousKey !== null) await destroySession(db, input.previousKey);
  const pending = needsSecondStep(user);
  const session = await createSession(db, user.id, { mfaPending: pending, userAgent: input.userAgent });
  return { kind: 'signed_in', session, user, pending };
}
