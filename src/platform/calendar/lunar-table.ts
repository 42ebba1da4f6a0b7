/**
 * Solar dates of the two lunar holidays (lunar 1/1 = Tết, lunar 10/3 = Hùng Kings' day) by the
 * Vietnamese lunar calendar (UTC+7), read from reference/calendar/vn_lunar_holidays_2008_2035.csv.
 * The Chinese calendar (UTC+8) differs in some years (Tết 2030: 2 February in Viet Nam, 3 February
 * in China), so no Chinese-calendar library may replace this table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../text/csv.ts';
import { isIsoDate } from './dates.ts';

export interface LunarHolidays {
  /** Lunar 1/1 of the year that begins in this solar year. */
  readonly tet: string;
  /** Lunar 10/3. */
  readonly hungKings: string;
}

export const LUNAR_TABLE_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference/calendar/vn_lunar_holidays_2008_2035.csv');

function load(): ReadonlyMap<number, LunarHolidays> {
  const rows = parseCsv(readFileSync(LUNAR_TABLE_FILE, 'utf8'));
  const table = new Map<number, LunarHolidays>();
  for (const row of rows) {
    const year = Number(row.year);
    const tet = row.tet_solar_date_1_1_lunar ?? '';
    const hungKings = row.hung_kings_solar_date_10_3_lunar ?? '';
    if (!Number.isInteger(year) || !isIsoDate(tet) || !isIsoDate(hungKings)) {
      throw new Error(`${LUNAR_TABLE_FILE}: bad row for year ${row.year ?? '?'}`);
    }
    table.set(year, { tet, hungKings });
  }
  return table;
}

export const lunarHolidays: ReadonlyMap<number, LunarHolidays> = load();

export const firstLunarYear = Math.min(...lunarHolidays.keys());
export const lastLunarYear = Math.max(...lunarHolidays.keys());
