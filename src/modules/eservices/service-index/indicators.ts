/**
 * The indicators of the service index (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ
 * người dân, doanh nghiệp, Decision 766/QĐ-TTg of 23/6/2022) that can be computed from this
 * platform's own data. Groups and their maxima are those of the national portal's ranking
 * (transparency 18, progress 20, online services 12, online payment 10, satisfaction 18,
 * digitisation 22; total 100). Thresholds for full points (3.3: 50%, 4.2 and 4.3: 80%, 5.4: 90%)
 * are those of the formula description used by the national portal; an indicator without one earns
 * points in proportion to its rate. The annex's weights of each indicator inside its group are not
 * in our sources, so a group's points are estimated as the mean attainment of its computed
 * indicators times the group maximum, and said so on the page.
 */
export const GROUPS = {
  progress: 20,
  online: 12,
  payment: 10,
  digitisation: 22,
  satisfaction: 18,
} as const;
export type Group = keyof typeof GROUPS;

export interface IndicatorDef {
  readonly code: string;
  readonly group: Group;
  /** The rate at which the indicator earns its full points (1 = proportional to the rate). */
  readonly fullAt: number;
}

export const INDICATORS: readonly IndicatorDef[] = [
  { code: '2.1', group: 'progress', fullAt: 1 },
  { code: '3.3', group: 'online', fullAt: 0.5 },
  { code: '3.6', group: 'payment', fullAt: 1 },
  { code: '4.2', group: 'digitisation', fullAt: 0.8 },
  { code: '4.3', group: 'digitisation', fullAt: 0.8 },
  { code: '5.2', group: 'satisfaction', fullAt: 1 },
  { code: '5.4', group: 'satisfaction', fullAt: 0.9 },
];

export interface IndicatorValue {
  readonly def: IndicatorDef;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, or null when nothing was counted. */
  readonly rate: number | null;
  /** Share of the indicator's full points reached: min(1, rate / fullAt). */
  readonly attainment: number | null;
}

export function indicatorValue(def: IndicatorDef, numerator: number, denominator: number): IndicatorValue {
  const rate = denominator === 0 ? null : numerator / denominator;
  return { def, numerator, denominator, rate, attainment: rate === null ? null : Math.min(1, rate / def.fullAt) };
}

/** Estimated points of each group: the mean attainment of its computed indicators times its maximum. */
export function groupPoints(values: readonly IndicatorValue[]): { group: Group; max: number; points: number | null }[] {
  return (Object.keys(GROUPS) as Group[]).map((group) => {
    const known = values.filter((v) => v.def.group === group && v.attainment !== null);
    const points = known.length === 0 ? null : (known.reduce((s, v) => s + (v.attainment ?? 0), 0) / known.length) * GROUPS[group];
    return { group, max: GROUPS[group], points };
  });
}
