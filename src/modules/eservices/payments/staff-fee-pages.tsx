/** The officer's fee page of a dossier: requesting fees, the payments, reconciling VietQR transfers. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import { formatNumber } from '../../../platform/text/format.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, fieldMessage } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { FeeRow } from '../catalogue-queries.ts';
import type { DossierRow } from '../dossier-queries.ts';
import type { DossierFees } from './fee-queries.ts';
import { FeeLinesTable, paymentState, vnd } from './payment-pages.tsx';

export interface StaffFeesProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly dossier: DossierRow;
  readonly procedureFees: readonly FeeRow[];
  readonly fees: readonly DossierFees[];
  readonly canRequest: boolean;
  readonly canReconcile: boolean;
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  readonly alert?: string;
  readonly notice?: string;
}

export function StaffFeesPage(props: StaffFeesProps): JSX.Element {
  const { ctx, dossier, errors, values = {} } = props;
  const t = ctx.t;
  const en = ctx.locale === 'en';
  const labels: Record<string, string> = { fees: t('payments.request_title'), note: t('eservices.note'), bank_reference: t('payments.bank_reference'), amount: t('payments.amount_received'), payment: t('payments.attempts') };
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
          {f.receipt === undefined ? '' : <p safe>{t('payments.receipt_issued', { number: f.receipt.number, total: formatNumber(f.receipt.total_vnd, ctx.locale) })}</p>}
          <ul>
            {f.payments.map((p) => (
              <li>
                <span safe>{paymentState(ctx, p)}</span>
                {p.bank_reference === null ? '' : <span safe>{` – ${t('payments.bank_reference')}: ${p.bank_reference}`}</span>}
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
