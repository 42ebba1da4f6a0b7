/**
 * The arithmetic of a composite index, apart from any storage: normalisation of each indicator to
 * 0–1 (fixed goalposts, or min–max over the provinces with a figure for the period), the weighted
 * mean of the indicators in a pillar, the weighted mean of the pillars, times the edition's scale.
 * Every province lacking any indicator is listed as not ranked with the missing codes; nothing is
 * estimated. Equal scores (at the published precision) share a rank: 1, 2, 2, 4.
 */
import { compareVi } from '../../../platform/text/collate.ts';
import { roundTo } from '../figures.ts';
import type { ValueStatus } from '../tables.ts';
import { weakestStatus } from '../resolve.ts';
import type { Normalisation } from './tables.ts';

export interface IndicatorDef {
  readonly code: string;
  readonly weight: number;
  readonly higherIsBetter: boolean;
  readonly normalisation: Normalisation;
  readonly goalMin: number | null;
  readonly goalMax: number | null;
}

export interface PillarDef {
  readonly code: string;
  readonly weight: number;
  readonly indicators: readonly IndicatorDef[];
}

export interface EditionDef {
  readonly scale: number;
  readonly pillars: readonly PillarDef[];
}

export interface ProvinceFigures {
  readonly unitCode: string;
  readonly unitName: string;
  /** Raw value per indicator code, already rounded to the indicator's published precision. */
  readonly values: ReadonlyMap<string, { value: number; status: ValueStatus }>;
}

export interface IndicatorScore {
  readonly code: string;
  readonly raw: number;
  readonly status: ValueStatus;
  /** 0–1. */
  readonly normalised: number;
  /** The indicator's share of the whole index: pillar weight × indicator weight, each over its sum. */
  readonly effectiveWeight: number;
  /** Points it adds to the score (scale × effective weight × normalised); the contributions add up to the score. */
  readonly contribution: number;
}

export interface PillarScore {
  readonly code: string;
  /** 0–scale. */
  readonly score: number;
  readonly indicators: readonly IndicatorScore[];
}

export interface RankedRow {
  readonly rank: number;
  readonly unitCode: string;
  readonly unitName: string;
  readonly score: number;
  readonly status: ValueStatus;
  readonly pillars: readonly PillarScore[];
}

export interface NotRankedRow {
  readonly unitCode: string;
  readonly unitName: string;
  /** Codes of the indicators without a figure, in the edition's order. */
  readonly missing: readonly string[];
}

/** The bounds each indicator was normalised against; null when min–max had no province with a figure. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

export interface IndexResult {
  readonly rows: readonly RankedRow[];
  readonly notRanked: readonly NotRankedRow[];
  readonly bounds: ReadonlyMap<string, Bounds | null>;
  /** Decimals the score is published with. */
  readonly decimals: number;
}

/** Scores are published with 4 significant decimals of the 0–1 scale: 0.8485, 84.85. */
export const scoreDecimals = (scale: number): number => Math.max(0, 4 - Math.round(Math.log10(scale)));
/** Normalised values and weights are shown with 4 decimals. */
export const SHARE_DECIMALS = 4;

/**
 * Maps a value to 0–1 between two bounds, capped at both ends; for an indicator where lower is
 * better, the lower bound scores 1. Equal bounds (every province has the same figure) score 1: no
 * province is behind another.
 */
export function normalise(value: number, min: number, max: number, higherIsBetter: boolean): number {
  if (max === min) return 1;
  const share = Math.min(1, Math.max(0, (value - min) / (max - min)));
  return higherIsBetter ? share : 1 - share;
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/** Every indicator code of an edition, once, in order. */
export const editionCodes = (def: EditionDef): string[] => [...new Set(def.pillars.flatMap((p) => p.indicators.map((i) => i.code)))];

export function computeIndex(def: EditionDef, provinces: readonly ProvinceFigures[]): IndexResult {
  const decimals = scoreDecimals(def.scale);
  const codes = editionCodes(def);
  const bounds = new Map<string, Bounds | null>();
  for (const p of def.pillars) {
    for (const i of p.indicators) {
      if (i.normalisation === 'goalposts') {
        bounds.set(i.code, i.goalMin === null || i.goalMax === null ? null : { min: i.goalMin, max: i.goalMax });
        continue;
      }
      // Over every province with a figure, ranked or not: the spread of the period, not of a subset.
      const values = provinces.map((x) => x.values.get(i.code)?.value).filter((v): v is number => v !== undefined);
      bounds.set(i.code, values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) });
    }
  }
  const pillarTotal = sum(def.pillars.map((p) => p.weight));
  const scored: Omit<RankedRow, 'rank'>[] = [];
  const notRanked: NotRankedRow[] = [];
  for (const province of provinces) {
    const missing = codes.filter((c) => !province.values.has(c) || bounds.get(c) === null);
    if (missing.length > 0) {
      notRanked.push({ unitCode: province.unitCode, unitName: province.unitName, missing });
      continue;
    }
    const statuses: ValueStatus[] = [];
    const pillars: PillarScore[] = def.pillars.map((p) => {
      const indicatorTotal = sum(p.indicators.map((i) => i.weight));
      const indicators = p.indicators.map((i): IndicatorScore => {
        const fig = province.values.get(i.code) as { value: number; status: ValueStatus };
        const b = bounds.get(i.code) as Bounds;
        statuses.push(fig.status);
        const normalised = normalise(fig.value, b.min, b.max, i.higherIsBetter);
        const effectiveWeight = (p.weight / pillarTotal) * (i.weight / indicatorTotal);
        return { code: i.code, raw: fig.value, status: fig.status, normalised, effectiveWeight, contribution: def.scale * effectiveWeight * normalised };
      });
      const score = def.scale * sum(p.indicators.map((d, k) => (d.weight / indicatorTotal) * (indicators[k]?.normalised ?? 0)));
      return { code: p.code, score, indicators };
    });
    const score = sum(pillars.flatMap((p) => p.indicators.map((x) => x.contribution)));
    scored.push({ unitCode: province.unitCode, unitName: province.unitName, score: roundTo(score, decimals), status: weakestStatus(statuses), pillars });
  }
  scored.sort((a, b) => (a.score === b.score ? compareVi(a.unitName, b.unitName) : b.score - a.score));
  const rows: RankedRow[] = [];
  scored.forEach((s, i) => {
    const previous = rows[i - 1];
    rows.push({ ...s, rank: previous !== undefined && previous.score === s.score ? previous.rank : i + 1 });
  });
  notRanked.sort((a, b) => compareVi(a.unitName, b.unitName));
  return { rows, notRanked, bounds, decimals };
}
