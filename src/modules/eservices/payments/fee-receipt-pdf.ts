/**
 * The electronic fee receipt as a PDF (biên lai thu phí, lệ phí; receipts for fees are documents
 * under Decree 123/2020/NĐ-CP): number, date, payer, lines, total in figures and in words.
 * Written in Vietnamese whatever the reader's language, as official documents are.
 */
import { translator } from '../../../platform/i18n/index.ts';
import { VietnamesePdf } from '../../../platform/pdf/pdf-document.ts';
import { formatDate, formatNumber } from '../../../platform/text/format.ts';
import type { DossierRow } from '../dossier-queries.ts';
import { longDateVi, officialHeader } from '../results/official-header.ts';
import type { FeeLineRow, FeePaymentRow, FeeReceiptRow, FeeRefundRow } from './fee-queries.ts';
import { vndInWords } from './vietnamese-words.ts';

export interface FeeReceiptPdfData {
  readonly dossier: DossierRow;
  readonly agencyName: string;
  readonly receipt: FeeReceiptRow;
  readonly lines: readonly FeeLineRow[];
  readonly payment: FeePaymentRow;
  readonly refunds: readonly FeeRefundRow[];
}

export async function feeReceiptPdf(d: FeeReceiptPdfData): Promise<Buffer> {
  const t = translator('vi');
  const money = (n: number) => `${formatNumber(n, 'vi')} đồng`;
  const pdf = new VietnamesePdf({ title: `${t('payments.receipt_heading')} ${d.receipt.number}`, subject: d.dossier.code ?? '', author: d.agencyName });
  officialHeader(pdf, t, d.agencyName, '', longDateVi(d.receipt.issued_on));
  pdf.text(t('payments.receipt_heading').toLocaleUpperCase('vi'), { size: 14, bold: true, align: 'center' });
  pdf.text(`${t('payments.receipt_number')}: ${d.receipt.number}`, { size: 11, bold: true, align: 'center', gapAfter: 14 });
  const row = (label: string, value: string) => {
    const top = pdf.y;
    pdf.text(label, { size: 10.5, x: pdf.left, width: 150 });
    const bottom = pdf.y;
    pdf.y = top;
    pdf.text(value, { size: 10.5, bold: true, x: pdf.left + 154, width: pdf.contentWidth - 154 });
    pdf.y = Math.max(pdf.y, bottom) + 2;
  };
  row(t('payments.payer'), d.receipt.payer_name);
  row(t('eservices.dossier_code'), d.dossier.code ?? '');
  row(t('payments.method'), `${d.payment.method === 'vnpay' ? 'VNPay' : t('payments.method_vietqr')} – ${d.payment.txn_ref}${d.payment.bank_reference === null ? '' : ` – ${d.payment.bank_reference}`}`);
  pdf.rule(10);
  d.lines.forEach((l, i) => {
    pdf.text(`${i + 1}. ${l.label_vi}: ${money(l.amount_vnd)} / ${l.unit_vi} × ${formatNumber(l.quantity, 'vi')} = ${money(l.total_vnd)}`, { size: 10.5 });
    pdf.text(`${t('payments.legal_basis')}: ${l.legal_basis}`, { size: 9.5, gapAfter: 4 });
  });
  pdf.rule(10);
  row(t('payments.total'), money(d.receipt.total_vnd));
  row(t('payments.in_words'), vndInWords(d.receipt.total_vnd));
  if (d.refunds.length > 0) {
    pdf.rule(10);
    pdf.text(t('payments.refunds'), { size: 10.5, bold: true });
    for (const r of d.refunds) {
      const item = d.lines.find((l) => l.id === r.fee_line_id)?.label_vi ?? '';
      pdf.text(t('payments.refund_item', { date: formatDate(r.refunded_on), item, amount: money(r.amount_vnd), reason: r.reason }), { size: 10 });
    }
    const refunded = d.refunds.reduce((sum, r) => sum + r.amount_vnd, 0);
    row(t('payments.refunded_total'), money(refunded));
    row(t('payments.net_collected'), money(d.receipt.total_vnd - refunded));
  }
  pdf.rule(16);
  pdf.text(t('payments.receipt_note'), { size: 9.5 });
  return pdf.finish();
}
