/**
 * Users as an administrator sees them. The scope is part of every query: an administrator reaches
 * the users holding a role in an agency they administer, and the users holding no role in any
 * agency (public accounts, staff accounts not yet placed); nobody else exists for them.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import type { Database } from '../../platform/db/schema.ts';
import { containsFolded, countAll } from '../../platform/db/dialect.ts';
import { fold } from '../../platform/text/fold.ts';

export interface UserScope {
  /** The agencies the administrator administers. */
  readonly agencyIds: readonly number[];
}

export const PAGE_SIZE = 25;

function inScope(eb: ExpressionBuilder<Database, 'users'>, scope: UserScope) {
  const noAgencyRole = eb.not(eb.exists(eb.selectFrom('user_roles as r').select('r.id').whereRef('r.user_id', '=', 'users.id').where('r.agency_id', 'is not', null)));
  if (scope.agencyIds.length === 0) return noAgencyRole;
  return eb.or([
    eb.exists(eb.selectFrom('user_roles as r').select('r.id').whereRef('r.user_id', '=', 'users.id').where('r.agency_id', 'in', [...scope.agencyIds])),
    noAgencyRole,
  ]);
}

const sourceOf = (fullName: string, email: string): string => `${fullName} ${email}`;

/**
 * Brings the folded search names up to date with the users' names and emails (new accounts,
 * renamed ones). Cheap when nothing changed: one indexed comparison per user.
 */
export async function refreshUserSearchNames(db: Db): Promise<void> {
  const stale = await db
    .selectFrom('users')
    .leftJoin('user_search_names as s', 's.user_id', 'users.id')
    .select(['users.id', 'users.full_name', 'users.email'])
    .where((eb) => eb.or([eb('s.user_id', 'is', null), eb('s.source', '!=', sql<string>`users.full_name || ' ' || users.email`)]))
    .execute();
  for (const u of stale) {
    const source = sourceOf(u.full_name, u.email);
    await db
      .insertInto('user_search_names')
      .values({ user_id: u.id, source, folded: fold(source) })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ source, folded: fold(source) }))
      .execute();
  }
}

export interface UserListRow {
  readonly id: number;
  readonly email: string;
  readonly fullName: string;
  readonly accountType: string;
  readonly disabledAt: string | null;
}

/** One page of the users in scope whose name or email contains `query` (accents and đ ignored), by folded name. */
export async function usersInScope(db: Db, scope: UserScope, query: string, page: number): Promise<{ rows: UserListRow[]; total: number }> {
  await refreshUserSearchNames(db);
  const needle = fold(query.trim());
  let base = db
    .selectFrom('users')
    .innerJoin('user_search_names as s', 's.user_id', 'users.id')
    .where((eb) => inScope(eb, scope));
  if (needle !== '') base = base.where(containsFolded('s.folded', needle));
  const { total } = await base.select(countAll().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['users.id', 'users.email', 'users.full_name as fullName', 'users.account_type as accountType', 'users.disabled_at as disabledAt'])
    .orderBy('s.folded')
    .orderBy('users.id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return { rows, total };
}

export interface UserDetail extends UserListRow {
  readonly mfaRequired: boolean;
  readonly totpEnabled: boolean;
  readonly createdAt: string;
  readonly roles: readonly { role: string; agencyId: number | null }[];
}

/** A user in scope with their roles, or undefined (also for users outside the scope). */
export async function userInScope(db: Db, scope: UserScope, userId: number): Promise<UserDetail | undefined> {
  const user = await db
    .selectFrom('users')
    .select([
      'users.id',
      'users.email',
      'users.full_name as fullName',
      'users.account_type as accountType',
      'users.disabled_at as disabledAt',
      'users.mfa_required',
      'users.totp_enabled_at',
      'users.created_at as createdAt',
    ])
    .where('users.id', '=', userId)
    .where((eb) => inScope(eb, scope))
    .executeTakeFirst();
  if (user === undefined) return undefined;
  const roles = await db.selectFrom('user_roles').select(['role', 'agency_id as agencyId']).where('user_id', '=', userId).orderBy('role').execute();
  const { mfa_required, totp_enabled_at, ...rest } = user;
  return { ...rest, mfaRequired: mfa_required === 1, totpEnabled: totp_enabled_at !== null, roles };
}

/** Users whose folded name or email contains `query`: the audit viewer's actor filter. */
export async function userIdsMatching(db: Db, query: string, limit = 200): Promise<number[]> {
  await refreshUserSearchNames(db);
  const rows = await db.selectFrom('user_search_names').select('user_id').where(containsFolded('folded', fold(query.trim()))).limit(limit).execute();
  return rows.map((r) => r.user_id);
}
