/** Series and rankings of an indicator, computed from stored figures by the resolver. */
import type { Db } from '../../platform/db/index.ts';
import { compareVi } from '../../platform/text/collate.ts';
import { comparePeriods, parsePeriod, type Period } from './period.ts';
import { allIndicators, childUnits, observationsFor, provincesValidOn, type Indicator, type UnitRef } from './queries.ts';
import { Resolver, type IndicatorRule } from './resolve.ts';
import type { ValueStatus } from './tables.ts';

export interface SeriesPoint {
  readonly period: string;
  readonly value: number;
  readonly status: ValueStatus;
}

export interface RankingRow {
  readonly rank: number;
  readonly unitCode: string;
  readonly unitName: string;
  readonly value: number;
  readonly status: ValueStatus;
}

export interface Ranking {
  readonly period: string;
  readonly total: number;
  readonly illustrative: boolean;
  readonly rows: readonly RankingRow[];
}

const EARLIEST = '1900-01-01';
const LATEST = '2100-12-31';

const toRule = (i: Indicator): IndicatorRule => ({ code: i.code, formula: i.formula, unitAggregation: i.unit_aggregation, timeAggregation: i.time_aggregation });

/** Rounds to the indicator's published precision, so that ties and ranks match what readers see. */
export const roundTo = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** A resolver over the figures of some indicators (and everything their formulas read) for some units and dates. */
export async function resolverFor(db: Db, wanted: string | readonly string[], unitIds: readonly number[], start: string, end: string, children = new Map<number, number[]>()): Promise<Resolver> {
  const indicators = await allIndicators(db);
  const rules = new Map(indicators.map((i) => [i.code, toRule(i)]));
  const codes = [...(typeof wanted === 'string' ? [wanted] : wanted).reduce((seen, c) => Resolver.dependencies(rules, c, seen), new Set<string>())];
  const allUnits = [...unitIds, ...[...children.values()].flat()];
  const observations = await observationsFor(db, codes, allUnits, start, end);
  return new Resolver([...rules.values()], observations, children);
}

/** An indicator's figures for one unit, for periods within [from, to] (whole years of data are read so that yearly population fills in). */
export async function seriesOfIndicator(db: Db, indicator: Indicator, unit: UnitRef, from: Period | null, to: Period | null): Promise<SeriesPoint[]> {
  const children = await childUnits(db, [unit.id]);
  const start = from === null ? EARLIEST : `${from.year}-01-01`;
  const end = to === null ? LATEST : `${to.year}-12-31`;
  const resolver = await resolverFor(db, indicator.code, [unit.id], start, end, children);
  const codes = new Set(resolver.periodsFor(indicator.code, unit.id));
  for (const kid of children.get(unit.id) ?? []) for (const c of resolver.periodsFor(indicator.code, kid)) codes.add(c);
  const periods = [...codes]
    .map((c) => parsePeriod(c))
    .filter((p): p is Period => p !== null && (from === null || p.start >= from.start) && (to === null || p.end <= to.end))
    .sort(comparePeriods);
  const out: SeriesPoint[] = [];
  for (const period of periods) {
    const r = resolver.resolve(indicator.code, unit.id, period);
    if (r !== null) out.push({ period: period.code, value: roundTo(r.value, indicator.decimals), status: r.status });
  }
  return out;
}

/**
 * Provinces (in the structure valid at the end of the period) ranked by an indicator. Equal values
 * share a rank and the next rank is skipped (1, 2, 2, 4); equal provinces are listed by name.
 */
export async function rankingOfIndicator(db: Db, indicator: Indicator, period: Period): Promise<Ranking> {
  const provinces = await provincesValidOn(db, period.end);
  const resolver = await resolverFor(
    db,
    indicator.code,
    provinces.map((p) => p.id),
    `${period.year}-01-01`,
    `${period.year}-12-31`,
  );
  const higherIsBetter = indicator.higher_is_better === 1;
  const values = provinces
    .map((unit) => ({ unit, resolved: resolver.resolve(indicator.code, unit.id, period) }))
    .filter((x): x is { unit: UnitRef; resolved: NonNullable<typeof x.resolved> } => x.resolved !== null)
    .map(({ unit, resolved }) => ({ unit, value: roundTo(resolved.value, indicator.decimals), status: resolved.status }))
    .sort((a, b) => (a.value === b.value ? compareVi(a.unit.name, b.unit.name) : higherIsBetter ? b.value - a.value : a.value - b.value));
  const rows: RankingRow[] = [];
  values.forEach((v, i) => {
    const previous = rows[i - 1];
    const rank = previous !== undefined && previous.value === v.value ? previous.rank : i + 1;
    rows.push({ rank, unitCode: v.unit.code, unitName: v.unit.name, value: v.value, status: v.status });
  });
  return { period: period.code, total: rows.length, illustrative: rows.some((r) => r.status === 'illustrative'), rows };
}
