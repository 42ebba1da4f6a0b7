/** Staff pages of composite indices: the editions of every index, and the form making a new edition from a copy. */
import type { Children } from '@kitajs/html';
import type { FieldErrors } from '../../../platform/errors.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FieldFrame, fieldMessage, fieldParts, FormAlert, Notice, TextArea, TextField } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import { names, type EditionForm } from './new-edition.ts';
import type { Edition, EditionRow, IndexRow } from './queries.ts';
import { editionYears } from './rankings.ts';
import { SCALES } from './tables.ts';
import { indexHref, indexName, indexQuery } from './views.tsx';

export const ADMIN_PATH = '/quan-tri/chi-so';
export const newEditionPath = (code: string): string => `${ADMIN_PATH}/${encodeURIComponent(code)}/an-ban-moi`;

export function AdminIndicesPage({ ctx, adminNav, indices, notice }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; indices: readonly { index: IndexRow; editions: readonly EditionRow[] }[]; notice?: string | undefined }): JSX.Element {
  const t = ctx.t;
  return (
    <AdminLayout ctx={ctx} title={t('statistics.composite.admin_title')} adminNav={adminNav}>
      <h1 safe>{t('statistics.composite.admin_title')}</h1>
      <Notice message={notice} />
      <p safe>{t('statistics.composite.admin_intro')}</p>
      {indices.map(({ index, editions }) => (
        <section aria-labelledby={`adm-${index.code}`}>
          <h2 id={`adm-${index.code}`} safe>{indexName(ctx, index)}</h2>
          <ul>
            {editions.map((e) => (
              <li>
                <span safe>{t('statistics.composite.edition_link', { edition: e.label, years: editionYears(e) })}</span>
                {' · '}
                <a href={`${indexHref(index.code)}?${indexQuery(e.label, String(e.first_year))}`} safe>{t('statistics.composite.admin_view')}</a>
                {' · '}
                <a href={`${newEditionPath(index.code)}?${new URLSearchParams({ tu: e.label }).toString()}`} safe>{t('statistics.composite.admin_copy', { edition: e.label })}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </AdminLayout>
  );
}

function Select({ ctx, name, label, value, options, errors, hint }: { ctx: ViewContext; name: string; label: string; value: string; options: readonly { value: string; label: string }[]; errors: FieldErrors | undefined; hint?: string }): JSX.Element {
  const parts = fieldParts(ctx.t, errors, name, hint);
  return (
    <FieldFrame t={ctx.t} parts={parts} label={label} required={true} hint={hint}>
      <select id={parts.id} name={name} required {...parts.aria}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of fields whose weights must add up to 1: the sum's message belongs to the group (id f-<name>, linked from the summary). */
function WeightGroup({ ctx, name, legend, errors, children }: { ctx: ViewContext; name: string; legend: string; errors: FieldErrors | undefined; children?: Children }): JSX.Element {
  const message = fieldMessage(ctx.t, errors, name);
  return (
    <fieldset id={`f-${name}`} class={message === undefined ? 'field' : 'field field-error'} tabindex="-1" aria-describedby={message === undefined ? undefined : `f-${name}-error`}>
      <legend safe>{legend}</legend>
      {message === undefined ? '' : <p class="error-message" id={`f-${name}-error`} safe>{message}</p>}
      {children ?? ''}
    </fieldset>
  );
}

export function NewEditionPage({ ctx, adminNav, index, source, form, errors, alert }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; index: IndexRow; source: Edition; form: EditionForm; errors?: FieldErrors | undefined; alert?: string | undefined }): JSX.Element {
  const t = ctx.t;
  const en = ctx.locale === 'en';
  const title = t('statistics.composite.admin_new_title', { index: indexName(ctx, index), edition: source.row.label });
  const v = (n: string): string => form[n] ?? '';
  const labels: Record<string, string> = {
    label: t('statistics.composite.f_label'),
    first_year: t('statistics.composite.f_first_year'),
    last_year: t('statistics.composite.f_last_year'),
    scale: t('statistics.composite.f_scale'),
    method_vi: t('statistics.composite.f_method_vi'),
    method_en: t('statistics.composite.f_method_en'),
    [names.pillarSum]: t('statistics.composite.f_pillar_weights'),
  };
  source.pillars.forEach((p, pi) => {
    const pname = en ? p.nameEn : p.nameVi;
    labels[names.pillarWeight(pi)] = t('statistics.composite.f_weight_of', { name: pname });
    labels[names.indicatorSum(pi)] = t('statistics.composite.f_indicator_weights', { pillar: pname });
    p.indicators.forEach((x, ii) => {
      const name = en ? x.nameEn : x.nameVi;
      labels[names.weight(pi, ii)] = t('statistics.composite.f_weight_of', { name });
      labels[names.direction(pi, ii)] = t('statistics.composite.f_direction_of', { name });
      labels[names.normalisation(pi, ii)] = t('statistics.composite.f_norm_of', { name });
      labels[names.min(pi, ii)] = t('statistics.composite.f_min_of', { name });
      labels[names.max(pi, ii)] = t('statistics.composite.f_max_of', { name });
    });
  });
  return (
    <AdminLayout ctx={ctx} title={title} adminNav={adminNav}>
      <h1 safe>{title}</h1>
      <FormAlert message={alert} />
      <form method="post" action={newEditionPath(index.code)} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="from" value={source.row.label} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <TextField t={t} name="label" label={labels.label ?? ''} hint={t('statistics.composite.f_label_hint')} value={v('label')} errors={errors} required maxlength={20} />
        <TextField t={t} name="first_year" label={labels.first_year ?? ''} value={v('first_year')} errors={errors} required maxlength={4} inputmode="numeric" />
        <TextField t={t} name="last_year" label={labels.last_year ?? ''} hint={t('statistics.composite.f_last_year_hint')} value={v('last_year')} errors={errors} maxlength={4} inputmode="numeric" />
        <Select ctx={ctx} name="scale" label={labels.scale ?? ''} value={v('scale')} errors={errors} options={SCALES.map((s) => ({ value: String(s), label: String(s) }))} />
        <TextArea t={t} name="method_vi" label={labels.method_vi ?? ''} value={v('method_vi')} errors={errors} required rows={5} />
        <TextArea t={t} name="method_en" label={labels.method_en ?? ''} value={v('method_en')} errors={errors} required rows={5} />
        <WeightGroup ctx={ctx} name={names.pillarSum} legend={labels[names.pillarSum] ?? ''} errors={errors}>
          {source.pillars.map((_p, pi) => (
            <TextField t={t} name={names.pillarWeight(pi)} label={labels[names.pillarWeight(pi)] ?? ''} value={v(names.pillarWeight(pi))} errors={errors} required maxlength={20} inputmode="decimal" />
          ))}
        </WeightGroup>
        {source.pillars.map((p, pi) => (
          <WeightGroup ctx={ctx} name={names.indicatorSum(pi)} legend={labels[names.indicatorSum(pi)] ?? ''} errors={errors}>
            {p.indicators.map((_x, ii) => (
              <div class="stat-edition-indicator">
                <TextField t={t} name={names.weight(pi, ii)} label={labels[names.weight(pi, ii)] ?? ''} value={v(names.weight(pi, ii))} errors={errors} required maxlength={20} inputmode="decimal" />
                <Select
                  ctx={ctx}
                  name={names.direction(pi, ii)}
                  label={labels[names.direction(pi, ii)] ?? ''}
                  value={v(names.direction(pi, ii))}
                  errors={errors}
                  options={[
                    { value: 'higher', label: t('statistics.composite.higher') },
                    { value: 'lower', label: t('statistics.composite.lower') },
                  ]}
                />
                <Select
                  ctx={ctx}
                  name={names.normalisation(pi, ii)}
                  label={labels[names.normalisation(pi, ii)] ?? ''}
                  value={v(names.normalisation(pi, ii))}
                  errors={errors}
                  options={[
                    { value: 'goalposts', label: t('statistics.composite.f_norm_goalposts') },
                    { value: 'minmax', label: t('statistics.composite.f_norm_minmax') },
                  ]}
                />
                <TextField t={t} name={names.min(pi, ii)} label={labels[names.min(pi, ii)] ?? ''} hint={t('statistics.composite.f_goal_hint')} value={v(names.min(pi, ii))} errors={errors} maxlength={20} inputmode="decimal" />
                <TextField t={t} name={names.max(pi, ii)} label={labels[names.max(pi, ii)] ?? ''} hint={t('statistics.composite.f_goal_hint')} value={v(names.max(pi, ii))} errors={errors} maxlength={20} inputmode="decimal" />
              </div>
            ))}
          </WeightGroup>
        ))}
        <div class="actions">
          <button type="submit" safe>{t('statistics.composite.f_save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
