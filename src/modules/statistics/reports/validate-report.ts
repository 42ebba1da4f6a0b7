/**
 * Cell-level checks of a report, the same for every entry channel: a value in every cell, a number,
 * not negative, whole for counts, at most 100 for percentages, within a plausible bound; and a change
 * from the previous period over the form's share is flagged and needs a reason (it is not refused:
 * a new exchange or a re-count can be real, Circular 04/2022/TT-BTTTT asks the reporter to explain).
 */
import { cellRef, reasonColumn, valueColumn, type Problem, type RawRow, type RawValue } from './grid.ts';

export type CellRule = 'count' | 'percent' | 'number';

export interface FormColumn {
  readonly indicatorId: number;
  readonly code: string;
  readonly rule: CellRule;
}

export interface ReporterUnit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

export interface ValidCell {
  readonly indicatorId: number;
  readonly unitId: number;
  readonly value: number;
  readonly previous: number | null;
  readonly flagged: boolean;
  readonly reason: string | null;
}

/** No district has a billion subscribers or service points: a larger figure is a typing slip (an extra zero row, a pasted phone number). */
export const MAX_VALUE = 1_000_000_000;
export const MAX_REASON = 1000;

/** How a cell is checked, from the indicator's unit and precision. */
export const ruleOf = (indicator: { unit_en: string; decimals: number }): CellRule => (indicator.unit_en === '%' ? 'percent' : indicator.decimals === 0 ? 'count' : 'number');

/** Reads a typed number: spaces are ignored, a comma is the decimal mark as well as a dot. Grouping marks are not guessed. */
export function parseTypedNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const shown = (n: number): string => String(n);

function checkValue(raw: RawValue, rule: CellRule): { value: number } | { key: Problem['key']; params?: Record<string, string | number> } {
  if (raw.kind === 'empty') return { key: 'reports.err.required' };
  if (raw.kind === 'formula') return { key: 'reports.err.formula', params: { formula: `=${raw.formula.slice(0, 60)}` } };
  const value = raw.kind === 'number' ? raw.value : parseTypedNumber(raw.text);
  if (value === null || !Number.isFinite(value)) return { key: 'reports.err.not_number', params: { text: raw.kind === 'text' ? raw.text.slice(0, 40) : '' } };
  if (value < 0) return { key: 'reports.err.negative', params: { value: shown(value) } };
  if (rule === 'count' && !Number.isInteger(value)) return { key: 'reports.err.not_integer', params: { value: shown(value) } };
  if (rule === 'percent' && value > 100) return { key: 'reports.err.percent', params: { value: shown(value) } };
  if (value > MAX_VALUE) return { key: 'reports.err.too_large', params: { value: shown(value), max: shown(MAX_VALUE) } };
  return { value };
}

export interface ValidateInput {
  readonly columns: readonly FormColumn[];
  readonly units: readonly ReporterUnit[];
  readonly rows: readonly RawRow[];
  /** Share (0.5 = 50%) above which a change from the previous period needs a reason. */
  readonly jumpShare: number;
  /** Previous period's figures by `${indicatorId}:${unitId}`. */
  readonly previous: ReadonlyMap<string, number>;
}

export function validateReport(input: ValidateInput): { cells: ValidCell[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const cells: ValidCell[] = [];
  const byCode = new Map(input.units.map((u) => [u.code, u]));
  const seen = new Set<string>();
  const reasonCol = reasonColumn(input.columns.length);
  for (const row of input.rows) {
    const unit = byCode.get(row.unitCode);
    if (unit === undefined) {
      problems.push({ row: row.row, key: 'reports.err.unit_not_yours', params: { code: row.unitCode.slice(0, 20) } });
      continue;
    }
    if (seen.has(unit.code)) {
      problems.push({ row: row.row, key: 'reports.err.unit_twice', params: { code: unit.code } });
      continue;
    }
    seen.add(unit.code);
    const reason = row.reason.trim();
    const reasonRef = cellRef(reasonCol, row.row);
    if (reason.length > MAX_REASON) problems.push({ ref: reasonRef, key: 'reports.err.reason_long', params: { max: MAX_REASON } });
    input.columns.forEach((column, i) => {
      const ref = cellRef(valueColumn(i), row.row);
      const checked = checkValue(row.values[i] ?? { kind: 'empty' }, column.rule);
      if (!('value' in checked)) {
        problems.push({ ref, key: checked.key, ...(checked.params === undefined ? {} : { params: checked.params }) });
        return;
      }
      const previous = input.previous.get(`${column.indicatorId}:${unit.id}`) ?? null;
      const flagged = previous !== null && previous > 0 && Math.abs(checked.value - previous) / previous > input.jumpShare;
      if (flagged && reason === '') {
        const share = Math.round((Math.abs(checked.value - previous) / previous) * 100);
        problems.push({ ref, key: 'reports.err.jump', params: { share, previous: shown(previous), reasonRef } });
      }
      cells.push({ indicatorId: column.indicatorId, unitId: unit.id, value: checked.value, previous, flagged, reason: reason === '' ? null : reason });
    });
  }
  for (const unit of input.units) {
    if (!seen.has(unit.code)) problems.push({ key: 'reports.err.unit_missing', params: { code: unit.code, name: unit.name } });
  }
  return { cells, problems };
}
