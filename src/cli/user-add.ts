import { parseArgs } from 'node:util';
import { systemActor } from '../platform/audit/audit.ts';
import { randomPassword } from '../platform/auth/password.ts';
import { createDb } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { translate } from '../platform/i18n/index.ts';
import { ACCOUNT_TYPES, createUser } from '../modules/admin/services/create-user.ts';
import type { Command } from './commands.ts';

/** Prints a validation error's fields in English, one a line. */
export function printFieldErrors(prefix: string, err: AppError): void {
  for (const [name, e] of Object.entries(err.fields ?? {})) console.error(`${prefix}: ${name}: ${translate('en', e.key, e.params)}`);
}

export const userAddCommand: Command = {
  name: 'user add',
  summary: 'create an account',
  help: `Usage: congso user add --email E --name N [--type staff|citizen|business] [--password P]

Creates an account in DATABASE_URL (default type: staff). Without --password a random password
is generated and printed once. Staff accounts get no role: grant one with \`congso user role\`.
Citizen and business accounts receive the citizen or enterprise role. The change is written to
the audit log as made by "cli".

Exit status: 0 on success; 1 when the email is taken or a value is not valid; 2 for bad options.`,
  async run(args, config) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, password: { type: 'string' } } }));
    } catch (err) {
      console.error(`congso user add: ${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    if (values.email === undefined || values.name === undefined) {
      console.error('congso user add: --email and --name are required');
      return 2;
    }
    const type = values.type ?? 'staff';
    if (!(ACCOUNT_TYPES as readonly string[]).includes(type)) {
      console.error(`congso user add: --type must be one of ${ACCOUNT_TYPES.join(', ')}`);
      return 2;
    }
    const password = values.password ?? randomPassword();
    const store = createDb(config.database);
    try {
      const id = await createUser(store.db, systemActor('cli'), { email: values.email, fullName: values.name, accountType: type, password }, config.scryptCost);
      console.log(`created user ${id} <${values.email.trim().toLowerCase()}>`);
      if (values.password === undefined) console.log(`password: ${password}`);
      return 0;
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') {
        printFieldErrors('congso user add', err);
        return 1;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
