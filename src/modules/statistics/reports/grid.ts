/**
 * The layout every entry channel shares (HTML form, Excel template, CSV): one row per administrative
 * unit, one column per indicator of the form, and a last column for the reason of a large change.
 * Cell references are spreadsheet addresses (C7) in all three, so a message means the same cell
 * whichever way the report came in.
 */
import type { MessageKey } from '../../../platform/i18n/index.ts';

/** Row 4 holds the column headings; units start on row 5 (rows 1–3: title, identification line, instructions). */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;
/** Column A: unit code, B: unit name, C…: the form's indicators, then the reason column. */
export const FIRST_VALUE_COLUMN = 3;

export const columnLetter = (n: number): string => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};
export const cellRef = (column: number, row: number): string => `${columnLetter(column)}${row}`;
export const valueColumn = (position: number): number => FIRST_VALUE_COLUMN + position;
export const reasonColumn = (items: number): number => FIRST_VALUE_COLUMN + items;

/** What was in a cell: a number, text, a formula, or nothing. */
export type RawValue = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'text'; text: string } | { kind: 'formula'; formula: string };

export interface RawRow {
  /** The row number in the sheet (or line in the CSV). */
  readonly row: number;
  readonly unitCode: string;
  /** One per form item, in the form's order. */
  readonly values: readonly RawValue[];
  readonly reason: string;
}

/** A problem found in a report: at a cell, at a row, or about the whole file. */
export interface Problem {
  readonly ref?: string;
  readonly row?: number;
  readonly key: MessageKey;
  readonly params?: Record<string, string | number>;
}

/** The identification line written in cell A2 of a template: form code, version, period and assignment. */
export const templateTag = (code: string, version: number, period: string, assignmentId: number): string => `congso:${code}:v${version}:${period}:a${assignmentId}`;

export function parseTemplateTag(text: string): { code: string; version: number; period: string; assignmentId: number } | null {
  const m = /^congso:([A-Za-z0-9._-]{1,40}):v(\d{1,4}):([0-9A-Z-]{4,7}):a(\d{1,9})$/.exec(text.trim());
  if (m === null) return null;
  return { code: m[1]!, version: Number(m[2]), period: m[3]!, assignmentId: Number(m[4]) };
}

/** The period before, of the same kind: 2025-Q1 → 2024-Q4, 2025-01 → 2024-12, 2025-H1 → 2024-H2, 2025 → 2024. */
export function previousPeriodCode(code: string): string | null {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(code);
  if (m === null) return null;
  const year = Number(m[1]);
  const part = m[2];
  if (part === undefined) return String(year - 1);
  if (part === 'H1') return `${year - 1}-H2`;
  if (part === 'H2') return `${year}-H1`;
  if (part.startsWith('Q')) {
    const q = Number(part.slice(1));
    return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  }
  const month = Number(part);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
