/** The legal documents library: public list and detail, the editors' list and form. */
import { Layout } from '../../ui/layout.tsx';
import { AdminLayout } from '../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextArea, TextField, fieldMessage } from '../../ui/forms.tsx';
import type { LegalFileRow } from './legal-files.ts';
import { LegalFilesAdmin, LegalFilesPublic } from './legal-file-views.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import type { AdminNavItem } from '../../platform/http/context.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formatDate, formatNumber } from '../../platform/text/format.ts';
import type { LegalDocumentRow } from './legal-documents.ts';
import { LEGAL_DOC_STATUSES, LEGAL_DOC_TYPES, type LegalDocStatus, type LegalDocType } from './tables.ts';
import { Pagination } from './public-views.tsx';

export const LEGAL_PUBLIC = '/van-ban';
export const LEGAL_ADMIN = '/quan-tri/van-ban';

const typeLabel = (ctx: ViewContext, t: LegalDocType): string => ctx.t(`newsroom.legal_type_${t.replace(/-/g, '_')}` as MessageKey);
const statusLabel = (ctx: ViewContext, s: LegalDocStatus): string => ctx.t(`newsroom.legal_status_${s}` as MessageKey);

function Select({ ctx, name, label, options, value, errors, empty }: { ctx: ViewContext; name: string; label: string; options: readonly [string, string][]; value: string; errors?: FieldErrors | undefined; empty?: string }): JSX.Element {
  const message = fieldMessage(ctx.t, errors, name);
  return (
    <div class={message === undefined ? 'field' : 'field field-error'}>
      <label for={`f-${name}`} safe>{label}</label>
      {message === undefined ? '' : <p class="error-message" id={`f-${name}-error`} safe>{message}</p>}
      <select id={`f-${name}`} name={name} aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={message === undefined ? undefined : `f-${name}-error`}>
        {empty === undefined ? '' : <option value="" safe>{empty}</option>}
        {options.map(([v, l]) => (
          <option value={v} selected={v === value} safe>{l}</option>
        ))}
      </select>
    </div>
  );
}

export interface LegalListProps {
  readonly ctx: ViewContext;
  readonly items: readonly LegalDocumentRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly filter: { loai: string; 'hieu-luc': string; nam: string };
}

export function LegalListPage({ ctx, items, total, page, pages, filter }: LegalListProps): JSX.Element {
  const t = ctx.t;
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
  return (
    <Layout ctx={ctx} title={t('newsroom.legal_title')}>
      <h1 safe>{t('newsroom.legal_title')}</h1>
      <form method="get" action="/tim-kiem" role="search" class="actions">
        <input type="hidden" name="loai" value="document" />
        <label for="legal-q" safe>{t('newsroom.legal_search')}</label>
        <input type="search" id="legal-q" name="q" maxlength="500" />
        <button type="submit" class="button" safe>{t('search.submit')}</button>
      </form>
      <form method="get" action={LEGAL_PUBLIC} class="stack">
        <Select ctx={ctx} name="loai" label={t('newsroom.legal_type')} value={filter.loai} empty={t('newsroom.legal_all')} options={LEGAL_DOC_TYPES.map((v) => [v, typeLabel(ctx, v)])} />
        <Select ctx={ctx} name="hieu-luc" label={t('newsroom.legal_status')} value={filter['hieu-luc']} empty={t('newsroom.legal_all')} options={LEGAL_DOC_STATUSES.map((v) => [v, statusLabel(ctx, v)])} />
        <div class="field">
          <label for="f-nam" safe>{t('newsroom.legal_year')}</label>
          <input type="number" id="f-nam" name="nam" min="1945" max="2100" value={filter.nam} />
        </div>
        <div class="actions">
          <button type="submit" class="button-secondary" safe>{t('newsroom.filter')}</button>
        </div>
      </form>
      <div class="table-wrap">
        <table>
          <caption safe>{t('newsroom.legal_caption', { count: formatNumber(total, ctx.locale) })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('newsroom.legal_number')}</th>
              <th scope="col" safe>{t('newsroom.legal_doc_title')}</th>
              <th scope="col" safe>{t('newsroom.legal_issued_on')}</th>
              <th scope="col" safe>{t('newsroom.legal_status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr>
                <td>
                  <a href={`${LEGAL_PUBLIC}/${d.slug}`} safe>{d.number_symbol}</a>
                </td>
                <td safe>{d.title}</td>
                <td safe>{formatDate(d.issued_on)}</td>
                <td safe>{statusLabel(ctx, d.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination ctx={ctx} base={query === '' ? LEGAL_PUBLIC : `${LEGAL_PUBLIC}?${query}`} page={page} pages={pages} />
    </Layout>
  );
}

export function LegalDetailPage({ ctx, doc, files = [] }: { ctx: ViewContext; doc: LegalDocumentRow; files?: readonly LegalFileRow[] }): JSX.Element {
  const t = ctx.t;
  const row = (label: string, value: string) => (
    <div>
      <dt safe>{label}</dt>
      <dd safe>{value}</dd>
    </div>
  );
  return (
    <Layout ctx={ctx} title={`${doc.number_symbol} ${doc.title}`} head={<link rel="canonical" href={`${ctx.publicUrl.origin}${LEGAL_PUBLIC}/${doc.slug}`} />}>
      <nav class="breadcrumb" aria-label={t('newsroom.breadcrumb')}>
        <ol>
          <li>
            <a href="/" safe>{t('shell.home')}</a>
          </li>
          <li>
            <a href={LEGAL_PUBLIC} safe>{t('newsroom.legal_title')}</a>
          </li>
          <li aria-current="page" safe>{doc.number_symbol}</li>
        </ol>
      </nav>
      <h1 safe>{doc.title}</h1>
      <dl class="details">
        {row(t('newsroom.legal_number'), doc.number_symbol)}
        {row(t('newsroom.legal_type'), typeLabel(ctx, doc.doc_type))}
        {row(t('newsroom.legal_issuing_body'), doc.issuing_body)}
        {row(t('newsroom.legal_signer'), doc.signer)}
        {row(t('newsroom.legal_issued_on'), formatDate(doc.issued_on))}
        {doc.effective_on === null ? '' : row(t('newsroom.legal_effective_on'), formatDate(doc.effective_on))}
        {doc.expires_on === null ? '' : row(t('newsroom.legal_expires_on'), formatDate(doc.expires_on))}
        {row(t('newsroom.legal_status'), doc.status === 'replaced' && doc.replaced_by !== null ? `${statusLabel(ctx, doc.status)} ${doc.replaced_by}` : statusLabel(ctx, doc.status))}
      </dl>
      {doc.summary === '' ? '' : (
        <section aria-labelledby="legal-summary">
          <h2 id="legal-summary" safe>{t('newsroom.legal_summary')}</h2>
          {doc.summary.split(/\n\s*\n/).map((p) => (
            <p safe>{p}</p>
          ))}
        </section>
      )}
      <LegalFilesPublic ctx={ctx} slug={doc.slug} files={files} />
    </Layout>
  );
}

export function LegalAdminListPage({ ctx, adminNav, items, notice }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; items: readonly LegalDocumentRow[]; notice?: string | undefined }): JSX.Element {
  const t = ctx.t;
  return (
    <AdminLayout ctx={ctx} title={t('newsroom.legal_title')} adminNav={adminNav}>
      <h1 safe>{t('newsroom.legal_title')}</h1>
      <Notice message={notice} />
      <p class="actions">
        <a class="button" href={`${LEGAL_ADMIN}/moi`} safe>{t('newsroom.legal_new')}</a>
      </p>
      <div class="table-wrap">
        <table>
          <caption safe>{t('newsroom.legal_caption', { count: formatNumber(items.length, ctx.locale) })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('newsroom.legal_number')}</th>
              <th scope="col" safe>{t('newsroom.legal_doc_title')}</th>
              <th scope="col" safe>{t('newsroom.legal_status')}</th>
              <th scope="col" safe>{t('newsroom.legal_published')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr>
                <td>
                  <a href={`${LEGAL_ADMIN}/${d.id}`} safe>{d.number_symbol}</a>
                </td>
                <td safe>{d.title}</td>
                <td safe>{statusLabel(ctx, d.status)}</td>
                <td safe>{d.is_published === 1 ? t('newsroom.legal_yes') : t('newsroom.legal_no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export function LegalFormPage({ ctx, adminNav, id, values, errors, alert, notice, files }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; id: number | null; values: Record<string, string>; errors?: FieldErrors | undefined; alert?: string | undefined; notice?: string | undefined; files?: { slug: string; rows: readonly LegalFileRow[]; errors?: FieldErrors | undefined } | undefined }): JSX.Element {
  const t = ctx.t;
  const labels: Record<string, string> = {
    number_symbol: t('newsroom.legal_number'),
    doc_type: t('newsroom.legal_type'),
    title: t('newsroom.legal_doc_title'),
    issuing_body: t('newsroom.legal_issuing_body'),
    signer: t('newsroom.legal_signer'),
    issued_on: t('newsroom.legal_issued_on'),
    effective_on: t('newsroom.legal_effective_on'),
    expires_on: t('newsroom.legal_expires_on'),
    status: t('newsroom.legal_status'),
    replaced_by: t('newsroom.legal_replaced_by'),
    summary: t('newsroom.legal_summary'),
  };
  const title = id === null ? t('newsroom.legal_new') : t('newsroom.legal_edit');
  return (
    <AdminLayout ctx={ctx} title={title} adminNav={adminNav}>
      <h1 safe>{title}</h1>
      <Notice message={notice} />
      <form method="post" action={id === null ? `${LEGAL_ADMIN}/moi` : `${LEGAL_ADMIN}/${id}`} class="stack" novalidate>
        <FormAlert message={alert} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <TextField t={t} name="number_symbol" label={labels.number_symbol!} value={values.number_symbol} errors={errors} hint={t('newsroom.legal_number_hint')} required maxlength={60} />
        <Select ctx={ctx} name="doc_type" label={labels.doc_type!} value={values.doc_type ?? ''} errors={errors} empty="" options={LEGAL_DOC_TYPES.map((v) => [v, typeLabel(ctx, v)])} />
        <TextArea t={t} name="title" label={labels.title!} value={values.title} errors={errors} rows={2} required />
        <TextField t={t} name="issuing_body" label={labels.issuing_body!} value={values.issuing_body} errors={errors} required maxlength={200} />
        <TextField t={t} name="signer" label={labels.signer!} value={values.signer} errors={errors} required maxlength={200} />
        <TextField t={t} name="issued_on" label={labels.issued_on!} type="date" value={values.issued_on} errors={errors} required />
        <TextField t={t} name="effective_on" label={labels.effective_on!} type="date" value={values.effective_on} errors={errors} />
        <TextField t={t} name="expires_on" label={labels.expires_on!} type="date" value={values.expires_on} errors={errors} />
        <Select ctx={ctx} name="status" label={labels.status!} value={values.status ?? 'in_force'} errors={errors} options={LEGAL_DOC_STATUSES.map((v) => [v, statusLabel(ctx, v)])} />
        <TextField t={t} name="replaced_by" label={labels.replaced_by!} value={values.replaced_by} errors={errors} maxlength={60} />
        <TextArea t={t} name="summary" label={labels.summary!} value={values.summary} errors={errors} rows={6} />
        <div class="checkbox">
          <input type="checkbox" id="f-is_published" name="is_published" value="1" checked={values.is_published === '1'} />
          <label for="f-is_published" safe>{t('newsroom.legal_publish')}</label>
        </div>
        <div class="actions">
          <button type="submit" class="button" safe>{t('newsroom.save')}</button>
        </div>
      </form>
      {id === null || files === undefined ? '' : <LegalFilesAdmin ctx={ctx} documentId={id} slug={files.slug} files={files.rows} errors={files.errors} />}
    </AdminLayout>
  );
}
