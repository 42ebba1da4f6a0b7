/** Helpers of the periodic report tests: the demo assignment, a filled template, uploads. */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { createSession } from '../../../src/platform/auth/session.ts';
import { nowIso } from '../../../src/platform/db/dialect.ts';
import { Client } from '../../helpers/client.ts';
import { upload } from '../eservices/helpers.ts';

export { signedIn, upload } from '../eservices/helpers.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The demo assignment: VNPT Lào Cai, form BC-VT-01, 2025-Q2. */
export async function demoAssignment(store: DbHandle): Promise<{ id: number; path: string; units: { id: number; code: string }[] }> {
  const row = await store.db
    .selectFrom('stat_report_assignments as a')
    .innerJoin('stat_report_periods as p', 'p.id', 'a.report_period_id')
    .select(['a.id', 'a.reporter_id'])
    .where('p.period', '=', '2025-Q2')
    .executeTakeFirstOrThrow();
  const units = await store.db
    .selectFrom('stat_form_reporter_units as fu')
    .innerJoin('stat_form_reporters as fr', 'fr.id', 'fu.form_reporter_id')
    .innerJoin('admin_units as u', 'u.id', 'fu.admin_unit_id')
    .select(['u.id', 'u.code'])
    .where('fr.reporter_id', '=', row.reporter_id)
    .where('fr.form_code', '=', 'BC-VT-01')
    .orderBy('u.code')
    .execute();
  return { id: row.id, path: `/bao-cao-thong-ke/${row.id}`, units };
}

/** Downloads the Excel template through the app and returns it as a workbook. */
export async function downloadTemplate(app: FastifyInstance, client: Client, path: string): Promise<ExcelJS.Workbook> {
  const res = await app.inject({ method: 'GET', url: `${path}/mau.xlsx`, headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  if (res.statusCode !== 200) throw new Error(`template: ${res.statusCode}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** Fills every input cell of the template: unit k, item i gets `value(k, i)`. */
export function fill(wb: ExcelJS.Workbook, units: number, value: (k: number, i: number) => ExcelJS.CellValue, items = 4): ExcelJS.Worksheet {
  const ws = wb.worksheets[0]!;
  for (let k = 0; k < units; k += 1) for (let i = 0; i < items; i += 1) ws.getCell(5 + k, 3 + i).value = value(k, i);
  return ws;
}

export const plausible = (k: number, i: number): number => [500, 40_000, 30_000, 8_000][i]! + k * 10;

export async function uploadWorkbook(client: Client, path: string, wb: ExcelJS.Workbook, name = 'BC-VT-01.xlsx') {
  await client.get(path);
  return upload(client, `${path}/tai-len`, {}, { name, type: XLSX_TYPE, content: Buffer.from(await wb.xlsx.writeBuffer()) });
}

/** The problem messages shown on a refused report page. */
export const problems = (html: string): string[] =>
  [...html.matchAll(/<ul class="report-problems">([\s\S]*?)<\/ul>/g)].flatMap((m) => [...m[1]!.matchAll(/<(?:a|span)[^>]*>([^<]*)<\/(?:a|span)>/g)].map((x) => x[1]!.replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')));

/** A second telecom enterprise with its own account and one district, assigned the same period. */
export async function secondEnterprise(app: FastifyInstance, store: DbHandle): Promise<{ client: Client; assignmentId: number; reporterId: number }> {
  const at = nowIso();
  const db = store.db;
  const agency = await db.insertInto('agencies').values({ code: 'viettel-lao-cai', kind: 'enterprise', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const reporter = await db.insertInto('stat_reporters').values({ agency_id: agency.id, kind: 'telecom_enterprise', name: 'Viettel Lào Cai', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const unit = await db.selectFrom('admin_units').select('id').where('structure', '=', 'pre2025').where('level', '=', 'district').where('code', '=', '082').executeTakeFirstOrThrow();
  const assigned = await db.insertInto('stat_form_reporters').values({ form_code: 'BC-VT-01', reporter_id: reporter.id, created_at: at }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('stat_form_reporter_units').values({ form_reporter_id: assigned.id, admin_unit_id: unit.id }).execute();
  const user = await db
    .insertInto('users')
    .values({ email: 'viettel@example.vn', password_hash: 'x', full_name: 'Trần Thị Lan', account_type: 'business', email_verified_at: at, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ user_id: user.id, role: 'enterprise', agency_id: null, granted_at: at, granted_by: null }).execute();
  await db.insertInto('stat_reporter_members').values({ reporter_id: reporter.id, user_id: user.id }).execute();
  const period = await db.selectFrom('stat_report_periods').select('id').where('period', '=', '2025-Q2').executeTakeFirstOrThrow();
  const assignment = await db.insertInto('stat_report_assignments').values({ report_period_id: period.id, reporter_id: reporter.id, reminded_before_at: null, reminded_after_at: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
  const { token } = await createSession(db, user.id, { mfaPending: false });
  const client = new Client(app);
  client.cookies.set('sid', token);
  return { client, assignmentId: assignment.id, reporterId: reporter.id };
}
