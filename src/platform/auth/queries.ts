/** Reads of the accounts tables. */
import type { Db } from '../db/index.ts';

export const AUTH_USER_COLUMNS = [
  'id',
  'email',
  'password_hash',
  'full_name',
  'phone',
  'account_type',
  'locale',
  'email_verified_at',
  'totp_secret',
  'totp_enabled_at',
  'totp_last_step',
  'mfa_required',
  'failed_sign_ins',
  'locked_until',
  'disabled_at',
] as const;

export async function authUserByEmail(db: Db, normalizedEmail: string) {
  return db.selectFrom('users').select(AUTH_USER_COLUMNS).where('email', '=', normalizedEmail).executeTakeFirst();
}

export async function authUserById(db: Db, id: number) {
  return db.selectFrom('users').select(AUTH_USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type AuthUser = NonNullable<Awaited<ReturnType<typeof authUserById>>>;

export const isEmailTaken = async (db: Db, normalizedEmail: string): Promise<boolean> =>
  (await db.selectFrom('users').select('id').where('email', '=', normalizedEmail).executeTakeFirst()) !== undefined;

/** True when the user must finish a second step before the session becomes live. */
export const needsSecondStep = (user: Pick<AuthUser, 'totp_enabled_at' | 'mfa_required'>): boolean => user.totp_enabled_at !== null || user.mfa_required === 1;
