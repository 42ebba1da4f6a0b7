/**
 * What the public statistics pages, downloads and embeds show, gathered from the same functions as
 * the open data API (figures.ts), so that a page, its CSV and the API never disagree.
 */
import type { Db } from '../../platform/db/index.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import { fold } from '../../platform/text/fold.ts';
import { compareVi } from '../../platform/text/collate.ts';
import { rankingOfIndicator, roundTo, seriesOfIndicator, type RankingRow, type SeriesPoint } from './figures.ts';
import { ARTICLE_FIGURES, ARTICLE_PERIOD, ARTICLE_RANKS, LAO_CAI_OLD_CODE, NEW_LAO_CAI_2025, RANKING_PERIOD } from './lao-cai-2008.ts';
import { comparePeriods, parsePeriod, type Period } from './period.ts';
import { provinceSuccessions } from './public-queries.ts';
import { allIndicators, indicatorByCode, observationsFor, type Indicator, type UnitRef } from './queries.ts';
import { Resolver, weakestStatus } from './resolve.ts';
import type { ValueStatus } from './tables.ts';

/**
 * The province this installation serves, highlighted in rankings and used as the default unit. The
 * demo installation is Lào Cai's: code 10 before the 2025 reform, 15 (merged with Yên Bái) after.
 */
export const HOME_PROVINCE = { pre2025: LAO_CAI_OLD_CODE, current: NEW_LAO_CAI_2025.code } as const;
/** Provinces merged on 1 July 2025 (Resolution 202/2025/QH15). */
export const REFORM_2025 = '2025-07-01';

export const homeCodeFor = (period: Period): string => (period.end < REFORM_2025 ? HOME_PROVINCE.pre2025 : HOME_PROVINCE.current);

/** Display order of the domains on /thong-ke. */
export const CATEGORIES = ['postal', 'press', 'telecom', 'internet', 'it', 'portal', 'eservices', 'population'] as const;

/** Indicators matching a search (diacritics, case and đ folded away), grouped by domain in display order. */
export function indicatorsByCategory(indicators: readonly Indicator[], q: string): { category: string; indicators: Indicator[] }[] {
  const needle = fold(q.trim());
  const words = needle === '' ? [] : needle.split(/\s+/);
  const match = (i: Indicator): boolean => {
    if (words.length === 0) return true;
    const hay = fold([i.code, i.name_vi, i.name_en, i.definition_vi, i.itu_code ?? ''].join(' '));
    return words.every((w) => hay.includes(w));
  };
  const known = new Set<string>(CATEGORIES);
  const order = [...CATEGORIES, ...new Set(indicators.map((i) => i.category).filter((c) => !known.has(c)))];
  return order.map((category) => ({ category, indicators: indicators.filter((i) => i.category === category && match(i)) })).filter((g) => g.indicators.length > 0);
}

/** A row of the breakdown viewed under the 2025 structure. */
export interface MappedRow {
  readonly unitCode: string;
  readonly unitName: string;
  readonly from: readonly string[];
  readonly value: number | null;
  readonly status: ValueStatus | null;
  /** Why the value is empty, or how it was obtained. */
  readonly note: { kind: 'summed'; count: number } | { kind: 'partial' } | { kind: 'incomplete'; missing: string } | { kind: 'not_summable' };
}

/** Why a 2025 row is empty, or how it was obtained, in the reader's language. */
export function mappedNoteText(t: Translate, row: MappedRow): string {
  const n = row.note;
  switch (n.kind) {
    case 'summed':
      return t('statistics.mapping.summed', { count: n.count });
    case 'partial':
      return t('statistics.mapping.partial');
    case 'incomplete':
      return t('statistics.mapping.incomplete', { missing: n.missing });
    case 'not_summable':
      return t('statistics.mapping.not_summable');
  }
}

/**
 * Figures reported for pre-2025 provinces, viewed under the 2025 provinces through
 * admin_unit_successions: a new province formed wholly from former ones gets their sum (for derived
 * indicators, the formula over the summed inputs). A province with a partial succession, a former
 * province without a figure, or a share (averaged over units, which a plain sum or mean would
 * misstate) is flagged and left empty rather than guessed.
 */
export async function breakdownUnder2025(db: Db, indicator: Indicator, period: Period): Promise<MappedRow[]> {
  const successions = await provinceSuccessions(db);
  const groups = new Map<number, { code: string; name: string; olds: { id: number; name: string; mergeType: 'full' | 'partial' }[] }>();
  for (const s of successions) {
    const g = groups.get(s.newId) ?? { code: s.newCode, name: s.newName, olds: [] };
    g.olds.push({ id: s.oldId, name: s.oldName, mergeType: s.mergeType });
    groups.set(s.newId, g);
  }
  const children = new Map([...groups].map(([id, g]) => [id, g.olds.map((o) => o.id)]));
  const indicators = await allIndicators(db);
  const rules = indicators.map((i) => ({ code: i.code, formula: i.formula, unitAggregation: i.unit_aggregation, timeAggregation: i.time_aggregation }));
  const codes = [...Resolver.dependencies(new Map(rules.map((r) => [r.code, r])), indicator.code)];
  const unitIds = [...groups.keys(), ...successions.map((s) => s.oldId)];
  const observations = await observationsFor(db, codes, unitIds, `${period.year}-01-01`, `${period.year}-12-31`);
  const resolver = new Resolver(rules, observations, children);
  const summable = indicator.formula !== null || indicator.unit_aggregation === 'sum';
  const rows: MappedRow[] = [...groups.entries()].map(([id, g]) => {
    const base = { unitCode: g.code, unitName: g.name, from: g.olds.map((o) => o.name) };
    if (g.olds.some((o) => o.mergeType === 'partial')) return { ...base, value: null, status: null, note: { kind: 'partial' } };
    if (!summable) return { ...base, value: null, status: null, note: { kind: 'not_summable' } };
    const missing = g.olds.filter((o) => resolver.resolve(indicator.code, o.id, period) === null);
    if (missing.length > 0) return { ...base, value: null, status: null, note: { kind: 'incomplete', missing: missing.map((o) => o.name).join(', ') } };
    const r = resolver.resolve(indicator.code, id, period);
    if (r === null) return { ...base, value: null, status: null, note: { kind: 'incomplete', missing: base.from.join(', ') } };
    const statuses = g.olds.map((o) => resolver.resolve(indicator.code, o.id, period)?.status ?? r.status);
    return { ...base, value: roundTo(r.value, indicator.decimals), status: weakestStatus([r.status, ...statuses]), note: { kind: 'summed', count: g.olds.length } };
  });
  const sign = indicator.higher_is_better === 1 ? -1 : 1;
  return rows.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? compareVi(a.unitName, b.unitName) : a.value === null ? 1 : -1;
    return a.value === b.value ? compareVi(a.unitName, b.unitName) : sign * (a.value - b.value);
  });
}

/** The breakdown period when none is chosen: the latest year in the unit's series, or the article's year. */
export function defaultPeriod(series: readonly SeriesPoint[]): Period {
  const years = series.map((p) => Number(p.period.slice(0, 4)));
  const latest = years.length === 0 ? RANKING_PERIOD : String(Math.max(...years));
  return parsePeriod(latest) ?? (parsePeriod(RANKING_PERIOD) as Period);
}

export interface IndicatorView {
  readonly series: readonly SeriesPoint[];
  readonly period: Period;
  readonly ranking: { total: number; illustrative: boolean; rows: readonly RankingRow[] };
  readonly mapped: readonly MappedRow[] | null;
  /** True when the series includes sums of former provinces (a 2025 province viewed before the reform). */
  readonly seriesMapped: boolean;
  readonly illustrative: boolean;
}

/**
 * The series of a 2025 province extended back before the reform: for each earlier period, the sum of
 * the former provinces it was formed from, only when all of them merged whole and every one has a
 * figure for that period (the same rule as the breakdown). Null when that cannot apply.
 */
export async function seriesUnder2025(db: Db, indicator: Indicator, unit: UnitRef): Promise<SeriesPoint[] | null> {
  if (unit.level !== 'province' || unit.validFrom < REFORM_2025) return null;
  if (indicator.formula === null && indicator.unit_aggregation !== 'sum') return null;
  const olds = (await provinceSuccessions(db)).filter((s) => s.newId === unit.id);
  if (olds.length === 0 || olds.some((s) => s.mergeType === 'partial')) return null;
  const indicators = await allIndicators(db);
  const rules = indicators.map((i) => ({ code: i.code, formula: i.formula, unitAggregation: i.unit_aggregation, timeAggregation: i.time_aggregation }));
  const codes = [...Resolver.dependencies(new Map(rules.map((r) => [r.code, r])), indicator.code)];
  const oldIds = olds.map((s) => s.oldId);
  const observations = await observationsFor(db, codes, oldIds, '1900-01-01', REFORM_2025);
  const resolver = new Resolver(rules, observations, new Map([[unit.id, oldIds]]));
  const periods = new Set<string>();
  for (const id of oldIds) for (const code of resolver.periodsFor(indicator.code, id)) periods.add(code);
  const out: SeriesPoint[] = [];
  for (const period of [...periods].map((c) => parsePeriod(c)).filter((p): p is Period => p !== null && p.end < REFORM_2025).sort(comparePeriods)) {
    if (oldIds.some((id) => resolver.resolve(indicator.code, id, period) === null)) continue;
    const r = resolver.resolve(indicator.code, unit.id, period);
    if (r !== null) out.push({ period: period.code, value: roundTo(r.value, indicator.decimals), status: r.status });
  }
  return out;
}

export async function indicatorView(db: Db, indicator: Indicator, unit: UnitRef, period: Period | null, under2025: boolean): Promise<IndicatorView> {
  const own = await seriesOfIndicator(db, indicator, unit, null, null);
  const before = under2025 ? await seriesUnder2025(db, indicator, unit) : null;
  const series = before === null ? own : [...before.filter((p) => !own.some((o) => o.period === p.period)), ...own];
  const chosen = period ?? defaultPeriod(series);
  const ranking = await rankingOfIndicator(db, indicator, chosen);
  // Periods after the reform are already reported under the 2025 provinces.
  const mapped = under2025 && chosen.end < REFORM_2025 ? await breakdownUnder2025(db, indicator, chosen) : null;
  const illustrative = ranking.illustrative || series.some((p) => p.status === 'illustrative') || (mapped ?? []).some((r) => r.status === 'illustrative');
  return { series, period: chosen, ranking, mapped, seriesMapped: (before ?? []).length > 0, illustrative };
}

export interface DashboardCard {
  readonly indicator: Indicator;
  readonly value: number | null;
  readonly status: ValueStatus | null;
  readonly approx: boolean;
}

export interface DashboardRank {
  readonly indicator: Indicator;
  readonly rank: number | null;
  readonly total: number;
  readonly value: number | null;
}

export interface Dashboard {
  readonly unit: UnitRef;
  readonly cards: readonly DashboardCard[];
  readonly ranks: readonly DashboardRank[];
  readonly years: readonly string[];
  readonly table: readonly { indicator: Indicator; values: ReadonlyMap<string, SeriesPoint> }[];
}

/** Periods of the "years around it" table: the article's date, then the following years. */
const AROUND = [ARTICLE_PERIOD, '2009', '2010', '2011', '2012'];

/** The Lào Cai 2008 overview: every figure is read from stored data, none is written into the view. */
export async function laoCaiDashboard(db: Db, unit: UnitRef): Promise<Dashboard> {
  const article = parsePeriod(ARTICLE_PERIOD) as Period;
  const rankPeriod = parsePeriod(RANKING_PERIOD) as Period;
  const last = parsePeriod(AROUND[AROUND.length - 1] ?? RANKING_PERIOD) as Period;
  const cards: DashboardCard[] = [];
  const table: { indicator: Indicator; values: Map<string, SeriesPoint> }[] = [];
  for (const figure of ARTICLE_FIGURES) {
    const indicator = await indicatorByCode(db, figure.code);
    if (indicator === undefined) continue;
    const series = await seriesOfIndicator(db, indicator, unit, article, last);
    const at = series.find((p) => p.period === ARTICLE_PERIOD);
    cards.push({ indicator, value: at?.value ?? null, status: at?.status ?? null, approx: 'approx' in figure && figure.approx });
    table.push({ indicator, values: new Map(series.filter((p) => AROUND.includes(p.period)).map((p) => [p.period, p])) });
  }
  const ranks: DashboardRank[] = [];
  for (const r of ARTICLE_RANKS) {
    const indicator = await indicatorByCode(db, r.code);
    if (indicator === undefined) continue;
    const ranking = await rankingOfIndicator(db, indicator, rankPeriod);
    const row = ranking.rows.find((x) => x.unitCode === unit.code);
    ranks.push({ indicator, rank: row?.rank ?? null, total: ranking.total, value: row?.value ?? null });
  }
  return { unit, cards, ranks, years: AROUND, table };
}
