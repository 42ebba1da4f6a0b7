/**
 * Feeds the statistics module: monthly portal visits into `portal.visits`, and the online services of
 * the catalogue by level into `eservices.online_services_level1..4`, for the portal's own province.
 */
import type { Db } from '../../platform/db/index.ts';
import { publishedProcedures } from '../eservices/catalogue-queries.ts';
import { parsePeriod } from '../statistics/period.ts';
import { unitByCode, type UnitRef } from '../statistics/queries.ts';
import { recordSystemFigure, type FigureOutcome } from '../statistics/record-portal-visits.ts';
import { todayInVietnam } from '../../platform/text/format.ts';

export interface Published {
  readonly code: string;
  readonly period: string;
  readonly value: number;
  readonly outcome: FigureOutcome;
}

/** GSO codes of the portal's province in the 2025 structure and before it (codes were renumbered). */
export interface ProvinceCodes {
  readonly current: string;
  readonly pre2025: string;
}

/** The first day of the two-tier structure of 34 provinces (Resolution 202/2025/QH15). */
const REFORM_DAY = '2025-07-01';

/** The portal's province for a period, by its code in the structure valid at the period's end. */
export function provinceFor(db: Db, codes: ProvinceCodes, start: string, end: string): Promise<UnitRef | undefined> {
  const before = end < REFORM_DAY;
  const from = before || start >= REFORM_DAY ? start : REFORM_DAY;
  return unitByCode(db, before ? codes.pre2025 : codes.current, from, end).then((u) => (u?.level === 'province' ? u : undefined));
}

/** Writes the total visits of each month (from the monthly rollups) as `portal.visits`. */
export async function publishPortalVisits(db: Db, codes: ProvinceCodes, months: readonly string[]): Promise<Published[]> {
  const out: Published[] = [];
  for (const month of months) {
    const period = parsePeriod(month);
    if (period === null || period.kind !== 'month') continue;
    const unit = await provinceFor(db, codes, period.start, period.end);
    if (unit === undefined) continue;
    const row = await db.selectFrom('analytics_rollups').select('visits').where('grain', '=', 'month').where('period', '=', month).where('dimension', '=', 'total').where('key', '=', '').executeTakeFirst();
    const value = row === undefined ? 0 : Number(row.visits);
    out.push({ code: 'portal.visits', period: month, value, outcome: await recordSystemFigure(db, { code: 'portal.visits', unitId: unit.id, period: month, value, source: 'analytics' }) });
  }
  return out;
}

/** Levels of Decree 43/2011/ND-CP, the scheme of the dictionary's four indicators. */
const DECREE_43_LEVELS = ['1', '2', '3', '4'] as const;

/**
 * Counts the published procedures by their online level under Decree 43/2011 as valid at the end of
 * the year (or today for the current year) and writes them for that year. Decree 42/2022/ND-CP
 * replaced the four levels with "full" and "partial" online services from 1 August 2022; the
 * dictionary has no indicators for those, so a year whose reporting date falls under the new scheme
 * writes nothing rather than guessing an equivalence.
 */
export async function publishOnlineServiceLevels(db: Db, codes: ProvinceCodes, year: number, now: Date = new Date()): Promise<Published[]> {
  const period = parsePeriod(String(year));
  if (period === null) return [];
  const today = todayInVietnam(now);
  const asOf = period.end < today ? period.end : today;
  const unit = await provinceFor(db, codes, period.start, period.end);
  if (unit === undefined) return [];
  const entries = await publishedProcedures(db, {}, asOf);
  if (!entries.some((e) => e.level?.scheme === 'decree43_2011')) return [];
  const out: Published[] = [];
  for (const level of DECREE_43_LEVELS) {
    const value = entries.filter((e) => e.level?.scheme === 'decree43_2011' && e.level.level === level).length;
    const code = `eservices.online_services_level${level}`;
    out.push({ code, period: period.code, value, outcome: await recordSystemFigure(db, { code, unitId: unit.id, period: period.code, value, source: 'catalogue' }) });
  }
  return out;
}
