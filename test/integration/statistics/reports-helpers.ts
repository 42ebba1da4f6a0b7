/** Helpers of the periodic report tests: the demo assignment, a filled template, uploads. */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import type { Client } from '../../helpers/client.ts';
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
    .selectFrom('stat_reporter_units as ru')
    .innerJoin('admin_units as u', 'u.id', 'ru.admin_unit_id')
    .select(['u.id', 'u.code'])
    .where('ru.reporter_id', '=', row.reporter_id)
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
