/** The applicant's pages: the draft form with its documents, the receipt, the list of dossiers, tracking. */
import type { FieldErrors } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formatDate, formatDateTime, formatNumber } from '../../platform/text/format.ts';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextArea, TextField, fieldMessage } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { ComponentRow, ProcedureRow } from './catalogue-queries.ts';
import type { AgencyNames, DossierEventRow, DossierFileRow, DossierListEntry, DossierRow } from './dossier-queries.ts';
import { MAX_FILE_BYTES } from './file-store.ts';
import { Timeline } from './timeline.tsx';
import { APPLICANT_FIELDS, label, type FormData, type FormDefinition, type FormFieldDef } from './form-definition.ts';

const statusLabel = (ctx: ViewContext, status: string, national: number | null): string =>
  national === null ? ctx.t(`eservices.status_${status}` as MessageKey) : ctx.t(`eservices.national_${national}` as MessageKey);

function FormField({ ctx, f, values, errors }: { ctx: ViewContext; f: FormFieldDef; values: FormData; errors: FieldErrors | undefined }): JSX.Element {
  const t = ctx.t;
  const text = label(f.label, ctx.locale);
  const hint = f.hint === undefined ? undefined : label(f.hint, ctx.locale);
  const value = values[f.name] ?? '';
  const required = f.required === true && f.when === undefined;
  if (f.type === 'textarea') return <TextArea t={t} name={f.name} label={text} value={value} errors={errors} required={required} hint={hint} maxlength={f.max ?? 5000} />;
  if (f.type === 'select') {
    const id = `f-${f.name}`;
    const message = fieldMessage(t, errors, f.name);
    return (
      <div class={message === undefined ? 'field' : 'field field-error'}>
        <label for={id}>
          <span safe>{text}</span>
          {required ? <span class="required" safe>{` (${t('shell.required')})`}</span> : ''}
        </label>
        {message === undefined ? '' : <p class="error-message" id={`${id}-error`} safe>{message}</p>}
        <select id={id} name={f.name} aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={message === undefined ? undefined : `${id}-error`}>
          <option value="">—</option>
          {(f.options ?? []).map((o) => (
            <option value={o.value} selected={value === o.value} safe>{label(o.label, ctx.locale)}</option>
          ))}
        </select>
      </div>
    );
  }
  const type = f.type === 'integer' ? 'text' : f.type;
  return (
    <TextField
      t={t}
      name={f.name}
      label={text}
      value={value}
      errors={errors}
      type={type}
      required={required}
      hint={hint}
      maxlength={f.max}
      inputmode={f.type === 'integer' ? 'numeric' : undefined}
      autocomplete={f.name === 'applicant_name' ? 'name' : f.name === 'applicant_phone' ? 'tel' : f.name === 'applicant_email' ? 'email' : undefined}
    />
  );
}

export interface DraftPageProps {
  readonly ctx: ViewContext;
  readonly dossier: DossierRow;
  readonly procedure: ProcedureRow;
  readonly def: FormDefinition;
  readonly values: FormData;
  readonly components: readonly ComponentRow[];
  readonly files: readonly DossierFileRow[];
  readonly errors?: FieldErrors;
  readonly alert?: string;
  readonly notice?: string;
}

export function DraftPage(props: DraftPageProps): JSX.Element {
  const { ctx, dossier, procedure, def, values, components, files, errors } = props;
  const t = ctx.t;
  const en = ctx.locale === 'en';
  const procedureName = en ? procedure.name_en : procedure.name_vi;
  const labels: Record<string, string> = {};
  for (const f of [...APPLICANT_FIELDS, ...def.sections.flatMap((s) => s.fields)]) labels[f.name] = label(f.label, ctx.locale);
  for (const c of components) labels[`doc-${c.code}`] = en ? c.name_en : c.name_vi;
  labels.file = t('eservices.documents');
  const base = `/ho-so/${dossier.id}`;
  return (
    <Layout ctx={ctx} title={t('eservices.draft_title', { procedure: procedureName })}>
      <h1 safe>{t('eservices.draft_title', { procedure: procedureName })}</h1>
      <p safe>{t('eservices.draft_intro')}</p>
      <Notice message={props.notice} />
      <FormAlert message={props.alert} />
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={base} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend safe>{t('eservices.applicant_section')}</legend>
          {APPLICANT_FIELDS.map((f) => <FormField ctx={ctx} f={f} values={values} errors={errors} />)}
        </fieldset>
        {def.sections.map((s) => (
          <fieldset>
            <legend safe>{label(s.title, ctx.locale)}</legend>
            {s.fields.map((f) => <FormField ctx={ctx} f={f} values={values} errors={errors} />)}
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit" class="button-secondary" safe>{t('eservices.save_draft')}</button>
        </div>
      </form>

      <h2 id="tai-lieu" safe>{t('eservices.documents')}</h2>
      <p class="hint" safe>{t('eservices.documents_hint', { mb: formatNumber(MAX_FILE_BYTES / 1024 / 1024, ctx.locale) })}</p>
      <DocumentSection ctx={ctx} base={base} components={components} files={files} errors={errors} canRemove />

      <form method="post" action={`${base}/nop`} class="actions">
        <CsrfField ctx={ctx} />
        <p class="hint" safe>{t('eservices.submit_hint')}</p>
        <button type="submit" safe>{t('eservices.submit')}</button>
      </form>
    </Layout>
  );
}


/** The documents of a dossier by component, each with its upload form (drafting or supplementing). */
function DocumentSection(props: { ctx: ViewContext; base: string; components: readonly ComponentRow[]; files: readonly DossierFileRow[]; errors: FieldErrors | undefined; canRemove?: boolean }): JSX.Element {
  const { ctx, base, components, files, errors } = props;
  const t = ctx.t;
  const en = ctx.locale === 'en';
  return (
    <>
      {components.map((c) => {
        const name = en ? c.name_en : c.name_vi;
        const own = files.filter((f) => f.component_code === c.code);
        const message = fieldMessage(t, errors, `doc-${c.code}`);
        return (
          <section class={message === undefined ? 'card' : 'card field-error'} id={`f-doc-${c.code}`} aria-labelledby={`doc-${c.code}-title`}>
            <h3 id={`doc-${c.code}-title`} safe>{`${name} (${t(c.required === 1 ? 'eservices.required_component' : 'eservices.optional_component')})`}</h3>
            {message === undefined ? '' : <p class="error-message" safe>{message}</p>}
            {own.length === 0 ? (
              <p class="muted" safe>{t('eservices.no_file')}</p>
            ) : (
              <ul>
                {own.map((f) => (
                  <li>
                    <span safe>{`${f.file_name} (${formatNumber(Math.ceil(f.size_bytes / 1024), ctx.locale)} KB${f.reused === 1 ? `, ${t('eservices.reused')}` : ''})`}</span>{' '}
                    {props.canRemove === true ? (<form method="post" action={`${base}/tai-lieu/${f.id}/xoa`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="link-button" aria-label={t('eservices.remove_file', { name: f.file_name })} safe>{t('eservices.remove')}</button>
                    </form>) : ''}
                  </li>
                ))}
              </ul>
            )}
            <form method="post" action={`${base}/tai-lieu`} enctype="multipart/form-data" class="actions">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="component" value={c.code} />
              <label for={`file-${c.code}`} class="visually-hidden" safe>{t('eservices.choose_file', { component: name })}</label>
              <input id={`file-${c.code}`} type="file" name="file" accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx" />
              <button type="submit" class="button-secondary" safe>{t('eservices.upload')}</button>
            </form>
          </section>
        );
      })}
    </>
  );
}

export interface ReceiptPageProps {
  readonly ctx: ViewContext;
  readonly dossier: DossierRow;
  readonly procedure: ProcedureRow;
  readonly agencyName: string;
  readonly components: readonly ComponentRow[];
  readonly files: readonly DossierFileRow[];
  readonly cutoffHour: number;
  readonly events: readonly DossierEventRow[];
  readonly agencies?: AgencyNames;
  /** A data: URL of the QR code that opens the tracking page for this dossier. */
  readonly qrDataUrl: string;
  readonly errors?: FieldErrors;
  readonly notice?: string;
}

export function ReceiptPage(props: ReceiptPageProps): JSX.Element {
  const { ctx, dossier, procedure, files, components } = props;
  const t = ctx.t;
  const en = ctx.locale === 'en';
  const componentName = (code: string): string => {
    const c = components.find((x) => x.code === code);
    return c === undefined ? code : en ? c.name_en : c.name_vi;
  };
  return (
    <Layout ctx={ctx} title={t('eservices.receipt_title')}>
      <h1 safe>{t('eservices.receipt_title')}</h1>
      <p class="alert alert-success" role="status" safe>{t('eservices.receipt_intro')}</p>
      <Notice message={props.notice} />
      <ErrorSummary t={t} errors={props.errors} labels={{ file: t('eservices.documents') }} />
      {dossier.status === 'supplement_requested' ? (
        <section class="card" aria-labelledby="supplement-title">
          <h2 id="supplement-title" safe>{t('eservices.supplement_title')}</h2>
          <p safe>{[...props.events].reverse().find((e) => e.action === 'request_supplement')?.note ?? ''}</p>
          <DocumentSection ctx={ctx} base={`/ho-so/${dossier.id}`} components={components} files={files} errors={props.errors} />
          <form method="post" action={`/ho-so/${dossier.id}/bo-sung`} class="stack">
            <CsrfField ctx={ctx} />
            <TextArea t={t} name="note" label={t('eservices.supplement_note')} rows={3} maxlength={2000} />
            <div class="actions">
              <button type="submit" safe>{t('eservices.supplement_submit')}</button>
            </div>
          </form>
        </section>
      ) : ''}
      {dossier.status === 'fee_requested' ? (
        <p class="alert" role="status">
          <a href={`/ho-so/${dossier.id}/phi`} safe>{t('payments.link_due')}</a>
        </p>
      ) : ''}
      <dl class="facts">
        <dt safe>{t('eservices.dossier_code')}</dt>
        <dd><strong safe>{dossier.code ?? ''}</strong></dd>
        <dt safe>{t('eservices.procedure')}</dt>
        <dd safe>{`${procedure.code} – ${en ? procedure.name_en : procedure.name_vi}`}</dd>
        <dt safe>{t('eservices.agency')}</dt>
        <dd safe>{props.agencyName}</dd>
        <dt safe>{t('eservices.applicant_section')}</dt>
        <dd safe>{dossier.applicant_name}</dd>
        <dt safe>{t('eservices.summary')}</dt>
        <dd safe>{dossier.summary}</dd>
        <dt safe>{t('eservices.submitted_at')}</dt>
        <dd safe>{dossier.submitted_at === null ? '' : formatDateTime(dossier.submitted_at)}</dd>
        <dt safe>{t('eservices.received_on')}</dt>
        <dd safe>{dossier.received_on === null ? '' : formatDate(dossier.received_on)}</dd>
        <dt safe>{t('eservices.due_on')}</dt>
        <dd safe>{dossier.due_on === null ? '' : formatDate(dossier.due_on)}</dd>
        <dt safe>{t('eservices.status')}</dt>
        <dd safe>{statusLabel(ctx, dossier.status, dossier.national_status)}</dd>
      </dl>
      <p class="hint" safe>{t('eservices.received_note', { hour: props.cutoffHour })}</p>
      <figure class="qr">
        <img src={props.qrDataUrl} width="160" height="160" alt={t('eservices.qr_alt', { code: dossier.code ?? '' })} />
        <figcaption safe>{t('eservices.qr_caption')}</figcaption>
      </figure>
      <p class="no-print">
        <a href={`/ho-so/${dossier.id}/bien-nhan.pdf`} download="" safe>{t('licences.receipt_pdf')}</a>
        {' · '}
        <a href={`/ho-so/${dossier.id}/phi`} safe>{t('payments.link')}</a>
      </p>
      {dossier.status === 'returned' ? (
        <p>
          <a href={`/ho-so/${dossier.id}/danh-gia`} safe>{t('rating.link')}</a>
        </p>
      ) : ''}
      {props.events.some((e) => e.action === 'issue_licence') ? (
        <p>
          <a href={`/ho-so/${dossier.id}/giay-phep`} safe>{t('licences.staff_link')}</a>
        </p>
      ) : ''}
      <h2 safe>{t('eservices.documents')}</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden" safe>{t('eservices.documents')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('eservices.component')}</th>
              <th scope="col" safe>{t('eservices.documents')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr>
                <td safe>{componentName(f.component_code)}</td>
                <td safe>{f.file_name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 safe>{t('eservices.timeline')}</h2>
      <Timeline ctx={ctx} events={props.events} agencies={props.agencies} />
      <p class="no-print">
        <a href="/tra-cuu" safe>{t('eservices.track_link')}</a>
      </p>
    </Layout>
  );
}

export function MyDossiersPage({ ctx, dossiers }: { ctx: ViewContext; dossiers: readonly DossierListEntry[] }): JSX.Element {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('eservices.my_dossiers')}>
      <h1 safe>{t('eservices.my_dossiers')}</h1>
      {dossiers.length === 0 ? (
        <p safe>{t('eservices.no_dossiers')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('eservices.my_dossiers')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('eservices.dossier_code')}</th>
                <th scope="col" safe>{t('eservices.procedure')}</th>
                <th scope="col" safe>{t('eservices.summary')}</th>
                <th scope="col" safe>{t('eservices.status')}</th>
                <th scope="col" safe>{t('eservices.due_on')}</th>
              </tr>
            </thead>
            <tbody>
              {dossiers.map((d) => (
                <tr>
                  <td>
                    {d.code === null ? (
                      <a href={`/ho-so/${d.id}`} safe>{t('eservices.continue')}</a>
                    ) : (
                      <a href={`/ho-so/${d.id}/bien-nhan`} safe>{d.code}</a>
                    )}
                  </td>
                  <td safe>{ctx.locale === 'en' ? d.procedureEn : d.procedureVi}</td>
                  <td safe>{d.summary}</td>
                  <td safe>{statusLabel(ctx, d.status, d.nationalStatus)}</td>
                  <td safe>{d.dueOn === null ? '' : formatDate(d.dueOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface TrackPageProps {
  readonly ctx: ViewContext;
  readonly values: { code: string; contact: string };
  readonly errors?: FieldErrors;
  readonly alert?: string;
  readonly found?: { dossier: DossierRow; procedureName: string; events: readonly DossierEventRow[]; agencies?: AgencyNames };
}

export function TrackPage(props: TrackPageProps): JSX.Element {
  const { ctx, values, errors, found } = props;
  const t = ctx.t;
  const labels = { code: t('eservices.dossier_code'), contact: t('eservices.track_contact') };
  return (
    <Layout ctx={ctx} title={t('eservices.track_title')}>
      <h1 safe>{t('eservices.track_title')}</h1>
      <p safe>{t('eservices.track_intro')}</p>
      <form method="post" action="/tra-cuu" class="stack" novalidate>
        <FormAlert message={props.alert} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <TextField t={t} name="code" label={labels.code} value={values.code} errors={errors} required maxlength={60} />
        <TextField t={t} name="contact" label={labels.contact} value={values.contact} errors={errors} required maxlength={254} />
        <div class="actions">
          <button type="submit" safe>{t('eservices.track_submit')}</button>
        </div>
      </form>
      {found === undefined ? '' : (
        <section aria-labelledby="track-result">
          <h2 id="track-result" safe>{found.dossier.code ?? ''}</h2>
          <dl class="facts">
            <dt safe>{t('eservices.procedure')}</dt>
            <dd safe>{found.procedureName}</dd>
            <dt safe>{t('eservices.status')}</dt>
            <dd safe>{statusLabel(ctx, found.dossier.status, found.dossier.national_status)}</dd>
            <dt safe>{t('eservices.received_on')}</dt>
            <dd safe>{found.dossier.received_on === null ? '' : formatDate(found.dossier.received_on)}</dd>
            <dt safe>{t('eservices.due_on')}</dt>
            <dd safe>{found.dossier.due_on === null ? '' : formatDate(found.dossier.due_on)}</dd>
          </dl>
          <h3 safe>{t('eservices.timeline')}</h3>
          <Timeline ctx={ctx} events={found.events} agencies={found.agencies} />
        </section>
      )}
    </Layout>
  );
}
