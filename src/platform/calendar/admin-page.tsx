/** The administrator's page for a year's calendar: the statutory holidays and the recorded overrides. */
import type { FieldErrors } from '../errors.ts';
import type { AdminNavItem } from '../http/context.ts';
import type { MessageKey } from '../i18n/index.ts';
import { AdminLayout } from '../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextField, fieldMessage } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { formatDate } from '../text/format.ts';
import type { Holiday } from './holidays.ts';
import type { CalendarOverrideRow } from './queries.ts';
import { OVERRIDE_KINDS } from './working-calendar.ts';

export interface CalendarAdminProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly year: number;
  readonly holidays: readonly Holiday[];
  readonly overrides: readonly CalendarOverrideRow[];
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  readonly alert?: string;
  readonly notice?: string;
}

const holidayLabel = (ctx: ViewContext, h: Holiday): string =>
  h.kind === 'compensatory' ? ctx.t('calendar.holiday_compensatory', { date: formatDate(h.replaces ?? '') }) : ctx.t(`calendar.holiday_${h.kind}` as MessageKey);

function weekdayName(ctx: ViewContext, day: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function CalendarAdminPage(props: CalendarAdminProps): JSX.Element {
  const { ctx, year, holidays, overrides, values = {}, errors } = props;
  const t = ctx.t;
  const labels = { day: t('calendar.date'), kind: t('calendar.kind'), note: t('calendar.note'), legal_basis: t('calendar.legal_basis') };
  const kindError = fieldMessage(t, errors, 'kind');
  return (
    <AdminLayout ctx={ctx} title={t('calendar.admin_title')} adminNav={props.adminNav}>
      <h1 safe>{t('calendar.admin_title')}</h1>
      <p class="prose" safe>{t('calendar.admin_intro')}</p>
      <Notice message={props.notice} />
      <form method="get" action="/quan-tri/lich-lam-viec" class="actions">
        <label for="year-select" safe>{t('calendar.year')}</label>
        <input id="year-select" name="nam" type="number" min="2008" max="2035" value={String(year)} />
        <button type="submit" class="button-secondary" safe>{t('calendar.show_year')}</button>
      </form>

      <h2 safe>{t('calendar.statutory_title', { year })}</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden" safe>{t('calendar.statutory_title', { year })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('calendar.date')}</th>
              <th scope="col" safe>{t('calendar.weekday')}</th>
              <th scope="col" safe>{t('calendar.holiday')}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => (
              <tr>
                <td safe>{formatDate(h.date)}</td>
                <td safe>{weekdayName(ctx, h.date)}</td>
                <td safe>{holidayLabel(ctx, h)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 safe>{t('calendar.overrides_title', { year })}</h2>
      {overrides.length === 0 ? (
        <p class="muted" safe>{t('calendar.no_overrides')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('calendar.overrides_title', { year })}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('calendar.date')}</th>
                <th scope="col" safe>{t('calendar.kind')}</th>
                <th scope="col" safe>{t('calendar.note')}</th>
                <th scope="col" safe>{t('calendar.legal_basis')}</th>
                <th scope="col" safe>{t('calendar.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr>
                  <td safe>{`${formatDate(o.day)} (${weekdayName(ctx, o.day)})`}</td>
                  <td safe>{t(`calendar.kind_${o.kind}`)}</td>
                  <td safe>{o.note}</td>
                  <td safe>{o.legal_basis ?? ''}</td>
                  <td>
                    <form method="post" action={`/quan-tri/lich-lam-viec/${o.id}/xoa`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="button-secondary" aria-label={t('calendar.remove_label', { date: formatDate(o.day) })} safe>
                        {t('calendar.remove')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="add-override" safe>{t('calendar.add_title')}</h2>
      <form method="post" action="/quan-tri/lich-lam-viec" class="stack" novalidate>
        <FormAlert message={props.alert} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <TextField t={t} name="day" label={labels.day} type="date" value={values.day} errors={errors} required />
        <fieldset class={kindError === undefined ? 'field' : 'field field-error'} id="f-kind">
          <legend safe>{labels.kind}</legend>
          {kindError === undefined ? '' : <p class="error-message" safe>{kindError}</p>}
          {OVERRIDE_KINDS.map((kind) => (
            <div class="checkbox">
              <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={values.kind === kind} />
              <label for={`kind-${kind}`} safe>{t(`calendar.kind_${kind}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextField t={t} name="note" label={labels.note} value={values.note} errors={errors} required maxlength={300} />
        <TextField t={t} name="legal_basis" label={labels.legal_basis} value={values.legal_basis} errors={errors} hint={t('calendar.legal_basis_hint')} maxlength={300} />
        <div class="actions">
          <button type="submit" safe>{t('shell.save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
