/** Single-use links sent by mail: the link carries a random token, the database only its SHA-256. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import { hashToken } from './session.ts';

export type TokenPurpose = 'verify-email' | 'reset-password';

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  'verify-email': 24 * 3600_000,
  'reset-password': 3600_000,
};

export async function issueEmailToken(db: Db, userId: number, purpose: TokenPurpose): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await db
    .insertInto('email_tokens')
    .values({ id: hashToken(token), user_id: userId, purpose, created_at: new Date(now).toISOString(), expires_at: new Date(now + TOKEN_TTL_MS[purpose]).toISOString(), used_at: null })
    .execute();
  return token;
}

const isTokenShaped = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

/** The user of a live (unused, unexpired) token, without using it up. */
export async function emailTokenUser(db: Db, token: string, purpose: TokenPurpose): Promise<number | null> {
  if (!isTokenShaped(token)) return null;
  const row = await db
    .selectFrom('email_tokens')
    .select('user_id')
    .where('id', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Uses a token up and returns its user; null when unknown, expired or already used (also under a race). */
export async function consumeEmailToken(db: Db, token: string, purpose: TokenPurpose): Promise<number | null> {
  const userId = await emailTokenUser(db, token, purpose);
  if (userId === null) return null;
  const result = await db.updateTable('email_tokens').set({ used_at: nowIso() }).where('id', '=', hashToken(token)).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? userId : null;
}
