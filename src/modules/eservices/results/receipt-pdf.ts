/**
 * The receipt as a PDF: giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 01/2018/TT-VPCP, form 01):
 * dossier code, dates of receipt and return, applicant, the documents received, and a QR code that
 * opens the tracking page with the code filled in. Written in Vietnamese, as official documents are.
 */
import { translator } from '../../../platform/i18n/index.ts';
import { VietnamesePdf } from '../../../platform/pdf/pdf-document.ts';
import { formatDate, formatDateTime } from '../../../platform/text/format.ts';
import type { ComponentRow, ProcedureRow } from '../catalogue-queries.ts';
import type { DossierFileRow, DossierRow } from '../dossier-queries.ts';
import { longDateVi, officialHeader } from './official-header.ts';

export interface ReceiptPdfData {
  readonly dossier: DossierRow;
  readonly procedure: ProcedureRow;
  readonly agencyName: string;
  readonly components: readonly ComponentRow[];
  readonly files: readonly DossierFileRow[];
  readonly trackUrl: string;
}

export async function receiptPdf(data: ReceiptPdfData): Promise<Buffer> {
  const t = translator('vi');
  const { dossier, procedure } = data;
  const code = dossier.code ?? '';
  const pdf = new VietnamesePdf({ title: `${t('licences.receipt_pdf_title')} ${code}`, subject: procedure.name_vi, author: data.agencyName });
  officialHeader(pdf, t, data.agencyName, '', dossier.received_on === null ? '' : longDateVi(dossier.received_on));
  pdf.text(t('licences.receipt_pdf_title').toLocaleUpperCase('vi'), { size: 14, bold: true, align: 'center' });
  pdf.text(`${t('eservices.dossier_code')}: ${code}`, { size: 11, bold: true, align: 'center', gapAfter: 14 });

  const qrSize = 96;
  const qrTop = pdf.y;
  const textWidth = pdf.contentWidth - qrSize - 16;
  const row = (label: string, value: string) => pdf.row(label, value, { size: 10.5, labelWidth: 134, width: textWidth });
  row(t('eservices.procedure'), `${procedure.code} – ${procedure.name_vi}`);
  row(t('eservices.agency'), data.agencyName);
  row(t('eservices.applicant_section'), dossier.applicant_name);
  row(t('licences.receipt_contact'), [dossier.applicant_phone, dossier.applicant_email].filter((s) => s !== '').join(' – '));
  row(t('eservices.summary'), dossier.summary);
  row(t('eservices.submitted_at'), dossier.submitted_at === null ? '' : formatDateTime(dossier.submitted_at));
  row(t('eservices.received_on'), dossier.received_on === null ? '' : formatDate(dossier.received_on));
  row(t('eservices.due_on'), dossier.due_on === null ? '' : formatDate(dossier.due_on));
  pdf.qr(data.trackUrl, { x: pdf.left + pdf.contentWidth - qrSize, y: qrTop, size: qrSize });
  pdf.y = Math.max(pdf.y, qrTop + qrSize) + 10;

  pdf.text(t('licences.receipt_documents'), { size: 11, bold: true, gapAfter: 4 });
  const name = (c: string) => data.components.find((x) => x.code === c)?.name_vi ?? c;
  data.files.forEach((f, i) => pdf.text(`${i + 1}. ${name(f.component_code)}: ${f.file_name}`, { size: 10.5 }));
  if (data.files.length === 0) pdf.text(t('licences.receipt_no_documents'), { size: 10.5 });
  pdf.rule(16);
  pdf.text(t('licences.receipt_track_note', { url: data.trackUrl }), { size: 10 });
  return pdf.finish();
}
