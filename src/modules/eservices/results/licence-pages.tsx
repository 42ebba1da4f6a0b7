/** Public pages of licences (the register, verification) and the staff page that issues or revokes one. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatDate, formatNumber } from '../../../platform/text/format.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextArea, TextField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { DossierRow } from '../dossier-queries.ts';
import { KIND_RULES, LICENCE_KINDS, type LicenceKind } from './licence-kinds.ts';
import type { LicenceRow, RegisterFilter } from './licence-queries.ts';

export type LicenceState = 'valid' | 'revoked' | 'expired';
export const licenceState = (l: LicenceRow, today: string): LicenceState =>
  l.status === 'revoked' ? 'revoked' : l.valid_until !== null && l.valid_until < today ? 'expired' : 'valid';

const kindLabel = (ctx: ViewContext, kind: string): string => ctx.t(`licences.kind_${kind}` as MessageKey);
export const verifyPath = (token: string): string => `/xac-thuc/giay-phep/${token}`;

export interface RegisterPageProps {
  readonly ctx: ViewContext;
  readonly filter: RegisterFilter;
  readonly years: readonly number[];
  readonly rows: readonly LicenceRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly today: string;
}

export function RegisterPage(props: RegisterPageProps): JSX.Element {
  const { ctx, filter } = props;
  const t = ctx.t;
  const query = new URLSearchParams();
  if (filter.q !== undefined && filter.q !== '') query.set('q', filter.q);
  if (filter.year !== undefined) query.set('nam', String(filter.year));
  if (filter.kind !== undefined) query.set('loai', filter.kind);
  const pageHref = (p: number) => {
    const q = new URLSearchParams(query);
    if (p > 1) q.set('trang', String(p));
    const s = q.toString();
    return s === '' ? '/giay-phep' : `/giay-phep?${s}`;
  };
  return (
    <Layout ctx={ctx} title={t('licences.register_title')}>
      <h1 safe>{t('licences.register_title')}</h1>
      <p safe>{t('licences.register_intro')}</p>
      <form method="get" action="/giay-phep" class="filters" role="search">
        <TextField t={t} name="q" type="search" label={t('licences.search')} hint={t('licences.search_hint')} value={filter.q ?? ''} maxlength={200} />
        <div class="field">
          <label for="f-nam" safe>{t('licences.year')}</label>
          <select id="f-nam" name="nam">
            <option value="" safe>{t('licences.all')}</option>
            {props.years.map((y) => (
              <option value={String(y)} selected={filter.year === y} safe>{String(y)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-loai" safe>{t('licences.kind')}</label>
          <select id="f-loai" name="loai">
            <option value="" safe>{t('licences.all')}</option>
            {LICENCE_KINDS.map((k) => (
              <option value={k} selected={filter.kind === k} safe>{kindLabel(ctx, k)}</option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" safe>{t('licences.apply_filter')}</button>
        </div>
      </form>
      <p role="status" safe>{props.total === 0 ? t('licences.none') : t('licences.count', { count: formatNumber(props.total, ctx.locale) })}</p>
      {props.rows.length === 0 ? '' : (
        <div class="table-wrap">
          <table class="licence-register">
            <caption class="visually-hidden" safe>{t('licences.register_title')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('licences.number')}</th>
                <th scope="col" safe>{t('licences.issued_on')}</th>
                <th scope="col" safe>{t('licences.title')}</th>
                <th scope="col" safe>{t('licences.holder')}</th>
                <th scope="col" safe>{t('licences.status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((l) => (
                <tr>
                  <td>
                    <a href={verifyPath(l.token)} safe>{l.number}</a>
                  </td>
                  <td safe>{formatDate(l.issued_on)}</td>
                  <td>
                    <span safe>{l.title}</span>
                    <br />
                    <small safe>{`${kindLabel(ctx, l.kind)}${l.illustrative === 1 ? ` (${t('licences.illustrative')})` : ''}`}</small>
                  </td>
                  <td safe>{l.holder_name}</td>
                  <td safe>{t(`licences.status_${licenceState(l, props.today)}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.rows.some((l) => l.illustrative === 1) ? <p class="hint" safe>{t('licences.illustrative_note')}</p> : ''}
      {props.pages <= 1 ? '' : (
        <nav class="pagination" aria-label={t('licences.pagination')}>
          <ul>
            {props.page > 1 ? (
              <li>
                <a href={pageHref(props.page - 1)} rel="prev" safe>{t('licences.previous')}</a>
              </li>
            ) : ''}
            <li>
              <span aria-current="page" safe>{t('licences.page_of', { page: props.page, pages: props.pages })}</span>
            </li>
            {props.page < props.pages ? (
              <li>
                <a href={pageHref(props.page + 1)} rel="next" safe>{t('licences.next')}</a>
              </li>
            ) : ''}
          </ul>
        </nav>
      )}
    </Layout>
  );
}

function LicenceFacts({ ctx, licence, agencyName, today }: { ctx: ViewContext; licence: LicenceRow; agencyName: string; today: string }): JSX.Element {
  const t = ctx.t;
  const kind = licence.kind as LicenceKind;
  const state = licenceState(licence, today);
  return (
    <dl class="facts">
      <dt safe>{t('licences.number')}</dt>
      <dd><strong safe>{licence.number}</strong></dd>
      <dt safe>{t('licences.kind')}</dt>
      <dd safe>{kindLabel(ctx, kind)}</dd>
      <dt safe>{t('licences.issuer')}</dt>
      <dd safe>{agencyName}</dd>
      <dt safe>{t('licences.issued_on')}</dt>
      <dd safe>{formatDate(licence.issued_on)}</dd>
      <dt safe>{t('licences.holder')}</dt>
      <dd safe>{licence.holder_name}</dd>
      <dt safe>{t(`licences.title_${kind}`)}</dt>
      <dd safe>{licence.title}</dd>
      {licence.quantity === null ? '' : (
        <>
          <dt safe>{t('licences.quantity')}</dt>
          <dd safe>{formatNumber(licence.quantity, ctx.locale)}</dd>
        </>
      )}
      <dt safe>{t('licences.valid_until')}</dt>
      <dd safe>{licence.valid_until === null ? t('licences.no_end_date') : formatDate(licence.valid_until)}</dd>
      <dt safe>{t('licences.status')}</dt>
      <dd><strong safe>{t(`licences.status_${state}`)}</strong></dd>
      {licence.status === 'revoked' ? (
        <>
          <dt safe>{t('licences.revoked_on')}</dt>
          <dd safe>{licence.revoked_on === null ? '' : formatDate(licence.revoked_on)}</dd>
          <dt safe>{t('licences.revoke_reason')}</dt>
          <dd safe>{licence.revoke_reason ?? ''}</dd>
        </>
      ) : ''}
    </dl>
  );
}

export function VerifyPage({ ctx, licence, agencyName, today }: { ctx: ViewContext; licence: LicenceRow; agencyName: string; today: string }): JSX.Element {
  const t = ctx.t;
  const state = licenceState(licence, today);
  return (
    <Layout ctx={ctx} title={`${t('licences.verify_title')} ${licence.number}`}>
      <h1 safe>{t('licences.verify_title')}</h1>
      <p class={state === 'valid' ? 'alert alert-success' : 'alert alert-error'} role="status" safe>{t(`licences.verify_${state}`)}</p>
      <LicenceFacts ctx={ctx} licence={licence} agencyName={agencyName} today={today} />
      {licence.illustrative === 1 ? <p class="hint" safe>{t('licences.illustrative_note')}</p> : ''}
      <p>
        <a href={`${verifyPath(licence.token)}/giay-phep.pdf`} safe>{t('licences.download_pdf')}</a>
      </p>
      <p>
        <a href="/giay-phep" safe>{t('licences.register_link')}</a>
      </p>
    </Layout>
  );
}

export interface StaffLicencePageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly dossier: DossierRow;
  readonly kind: LicenceKind;
  readonly agencyName: string;
  readonly licence: LicenceRow | undefined;
  readonly canIssue: boolean;
  readonly canRevoke: boolean;
  readonly values: Readonly<Record<string, string>>;
  readonly today: string;
  readonly errors?: FieldErrors;
  readonly alert?: string;
  readonly notice?: string;
}

export function StaffLicencePage(props: StaffLicencePageProps): JSX.Element {
  const { ctx, dossier, licence, values } = props;
  const t = ctx.t;
  const rule = KIND_RULES[props.kind];
  const base = `/quan-tri/ho-so/${dossier.id}`;
  return (
    <AdminLayout ctx={ctx} title={t('licences.issue_title')} adminNav={props.adminNav}>
      <h1 safe>{`${t(`licences.kind_${props.kind}`)} – ${dossier.code ?? ''}`}</h1>
      <Notice message={props.notice} />
      <FormAlert message={props.alert} />
      <ErrorSummary
        t={t}
        errors={props.errors}
        labels={{
          holder_name: t('licences.holder'),
          holder_address: t('licences.holder_address'),
          title: t(`licences.title_${props.kind}`),
          quantity: t('licences.quantity'),
          valid_until: t('licences.valid_until'),
          signer_name: t('licences.signer_name'),
          signer_title: t('licences.signer_title'),
          reason: t('licences.revoke_reason'),
          action: t('licences.issue_title'),
        }}
      />
      <p>
        <a href={base} safe>{dossier.code ?? ''}</a>
      </p>
      {licence === undefined && !props.canIssue && props.errors === undefined ? <p safe>{t('licences.error_not_issuable')}</p> : ''}
      {licence === undefined ? '' : (
        <section aria-labelledby="licence-facts">
          <h2 id="licence-facts" class="visually-hidden" safe>{t('licences.number')}</h2>
          <LicenceFacts ctx={ctx} licence={licence} agencyName={props.agencyName} today={props.today} />
          <p>
            <a href={`${verifyPath(licence.token)}/giay-phep.pdf`} safe>{t('licences.download_pdf')}</a>
            {' · '}
            <a href={verifyPath(licence.token)} safe>{t('licences.verify_link')}</a>
          </p>
          {props.canRevoke ? (
            <form method="post" action={`${base}/giay-phep/thu-hoi`} class="stack">
              <h2 safe>{t('licences.revoke_title')}</h2>
              <CsrfField ctx={ctx} />
              <TextArea t={t} name="reason" label={t('licences.revoke_reason')} required rows={3} maxlength={2000} value={values.reason} errors={props.errors} />
              <div class="actions">
                <button type="submit" class="button-secondary" safe>{t('licences.revoke_submit')}</button>
              </div>
            </form>
          ) : ''}
        </section>
      )}
      {licence === undefined && props.canIssue ? (
        <form method="post" action={`${base}/giay-phep`} class="stack" novalidate>
          <p safe>{t('licences.issue_intro')}</p>
          <CsrfField ctx={ctx} />
          <TextField t={t} name="holder_name" label={t('licences.holder')} required maxlength={300} value={values.holder_name} errors={props.errors} />
          <TextField t={t} name="holder_address" label={t('licences.holder_address')} required maxlength={300} value={values.holder_address} errors={props.errors} />
          <TextField t={t} name="title" label={t(`licences.title_${props.kind}`)} required maxlength={300} value={values.title} errors={props.errors} />
          {rule.quantityField === null ? '' : <TextField t={t} name="quantity" type="number" inputmode="numeric" label={t('licences.quantity')} required value={values.quantity} errors={props.errors} />}
          {rule.validity === null ? '' : <TextField t={t} name="valid_until" type="date" label={t('licences.valid_until')} required={rule.validity.required} hint={t('licences.valid_until_hint')} value={values.valid_until} errors={props.errors} />}
          <TextField t={t} name="signer_title" label={t('licences.signer_title')} required maxlength={200} value={values.signer_title} errors={props.errors} />
          <TextField t={t} name="signer_name" label={t('licences.signer_name')} required maxlength={200} value={values.signer_name} errors={props.errors} />
          <div class="actions">
            <button type="submit" safe>{t('licences.issue_submit')}</button>
          </div>
        </form>
      ) : ''}
    </AdminLayout>
  );
}
