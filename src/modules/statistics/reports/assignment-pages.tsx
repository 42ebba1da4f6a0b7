/**
 * Staff pages managing a form's assignments (/quan-tri/bao-cao-thong-ke/bieu/{code}) and one period:
 * its deadline and the assigned reporters that have not submitted, with a reminder sent by hand.
 * Plain forms: everything works without JavaScript.
 */
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FieldFrame, FormAlert, Notice, TextField, fieldParts } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/errors.ts';
import { formatDate, formatDateTime } from '../../../platform/text/format.ts';
import type { FormReporter, ManagedForm, ManagedPeriod, Outstanding, UnitGroup } from './assignments.ts';
import { newReporterPath } from './reporter-paths.ts';
import { periodText, stateText } from './reporter-pages.tsx';
import { STAFF_PATH, formAdminPath, periodAdminPath } from './staff-pages.tsx';

/** A one-button POST form (CSRF included) acting on one row; the accessible name says which row. */
function PostButton(props: { ctx: ViewContext; action: string; label: string; ariaLabel: string }): JSX.Element {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField ctx={props.ctx} />
      <button type="submit" class="button-secondary" aria-label={props.ariaLabel} safe>{props.label}</button>
    </form>
  );
}

const formTitle = (ctx: ViewContext, f: ManagedForm): string => `${f.code} v${f.version} · ${ctx.locale === 'en' ? f.nameEn : f.nameVi}`;

export interface FormAdminProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly form: ManagedForm;
  readonly assigned: readonly FormReporter[];
  readonly reporters: readonly { id: number; name: string }[];
  readonly groups: readonly UnitGroup[];
  readonly periods: readonly ManagedPeriod[];
  readonly values?: { reporter?: string; units?: readonly string[] };
  readonly errors?: FieldErrors | undefined;
  readonly notice?: string | undefined;
  readonly alert?: string | undefined;
}

export function FormAdminPage(props: FormAdminProps): JSX.Element {
  const { ctx, form, assigned, reporters, groups, periods, values = {}, errors } = props;
  const t = ctx.t;
  const title = t('reports.form_admin_title', { form: formTitle(ctx, form) });
  const chosen = new Set(values.units ?? []);
  const reporterParts = fieldParts(t, errors, 'reporter', undefined);
  const unitsMessage = errors?.units === undefined ? undefined : t(errors.units.key, errors.units.params);
  return (
    <AdminLayout ctx={ctx} title={title} adminNav={props.adminNav}>
      <p>
        <a href={STAFF_PATH} safe>{t('reports.staff_title')}</a>
      </p>
      <h1 safe>{title}</h1>
      <Notice message={props.notice} />

      <h2 id="assigned-title" safe>{t('reports.assigned_title')}</h2>
      {assigned.length === 0 ? (
        <p safe>{t('reports.assigned_empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="assigned-title" tabindex="0">
          <table>
            <thead>
              <tr>
                <th scope="col" safe>{t('reports.col.reporter')}</th>
                <th scope="col" safe>{t('reports.col.units')}</th>
                <th scope="col" safe>{t('reports.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {assigned.map((r) => (
                <tr>
                  <th scope="row" safe>{r.name}</th>
                  <td safe>{r.units.map((u) => u.name).join(', ')}</td>
                  <td>
                    <PostButton ctx={ctx} action={`${formAdminPath(form.code)}/giao/${r.reporterId}/huy`} label={t('reports.unassign')} ariaLabel={t('reports.unassign_label', { reporter: r.name })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="assign-title" safe>{t('reports.assign_title')}</h2>
      <p class="hint" safe>{t('reports.assign_hint')}</p>
      <p>
        <a href={newReporterPath(form.reporterKind)} safe>{t('reports.add_reporter')}</a>
      </p>
      <FormAlert message={props.alert} />
      <ErrorSummary t={t} errors={errors} labels={{ reporter: t('reports.field.reporter'), units: t('reports.field.units') }} />
      {reporters.length === 0 ? (
        <p safe>{t('reports.no_reporters')}</p>
      ) : (
        <form method="post" action={`${formAdminPath(form.code)}/giao`} class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <FieldFrame t={t} parts={reporterParts} label={t('reports.field.reporter')} required hint={undefined}>
            <select id={reporterParts.id} name="reporter" required {...reporterParts.aria}>
              {reporters.map((r) => (
                <option value={String(r.id)} selected={values.reporter === String(r.id)} safe>{r.name}</option>
              ))}
            </select>
          </FieldFrame>
          <div class={unitsMessage === undefined ? 'field' : 'field field-error'} id="f-units">
            {unitsMessage === undefined ? '' : <p class="error-message" id="f-units-error" safe>{unitsMessage}</p>}
            {groups.map((g, k) => (
              <fieldset class="unit-choices" aria-describedby={unitsMessage === undefined ? undefined : 'f-units-error'}>
                <legend safe>{t(g.structure === '2025' ? 'reports.units_2025' : 'reports.units_pre2025', { province: g.province })}</legend>
                {g.units.map((u) => (
                  <div class="checkbox">
                    <input type="checkbox" name="units" value={String(u.id)} id={`u-${k}-${u.id}`} checked={chosen.has(String(u.id))} />
                    <label for={`u-${k}-${u.id}`} safe>{u.name}</label>
                  </div>
                ))}
              </fieldset>
            ))}
          </div>
          <div class="actions">
            <button type="submit" safe>{t('reports.assign')}</button>
          </div>
        </form>
      )}

      <h2 id="form-periods-title" safe>{t('reports.periods_title')}</h2>
      {periods.length === 0 ? (
        <p safe>{t('reports.periods_empty')}</p>
      ) : (
        <ul>
          {periods.map((p) => (
            <li>
              <a href={periodAdminPath(p.id)} safe>{`${periodText(ctx, p.period)}: ${t('reports.col.deadline').toLowerCase()} ${formatDate(p.deadline)}, ${t(`reports.period.${p.status}`).toLowerCase()}`}</a>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

export interface PeriodAdminProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly form: ManagedForm;
  readonly period: ManagedPeriod;
  readonly outstanding: readonly Outstanding[];
  readonly deadline?: string;
  readonly errors?: FieldErrors | undefined;
  readonly notice?: string | undefined;
  readonly alert?: string | undefined;
}

export function PeriodAdminPage(props: PeriodAdminProps): JSX.Element {
  const { ctx, form, period, outstanding, errors } = props;
  const t = ctx.t;
  const title = t('reports.period_admin_title', { form: form.code, period: periodText(ctx, period.period) });
  return (
    <AdminLayout ctx={ctx} title={title} adminNav={props.adminNav}>
      <p>
        <a href={formAdminPath(form.code)} safe>{t('reports.form_admin_title', { form: formTitle(ctx, form) })}</a>
      </p>
      <h1 safe>{title}</h1>
      <Notice message={props.notice} />
      <FormAlert message={props.alert} />
      <p safe>{`${t('reports.col.state')}: ${t(`reports.period.${period.status}`)}. ${t('reports.col.deadline')}: ${formatDate(period.deadline)}.`}</p>

      <h2 id="outstanding-title" safe>{t('reports.outstanding_title')}</h2>
      {outstanding.length === 0 ? (
        <p safe>{t('reports.outstanding_empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="outstanding-title" tabindex="0">
          <table class="report-outstanding">
            <thead>
              <tr>
                <th scope="col" safe>{t('reports.col.reporter')}</th>
                <th scope="col" safe>{t('reports.col.deadline')}</th>
                <th scope="col" safe>{t('reports.col.state')}</th>
                <th scope="col" safe>{t('reports.col.reminded')}</th>
                <th scope="col" safe>{t('reports.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {outstanding.map(({ assignment: a, overdue }) => {
                const reminded = [a.remindedBeforeAt, a.remindedAfterAt].filter((x): x is string => x !== null).sort().pop();
                return (
                  <tr>
                    <th scope="row" safe>{a.reporterName}</th>
                    <td>
                      <span safe>{formatDate(a.deadline)}</span>
                      {overdue ? <strong class="report-flag" safe>{` ${t('reports.overdue')}`}</strong> : ''}
                    </td>
                    <td safe>{stateText(ctx, a.latestStatus)}</td>
                    <td safe>{reminded === undefined ? t('reports.never') : formatDateTime(reminded)}</td>
                    <td>
                      {period.status === 'open' ? (
                        <PostButton ctx={ctx} action={`${periodAdminPath(period.id)}/nhac/${a.id}`} label={t('reports.remind_now')} ariaLabel={t('reports.remind_label', { reporter: a.reporterName })} />
                      ) : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2 safe>{t('reports.deadline_title')}</h2>
      <ErrorSummary t={t} errors={errors} labels={{ deadline: t('reports.field.deadline') }} />
      <form method="post" action={`${periodAdminPath(period.id)}/han`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextField t={t} name="deadline" label={t('reports.field.deadline')} value={props.deadline ?? period.deadline} errors={errors} required type="date" hint={t('reports.deadline_hint')} />
        <div class="actions">
          <button type="submit" safe>{t('reports.save_deadline')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
