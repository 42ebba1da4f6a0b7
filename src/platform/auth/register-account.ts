/** Registration of a citizen or business account, with its verification mail, in one transaction. */
import type { Config, Locale } from '../../config/index.ts';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import { enqueueVerificationMail } from './auth-mail.ts';
import { consumeEmailToken, issueEmailToken } from './email-tokens.ts';
import { hashPassword } from './password.ts';
import { isEmailTaken } from './queries.ts';

export interface Registration {
  readonly fullName: string;
  /** Already normalised (validate.ts). */
  readonly email: string;
  readonly phone: string | null;
  readonly accountType: 'citizen' | 'business';
  readonly password: string;
  readonly locale: Locale;
}

/** Creates the account; 'email_taken' when the address already has one (also when two requests race). */
export async function registerAccount(db: Db, config: Config, input: Registration): Promise<'created' | 'email_taken'> {
  const passwordHash = await hashPassword(input.password, config.scryptCost);
  try {
    return await db.transaction().execute(async (trx) => {
      if (await isEmailTaken(trx, input.email)) return 'email_taken';
      const at = nowIso();
      const user = await trx
        .insertInto('users')
        .values({ email: input.email, password_hash: passwordHash, full_name: input.fullName, phone: input.phone, account_type: input.accountType, locale: input.locale, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('user_roles')
        .values({ user_id: user.id, role: input.accountType === 'business' ? 'enterprise' : 'citizen', agency_id: null, granted_at: at, granted_by: null })
        .execute();
      const token = await issueEmailToken(trx, user.id, 'verify-email');
      await enqueueVerificationMail(trx, config, { email: input.email, full_name: input.fullName, locale: input.locale }, token);
      return 'created';
    });
  } catch (err) {
    // The unique index on users.email settles a race between two registrations of one address.
    if (await isEmailTaken(db, input.email)) return 'email_taken';
    throw err;
  }
}

/** Marks the address verified; false when the link is unknown, expired or used. */
export async function verifyEmail(db: Db, token: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const userId = await consumeEmailToken(trx, token, 'verify-email');
    if (userId === null) return false;
    await trx.updateTable('users').set({ email_verified_at: nowIso(), updated_at: nowIso() }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
    return true;
  });
}
