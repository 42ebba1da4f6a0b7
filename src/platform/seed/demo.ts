/**
 * The Lào Cai demo: reference data, the agencies over time, site identity, demo accounts,
 * then each module's own demo content (seeders.ts). Runs in one transaction: all or nothing.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/index.ts';
import type { Db, DbHandle } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import { hashPassword, randomPassword } from '../auth/password.ts';
import type { Role } from '../auth/roles.ts';
import { loadAdministrativeUnits } from '../org/reference-data.ts';
import { seedDemoAgencies } from '../org/demo-agencies.ts';
import { saveSiteSettings } from '../site/settings.ts';
import { demoSeeders } from './seeders.ts';

export interface DemoContext {
  readonly db: Db;
  readonly config: Config;
  readonly agencies: ReadonlyMap<string, number>;
  /** Demo accounts by handle (admin, editor, writer, …). */
  readonly users: ReadonlyMap<string, number>;
}

export type DemoSeeder = (ctx: DemoContext) => Promise<void>;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

const HOME_AGENCY = 'so-tttt-lao-cai';

const DEMO_ACCOUNTS: readonly { handle: string; name: string; roles: Role[]; type: 'staff' | 'citizen' | 'business' }[] = [
  { handle: 'admin', name: 'Quản trị hệ thống', roles: ['administrator'], type: 'staff' },
  { handle: 'editor', name: 'Nguyễn Thu Hà', roles: ['editor'], type: 'staff' },
  { handle: 'writer', name: 'Thùy Linh', roles: ['writer'], type: 'staff' },
  { handle: 'officer', name: 'Trần Văn Đức', roles: ['officer'], type: 'staff' },
  { handle: 'leader', name: 'Tô Trọng Tôn', roles: ['leader'], type: 'staff' },
  { handle: 'statistician', name: 'Lê Thị Mai', roles: ['statistician'], type: 'staff' },
  { handle: 'inspector', name: 'Phạm Quốc Hùng', roles: ['inspector'], type: 'staff' },
  { handle: 'citizen', name: 'Hoàng Văn Đạt', roles: ['citizen'], type: 'citizen' },
  { handle: 'enterprise', name: 'Nguyễn Văn Bình (VNPT Lào Cai)', roles: ['enterprise'], type: 'business' },
];

export async function seedDemo(store: DbHandle, config: Config): Promise<void> {
  const passwords: string[] = [];
  await store.db.transaction().execute(async (db) => {
    const hasUnits = await db.selectFrom('admin_units').select('id').limit(1).executeTakeFirst();
    if (hasUnits === undefined) await loadAdministrativeUnits(db);
    const agencies = await seedDemoAgencies(db);
    await saveSiteSettings(db, {
      portal_name: { vi: 'Cổng thông tin điện tử Sở Thông tin và Truyền thông tỉnh Lào Cai', en: 'Lào Cai Department of Information and Communications portal' },
      agency_name: { vi: 'Sở Thông tin và Truyền thông tỉnh Lào Cai', en: 'Lào Cai Department of Information and Communications' },
      parent_name: { vi: 'Ủy ban nhân dân tỉnh Lào Cai', en: "Lào Cai Provincial People's Committee" },
      emblem_url: { vi: '/assets/emblem.svg', en: '/assets/emblem.svg' },
      address: { vi: 'Thành phố Lào Cai, tỉnh Lào Cai (địa chỉ minh họa)', en: 'Lào Cai City, Lào Cai province (illustrative address)' },
      phone: { vi: '0214 3 000 000', en: '0214 3 000 000' },
      email: { vi: 'sotttt@laocai.example.vn', en: 'sotttt@laocai.example.vn' },
      responsible_person: { vi: 'Ông Tô Trọng Tôn, Giám đốc Sở', en: 'Mr Tô Trọng Tôn, Director' },
      licence_line: {
        vi: 'Giấy phép thiết lập trang thông tin điện tử tổng hợp (số giấy phép minh họa cho bản demo)',
        en: 'Licence to set up a general e-information site (illustrative number for the demo)',
      },
    });
    const users = new Map<string, number>();
    const at = nowIso();
    for (const account of DEMO_ACCOUNTS) {
      const password = randomPassword();
      const email = `${account.handle}@laocai.example.vn`;
      const row = await db
        .insertInto('users')
        .values({
          email,
          password_hash: await hashPassword(password, config.scryptCost),
          full_name: account.name,
          account_type: account.type,
          email_verified_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      users.set(account.handle, row.id);
      for (const role of account.roles) {
        await db
          .insertInto('user_roles')
          .values({ user_id: row.id, role, agency_id: account.type === 'staff' ? (agencies.get(HOME_AGENCY) ?? null) : null, granted_at: at, granted_by: null })
          .execute();
      }
      passwords.push(`${email.padEnd(36)} ${password}  (${account.roles.join(', ')})`);
    }
    const ctx: DemoContext = { db, config, agencies, users };
    for (const seeder of demoSeeders) await seeder(ctx);
  });
  // The demo accounts' passwords are random; they are written once, readable only by the owner.
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'demo-accounts.txt');
  writeFileSync(file, `# congso demo accounts (created ${nowIso()})\n${passwords.join('\n')}\n`, { mode: 0o600 });
}
