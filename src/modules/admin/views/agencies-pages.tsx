/** Agencies: the list with today's names, each agency's history, and the forms that change it. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { AdminUnit, AgencyDuty, AgencyVersion } from '../../../platform/org/queries.ts';
import { DUTIES } from '../../../platform/org/demo-agencies.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextField, fieldMessage } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { AgencySummary } from '../agencies-queries.ts';
import { AGENCY_KINDS } from '../services/create-agency.ts';
import { SelectField, periodText, type Option } from './common.tsx';

export const AGENCIES_PATH = '/quan-tri/co-quan';

const kindLabel = (ctx: ViewContext, kind: string): string => ctx.t(`admin.kind_${(AGENCY_KINDS as readonly string[]).includes(kind) ? kind : 'other'}` as MessageKey);
const dutyLabel = (ctx: ViewContext, duty: string): string => ((DUTIES as readonly string[]).includes(duty) ? ctx.t(`admin.duty_${duty}` as MessageKey) : duty);
const nameOf = (ctx: ViewContext, a: { nameVi: string; nameEn: string }): string => (ctx.locale === 'en' ? a.nameEn : a.nameVi);

type FormState = { values?: Record<string, string>; errors?: FieldErrors; alert?: string };

/** Name, parent, unit and period fields of a version (shared by "add a version" and "add an agency"). */
function VersionFields({ ctx, agencies, state }: { ctx: ViewContext; agencies: readonly AgencySummary[]; state: FormState }): JSX.Element {
  const t = ctx.t;
  const { values = {}, errors } = state;
  const parents: Option[] = [{ value: '', label: t('admin.none') }, ...agencies.map((a) => ({ value: a.code, label: `${nameOf(ctx, a)} (${a.code})` }))];
  return (
    <>
      <TextField t={t} name="name_vi" label={t('admin.name_vi')} value={values.name_vi} errors={errors} required maxlength={300} />
      <TextField t={t} name="name_en" label={t('admin.name_en')} value={values.name_en} errors={errors} required maxlength={300} />
      <TextField t={t} name="short_name" label={t('admin.short_name')} value={values.short_name} errors={errors} maxlength={100} />
      <SelectField t={t} name="parent" label={t('admin.parent_agency')} value={values.parent} errors={errors} options={parents} />
      <TextField t={t} name="unit" label={t('admin.admin_unit')} hint={t('admin.admin_unit_hint')} value={values.unit} errors={errors} maxlength={3} inputmode="numeric" />
      <TextField t={t} name="valid_from" type="date" label={t('admin.valid_from')} value={values.valid_from} errors={errors} required />
      <TextField t={t} name="valid_to" type="date" label={t('admin.valid_to')} value={values.valid_to} errors={errors} />
    </>
  );
}

const versionLabels = (ctx: ViewContext): Record<string, string> => ({
  code: ctx.t('admin.agency_code'),
  kind: ctx.t('admin.agency_kind'),
  name_vi: ctx.t('admin.name_vi'),
  name_en: ctx.t('admin.name_en'),
  short_name: ctx.t('admin.short_name'),
  parent: ctx.t('admin.parent_agency'),
  unit: ctx.t('admin.admin_unit'),
  valid_from: ctx.t('admin.valid_from'),
  valid_to: ctx.t('admin.valid_to'),
  duty: ctx.t('admin.duty'),
  duty_from: ctx.t('admin.valid_from'),
  duty_to: ctx.t('admin.valid_to'),
});

export function AgenciesListPage(props: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; agencies: readonly AgencySummary[]; notice?: string; create?: FormState }): JSX.Element {
  const { ctx, agencies } = props;
  const t = ctx.t;
  const state = props.create ?? {};
  const labels = versionLabels(ctx);
  return (
    <AdminLayout ctx={ctx} title={t('admin.agencies_title')} adminNav={props.adminNav}>
      <h1 safe>{t('admin.agencies_title')}</h1>
      <p class="prose" safe>{t('admin.agencies_intro')}</p>
      <Notice message={props.notice} />
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden" safe>{t('admin.agencies_title')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('admin.agency_name_today')}</th>
              <th scope="col" safe>{t('admin.agency_code')}</th>
              <th scope="col" safe>{t('admin.agency_kind')}</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr>
                <th scope="row">
                  <a href={`${AGENCIES_PATH}/${a.id}`} safe>{a.current ? nameOf(ctx, a) : t('admin.agency_no_current', { name: nameOf(ctx, a) })}</a>
                </th>
                <td safe>{a.code}</td>
                <td safe>{kindLabel(ctx, a.kind)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="create" safe>{t('admin.create_agency_title')}</h2>
      <form method="post" action={AGENCIES_PATH} class="stack" novalidate>
        <FormAlert message={state.alert} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <TextField t={t} name="code" label={labels.code ?? ''} hint={t('admin.error_code')} value={state.values?.code} errors={state.errors} required maxlength={60} />
        <SelectField t={t} name="kind" label={labels.kind ?? ''} value={state.values?.kind} errors={state.errors} required options={[{ value: '', label: '' }, ...AGENCY_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))]} />
        <VersionFields ctx={ctx} agencies={agencies} state={state} />
        <div class="actions">
          <button type="submit" safe>{t('shell.save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}

export interface AgencyPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly agency: { id: number; code: string; kind: string };
  readonly versions: readonly AgencyVersion[];
  readonly duties: readonly AgencyDuty[];
  readonly agencies: readonly AgencySummary[];
  readonly units: ReadonlyMap<number, AdminUnit>;
  readonly notice?: string;
  readonly version?: FormState;
  readonly duty?: FormState;
  readonly endDuty?: FormState & { dutyId?: number };
}

export function AgencyPage(props: AgencyPageProps): JSX.Element {
  const { ctx, agency, versions, duties, agencies, units } = props;
  const t = ctx.t;
  const labels = versionLabels(ctx);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const latest = versions.at(-1);
  const title = latest === undefined ? agency.code : nameOf(ctx, latest);
  const base = `${AGENCIES_PATH}/${agency.id}`;
  const versionState = props.version ?? {};
  const dutyState = props.duty ?? {};
  const endState = props.endDuty ?? {};
  return (
    <AdminLayout ctx={ctx} title={title} adminNav={props.adminNav}>
      <nav class="breadcrumb" aria-label={t('shell.breadcrumb')}>
        <a href={AGENCIES_PATH} safe>{t('admin.agencies_title')}</a>
      </nav>
      <h1 safe>{title}</h1>
      <p class="muted" safe>{`${agency.code} · ${kindLabel(ctx, agency.kind)}`}</p>
      <Notice message={props.notice} />

      <h2 safe>{t('admin.agency_versions')}</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden" safe>{t('admin.agency_versions')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('admin.valid_from')}</th>
              <th scope="col" safe>{t('admin.name_vi')}</th>
              <th scope="col" safe>{t('admin.name_en')}</th>
              <th scope="col" safe>{t('admin.parent_agency')}</th>
              <th scope="col" safe>{t('admin.admin_unit')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => {
              const parent = v.parentAgencyId === null ? undefined : byId.get(v.parentAgencyId);
              const unit = v.adminUnitId === null ? undefined : units.get(v.adminUnitId);
              return (
                <tr>
                  <th scope="row" safe>{periodText(t, v.validFrom, v.validTo)}</th>
                  <td safe>{v.shortName === null ? v.nameVi : `${v.nameVi} (${v.shortName})`}</td>
                  <td safe>{v.nameEn}</td>
                  <td safe>{parent === undefined ? t('admin.none') : nameOf(ctx, parent)}</td>
                  <td safe>{unit === undefined ? t('admin.none') : `${unit.fullName} (${unit.code}, ${unit.structure === '2025' ? '2025' : '2008–2025'})`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2 safe>{t('admin.agency_duties')}</h2>
      <FormAlert message={endState.alert ?? fieldMessage(t, endState.errors, 'valid_to')} />
      {duties.length === 0 ? (
        <p safe>{t('admin.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('admin.agency_duties')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('admin.duty')}</th>
                <th scope="col" safe>{t('admin.valid_from')}</th>
                <th scope="col" safe>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {duties.map((d) => (
                <tr>
                  <th scope="row" safe>{dutyLabel(ctx, d.duty)}</th>
                  <td safe>{periodText(t, d.validFrom, d.validTo)}</td>
                  <td>
                    {d.validTo === null ? (
                      <form method="post" action={`${base}/nhiem-vu/${d.id}/ket-thuc`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <label for={`end-${d.id}`} safe>{t('admin.end_duty_label', { duty: dutyLabel(ctx, d.duty) })}</label>
                        <input id={`end-${d.id}`} name="valid_to" type="date" required value={endState.dutyId === d.id ? (endState.values?.valid_to ?? '') : ''} />
                        <button type="submit" class="button-secondary" safe>{t('admin.end_duty')}</button>
                      </form>
                    ) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="add-duty" safe>{t('admin.add_duty_title')}</h2>
      <form method="post" action={`${base}/nhiem-vu`} class="stack" novalidate>
        <FormAlert message={dutyState.alert} />
        <ErrorSummary t={t} errors={dutyState.errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <SelectField t={t} name="duty" label={labels.duty ?? ''} value={dutyState.values?.duty} errors={dutyState.errors} required options={[{ value: '', label: '' }, ...DUTIES.map((d) => ({ value: d, label: dutyLabel(ctx, d) }))]} />
        <TextField t={t} name="duty_from" type="date" label={labels.valid_from ?? ''} value={dutyState.values?.duty_from} errors={dutyState.errors} required />
        <TextField t={t} name="duty_to" type="date" label={labels.valid_to ?? ''} value={dutyState.values?.duty_to} errors={dutyState.errors} />
        <div class="actions">
          <button type="submit" safe>{t('shell.save')}</button>
        </div>
      </form>

      <h2 id="add-version" safe>{t('admin.add_version_title')}</h2>
      <p class="prose" safe>{t('admin.add_version_intro')}</p>
      <form method="post" action={`${base}/phien-ban`} class="stack" novalidate>
        <FormAlert message={versionState.alert} />
        <ErrorSummary t={t} errors={versionState.errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <VersionFields ctx={ctx} agencies={agencies.filter((a) => a.id !== agency.id)} state={versionState} />
        <div class="actions">
          <button type="submit" safe>{t('shell.save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
