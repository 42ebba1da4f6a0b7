/**
 * The second factor: TOTP codes (totp.ts) and single-use recovery codes, setting TOTP up and turning it off.
 * A TOTP step is accepted once only (users.totp_last_step), as RFC 6238 §5.2 asks.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import { matchTotp, newTotpSecret } from './totp.ts';

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const hashRecoveryCode = (code: string): string => createHash('sha256').update(`recovery:${code}`).digest('base64url');
/** Recovery codes are typed by hand: case, spaces and dashes do not matter. */
const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '');

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Accepts a TOTP code (not replayed) against `secret`, recording its step; true when accepted. */
async function acceptTotp(db: Db, userId: number, secret: string, code: string): Promise<boolean> {
  const step = matchTotp(secret, code.replace(/\s/g, ''), Date.now());
  if (step === null) return false;
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Checks a code typed at sign-in: a current TOTP code, or an unused recovery code (which is then used up). */
export async function checkSecondFactor(db: Db, userId: number, code: string): Promise<boolean> {
  const user = await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirst();
  if (user?.totp_secret == null || user.totp_enabled_at === null) return false;
  if (/^\s*\d{3}\s?\d{3}\s*$/.test(code)) return acceptTotp(db, userId, user.totp_secret, code);
  const hash = hashRecoveryCode(normalizeRecoveryCode(code));
  const used = await db.updateTable('recovery_codes').set({ used_at: nowIso() }).where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** The secret being set up (kept until confirmed or replaced); made on first call. */
export async function pendingTotpSecret(db: Db, userId: number): Promise<string> {
  const user = await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (user.totp_secret !== null && user.totp_enabled_at === null) return user.totp_secret;
  const secret = newTotpSecret();
  await db.updateTable('users').set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null }).where('id', '=', userId).where('totp_enabled_at', 'is', null).execute();
  return secret;
}

/** Confirms setup with a code from the app; returns the new recovery codes (to show once), or null for a wrong code. */
export async function confirmTotp(db: Db, userId: number, code: string): Promise<string[] | null> {
  const user = await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (user.totp_secret === null || user.totp_enabled_at !== null) return null;
  if (!(await acceptTotp(db, userId, user.totp_secret, code))) return null;
  const at = nowIso();
  await db.updateTable('users').set({ totp_enabled_at: at, updated_at: at }).where('id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db
    .insertInto('recovery_codes')
    .values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(normalizeRecoveryCode(c)), used_at: null })))
    .execute();
  return codes;
}

export async function removeTotp(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: nowIso() }).where('id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}
