/**
 * The licence as a PDF in the layout of an administrative document: issuer and number, national
 * motto and date, the licence's title, what it grants to whom, the signer, and a QR code to the
 * public verification page (which, not the paper, says whether it is still valid).
 */
import { translator, type MessageKey } from '../../../platform/i18n/index.ts';
import { VietnamesePdf } from '../../../platform/pdf/pdf-document.ts';
import { formatDate, formatNumber } from '../../../platform/text/format.ts';
import type { LicenceKind } from './licence-kinds.ts';
import type { LicenceRow } from './licence-queries.ts';
import { longDateVi, officialHeader } from './official-header.ts';

export async function licencePdf(licence: LicenceRow, agencyName: string, verifyUrl: string): Promise<Buffer> {
  const t = translator('vi');
  const kind = licence.kind as LicenceKind;
  const title = t(`licences.kind_${kind}` as MessageKey);
  const pdf = new VietnamesePdf({ title: `${title} ${licence.number}`, subject: licence.title, author: agencyName });
  officialHeader(pdf, t, agencyName, `${t('licences.number_prefix')} ${licence.number}`, longDateVi(licence.issued_on));
  pdf.text(title.toLocaleUpperCase('vi'), { size: 15, bold: true, align: 'center', gapAfter: 14 });

  pdf.row(t('licences.holder'), licence.holder_name);
  pdf.row(t('licences.holder_address'), licence.holder_address);
  pdf.row(t(`licences.title_${kind}` as MessageKey), licence.title);
  const details = JSON.parse(licence.details_json) as Record<string, string>;
  for (const [field, value] of Object.entries(details)) {
    const shown = field === 'doc_form' ? t(`licences.doc_form_${value}` as MessageKey) : value;
    pdf.row(t(`licences.detail_${field}` as MessageKey), shown);
  }
  if (licence.quantity !== null) pdf.row(t('licences.quantity'), formatNumber(licence.quantity, 'vi'));
  pdf.row(t('licences.valid_until'), licence.valid_until === null ? t('licences.no_end_date') : formatDate(licence.valid_until));
  if (licence.status === 'revoked') pdf.row(t('licences.status'), `${t('licences.status_revoked')} ${licence.revoked_on === null ? '' : formatDate(licence.revoked_on)}: ${licence.revoke_reason ?? ''}`);
  pdf.y += 16;

  const qrSize = 96;
  pdf.ensureSpace(qrSize + 60);
  const top = pdf.y;
  const half = pdf.contentWidth / 2;
  pdf.qr(verifyUrl, { x: pdf.left, y: top, size: qrSize });
  pdf.y = top + qrSize + 4;
  pdf.text(t('licences.pdf_verify_note'), { size: 9, x: pdf.left, width: half - 10 });
  pdf.text(verifyUrl, { size: 8, x: pdf.left, width: half - 10 });
  const leftBottom = pdf.y;
  pdf.y = top;
  pdf.text(licence.signer_title.toLocaleUpperCase('vi'), { size: 11, bold: true, align: 'center', x: pdf.left + half, width: half });
  pdf.y += 48;
  pdf.text(licence.signer_name, { size: 11, bold: true, align: 'center', x: pdf.left + half, width: half });
  pdf.y = Math.max(pdf.y, leftBottom) + 12;
  if (licence.illustrative === 1) pdf.text(t('licences.illustrative_note'), { size: 9 });
  return pdf.finish();
}
