/** Creating an account (administrators on the command line): validated, unique email, audited. */
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { hashPassword } from '../../../platform/auth/password.ts';
import { isEmail } from '../../../ui/forms.tsx';

export const ACCOUNT_TYPES = ['staff', 'citizen', 'business'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const MIN_PASSWORD_LENGTH = 10;

export interface NewUser {
  readonly email: string;
  readonly fullName: string;
  readonly accountType: string;
  readonly password: string;
}

/** Emails are compared case-insensitively: stored trimmed, NFC and lower case. */
export const normaliseEmail = (email: string): string => email.trim().normalize('NFC').toLowerCase();

/** The public role that comes with a citizen or business account (staff roles are granted separately). */
const PUBLIC_ROLE = { citizen: 'citizen', business: 'enterprise' } as const;

/** Creates the account; throws AppError('validation') naming the fields at fault. Returns the new id. */
export async function createUser(db: Db, actor: AuditActor, input: NewUser, scryptCost: number): Promise<number> {
  const email = normaliseEmail(input.email);
  const fullName = input.fullName.trim().normalize('NFC');
  const errors: FieldErrors = {};
  if (!isEmail(email)) errors.email = { key: 'shell.field_invalid_email' };
  if (fullName === '') errors.full_name = { key: 'admin.error_name_required' };
  else if ([...fullName].length > 200) errors.full_name = { key: 'admin.error_too_long', params: { max: 200 } };
  if (!(ACCOUNT_TYPES as readonly string[]).includes(input.accountType)) errors.account_type = { key: 'admin.error_account_type' };
  if ([...input.password].length < MIN_PASSWORD_LENGTH) errors.password = { key: 'admin.error_password_short', params: { min: MIN_PASSWORD_LENGTH } };
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  const accountType = input.accountType as AccountType;
  const passwordHash = await hashPassword(input.password, scryptCost);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken !== undefined) throw new AppError('validation', { email: { key: 'admin.error_email_taken' } });
    const at = nowIso();
    const { id } = await trx
      .insertInto('users')
      .values({ email, full_name: fullName, account_type: accountType, password_hash: passwordHash, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const roles: string[] = [];
    if (accountType !== 'staff') {
      const role = PUBLIC_ROLE[accountType];
      await trx.insertInto('user_roles').values({ user_id: id, role, agency_id: null, granted_at: at, granted_by: actor.id }).execute();
      roles.push(role);
    }
    await recordAudit(trx, actor, { action: 'user.created', entityType: 'user', entityId: id, after: { email, full_name: fullName, account_type: accountType, roles } });
    return id;
  });
}
