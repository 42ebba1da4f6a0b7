/** Helpers shared by the e-services tests: signing a demo user in without the sign-in pages. */
import type { FastifyInstance } from 'fastify';
import { createSession } from '../../../src/platform/auth/session.ts';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { Client } from '../../helpers/client.ts';

export async function signedIn(app: FastifyInstance, store: DbHandle, handle: string): Promise<Client> {
  const user = await store.db.selectFrom('users').select('id').where('email', '=', `${handle}@laocai.example.vn`).executeTakeFirstOrThrow();
  const { token } = await createSession(store.db, user.id, { mfaPending: false });
  const client = new Client(app);
  client.cookies.set('sid', token);
  return client;
}
