/** Signs test users in by creating their session directly, and makes accounts in a given agency. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/platform/db/index.ts';
import { nowIso } from '../../../src/platform/db/dialect.ts';
import { createSession } from '../../../src/platform/auth/session.ts';
import { Client } from '../../helpers/client.ts';

export async function signedIn(app: FastifyInstance, db: Db, email: string): Promise<Client> {
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const { token } = await createSession(db, user.id, { mfaPending: false });
  const client = new Client(app);
  client.cookies.set('sid', token);
  return client;
}

export async function agencyId(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** Inserts an account holding `roles` (staff roles in `agencyCode`); returns its id. */
export async function makeUser(db: Db, input: { email: string; name: string; type?: 'staff' | 'citizen' | 'business'; roles?: string[]; agencyCode?: string }): Promise<number> {
  const at = nowIso();
  const { id } = await db
    .insertInto('users')
    .values({ email: input.email, full_name: input.name, account_type: input.type ?? 'staff', password_hash: 'x', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agency = input.agencyCode === undefined ? null : await agencyId(db, input.agencyCode);
  for (const role of input.roles ?? []) await db.insertInto('user_roles').values({ user_id: id, role, agency_id: agency, granted_at: at, granted_by: null }).execute();
  return id;
}
