/** The user's own profile: name and phone. Audited when the user is staff (every staff change is). */
import type { FastifyRequest } from 'fastify';
import { actorOf, recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import type { CurrentUser } from '../http/context.ts';

export async function updateProfile(db: Db, request: FastifyRequest, user: CurrentUser, profile: { fullName: string; phone: string | null }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select(['full_name', 'phone']).where('id', '=', user.id).executeTakeFirstOrThrow();
    await trx.updateTable('users').set({ full_name: profile.fullName, phone: profile.phone, updated_at: nowIso() }).where('id', '=', user.id).execute();
    if (user.accountType === 'staff') {
      await recordAudit(trx, actorOf(request, user), { action: 'user.profile_updated', entityType: 'user', entityId: user.id, before, after: { full_name: profile.fullName, phone: profile.phone } });
    }
  });
}
