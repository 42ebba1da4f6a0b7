/** Pages of fees: what the applicant pays and how, the result of a VNPay payment, and the electronic receipt. */
import { formatDate, formatDateTime, formatNumber } from '../../../platform/text/format.ts';
import { CsrfField, FormAlert, Notice } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { DossierRow } from '../dossier-queries.ts';
import type { DossierFees, FeeLineRow, FeePaymentRow, FeeReceiptRow, FeeRefundRow, FeeRequestRow } from './fee-queries.ts';
import { vndInWords } from './vietnamese-words.ts';

export const vnd = (ctx: ViewContext, amount: number): string => `${formatNumber(amount, ctx.locale)} ${ctx.t('payments.currency')}`;

export function FeeLinesTable({ ctx, lines, total }: { ctx: ViewContext; lines: readonly FeeLineRow[]; total: number }): JSX.Element {
  const t = ctx.t;
  const en = ctx.locale === 'en';
  return (
    <div class="table-scroll">
      <table class="fee-table">
        <caption class="visually-hidden" safe>{t('payments.lines_caption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('payments.fee')}</th>
            <th scope="col" class="num" safe>{t('payments.unit_amount')}</th>
            <th scope="col" class="num" safe>{t('payments.quantity')}</th>
            <th scope="col" class="num" safe>{t('payments.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr class={l.cancelled_at === null ? undefined : 'fee-line-cancelled'}>
              <td>
                <span safe>{en ? l.label_en : l.label_vi}</span>
                <br />
                <span class="muted" safe>{`${t('payments.legal_basis')}: ${l.legal_basis}`}</span>
                {l.cancel_reason === null ? '' : (
                  <>
                    <br />
                    <strong safe>{`${t('payments.line_cancelled_label')}: `}</strong>
                    <span safe>{l.cancel_reason}</span>
                  </>
                )}
              </td>
              <td class="num" safe>{`${vnd(ctx, l.amount_vnd)} / ${en ? l.unit_en : l.unit_vi}`}</td>
              <td class="num" safe>{formatNumber(l.quantity, ctx.locale)}</td>
              <td class="num">{l.cancelled_at === null ? <span safe>{vnd(ctx, l.total_vnd)}</span> : <s safe>{vnd(ctx, l.total_vnd)}</s>}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan="3" safe>{t('payments.total')}</th>
            <td class="num"><strong safe>{vnd(ctx, total)}</strong></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The refunds recorded on a paid request, with the net amount collected. */
export function RefundsList({ ctx, lines, refunds, total }: { ctx: ViewContext; lines: readonly FeeLineRow[]; refunds: readonly FeeRefundRow[]; total: number }): JSX.Element {
  if (refunds.length === 0) return <></>;
  const t = ctx.t;
  const refunded = refunds.reduce((sum, r) => sum + r.amount_vnd, 0);
  const label = (id: number) => {
    const l = lines.find((x) => x.id === id);
    return l === undefined ? '' : ctx.locale === 'en' ? l.label_en : l.label_vi;
  };
  return (
    <section class="fee-refunds" aria-label={t('payments.refunds')}>
      <h3 safe>{t('payments.refunds')}</h3>
      <ul>
        {refunds.map((r) => (
          <li safe>{t('payments.refund_item', { date: formatDate(r.refunded_on), item: label(r.fee_line_id), amount: vnd(ctx, r.amount_vnd), reason: r.reason })}</li>
        ))}
      </ul>
      <p safe>{t('payments.refund_totals', { refunded: vnd(ctx, refunded), net: vnd(ctx, total - refunded) })}</p>
    </section>
  );
}

export const paymentState = (ctx: ViewContext, p: FeePaymentRow): string =>
  `${p.method === 'vnpay' ? 'VNPay' : 'VietQR'} ${p.txn_ref}: ${ctx.t(`payments.payment_${p.status}`)}${p.paid_at === null ? '' : ` (${formatDateTime(p.paid_at)})`}`;

export interface VietQrView {
  readonly svgDataUrl: string;
  readonly bankBin: string;
  readonly account: string;
  readonly accountName: string;
  readonly note: string;
  readonly amount: number;
}

export interface ApplicantFeesProps {
  readonly ctx: ViewContext;
  readonly dossier: DossierRow;
  readonly fees: readonly DossierFees[];
  readonly vnpayEnabled: boolean;
  /** 'offer': VietQR is offered but no code was made yet (the page shows a button that makes one). */
  readonly vietQr: VietQrView | 'offer' | undefined;
  readonly notice?: string;
  readonly alert?: string;
}

export function ApplicantFeesPage(props: ApplicantFeesProps): JSX.Element {
  const { ctx, dossier, fees } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('payments.title')}>
      <h1 safe>{t('payments.title')}</h1>
      <p>
        <span safe>{`${t('eservices.dossier_code')}: `}</span>
        <strong safe>{dossier.code ?? ''}</strong>
        {' · '}
        <a href={`/ho-so/${dossier.id}/bien-nhan`} safe>{t('payments.back_to_dossier')}</a>
      </p>
      <Notice message={props.notice} />
      <FormAlert message={props.alert} />
      {fees.length === 0 ? <p safe>{t('payments.none')}</p> : ''}
      {fees.map((f) => (
        <section class="card fee-request" aria-labelledby={`fee-${f.request.id}`}>
          <h2 id={`fee-${f.request.id}`} safe>{`${t('payments.request_of', { date: formatDate(f.request.requested_at.slice(0, 10)) })} – ${t(`payments.request_${f.request.status}`)}`}</h2>
          {f.request.note === null ? '' : <p safe>{f.request.note}</p>}
          <FeeLinesTable ctx={ctx} lines={f.lines} total={f.request.total_vnd} />
          <RefundsList ctx={ctx} lines={f.lines} refunds={f.refunds} total={f.request.total_vnd} />
          {f.receipt === undefined ? '' : (
            <p>
              <a href={`/ho-so/${dossier.id}/bien-lai/${f.receipt.id}`} safe>{t('payments.receipt_link', { number: f.receipt.number })}</a>
            </p>
          )}
          {f.request.status === 'open' && dossier.status === 'fee_requested' ? <PayOptions {...props} request={f.request} /> : ''}
          {f.payments.length === 0 ? '' : (
            <>
              <h3 safe>{t('payments.attempts')}</h3>
              <ul>
                {f.payments.map((p) => (
                  <li safe>{paymentState(ctx, p)}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </Layout>
  );
}

function PayOptions(props: ApplicantFeesProps & { request: FeeRequestRow }): JSX.Element {
  const { ctx, dossier, vietQr } = props;
  const t = ctx.t;
  return (
    <div class="pay-options">
      {props.vnpayEnabled ? (
        <form method="post" action={`/ho-so/${dossier.id}/phi/vnpay`}>
          <CsrfField ctx={ctx} />
          <h3 safe>{t('payments.vnpay_title')}</h3>
          <p class="hint" safe>{t('payments.vnpay_hint')}</p>
          <button type="submit" safe>{t('payments.vnpay_pay', { amount: vnd(ctx, props.request.total_vnd) })}</button>
        </form>
      ) : ''}
      {vietQr === undefined ? '' : vietQr === 'offer' ? (
        <form method="post" action={`/ho-so/${dossier.id}/phi/vietqr`} class="vietqr" id="vietqr">
          <CsrfField ctx={ctx} />
          <h3 safe>{t('payments.vietqr_title')}</h3>
          <p class="hint" safe>{t('payments.vietqr_offer_hint')}</p>
          <button type="submit" class="button-secondary" safe>{t('payments.vietqr_make')}</button>
        </form>
      ) : (
        <div class="vietqr" id="vietqr">
          <h3 safe>{t('payments.vietqr_title')}</h3>
          <p class="hint" safe>{t('payments.vietqr_hint')}</p>
          <figure class="qr">
            <img src={vietQr.svgDataUrl} width="200" height="200" alt={t('payments.vietqr_alt', { amount: vnd(ctx, vietQr.amount), note: vietQr.note })} />
          </figure>
          <dl class="facts">
            <dt safe>{t('payments.bank_bin')}</dt>
            <dd safe>{vietQr.bankBin}</dd>
            <dt safe>{t('payments.account')}</dt>
            <dd safe>{vietQr.accountName === '' ? vietQr.account : `${vietQr.account} – ${vietQr.accountName}`}</dd>
            <dt safe>{t('payments.amount')}</dt>
            <dd safe>{vnd(ctx, vietQr.amount)}</dd>
            <dt safe>{t('payments.transfer_note')}</dt>
            <dd><code safe>{vietQr.note}</code></dd>
          </dl>
        </div>
      )}
    </div>
  );
}

export function PaymentResultPage({ ctx, payment, dossierId, gatewaySaysPaid }: { ctx: ViewContext; payment: FeePaymentRow | undefined; dossierId: number | undefined; gatewaySaysPaid: boolean }): JSX.Element {
  const t = ctx.t;
  const state = payment === undefined ? 'unknown' : payment.status === 'paid' ? 'paid' : payment.status === 'failed' ? 'failed' : gatewaySaysPaid ? 'waiting' : 'failed';
  return (
    <Layout ctx={ctx} title={t('payments.result_title')}>
      <h1 safe>{t('payments.result_title')}</h1>
      <p class={state === 'paid' ? 'alert alert-success' : 'alert'} role="status" safe>{t(`payments.result_${state}`)}</p>
      {payment === undefined ? '' : <p safe>{`${t('payments.txn_ref')}: ${payment.txn_ref} – ${vnd(ctx, payment.amount_vnd)}`}</p>}
      {dossierId === undefined ? '' : (
        <p>
          <a href={`/ho-so/${dossierId}/phi`} safe>{t('payments.to_fees')}</a>
        </p>
      )}
    </Layout>
  );
}

export interface ReceiptProps {
  readonly ctx: ViewContext;
  readonly dossier: DossierRow;
  readonly agencyName: string;
  readonly receipt: FeeReceiptRow;
  readonly lines: readonly FeeLineRow[];
  readonly payment: FeePaymentRow;
  readonly refunds: readonly FeeRefundRow[];
}

/** The electronic receipt (biên lai điện tử thu phí, lệ phí), in Vietnamese as an official document. */
export function FeeReceiptPage(props: ReceiptProps): JSX.Element {
  const { ctx, dossier, receipt, lines, payment } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('payments.receipt_title', { number: receipt.number })}>
      <article class="fee-receipt">
        <p class="fee-receipt-agency" safe>{props.agencyName}</p>
        <h1 safe>{t('payments.receipt_heading')}</h1>
        <dl class="facts">
          <dt safe>{t('payments.receipt_number')}</dt>
          <dd><strong safe>{receipt.number}</strong></dd>
          <dt safe>{t('payments.receipt_date')}</dt>
          <dd safe>{formatDate(receipt.issued_on)}</dd>
          <dt safe>{t('payments.payer')}</dt>
          <dd safe>{receipt.payer_name}</dd>
          <dt safe>{t('eservices.dossier_code')}</dt>
          <dd safe>{dossier.code ?? ''}</dd>
          <dt safe>{t('payments.method')}</dt>
          <dd safe>{`${payment.method === 'vnpay' ? 'VNPay' : t('payments.method_vietqr')} – ${payment.txn_ref}${payment.bank_reference === null ? '' : ` – ${payment.bank_reference}`}`}</dd>
        </dl>
        <FeeLinesTable ctx={ctx} lines={lines} total={receipt.total_vnd} />
        <p>
          <span safe>{`${t('payments.in_words')}: `}</span>
          <em safe>{vndInWords(receipt.total_vnd)}</em>
        </p>
        <RefundsList ctx={ctx} lines={lines} refunds={props.refunds} total={receipt.total_vnd} />
        <p class="hint" safe>{t('payments.receipt_note')}</p>
      </article>
      <p class="no-print">
        <a href={`/ho-so/${dossier.id}/bien-lai/${receipt.id}.pdf`} download="" safe>{t('payments.receipt_pdf')}</a>
        {' · '}
        <a href={`/ho-so/${dossier.id}/phi`} safe>{t('payments.to_fees')}</a>
      </p>
    </Layout>
  );
}
