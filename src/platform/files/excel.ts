/**
 * exceljs, loaded on the first workbook read or written rather than at start-up: it holds about
 * 30 MB of the server's memory, which a server nobody downloads a spreadsheet from need not pay.
 */
import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | undefined;

export const loadExcel = (): Promise<typeof ExcelJS> => (loaded ??= import('exceljs').then((m) => m.default));
