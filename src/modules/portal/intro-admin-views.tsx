/** Staff pages for editing the introduction pages and their lists (leaders, directory, units). */
import type { FieldErrors } from '../../platform/errors.ts';
import type { AdminNavItem } from '../../platform/http/context.ts';
import { AdminLayout } from '../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextArea, TextField, fieldMessage } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { introHref, pageTitle } from './intro-pages.tsx';
import type { IntroPage } from './intro-queries.ts';
import { RECORD_SPECS, type FieldSpec, type RecordSpec } from './intro-records.ts';

export const INTRO_ADMIN_PATH = '/quan-tri/gioi-thieu';
export const recordsPath = (spec: RecordSpec): string => `${INTRO_ADMIN_PATH}/${spec.kind}`;

export interface FormState {
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  readonly alert?: string;
}

interface Choice {
  readonly value: string;
  readonly label: string;
}

function Select({ ctx, name, label, choices, state }: { ctx: ViewContext; name: string; label: string; choices: readonly Choice[]; state: FormState }): JSX.Element {
  const id = `f-${name}`;
  const message = fieldMessage(ctx.t, state.errors, name);
  const value = state.values?.[name] ?? '';
  return (
    <div class={message === undefined ? 'field' : 'field field-error'}>
      <label for={id} safe>{label}</label>
      {message === undefined ? '' : <p class="error-message" id={`${id}-error`} safe>{message}</p>}
      <select id={id} name={name} aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={message === undefined ? undefined : `${id}-error`}>
        {choices.map((c) => (
          <option value={c.value} selected={c.value === value} safe>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function IntroAdminHome({ ctx, adminNav, pages, notice }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; pages: readonly IntroPage[]; notice?: string }): JSX.Element {
  const t = ctx.t;
  return (
    <AdminLayout ctx={ctx} title={t('portal.admin_title')} adminNav={adminNav}>
      <h1 safe>{t('portal.admin_title')}</h1>
      <Notice message={notice} />
      <p safe>{t('portal.admin_intro')}</p>
      <h2 safe>{t('portal.admin_pages')}</h2>
      <ul>
        {pages.map((p) => (
          <li>
            <a href={`${INTRO_ADMIN_PATH}/trang/${p.slug}`} safe>{pageTitle(ctx, p)}</a>
          </li>
        ))}
      </ul>
      <h2 safe>{t('portal.admin_add')}</h2>
      <ul>
        {RECORD_SPECS.map((s) => (
          <li>
            <a href={recordsPath(s)} safe>{t(s.title)}</a>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

export function PageEditForm({ ctx, adminNav, page, state }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; page: IntroPage; state: FormState }): JSX.Element {
  const t = ctx.t;
  const labels = { title_vi: t('portal.field_title_vi'), title_en: t('portal.field_title_en'), body_vi: t('portal.field_body_vi'), body_en: t('portal.field_body_en') };
  const v = state.values ?? { title_vi: page.title_vi, title_en: page.title_en, body_vi: page.body_vi, body_en: page.body_en };
  const title = t('portal.admin_edit_page', { title: pageTitle(ctx, page) });
  return (
    <AdminLayout ctx={ctx} title={title} adminNav={adminNav}>
      <h1 safe>{title}</h1>
      <p>
        <a href={introHref(page.slug)} safe>{t('portal.admin_view_public')}</a>
      </p>
      <form method="post" action={`${INTRO_ADMIN_PATH}/trang/${page.slug}`} class="stack" novalidate>
        <FormAlert message={state.alert} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={state.values?.version ?? String(page.version)} />
        <TextField t={t} name="title_vi" label={labels.title_vi} value={v.title_vi} errors={state.errors} required maxlength={200} />
        <TextField t={t} name="title_en" label={labels.title_en} value={v.title_en} errors={state.errors} required maxlength={200} />
        <TextArea t={t} name="body_vi" label={labels.body_vi} value={v.body_vi} errors={state.errors} hint={t('portal.field_body_hint')} rows={10} />
        <TextArea t={t} name="body_en" label={labels.body_en} value={v.body_en} errors={state.errors} hint={t('portal.field_body_hint')} rows={10} />
        <div class="actions">
          <button type="submit" safe>{t('shell.save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}

export interface RecordFormProps {
  readonly ctx: ViewContext;
  readonly spec: RecordSpec;
  readonly action: string;
  readonly state: FormState;
  /** Agencies the user administers; a choice is shown only when there are several. */
  readonly agencies: readonly Choice[];
  /** Possible parents (organisation units). */
  readonly parents: readonly Choice[];
}

function RecordField({ ctx, f, state, parents }: { ctx: ViewContext; f: FieldSpec; state: FormState; parents: readonly Choice[] }): JSX.Element {
  const t = ctx.t;
  const value = state.values?.[f.name] ?? '';
  const common = { t, name: f.name, label: t(f.label), value, errors: state.errors, required: f.required === true, hint: f.hint === undefined ? undefined : t(f.hint) };
  switch (f.kind) {
    case 'textarea':
      return <TextArea {...common} rows={3} />;
    case 'flag':
      return (
        <div class="field checkbox">
          <input type="checkbox" id={`f-${f.name}`} name={f.name} value="1" checked={value !== '' && value !== '0'} />
          <label for={`f-${f.name}`} safe>{t(f.label)}</label>
        </div>
      );
    case 'parent':
      return <Select ctx={ctx} name={f.name} label={t(f.label)} state={state} choices={[{ value: '', label: t('portal.parent_none') }, ...parents]} />;
    case 'order':
      return <TextField {...common} inputmode="numeric" maxlength={4} />;
    case 'email':
      return <TextField {...common} type="email" maxlength={f.max} />;
    case 'tel':
      return <TextField {...common} type="tel" maxlength={f.max} />;
    default:
      return <TextField {...common} maxlength={f.max} />;
  }
}

export function RecordForm({ ctx, spec, action, state, agencies, parents }: RecordFormProps): JSX.Element {
  const t = ctx.t;
  const labels = Object.fromEntries([...spec.fields.map((f) => [f.name, t(f.label)]), ['agency', t('portal.field_agency')]]);
  return (
    <form method="post" action={action} class="stack" novalidate>
      <FormAlert message={state.alert} />
      <ErrorSummary t={t} errors={state.errors} labels={labels} />
      <CsrfField ctx={ctx} />
      {agencies.length > 1 ? <Select ctx={ctx} name="agency" label={t('portal.field_agency')} state={state} choices={agencies} /> : ''}
      {spec.fields.map((f) => (
        <RecordField ctx={ctx} f={f} state={state} parents={parents} />
      ))}
      <div class="actions">
        <button type="submit" safe>{t('shell.save')}</button>
      </div>
    </form>
  );
}

export function RecordListPage(props: Omit<RecordFormProps, 'action'> & { adminNav: readonly AdminNavItem[]; rows: readonly Record<string, unknown>[]; notice?: string }): JSX.Element {
  const { ctx, spec, rows } = props;
  const t = ctx.t;
  const shown = spec.fields.filter((f) => f.kind === 'text' || f.kind === 'tel' || f.kind === 'email').slice(0, 3);
  return (
    <AdminLayout ctx={ctx} title={t(spec.title)} adminNav={props.adminNav}>
      <p>
        <a href={INTRO_ADMIN_PATH} safe>{t('portal.admin_title')}</a>
      </p>
      <h1 safe>{t(spec.title)}</h1>
      <Notice message={props.notice} />
      <p>
        <a href={introHref(spec.publicSlug)} safe>{t('portal.admin_view_public')}</a>
      </p>
      {rows.length === 0 ? <p safe>{t('portal.admin_empty')}</p> : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                {shown.map((f) => (
                  <th scope="col" safe>{t(f.label)}</th>
                ))}
                <th scope="col" safe>{t('portal.admin_edit')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  {shown.map((f) => (
                    <td safe>{r[f.name] === null || r[f.name] === undefined ? '' : String(r[f.name])}</td>
                  ))}
                  <td>
                    <a href={`${recordsPath(spec)}/${String(r.id)}`} safe>{t('portal.admin_edit')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 safe>{t('portal.admin_add')}</h2>
      <RecordForm {...props} action={recordsPath(spec)} />
    </AdminLayout>
  );
}

export function RecordEditPage(props: Omit<RecordFormProps, 'action'> & { adminNav: readonly AdminNavItem[]; id: number; name: string; deleteAlert?: string }): JSX.Element {
  const { ctx, spec, id } = props;
  const t = ctx.t;
  const base = `${recordsPath(spec)}/${id}`;
  return (
    <AdminLayout ctx={ctx} title={props.name} adminNav={props.adminNav}>
      <p>
        <a href={recordsPath(spec)} safe>{t('portal.admin_back')}</a>
      </p>
      <h1 safe>{props.name}</h1>
      <RecordForm {...props} action={base} />
      <h2 safe>{t('portal.admin_delete')}</h2>
      <FormAlert message={props.deleteAlert} />
      <form method="post" action={`${base}/xoa`} class="inline-form">
        <CsrfField ctx={ctx} />
        <button type="submit" class="secondary" safe>{t('portal.admin_delete_confirm', { name: props.name })}</button>
      </form>
    </AdminLayout>
  );
}
