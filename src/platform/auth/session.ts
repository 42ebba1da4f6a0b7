/**
 * Server-side sessions: the browser holds a random token; the database holds its SHA-256,
 * so a leaked database does not yield usable cookies.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import type { CurrentUser } from '../http/context.ts';
import { isRole } from './roles.ts';

export const SESSION_COOKIE = 'sid';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** The last-seen time is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export interface NewSession {
  readonly token: string;
  readonly key: string;
}

export async function createSession(db: Db, userId: number, options: { mfaPending: boolean; userAgent?: string | undefined }): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const key = hashToken(token);
  const now = Date.now();
  await db
    .insertInto('sessions')
    .values({
      id: key,
      user_id: userId,
      mfa_pending: options.mfaPending ? 1 : 0,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: new Date(now + SESSION_TTL_MS).toISOString(),
      user_agent: options.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, key };
}

export interface LoadedSession {
  readonly key: string;
  readonly mfaPending: boolean;
  readonly userId: number;
}

/** The live session for a cookie token, or null (unknown, expired, or the user is disabled). Extends it while in use. */
export async function loadSession(db: Db, token: string): Promise<LoadedSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const key = hashToken(token);
  const now = new Date();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.user_id', 'sessions.mfa_pending', 'sessions.last_seen_at', 'sessions.expires_at', 'users.disabled_at'])
    .where('sessions.id', '=', key)
    .executeTakeFirst();
  if (row === undefined || row.disabled_at !== null || row.expires_at <= now.toISOString()) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('id', '=', key)
      .execute();
  }
  return { key, mfaPending: row.mfa_pending === 1, userId: row.user_id };
}

/** The signed-in user with their roles. */
export async function currentUser(db: Db, userId: number): Promise<CurrentUser | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'full_name', 'account_type', 'totp_enabled_at', 'email_verified_at'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (user === undefined) return null;
  const roles = await db.selectFrom('user_roles').select(['role', 'agency_id']).where('user_id', '=', userId).execute();
  return {
    id: user.id,
    email: user.email,
    fullName: user.full_name,
    accountType: user.account_type,
    roles: roles.filter((r) => isRole(r.role)).map((r) => ({ role: r.role as CurrentUser['roles'][number]['role'], agencyId: r.agency_id })),
    totpEnabled: user.totp_enabled_at !== null,
    emailVerified: user.email_verified_at !== null,
  };
}

export async function destroySession(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', key).execute();
}

export async function destroyUserSessions(db: Db, userId: number, exceptKey?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptKey !== undefined) q = q.where('id', '!=', exceptKey);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso()).execute();
}
