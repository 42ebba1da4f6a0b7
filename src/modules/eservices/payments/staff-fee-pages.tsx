/** The officer's fee page of a dossier: requesting fees, the payments, reconciling VietQR transfers, cancelling a line, refunds, querydr. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import { formatDateTime, formatNumber } from '../../../platform/text/format.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextArea, fieldMessage } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { FeeRow } from '../catalogue-queries.ts';
import type { DossierRow } from '../dossier-queries.ts';
import type { DossierFees } from './fee-queries.ts';
import { FeeLinesTable, paymentState, RefundsList, vnd } from './payment-pages.tsx';

export interface StaffFeesProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly dossier: DossierRow;
  readonly procedureFees: readonly FeeRow[];
  readonly fees: readonly DossierFees[];
  readonly canRequest: boolean;
  readonly canReconcile: boolean;
  /** A merchant web API is there to query (querydr). */
  readonly canQuery: boolean;
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  readonly alert?: string;
  readonly notice?: string;
}

export function StaffFeesPage(props: StaffFeesProps): JSX.Element {
  const { ctx, dossier, errors, values = {} } = props;
  const t = ctx.t;
  const en = ctx.locale === 'en';
  const labels: Record<string, string> = {
    fees: t('payments.request_title'),
    note: t('eservices.note'),
    bank_reference: t('payments.bank_reference'),
    amount: t('payments.amount_received'),
    payment: t('payments.attempts'),
    reason: t('payments.cancel_reason'),
    refund_amount: t('payments.refund_amount'),
    refund_reason: t('payments.refund_reason'),
  };
  // The forms that change a request appear once: on the open request (cancel) and on the newest paid one (refund).
  const openRequest = props.fees.find((f) => f.request.status === 'open');
  const paidRequest = props.fees.find((f) => f.request.status === 'paid');
  for (const f of props.procedureFees) labels[`qty_${f.id}`] = en ? f.label_en : f.label_vi;
  const feesError = fieldMessage(t, errors, 'fees');
  return (
    <AdminLayout ctx={ctx} title={`${t('payments.title')} – ${dossier.code ?? ''}`} adminNav={props.adminNav}>
      <h1 safe>{`${t('payments.title')} – ${dossier.code ?? ''}`}</h1>
      <p>
        <a href={`/quan-tri/ho-so/${dossier.id}`} safe>{t('payments.back_to_dossier')}</a>
      </p>
      <Notice message={props.notice} />
      <FormAlert message={props.alert} />
      <ErrorSummary t={t} errors={errors} labels={labels} />

      {props.canRequest ? (
        <section aria-labelledby="request-title">
          <h2 id="request-title" safe>{t('payments.request_title')}</h2>
          {props.procedureFees.length === 0 ? <p safe>{t('payments.no_schedule')}</p> : (
            <form method="post" action={`/quan-tri/ho-so/${dossier.id}/phi`} class="stack" novalidate>
              <CsrfField ctx={ctx} />
              {feesError === undefined ? '' : <p class="error-message" safe>{feesError}</p>}
              <p class="hint" safe>{t('payments.request_hint')}</p>
              {props.procedureFees.map((f) => {
                const name = `qty_${f.id}`;
                const message = fieldMessage(t, errors, name);
                return (
                  <div class={message === undefined ? 'field' : 'field field-error'}>
                    <label for={`f-${name}`} safe>{`${en ? f.label_en : f.label_vi} (${vnd(ctx, f.amount_vnd)} / ${en ? f.unit_en : f.unit_vi})`}</label>
                    <p class="hint" id={`f-${name}-hint`} safe>{`${t('payments.legal_basis')}: ${f.legal_basis}`}</p>
                    {message === undefined ? '' : <p class="error-message" id={`f-${name}-error`} safe>{message}</p>}
                    <input
                      id={`f-${name}`}
                      name={name}
                      type="text"
                      inputmode="numeric"
                      class="input-short"
                      value={values[name] ?? ''}
                      aria-invalid={message === undefined ? undefined : 'true'}
                      aria-describedby={message === undefined ? `f-${name}-hint` : `f-${name}-hint f-${name}-error`}
                    />
                  </div>
                );
              })}
              <div class="field">
                <label for="f-note" safe>{t('eservices.note')}</label>
                <textarea id="f-note" name="note" rows="3" maxlength="2000" safe>{values.note ?? ''}</textarea>
              </div>
              <div class="actions">
                <button type="submit" safe>{t('payments.request_submit')}</button>
              </div>
            </form>
          )}
        </section>
      ) : ''}

      {props.fees.length === 0 ? <p safe>{t('payments.none')}</p> : ''}
      {props.fees.map((f) => (
        <section class="card fee-request" aria-labelledby={`fee-${f.request.id}`}>
          <h2 id={`fee-${f.request.id}`} safe>{`#${f.request.id} – ${t(`payments.request_${f.request.status}`)}`}</h2>
          <FeeLinesTable ctx={ctx} lines={f.lines} total={f.request.total_vnd} />
          <RefundsList ctx={ctx} lines={f.lines} refunds={f.refunds} total={f.request.total_vnd} />
          {f.receipt === undefined ? '' : <p safe>{t('payments.receipt_issued', { number: f.receipt.number, total: formatNumber(f.receipt.total_vnd, ctx.locale) })}</p>}
          {props.canReconcile && f === openRequest ? <CancelLineForm ctx={ctx} dossierId={dossier.id} fees={f} errors={errors} values={values} /> : ''}
          {props.canReconcile && f === paidRequest ? <RefundForm ctx={ctx} dossierId={dossier.id} fees={f} errors={errors} values={values} /> : ''}
          <ul>
            {f.payments.map((p) => (
              <li>
                <span safe>{paymentState(ctx, p)}</span>
                {p.bank_reference === null ? '' : <span safe>{` – ${t('payments.bank_reference')}: ${p.bank_reference}`}</span>}
                {f.queries.filter((q) => q.payment_id === p.id).length === 0 ? '' : (
                  <ul>
                    {f.queries.filter((q) => q.payment_id === p.id).map((q) => (
                      <li safe>{t('payments.query_record', { at: formatDateTime(q.queried_at), outcome: t(`payments.query_outcome_${q.outcome}`), code: q.response_code ?? '–', status: q.transaction_status ?? '–' })}</li>
                    ))}
                  </ul>
                )}
                {props.canReconcile && props.canQuery && p.method === 'vnpay' && p.status === 'pending' && f.request.status === 'open' ? (
                  <form method="post" action={`/quan-tri/ho-so/${dossier.id}/phi/tra-soat`} class="inline-form">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="payment" value={String(p.id)} />
                    <button type="submit" class="button-secondary" safe>{t('payments.query_submit', { ref: p.txn_ref })}</button>
                  </form>
                ) : ''}
                {props.canReconcile && p.method === 'vietqr' && p.status === 'pending' && f.request.status === 'open' ? (
                  <form method="post" action={`/quan-tri/ho-so/${dossier.id}/phi/doi-soat`} class="stack reconcile" novalidate>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="payment" value={String(p.id)} />
                    <p class="hint" safe>{t('payments.reconcile_hint', { amount: vnd(ctx, p.amount_vnd), code: dossier.code ?? '' })}</p>
                    <ReconcileField ctx={ctx} errors={errors} name="bank_reference" label={t('payments.bank_reference')} value={values.bank_reference ?? ''} />
                    <ReconcileField ctx={ctx} errors={errors} name="amount" label={t('payments.amount_received')} value={values.amount ?? ''} numeric />
                    <div class="actions">
                      <button type="submit" safe>{t('payments.reconcile_submit')}</button>
                    </div>
                  </form>
                ) : ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </AdminLayout>
  );
}

interface AdjustProps {
  readonly ctx: ViewContext;
  readonly dossierId: number;
  readonly fees: DossierFees;
  readonly errors: FieldErrors | undefined;
  readonly values: Record<string, string>;
}

/** A select of the request's lines still counted (not cancelled). */
function LineSelect({ ctx, id, fees, value }: { ctx: ViewContext; id: string; fees: DossierFees; value: string }): JSX.Element {
  const en = ctx.locale === 'en';
  return (
    <div class="field">
      <label for={id} safe>{ctx.t('payments.line')}</label>
      <select id={id} name="line">
        {fees.lines
          .filter((l) => l.cancelled_at === null)
          .map((l) => (
            <option value={String(l.id)} selected={String(l.id) === value} safe>{`${en ? l.label_en : l.label_vi} – ${vnd(ctx, l.total_vnd)}`}</option>
          ))}
      </select>
    </div>
  );
}

function CancelLineForm({ ctx, dossierId, fees, errors, values }: AdjustProps): JSX.Element {
  const t = ctx.t;
  return (
    <form method="post" action={`/quan-tri/ho-so/${dossierId}/phi/huy-khoan`} class="stack fee-adjust" novalidate>
      <CsrfField ctx={ctx} />
      <h3 safe>{t('payments.cancel_title')}</h3>
      <p class="hint" safe>{t('payments.cancel_hint')}</p>
      <LineSelect ctx={ctx} id="f-cancel-line" fees={fees} value={values.line ?? ''} />
      <TextArea t={t} name="reason" label={t('payments.cancel_reason')} value={values.reason} errors={errors} rows={3} required />
      <div class="actions">
        <button type="submit" class="button-secondary" safe>{t('payments.cancel_submit')}</button>
      </div>
    </form>
  );
}

function RefundForm({ ctx, dossierId, fees, errors, values }: AdjustProps): JSX.Element {
  const t = ctx.t;
  return (
    <form method="post" action={`/quan-tri/ho-so/${dossierId}/phi/hoan-tien`} class="stack fee-adjust" novalidate>
      <CsrfField ctx={ctx} />
      <h3 safe>{t('payments.refund_title')}</h3>
      <p class="hint" safe>{t('payments.refund_hint')}</p>
      <LineSelect ctx={ctx} id="f-refund-line" fees={fees} value={values.line ?? ''} />
      <ReconcileField ctx={ctx} errors={errors} name="refund_amount" label={t('payments.refund_amount')} value={values.refund_amount ?? ''} numeric />
      <TextArea t={t} name="refund_reason" label={t('payments.refund_reason')} value={values.refund_reason} errors={errors} rows={3} required />
      <div class="actions">
        <button type="submit" class="button-secondary" safe>{t('payments.refund_submit')}</button>
      </div>
    </form>
  );
}

function ReconcileField({ ctx, errors, name, label, value, numeric = false }: { ctx: ViewContext; errors: FieldErrors | undefined; name: string; label: string; value: string; numeric?: boolean }): JSX.Element {
  const message = fieldMessage(ctx.t, errors, name);
  return (
    <div class={message === undefined ? 'field' : 'field field-error'}>
      <label for={`f-${name}`} safe>{label}</label>
      {message === undefined ? '' : <p class="error-message" id={`f-${name}-error`} safe>{message}</p>}
      <input id={`f-${name}`} name={name} type="text" inputmode={numeric ? 'numeric' : undefined} value={value} maxlength="64" aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={message === undefined ? undefined : `f-${name}-error`} />
    </div>
  );
}
