/**
 * Personal API access tokens (khóa truy cập API): a signed-in citizen or enterprise makes one from
 * the account area and sends it as `Authorization: Bearer <token>` to the JSON API. The token is
 * shown once; the database keeps its SHA-256 (as for sessions), its name, expiry and revocation.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import type { MessageKey } from '../i18n/index.ts';
import { translate } from '../i18n/index.ts';
import type { CurrentUser } from '../http/context.ts';
import type { ApiTokensTable } from './api-token-tables.ts';
import { currentUser, hashToken } from './session.ts';

export type ApiTokenRow = Selectable<ApiTokensTable>;

const PREFIX = 'csk_';
const TOKEN = /^csk_[A-Za-z0-9_-]{43}$/;
/** Lifetimes an owner may choose, in days. */
export const TOKEN_DAYS_MIN = 1;
export const TOKEN_DAYS_MAX = 365;
export const TOKEN_NAME_MAX = 100;
/** The last-use time is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** Account types that may hold tokens: the applicants (citizens and enterprises). */
export const mayHoldApiTokens = (user: CurrentUser): boolean => user.accountType === 'citizen' || user.accountType === 'business';

export interface NewApiToken {
  readonly id: number;
  /** The token itself: shown to its owner once, never stored. */
  readonly token: string;
}

export async function createApiToken(db: Db, userId: number, name: string, days: number, now = new Date()): Promise<NewApiToken> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  const { id } = await db
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      name,
      token_hash: hashToken(token),
      token_prefix: token.slice(0, PREFIX.length + 6),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, token };
}

export function apiTokensOf(db: Db, userId: number): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Revokes one of the user's tokens; false when it is not theirs or was already revoked. */
export async function revokeApiToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', tokenId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type TokenState = 'active' | 'expired' | 'revoked';
export const tokenState = (row: Pick<ApiTokenRow, 'expires_at' | 'revoked_at'>, nowIsoString = nowIso()): TokenState =>
  row.revoked_at !== null ? 'revoked' : row.expires_at <= nowIsoString ? 'expired' : 'active';

export type BearerResult = { readonly ok: true; readonly user: CurrentUser; readonly tokenId: number } | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' | 'revoked' };

/** The user an `Authorization: Bearer` header speaks for, or why it does not. */
export async function authenticateBearer(db: Db, header: string | undefined, now = new Date()): Promise<BearerResult> {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  if (match === null) return { ok: false, reason: 'missing' };
  const token = match[1] ?? '';
  if (!TOKEN.test(token)) return { ok: false, reason: 'invalid' };
  const row = await db.selectFrom('api_tokens').select(['id', 'user_id', 'expires_at', 'revoked_at', 'last_used_at']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (row === undefined) return { ok: false, reason: 'invalid' };
  const state = tokenState(row, now.toISOString());
  if (state !== 'active') return { ok: false, reason: state };
  const user = await currentUser(db, row.user_id);
  if (user === null || !mayHoldApiTokens(user)) return { ok: false, reason: 'invalid' };
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { ok: true, user, tokenId: row.id };
}

const REFUSAL: Record<Exclude<BearerResult, { ok: true }>['reason'], MessageKey> = {
  missing: 'apitoken.error_missing',
  invalid: 'apitoken.error_invalid',
  expired: 'apitoken.error_expired',
  revoked: 'apitoken.error_revoked',
};

/**
 * preHandler for JSON routes that act for an applicant: the bearer token's user becomes
 * `request.user`; otherwise 401 with the reason in the reader's language and in both languages.
 */
export async function requireApiToken(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const result = await authenticateBearer(request.server.deps.store.db, request.headers.authorization);
  if (result.ok) {
    request.user = result.user;
    return;
  }
  const key = REFUSAL[result.reason];
  await reply
    .code(401)
    .header('www-authenticate', result.reason === 'missing' ? 'Bearer' : `Bearer error="invalid_token"`)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ error: { code: 'unauthenticated', reason: result.reason, message: request.t(key), messages: { vi: translate('vi', key), en: translate('en', key) }, requestId: request.id } });
}
