/**
 * The Excel template of an assignment, generated with exceljs: the identification line (form code,
 * version, period, assignment) in cell A2, also named `congso_template`; the unit codes and names
 * locked; only the value and reason cells unlocked, with data validation for numbers (whole and ≥ 0
 * for counts, 0–100 for percentages); the sheet protected without a password (protection only keeps
 * the layout from being changed by accident). Figures of the latest submission are filled in, so a
 * correction starts from what was sent.
 */
import { loadExcel } from '../../../platform/files/excel.ts';
import type { Locale } from '../../../config/index.ts';
import { csvCell } from '../../../platform/text/csv.ts';
import { parsePeriod, periodLabel } from '../period.ts';
import { FIRST_DATA_ROW, HEADER_ROW, reasonColumn, templateTag, valueColumn } from './grid.ts';
import { csvHeading } from './read-upload.ts';
import type { AssignmentView, CellRow, FormItem } from './report-queries.ts';
import type { ReporterUnit } from './validate-report.ts';
import { MAX_VALUE } from './validate-report.ts';

export const SHEET_NAME = 'Báo cáo';

export interface TemplateInput {
  readonly assignment: AssignmentView;
  readonly items: readonly FormItem[];
  readonly units: readonly ReporterUnit[];
  readonly filled: readonly CellRow[];
  readonly locale: Locale;
}

const TEXT = {
  vi: { unitCode: 'Mã ĐVHC', unit: 'Đơn vị hành chính', reason: 'Giải trình biến động (nếu có)', help: 'Nhập số liệu vào các ô trắng; không dùng công thức, không gộp ô, không thêm trang tính. Số lượng là số nguyên không âm; tỷ lệ từ 0 đến 100.', invalid: 'Giá trị không hợp lệ' },
  en: { unitCode: 'Unit code', unit: 'Administrative unit', reason: 'Reason for a large change (if any)', help: 'Enter figures in the white cells; no formulas, merged cells or extra sheets. Counts are whole numbers ≥ 0; percentages 0 to 100.', invalid: 'Invalid value' },
};

export function templateFileName(a: AssignmentView, ext: 'xlsx' | 'csv'): string {
  return `${a.formCode}_${a.period}_v${a.formVersion}.${ext}`;
}

export async function buildXlsxTemplate(input: TemplateInput): Promise<Buffer> {
  const { assignment: a, items, units, locale } = input;
  const text = TEXT[locale];
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'congso';
  wb.title = `${a.formCode} ${a.period}`;
  const ws = wb.addWorksheet(SHEET_NAME);
  const period = parsePeriod(a.period);
  ws.getCell('A1').value = `${a.formCode} · ${locale === 'en' ? a.formNameEn : a.formNameVi} · ${period === null ? a.period : periodLabel(period, locale)} · ${a.reporterName}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = templateTag(a.formCode, a.formVersion, a.period, a.id);
  ws.getCell('A2').font = { color: { argb: 'FF595959' }, size: 9 };
  wb.definedNames.add(`'${SHEET_NAME}'!$A$2`, 'congso_template');
  ws.getCell('A3').value = text.help;
  const header = ws.getRow(HEADER_ROW);
  header.getCell(1).value = text.unitCode;
  header.getCell(2).value = text.unit;
  items.forEach((item, i) => {
    header.getCell(valueColumn(i)).value = `${locale === 'en' ? item.nameEn : item.nameVi} (${locale === 'en' ? item.unitEn : item.unitVi})`;
  });
  header.getCell(reasonColumn(items.length)).value = text.reason;
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 32;
  items.forEach((_, i) => (ws.getColumn(valueColumn(i)).width = 20));
  ws.getColumn(reasonColumn(items.length)).width = 40;

  const filled = new Map(input.filled.map((c) => [`${c.indicatorId}:${c.unitId}`, c]));
  units.forEach((unit, k) => {
    const row = ws.getRow(FIRST_DATA_ROW + k);
    row.getCell(1).value = unit.code;
    row.getCell(2).value = unit.name;
    let reason = '';
    items.forEach((item, i) => {
      const cell = row.getCell(valueColumn(i));
      const previous = filled.get(`${item.indicatorId}:${unit.id}`);
      if (previous !== undefined) cell.value = previous.value;
      if (previous?.reason) reason = previous.reason;
      cell.protection = { locked: false };
      cell.numFmt = item.rule === 'count' ? '#,##0' : '#,##0.0';
      cell.dataValidation = {
        type: item.rule === 'count' ? 'whole' : 'decimal',
        operator: 'between',
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: text.invalid,
        error: text.help,
        formulae: [0, item.rule === 'percent' ? 100 : MAX_VALUE],
      };
    });
    const reasonCell = row.getCell(reasonColumn(items.length));
    if (reason !== '') reasonCell.value = reason;
    reasonCell.protection = { locked: false };
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function buildCsvTemplate(input: TemplateInput): string {
  const filled = new Map(input.filled.map((c) => [`${c.indicatorId}:${c.unitId}`, c]));
  const lines = [csvHeading(input.items.map((i) => i.code)).join(',')];
  for (const unit of input.units) {
    const cells = input.items.map((item) => filled.get(`${item.indicatorId}:${unit.id}`)?.value ?? '');
    const reason = input.items.map((item) => filled.get(`${item.indicatorId}:${unit.id}`)?.reason ?? '').find((r) => r !== '') ?? '';
    lines.push([unit.code, unit.name, ...cells, reason].map((v) => csvCell(v)).join(','));
  }
  // A byte-order mark so that Excel opens the UTF-8 Vietnamese names correctly.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
