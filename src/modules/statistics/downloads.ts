/**
 * The figures of an indicator page as files: CSV (UTF-8 with a byte-order mark, which Excel needs to
 * read Vietnamese letters), XLSX (exceljs: typed numbers with formats, a sheet describing the
 * indicator and its sources) and JSON (the API's shapes). Each holds the unit's series and the
 * provinces for the chosen period, exactly the two tables shown on the page.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/files/excel.ts';
import type { MessageKey, Translate } from '../../platform/i18n/index.ts';
import { csvCell } from '../../platform/text/csv.ts';
import { slugify } from '../../platform/text/slug.ts';
import { indicatorJson } from './api.ts';
import type { RankingRow, SeriesPoint } from './figures.ts';
import type { Period } from './period.ts';
import { mappedNoteText, type MappedRow } from './public-data.ts';
import type { Indicator, UnitRef } from './queries.ts';
import type { ValueStatus } from './tables.ts';

export const DOWNLOAD_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export interface DownloadData {
  readonly indicator: Indicator;
  readonly unit: UnitRef;
  readonly series: readonly SeriesPoint[];
  readonly period: Period;
  readonly rows: readonly RankingRow[];
  /** The breakdown viewed under the 2025 provinces, when the page shows it; replaces `rows`. */
  readonly mapped: readonly MappedRow[] | null;
  readonly pageUrl: string;
  readonly locale: 'vi' | 'en';
  readonly t: Translate;
}

export const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** RFC 5987 value: percent-encodes everything outside attr-char (encodeURIComponent leaves ' ( ) * ! alone). */
const rfc5987 = (s: string): string => encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with an ASCII fallback name (diacritics folded, for old clients) and the Vietnamese
 * name in `filename*` (RFC 6266), so "Số điểm phục vụ bưu chính - Lào Cai - 2008.csv" survives.
 */
export function contentDisposition(d: Pick<DownloadData, 'indicator' | 'unit' | 'period' | 'locale'>, format: DownloadFormat): string {
  const name = d.locale === 'en' ? d.indicator.name_en : d.indicator.name_vi;
  return attachment(`${name} - ${d.unit.name} - ${d.period.code}`, `${d.indicator.code} ${d.unit.name} ${d.period.code}`, format);
}

/** `Content-Disposition` for a file named `full` (any letters), with `ascii` slugified as the fallback name. */
export function attachment(full: string, ascii: string, format: string): string {
  const name = `${full}.${format}`.replace(/["\\/\r\n]/g, ' ');
  const fallback = `${slugify(ascii, 120) || 'thong-ke'}.${format}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(name)}`;
}

const statusText = (t: Translate, s: ValueStatus): string => t(`statistics.status.${s}` as MessageKey);

export function toCsv(d: DownloadData): string {
  const { t } = d;
  const header = [t('statistics.col.indicator'), t('statistics.col.code'), t('statistics.col.area'), t('statistics.col.period'), t('statistics.col.value'), t('statistics.col.status'), t('statistics.col.rank'), t('statistics.mapping.col_from'), t('statistics.mapping.col_note')];
  const lines = [header.map(csvCell).join(',')];
  // Values are written as plain numbers with a full stop, so that any program reads them as numbers.
  for (const p of d.series) lines.push([d.indicator.code, d.unit.code, d.unit.name, p.period, p.value, statusText(t, p.status), '', '', ''].map(csvCell).join(','));
  if (d.mapped === null) for (const r of d.rows) lines.push([d.indicator.code, r.unitCode, r.unitName, d.period.code, r.value, statusText(t, r.status), r.rank, '', ''].map(csvCell).join(','));
  else for (const r of d.mapped) lines.push([d.indicator.code, r.unitCode, r.unitName, d.period.code, r.value, r.status === null ? '' : statusText(t, r.status), '', r.from.join('; '), mappedNoteText(t, r)].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(d: DownloadData): string {
  const illustrative = d.series.some((p) => p.status === 'illustrative') || d.rows.some((r) => r.status === 'illustrative');
  return JSON.stringify({
    indicator: indicatorJson(d.indicator),
    unit: { code: d.unit.code, name: d.unit.name },
    illustrative,
    series: d.series,
    breakdown: d.mapped === null ? { period: d.period.code, total: d.rows.length, rows: d.rows } : { period: d.period.code, structure: '2025', rows: d.mapped.map((r) => ({ ...r, note: mappedNoteText(d.t, r) })) },
    page: d.pageUrl,
  });
}

export async function toXlsx(d: DownloadData): Promise<Buffer> {
  const { t, indicator } = d;
  const en = d.locale === 'en';
  const numFmt = indicator.decimals > 0 ? `#,##0.${'0'.repeat(indicator.decimals)}` : '#,##0';
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'congso';
  wb.created = new Date();
  const bold = (ws: ExcelJS.Worksheet): void => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const series = wb.addWorksheet(t('statistics.indicator.series_heading').slice(0, 31));
  series.columns = [
    { header: t('statistics.col.period'), key: 'period', width: 12 },
    { header: t('statistics.col.area'), key: 'unit', width: 24 },
    { header: `${t('statistics.col.value')} (${en ? indicator.unit_en : indicator.unit_vi})`, key: 'value', width: 18, style: { numFmt } },
    { header: t('statistics.col.status'), key: 'status', width: 14 },
  ];
  for (const p of d.series) series.addRow({ period: p.period, unit: d.unit.name, value: p.value, status: statusText(t, p.status) });
  bold(series);

  const breakdown = wb.addWorksheet(t('statistics.indicator.breakdown_heading').slice(0, 31));
  if (d.mapped !== null) {
    breakdown.columns = [
      { header: t('statistics.col.code'), key: 'code', width: 8 },
      { header: t('statistics.col.area'), key: 'unit', width: 24 },
      { header: t('statistics.mapping.col_from'), key: 'from', width: 36 },
      { header: `${t('statistics.col.value')} (${en ? indicator.unit_en : indicator.unit_vi}), ${d.period.code}`, key: 'value', width: 20, style: { numFmt } },
      { header: t('statistics.col.status'), key: 'status', width: 14 },
      { header: t('statistics.mapping.col_note'), key: 'note', width: 48 },
    ];
    for (const r of d.mapped) breakdown.addRow({ code: r.unitCode, unit: r.unitName, from: r.from.join(', '), value: r.value, status: r.status === null ? '' : statusText(t, r.status), note: mappedNoteText(t, r) });
  } else breakdown.columns = [
    { header: t('statistics.col.rank'), key: 'rank', width: 8 },
    { header: t('statistics.col.code'), key: 'code', width: 8 },
    { header: t('statistics.col.area'), key: 'unit', width: 24 },
    { header: `${t('statistics.col.value')} (${en ? indicator.unit_en : indicator.unit_vi}), ${d.period.code}`, key: 'value', width: 20, style: { numFmt } },
    { header: t('statistics.col.status'), key: 'status', width: 14 },
  ];
  if (d.mapped === null) for (const r of d.rows) breakdown.addRow({ rank: r.rank, code: r.unitCode, unit: r.unitName, value: r.value, status: statusText(t, r.status) });
  bold(breakdown);

  const sources = wb.addWorksheet(t('statistics.indicator.source').slice(0, 31));
  sources.columns = [
    { key: 'k', width: 24 },
    { key: 'v', width: 100 },
  ];
  const illustrative = d.series.some((p) => p.status === 'illustrative') || d.rows.some((r) => r.status === 'illustrative');
  const facts: [string, string][] = [
    [t('statistics.col.indicator'), en ? indicator.name_en : indicator.name_vi],
    [t('statistics.col.code'), indicator.code],
    [t('statistics.indicator.definition'), en ? indicator.definition_en : indicator.definition_vi],
    [t('statistics.col.unit'), en ? indicator.unit_en : indicator.unit_vi],
    [t('statistics.indicator.source'), en ? indicator.source_en : indicator.source_vi],
    [t('statistics.indicator.itu_code'), indicator.itu_code ?? ''],
    [t('statistics.col.periodicity'), t(`statistics.periodicity.${indicator.periodicity}` as MessageKey)],
    [t('statistics.indicator.formula'), indicator.formula ?? ''],
    [t('statistics.col.area'), `${d.unit.name} (${d.unit.code})`],
    ['URL', d.pageUrl],
  ];
  if (illustrative) facts.push(['', t('statistics.illustrative_notice')]);
  for (const [k, v] of facts) sources.addRow({ k, v });
  sources.getColumn('k').font = { bold: true };
  sources.getColumn('v').alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
