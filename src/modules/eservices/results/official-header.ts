/** The header of an administrative document (Decree 30/2020/NĐ-CP, appendix I): issuer left, national motto right. */
import type { Translate } from '../../../platform/i18n/index.ts';
import type { VietnamesePdf } from '../../../platform/pdf/pdf-document.ts';

/** `ngày 06 tháng 10 năm 2008` for a date `YYYY-MM-DD`. */
export const longDateVi = (day: string): string => `ngày ${day.slice(8, 10)} tháng ${day.slice(5, 7)} năm ${day.slice(0, 4)}`;

export function officialHeader(pdf: VietnamesePdf, t: Translate, agencyName: string, left: string, right: string): void {
  const top = pdf.y;
  const half = pdf.contentWidth / 2;
  pdf.text(agencyName.toLocaleUpperCase('vi'), { size: 10.5, bold: true, align: 'center', x: pdf.left, width: half - 10 });
  pdf.text(left, { size: 10.5, align: 'center', x: pdf.left, width: half - 10 });
  const leftBottom = pdf.y;
  pdf.y = top;
  pdf.text(t('licences.pdf_nation'), { size: 10.5, bold: true, align: 'center', x: pdf.left + half, width: half });
  pdf.text(t('licences.pdf_motto'), { size: 10.5, bold: true, align: 'center', x: pdf.left + half, width: half });
  pdf.text(right, { size: 10.5, align: 'center', x: pdf.left + half, width: half });
  pdf.y = Math.max(pdf.y, leftBottom) + 18;
}
