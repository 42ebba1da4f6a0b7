/**
 * Turns stored figures into the value of an indicator for a unit and a period, the way a statistician
 * reads a table: the figure reported for exactly that period; otherwise the figures of shorter periods
 * within it, combined by the indicator's time aggregation; otherwise the figures of the unit's
 * subdivisions, combined by its unit aggregation. Derived indicators evaluate their formula over the
 * inputs resolved the same way.
 */
import { evaluateFormula, formulaInputs, parseFormula, type Formula } from './formula.ts';
import { parsePeriod, periodWithin, type Period } from './period.ts';
import type { TimeAggregation, UnitAggregation, ValueStatus } from './tables.ts';

export interface IndicatorRule {
  readonly code: string;
  readonly formula: string | null;
  readonly unitAggregation: UnitAggregation;
  readonly timeAggregation: TimeAggregation;
}

export interface Observation {
  readonly code: string;
  readonly unitId: number;
  readonly period: string;
  readonly reporterId: number | null;
  readonly value: number;
  readonly status: ValueStatus;
}

export interface Resolved {
  readonly value: number;
  readonly status: ValueStatus;
}

/** From most to least trustworthy: a derived figure is only as good as its weakest input. */
const STATUS_ORDER: readonly ValueStatus[] = ['approved', 'reported', 'estimate', 'illustrative'];
export const weakestStatus = (statuses: readonly ValueStatus[]): ValueStatus =>
  statuses.reduce<ValueStatus>((acc, s) => (STATUS_ORDER.indexOf(s) > STATUS_ORDER.indexOf(acc) ? s : acc), 'approved');

/** Period kinds from longest to shortest: when combining sub-periods, the longest present is used, so a quarter and its months are never counted twice. */
const KIND_ORDER = ['year', 'half', 'quarter', 'month'] as const;

export class Resolver {
  private readonly rules: ReadonlyMap<string, IndicatorRule & { parsed: Formula | null }>;
  /** code → unitId → observations */
  private readonly byUnit = new Map<string, Map<number, { obs: Observation; period: Period }[]>>();

  constructor(
    rules: readonly IndicatorRule[],
    observations: readonly Observation[],
    private readonly children: ReadonlyMap<number, readonly number[]> = new Map(),
  ) {
    this.rules = new Map(rules.map((r) => [r.code, { ...r, parsed: r.formula === null ? null : parseFormula(r.formula) }]));
    for (const obs of observations) {
      const period = parsePeriod(obs.period);
      if (period === null) continue;
      let units = this.byUnit.get(obs.code);
      if (units === undefined) this.byUnit.set(obs.code, (units = new Map()));
      const list = units.get(obs.unitId);
      if (list === undefined) units.set(obs.unitId, [{ obs, period }]);
      else list.push({ obs, period });
    }
  }

  /** Every indicator a code depends on, itself included (for loading exactly the figures needed). */
  static dependencies(rules: ReadonlyMap<string, { formula: string | null }>, code: string, seen = new Set<string>()): Set<string> {
    if (seen.has(code)) return seen;
    seen.add(code);
    const formula = rules.get(code)?.formula ?? null;
    if (formula !== null) for (const input of formulaInputs(parseFormula(formula))) Resolver.dependencies(rules, input, seen);
    return seen;
  }

  /** The periods with a stored figure for a unit (directly or through a formula's inputs). */
  periodsFor(code: string, unitId: number, depth = 0): Set<string> {
    const rule = this.rules.get(code);
    const out = new Set<string>();
    if (rule === undefined || depth > 10) return out;
    if (rule.parsed !== null) {
      for (const input of formulaInputs(rule.parsed)) {
        // Averages such as population fill in for any shorter period, so they do not add periods of their own.
        if (this.rules.get(input)?.timeAggregation === 'average') continue;
        for (const p of this.periodsFor(input, unitId, depth + 1)) out.add(p);
      }
      return out;
    }
    for (const { obs } of this.byUnit.get(code)?.get(unitId) ?? []) out.add(obs.period);
    return out;
  }

  resolve(code: string, unitId: number, period: Period, depth = 0): Resolved | null {
    const rule = this.rules.get(code);
    if (rule === undefined || depth > 10) return null;
    if (rule.parsed !== null) {
      const statuses: ValueStatus[] = [];
      const value = evaluateFormula(rule.parsed, (input) => {
        const r = this.resolve(input, unitId, period, depth + 1);
        if (r !== null) statuses.push(r.status);
        return r?.value ?? null;
      });
      return value === null ? null : { value, status: weakestStatus(statuses) };
    }
    return this.stored(rule, unitId, period) ?? this.fromChildren(rule, unitId, period, depth);
  }

  private stored(rule: IndicatorRule, unitId: number, period: Period): Resolved | null {
    const all = this.byUnit.get(rule.code)?.get(unitId) ?? [];
    const exact = all.filter((o) => o.obs.period === period.code);
    if (exact.length > 0) return combineReporters(exact.map((o) => o.obs), rule.unitAggregation);
    const inside = all.filter((o) => o.period.code !== period.code && periodWithin(o.period, period));
    const kind = KIND_ORDER.find((k) => inside.some((o) => o.period.kind === k));
    if (kind !== undefined) {
      const byPeriod = new Map<string, { end: string; obs: Observation[] }>();
      for (const o of inside.filter((x) => x.period.kind === kind)) {
        const entry = byPeriod.get(o.period.code) ?? { end: o.period.end, obs: [] };
        entry.obs.push(o.obs);
        byPeriod.set(o.period.code, entry);
      }
      const parts = [...byPeriod.values()].sort((a, b) => (a.end < b.end ? -1 : 1)).map((e) => combineReporters(e.obs, rule.unitAggregation));
      const status = weakestStatus(parts.map((p) => p.status));
      if (rule.timeAggregation === 'latest') return parts[parts.length - 1] ?? null;
      const total = parts.reduce((s, p) => s + p.value, 0);
      return { value: rule.timeAggregation === 'sum' ? total : total / parts.length, status };
    }
    // A yearly average (population) stands for any period within the year.
    if (rule.timeAggregation === 'average' && period.kind !== 'year') {
      const year = all.find((o) => o.period.kind === 'year' && o.period.year === period.year);
      if (year !== undefined) return { value: year.obs.value, status: year.obs.status };
    }
    return null;
  }

  private fromChildren(rule: IndicatorRule, unitId: number, period: Period, depth: number): Resolved | null {
    const kids = this.children.get(unitId) ?? [];
    const parts = kids.map((k) => this.resolve(rule.code, k, period, depth + 1)).filter((r): r is Resolved => r !== null);
    if (parts.length === 0) return null;
    const total = parts.reduce((s, p) => s + p.value, 0);
    return { value: rule.unitAggregation === 'sum' ? total : total / parts.length, status: weakestStatus(parts.map((p) => p.status)) };
  }
}

/** Figures of several reporting enterprises for one unit and period add up (or average, for shares). */
function combineReporters(obs: readonly Observation[], aggregation: UnitAggregation): Resolved {
  const whole = obs.find((o) => o.reporterId === null);
  if (whole !== undefined) return { value: whole.value, status: whole.status };
  const total = obs.reduce((s, o) => s + o.value, 0);
  return { value: aggregation === 'sum' ? total : total / obs.length, status: weakestStatus(obs.map((o) => o.status)) };
}
