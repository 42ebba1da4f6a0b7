/**
 * Reads an uploaded report (Excel template or CSV) into rows of raw cells, refusing what cannot be
 * read safely before any figure is looked at: a file that is not a workbook (whatever its name), more
 * rows than a form can have (counted in the sheet XML before the workbook is parsed, so a 100,000-row
 * file is refused in milliseconds), hidden sheets (figures nobody sees), merged cells, and a template
 * of another form, version, period or reporter. Formulas are not evaluated and their cached results
 * are not trusted: a figure must be typed or pasted as a value (see CONTEXT.md).
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../../platform/files/excel.ts';
import { parseCsvRows } from '../../../platform/text/csv.ts';
import { nfc } from '../../../platform/text/fold.ts';
import { zipEntries } from './zip-entries.ts';
import { FIRST_DATA_ROW, HEADER_ROW, cellRef, parseTemplateTag, reasonColumn, valueColumn, type Problem, type RawRow, type RawValue } from './grid.ts';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** A sheet's XML beyond this is refused before parsing (a template of a few dozen rows is some kilobytes). */
const MAX_SHEET_XML_BYTES = 16 * 1024 * 1024;
/** Rows a sheet may have beyond the form's units (title, headings, a few blank lines). */
const SPARE_ROWS = 20;

export interface ExpectedTemplate {
  readonly code: string;
  readonly version: number;
  readonly period: string;
  readonly assignmentId: number;
  readonly itemCodes: readonly string[];
  readonly unitCount: number;
}

export type ReadResult = { ok: true; rows: RawRow[]; channel: 'xlsx' | 'csv' } | { ok: false; problems: Problem[] };

const fail = (key: Problem['key'], params?: Record<string, string | number>): ReadResult => ({ ok: false, problems: [{ key, ...(params === undefined ? {} : { params }) }] });

const isZip = (b: Buffer): boolean => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readUpload(fileName: string, content: Buffer, expected: ExpectedTemplate): Promise<ReadResult> {
  const name = nfc(fileName).slice(0, 120);
  if (content.length === 0) return fail('reports.err.no_file');
  if (content.length > MAX_UPLOAD_BYTES) return fail('reports.err.too_big', { kb: MAX_UPLOAD_BYTES / 1024 });
  if (isZip(content)) return readXlsx(name, content, expected);
  if (/\.csv$/i.test(name)) return readCsv(name, content, expected);
  return fail('reports.err.not_xlsx', { name });
}

function checkTag(text: string, expected: ExpectedTemplate): ReadResult | null {
  const tag = parseTemplateTag(text);
  if (tag === null) return fail('reports.err.not_template');
  if (tag.code !== expected.code) return fail('reports.err.other_form', { code: tag.code, expected: expected.code });
  if (tag.version !== expected.version) return fail('reports.err.wrong_version', { version: tag.version, current: expected.version });
  if (tag.period !== expected.period || tag.assignmentId !== expected.assignmentId) return fail('reports.err.other_assignment', { found: tag.period, period: expected.period });
  return null;
}

function rawOf(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: nfc(value.trim()) };
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (value instanceof Date) return { kind: 'text', text: value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as { formula?: string; sharedFormula?: string };
    return { kind: 'formula', formula: f.formula ?? f.sharedFormula ?? '' };
  }
  if ('richText' in value) return rawOf(value.richText.map((r) => r.text).join(''));
  if ('text' in value) return rawOf(String(value.text));
  if ('error' in value) return { kind: 'text', text: String(value.error) };
  return { kind: 'text', text: '?' };
}

const textOf = (value: ExcelJS.CellValue): string => {
  const raw = rawOf(value);
  return raw.kind === 'text' ? raw.text : raw.kind === 'number' ? String(raw.value) : '';
};

async function readXlsx(name: string, content: Buffer, expected: ExpectedTemplate): Promise<ReadResult> {
  const maxRows = expected.unitCount + FIRST_DATA_ROW + SPARE_ROWS;
  const entries = zipEntries(content);
  if (entries === null) return fail('reports.err.not_xlsx', { name });
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (sheets.length === 0) return fail('reports.err.not_xlsx', { name });
  for (const sheet of sheets) {
    let xml: string;
    try {
      xml = sheet.read(MAX_SHEET_XML_BYTES).toString('latin1');
    } catch (err) {
      // Inflates to more than any template could (a huge sheet or a decompression bomb), or is corrupt.
      const tooBig = err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      return tooBig ? fail('reports.err.too_big', { kb: MAX_UPLOAD_BYTES / 1024 }) : fail('reports.err.not_xlsx', { name });
    }
    let rows = 0;
    for (let i = xml.indexOf('<row'); i !== -1; i = xml.indexOf('<row', i + 4)) {
      const next = xml.charCodeAt(i + 4);
      if (next === 32 || next === 62) rows += 1; // "<row " or "<row>", not "<rowBreaks"
    }
    if (rows > maxRows) return fail('reports.err.too_many_rows', { rows, max: maxRows });
  }
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return fail('reports.err.not_xlsx', { name });
  }
  const hidden = workbook.worksheets.find((w) => w.state !== 'visible');
  if (hidden !== undefined) return fail('reports.err.hidden_sheet', { sheet: hidden.name.slice(0, 60) });
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return fail('reports.err.not_xlsx', { name });
  const tagProblem = checkTag(textOf(sheet.getCell('A2').value), expected);
  if (tagProblem !== null) return tagProblem;

  const merges = Object.values((sheet as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {});
  const mergeProblems: Problem[] = merges
    .filter((m) => m.bottom >= HEADER_ROW)
    .map((m) => ({ key: 'reports.err.merged', params: { range: `${cellRef(m.left, m.top)}:${cellRef(m.right, m.bottom)}` } }));
  if (mergeProblems.length > 0) return { ok: false, problems: mergeProblems };

  const items = expected.itemCodes.length;
  const rows: RawRow[] = [];
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const unitCode = textOf(row.getCell(1).value);
    const values = expected.itemCodes.map((_, i) => rawOf(row.getCell(valueColumn(i)).value));
    const reason = textOf(row.getCell(reasonColumn(items)).value);
    if (unitCode === '' && reason === '' && values.every((v) => v.kind === 'empty')) continue;
    rows.push({ row: r, unitCode, values, reason });
  }
  return { ok: true, rows, channel: 'xlsx' };
}

/** CSV: a heading line `ma_dvhc,ten_dvhc,<indicator codes…>,giai_trinh`, then one line per unit; line numbers are the row numbers. */
export const csvHeading = (itemCodes: readonly string[]): string[] => ['ma_dvhc', 'ten_dvhc', ...itemCodes, 'giai_trinh'];

function readCsv(name: string, content: Buffer, expected: ExpectedTemplate): ReadResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return fail('reports.err.not_xlsx', { name });
  }
  const maxRows = expected.unitCount + SPARE_ROWS;
  const lines = parseCsvRows(nfc(text));
  if (lines.length > maxRows) return fail('reports.err.too_many_rows', { rows: lines.length, max: maxRows });
  const heading = csvHeading(expected.itemCodes);
  const first = (lines[0] ?? []).map((h) => h.trim());
  if (first.length !== heading.length || first.some((h, i) => h !== heading[i])) {
    return fail('reports.err.csv_columns', { code: expected.code, version: expected.version, columns: heading.join(',') });
  }
  const rows: RawRow[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.map((c) => c.trim());
    if (cells.every((c) => c === '')) return;
    // The CSV has no title rows; line n stands for sheet row n, so "C3" is line 3, third column.
    const values: RawValue[] = expected.itemCodes.map((_, k) => {
      const c = cells[valueColumn(k) - 1] ?? '';
      if (c === '') return { kind: 'empty' };
      return c.startsWith('=') ? { kind: 'formula', formula: c.slice(1) } : { kind: 'text', text: c };
    });
    rows.push({ row: i + 2, unitCode: cells[0] ?? '', values, reason: cells[reasonColumn(expected.itemCodes.length) - 1] ?? '' });
  });
  return { ok: true, rows, channel: 'csv' };
}
