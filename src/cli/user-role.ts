import { parseArgs } from 'node:util';
import { systemActor } from '../platform/audit/audit.ts';
import { ROLE_NAMES } from '../platform/auth/roles.ts';
import { createDb } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { grantRole, revokeRole } from '../modules/admin/services/grant-role.ts';
import { normaliseEmail } from '../modules/admin/services/create-user.ts';
import type { Command } from './commands.ts';
import { printFieldErrors } from './user-add.ts';

export const userRoleCommand: Command = {
  name: 'user role',
  summary: 'grant or revoke a role',
  help: `Usage: congso user role --email E --role R [--agency CODE] [--revoke]

Grants (or with --revoke, revokes) role R to the account with email E in DATABASE_URL.
Staff roles (${ROLE_NAMES.filter((r) => r !== 'citizen' && r !== 'enterprise').join(', ')}) are held in an agency:
give its code with --agency (e.g. so-tttt-lao-cai). The public roles (citizen, enterprise) take no agency.
Revoking ends the account's sessions. The change is audited as made by "cli".

Exit status: 0 on success; 1 for an unknown account or agency, or a role already held / not held;
2 for bad options.`,
  async run(args, config) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { email: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string' }, revoke: { type: 'boolean' } } }));
    } catch (err) {
      console.error(`congso user role: ${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    if (values.email === undefined || values.role === undefined) {
      console.error('congso user role: --email and --role are required');
      return 2;
    }
    const store = createDb(config.database);
    try {
      const user = await store.db.selectFrom('users').select('id').where('email', '=', normaliseEmail(values.email)).executeTakeFirst();
      if (user === undefined) {
        console.error(`congso user role: no account with email ${values.email}`);
        return 1;
      }
      let agencyId: number | null = null;
      if (values.agency !== undefined) {
        const agency = await store.db.selectFrom('agencies').select('id').where('code', '=', values.agency).executeTakeFirst();
        if (agency === undefined) {
          console.error(`congso user role: no agency with code ${values.agency}`);
          return 1;
        }
        agencyId = agency.id;
      }
      const change = { userId: user.id, role: values.role, agencyId };
      if (values.revoke === true) await revokeRole(store.db, systemActor('cli'), change);
      else await grantRole(store.db, systemActor('cli'), change);
      console.log(`${values.revoke === true ? 'revoked' : 'granted'} ${values.role}${values.agency === undefined ? '' : ` in ${values.agency}`} ${values.revoke === true ? 'from' : 'to'} ${values.email}`);
      return 0;
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') {
        printFieldErrors('congso user role', err);
        return 1;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
