/** Staff pages: reports awaiting review, reporting periods, and one submission with its cells and history. */
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextArea, TextField } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/errors.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/text/format.ts';
import { FIRST_DATA_ROW, cellRef, valueColumn } from './grid.ts';
import { REPORTERS_PATH } from './reporter-paths.ts';
import { HistoryTable, formName, periodText } from './reporter-pages.tsx';
import type { AssignmentView, CellRow, FormItem, ReportPeriodRow, SubmissionRow } from './report-queries.ts';
import type { ReporterUnit } from './validate-report.ts';

export const STAFF_PATH = '/quan-tri/bao-cao-thong-ke';
export const submissionPath = (id: number): string => `${STAFF_PATH}/nop/${id}`;
export const formAdminPath = (code: string): string => `${STAFF_PATH}/bieu/${encodeURIComponent(code)}`;
export const periodAdminPath = (id: number): string => `${STAFF_PATH}/ky/${id}`;

export interface StaffPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly pending: readonly { id: number; version: number; submittedAt: string; assignment: AssignmentView }[];
  readonly periods: readonly ReportPeriodRow[];
  readonly forms: readonly { id: number; code: string; name_vi: string; name_en: string; version: number }[];
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors | undefined;
  readonly notice?: string | undefined;
}

export function StaffReportsPage(props: StaffPageProps): JSX.Element {
  const { ctx, pending, periods, forms, values = {}, errors } = props;
  const t = ctx.t;
  return (
    <AdminLayout ctx={ctx} title={t('reports.staff_title')} adminNav={props.adminNav}>
      <h1 safe>{t('reports.staff_title')}</h1>
      <Notice message={props.notice} />
      <h2 id="pending-title" safe>{t('reports.pending_title')}</h2>
      {pending.length === 0 ? (
        <p safe>{t('reports.pending_empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="pending-title" tabindex="0">
          <table>
            <thead>
              <tr>
                <th scope="col" safe>{t('reports.col.form')}</th>
                <th scope="col" safe>{t('reports.col.period')}</th>
                <th scope="col" safe>{t('reports.col.reporter')}</th>
                <th scope="col" safe>{t('reports.col.version')}</th>
                <th scope="col" safe>{t('reports.col.submitted_at')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((p) => (
                <tr>
                  <td>
                    <a href={submissionPath(p.id)} safe>{`${p.assignment.formCode} · ${formName(ctx, p.assignment)}`}</a>
                  </td>
                  <td safe>{periodText(ctx, p.assignment.period)}</td>
                  <td safe>{p.assignment.reporterName}</td>
                  <td safe>{String(p.version)}</td>
                  <td safe>{formatDateTime(p.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="periods-title" safe>{t('reports.periods_title')}</h2>
      <div class="table-wrap" role="region" aria-labelledby="periods-title" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col" safe>{t('reports.col.form')}</th>
              <th scope="col" safe>{t('reports.col.period')}</th>
              <th scope="col" safe>{t('reports.col.deadline')}</th>
              <th scope="col" safe>{t('reports.col.state')}</th>
              <th scope="col" safe>{t('reports.col.reporter')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr>
                <td safe>{`${p.formCode} · ${ctx.locale === 'en' ? p.formNameEn : p.formNameVi}`}</td>
                <td>
                  <a href={periodAdminPath(p.id)} safe>{periodText(ctx, p.period)}</a>
                </td>
                <td safe>{formatDate(p.deadline)}</td>
                <td>
                  <span safe>{t(`reports.period.${p.status}`)}</span>
                  <form method="post" action={`${STAFF_PATH}/ky/${p.id}/trang-thai`} class="inline-form">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="status" value={p.status === 'open' ? 'closed' : 'open'} />
                    <button type="submit" class="button-secondary" safe>{t(p.status === 'open' ? 'reports.close' : 'reports.reopen')}</button>
                  </form>
                </td>
                <td safe>{t('reports.assigned', { count: p.assignments })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 safe>{t('reports.forms_title')}</h2>
      <ul>
        {forms.map((f) => (
          <li>
            <a href={formAdminPath(f.code)} safe>{t('reports.manage_form', { code: f.code })}</a>
            <span safe>{` · ${ctx.locale === 'en' ? f.name_en : f.name_vi}`}</span>
          </li>
        ))}
      </ul>
      <p>
        <a href={REPORTERS_PATH} safe>{t('reports.reporters_link')}</a>
      </p>

      <h2 safe>{t('reports.open_period')}</h2>
      <ErrorSummary t={t} errors={errors} labels={{ form: t('reports.field.form'), period: t('reports.field.period'), deadline: t('reports.field.deadline') }} />
      <form method="post" action={`${STAFF_PATH}/ky`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="f-form" safe>{t('reports.field.form')}</label>
          <select id="f-form" name="form">
            {forms.map((f) => (
              <option value={String(f.id)} selected={values.form === String(f.id)} safe>{`${f.code} v${f.version} · ${ctx.locale === 'en' ? f.name_en : f.name_vi}`}</option>
            ))}
          </select>
        </div>
        <TextField t={t} name="period" label={t('reports.field.period')} value={values.period} errors={errors} required maxlength={7} />
        <TextField t={t} name="deadline" label={t('reports.field.deadline')} value={values.deadline} errors={errors} required type="date" />
        <div class="actions">
          <button type="submit" safe>{t('reports.open_period')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}

export interface SubmissionPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly assignment: AssignmentView;
  readonly submission: SubmissionRow;
  readonly items: readonly FormItem[];
  readonly units: readonly ReporterUnit[];
  readonly cells: readonly CellRow[];
  readonly history: readonly SubmissionRow[];
  readonly errors?: FieldErrors | undefined;
  readonly alert?: string | undefined;
  readonly notice?: string | undefined;
  readonly comment?: string;
}

export function SubmissionPage(props: SubmissionPageProps): JSX.Element {
  const { ctx, assignment: a, submission: s, items, units, cells } = props;
  const t = ctx.t;
  const title = t('reports.submission_title', { form: a.formCode, period: periodText(ctx, a.period), reporter: a.reporterName, version: s.version });
  const byKey = new Map(cells.map((c) => [`${c.indicatorId}:${c.unitId}`, c]));
  const n = (v: number) => formatNumber(v, ctx.locale);
  return (
    <AdminLayout ctx={ctx} title={title} adminNav={props.adminNav}>
      <p>
        <a href={STAFF_PATH} safe>{t('reports.staff_title')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{`${formName(ctx, a)}. ${t('reports.col.state')}: ${t(`reports.state.${s.status}`)}. ${t(`reports.channel.${s.channel}`)}${s.fileName === null ? '' : ` (${s.fileName})`}, ${formatDateTime(s.submittedAt)}, ${s.submittedBy}.`}</p>
      <Notice message={props.notice} />
      <FormAlert message={props.alert} />
      <div class="table-wrap" role="region" aria-labelledby="cells-caption" tabindex="0">
        <table class="report-grid">
          <caption id="cells-caption" safe>{title}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('reports.col.unit_code')}</th>
              <th scope="col" safe>{t('reports.col.unit')}</th>
              {items.map((item) => <th scope="col" safe>{`${ctx.locale === 'en' ? item.nameEn : item.nameVi} (${ctx.locale === 'en' ? item.unitEn : item.unitVi})`}</th>)}
              <th scope="col" safe>{t('reports.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit, k) => {
              const row = items.map((item) => byKey.get(`${item.indicatorId}:${unit.id}`));
              return (
                <tr>
                  <td safe>{unit.code}</td>
                  <th scope="row" safe>{unit.name}</th>
                  {row.map((c, i) => (
                    <td class="num">
                      <span class="visually-hidden" safe>{`${cellRef(valueColumn(i), FIRST_DATA_ROW + k)} `}</span>
                      <span safe>{c === undefined ? '' : n(c.value)}</span>
                      {c?.previous === null || c === undefined ? '' : <span class="report-previous" safe>{`${t('reports.col.previous')}: ${n(c.previous)}`}</span>}
                      {c?.flagged === true ? <strong class="report-flag" safe>{t('reports.flagged')}</strong> : ''}
                    </td>
                  ))}
                  <td safe>{row.find((c) => c?.reason)?.reason ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {s.status === 'submitted' ? (
        <form method="post" action={`${submissionPath(s.id)}/quyet-dinh`} class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <TextArea t={t} name="comment" label={t('reports.field.comment')} value={props.comment} errors={props.errors} rows={3} />
          <div class="actions">
            <button type="submit" name="decision" value="approve" safe>{t('reports.approve')}</button>
            <button type="submit" name="decision" value="return" class="button-secondary" safe>{t('reports.return')}</button>
          </div>
        </form>
      ) : ''}
      <h2 safe>{t('reports.history_title')}</h2>
      <HistoryTable ctx={ctx} history={props.history} link={submissionPath} />
    </AdminLayout>
  );
}
