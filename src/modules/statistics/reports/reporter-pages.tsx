/** Pages of a reporting organisation: its assignments, and one assignment with the entry form, upload and history. */
import { CsrfField, Notice } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import { formatDate, formatDateTime } from '../../../platform/text/format.ts';
import { parsePeriod, periodLabel } from '../period.ts';
import { FIRST_DATA_ROW, cellRef, reasonColumn, valueColumn, type Problem } from './grid.ts';
import { ProblemList } from './problem-list.tsx';
import { MAX_UPLOAD_BYTES } from './read-upload.ts';
import type { AssignmentView, FormItem, SubmissionRow } from './report-queries.ts';
import type { ReporterUnit } from './validate-report.ts';

export const REPORTS_PATH = '/bao-cao-thong-ke';
export const assignmentPath = (id: number): string => `${REPORTS_PATH}/${id}`;

export const periodText = (ctx: ViewContext, code: string): string => {
  const p = parsePeriod(code);
  return p === null ? code : periodLabel(p, ctx.locale);
};
export const formName = (ctx: ViewContext, a: { formNameVi: string; formNameEn: string }): string => (ctx.locale === 'en' ? a.formNameEn : a.formNameVi);
export const stateText = (ctx: ViewContext, status: AssignmentView['latestStatus']): string => ctx.t(status === null ? 'reports.state.none' : `reports.state.${status}`);

export function MyReportsPage({ ctx, assignments }: { ctx: ViewContext; assignments: readonly AssignmentView[] }): JSX.Element {
  const title = ctx.t('reports.mine_title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {assignments.length === 0 ? (
        <p safe>{ctx.t('reports.mine_empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="mine-caption" tabindex="0">
          <table>
            <caption id="mine-caption" class="visually-hidden" safe>{title}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{ctx.t('reports.col.form')}</th>
                <th scope="col" safe>{ctx.t('reports.col.reporter')}</th>
                <th scope="col" safe>{ctx.t('reports.col.period')}</th>
                <th scope="col" safe>{ctx.t('reports.col.deadline')}</th>
                <th scope="col" safe>{ctx.t('reports.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr>
                  <td>
                    <a href={assignmentPath(a.id)} safe>{`${a.formCode} · ${formName(ctx, a)}`}</a>
                  </td>
                  <td safe>{a.reporterName}</td>
                  <td safe>{`${periodText(ctx, a.period)}${a.periodStatus === 'closed' ? ` (${ctx.t('reports.period.closed')})` : ''}`}</td>
                  <td safe>{formatDate(a.deadline)}</td>
                  <td safe>{stateText(ctx, a.latestStatus)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface AssignmentPageProps {
  readonly ctx: ViewContext;
  readonly assignment: AssignmentView;
  readonly items: readonly FormItem[];
  readonly units: readonly ReporterUnit[];
  /** Field values to show: `${ref}` → text (the user's input after a refusal, or the latest submission). */
  readonly values: ReadonlyMap<string, string>;
  readonly problems: readonly Problem[];
  readonly history: readonly SubmissionRow[];
  readonly notice?: string | undefined;
}

export function AssignmentPage(props: AssignmentPageProps): JSX.Element {
  const { ctx, assignment: a, items, units, values, problems, history } = props;
  const t = ctx.t;
  const title = t('reports.assignment_title', { form: `${a.formCode} · ${formName(ctx, a)}`, period: periodText(ctx, a.period) });
  const open = a.periodStatus === 'open';
  const refs = new Set<string>();
  units.forEach((_, k) => {
    items.forEach((__, i) => refs.add(cellRef(valueColumn(i), FIRST_DATA_ROW + k)));
    refs.add(cellRef(reasonColumn(items.length), FIRST_DATA_ROW + k));
  });
  const byRef = new Map<string, string>();
  for (const p of problems) if (p.ref !== undefined && !byRef.has(p.ref)) byRef.set(p.ref, t(p.key, p.params));
  const field = (ref: string, label: string, kind: 'number' | 'text') => {
    const message = byRef.get(ref);
    const id = `c-${ref}`;
    return (
      <td class={message === undefined ? undefined : 'cell-error'}>
        <label for={id} class="visually-hidden" safe>{`${ref}: ${label}`}</label>
        <input id={id} name={`c_${ref}`} type="text" inputmode={kind === 'number' ? 'decimal' : undefined} value={values.get(ref) ?? ''} disabled={!open} aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={message === undefined ? undefined : `${id}-error`} class={kind === 'number' ? 'report-number' : 'report-reason'} />
        {message === undefined ? '' : <p class="error-message" id={`${id}-error`} safe>{message}</p>}
      </td>
    );
  };
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={REPORTS_PATH} safe>{t('reports.mine_title')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{`${a.reporterName}. ${t('reports.form_meta', { code: a.formCode, version: a.formVersion, deadline: formatDate(a.deadline) })}`}</p>
      <p>
        <strong safe>{`${t('reports.col.state')}: ${stateText(ctx, a.latestStatus)}`}</strong>
      </p>
      <Notice message={props.notice} />
      {open ? '' : <p class="alert alert-error" safe>{t('reports.period_closed_note')}</p>}
      <ProblemList t={t} problems={problems} linkable={refs} />

      <h2 id="entry-title" safe>{t('reports.entry_title')}</h2>
      <p class="hint" safe>{t('reports.entry_hint', { share: Math.round(a.jumpShare * 100) })}</p>
      <form method="post" action={`${assignmentPath(a.id)}/nhap`} class="report-entry" novalidate>
        <CsrfField ctx={ctx} />
        <div class="table-wrap" role="region" aria-labelledby="entry-title" tabindex="0">
          <table class="report-grid">
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
                const row = FIRST_DATA_ROW + k;
                return (
                  <tr>
                    <td safe>{unit.code}</td>
                    <th scope="row" safe>{unit.name}</th>
                    {items.map((item, i) => field(cellRef(valueColumn(i), row), `${unit.name}, ${ctx.locale === 'en' ? item.nameEn : item.nameVi}`, 'number'))}
                    {field(cellRef(reasonColumn(items.length), row), `${unit.name}, ${t('reports.col.reason')}`, 'text')}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {open ? (
          <div class="actions">
            <button type="submit" safe>{t('reports.submit')}</button>
          </div>
        ) : ''}
      </form>

      <h2 safe>{t('reports.upload_title')}</h2>
      <p class="hint" id="upload-hint" safe>{t('reports.upload_hint', { kb: MAX_UPLOAD_BYTES / 1024 })}</p>
      <ul class="report-downloads">
        <li>
          <a href={`${assignmentPath(a.id)}/mau.xlsx`} download="" safe>{t('reports.download_xlsx')}</a>
        </li>
        <li>
          <a href={`${assignmentPath(a.id)}/mau.csv`} download="" safe>{t('reports.download_csv')}</a>
        </li>
      </ul>
      {open ? (
        <form method="post" action={`${assignmentPath(a.id)}/tai-len`} enctype="multipart/form-data" class="stack">
          <CsrfField ctx={ctx} />
          <div class="field">
            <label for="f-file" safe>{t('reports.file')}</label>
            <input id="f-file" name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="upload-hint" />
          </div>
          <div class="actions">
            <button type="submit" safe>{t('reports.upload')}</button>
          </div>
        </form>
      ) : ''}

      <h2 safe>{t('reports.history_title')}</h2>
      <HistoryTable ctx={ctx} history={history} link={null} />
    </Layout>
  );
}

export function HistoryTable({ ctx, history, link }: { ctx: ViewContext; history: readonly SubmissionRow[]; link: ((id: number) => string) | null }): JSX.Element {
  const t = ctx.t;
  if (history.length === 0) return <p safe>{t('reports.history_empty')}</p>;
  return (
    <div class="table-wrap" role="region" aria-label={t('reports.history_title')} tabindex="0">
      <table>
        <thead>
          <tr>
            <th scope="col" safe>{t('reports.col.version')}</th>
            <th scope="col" safe>{t('reports.col.submitted_at')}</th>
            <th scope="col" safe>{t('reports.col.channel')}</th>
            <th scope="col" safe>{t('reports.col.state')}</th>
            <th scope="col" safe>{t('reports.col.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((s) => (
            <tr>
              <td>{link === null ? <span safe>{String(s.version)}</span> : <a href={link(s.id)} safe>{`${t('reports.view')} ${s.version}`}</a>}</td>
              <td safe>{`${formatDateTime(s.submittedAt)}, ${s.submittedBy}`}</td>
              <td safe>{`${t(`reports.channel.${s.channel}`)}${s.fileName === null ? '' : ` (${s.fileName})`}`}</td>
              <td safe>{`${t(`reports.state.${s.status}`)}${s.reviewedBy === null ? '' : `, ${s.reviewedBy}`}`}</td>
              <td safe>{s.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
