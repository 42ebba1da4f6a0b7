/** The staff report: totals, visits per inhabitant, a series by day or month, pages, referrers, devices. */
import type { AdminNavItem } from '../../platform/http/context.ts';
import { formatDate, formatNumber } from '../../platform/text/format.ts';
import { AdminLayout } from '../../ui/admin-layout.tsx';
import { FormAlert, TextField } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Figures, KeyedFigures } from './report-queries.ts';

export const REPORT_PATH = '/quan-tri/thong-ke-truy-cap';

export interface PerCapita {
  readonly unitName: string;
  readonly year: number;
  readonly population: number;
}

export interface ReportPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly form: { tu: string; den: string; theo: 'day' | 'month' };
  readonly error?: string;
  readonly report?: {
    readonly from: string;
    readonly to: string;
    readonly totals: Figures;
    readonly series: readonly KeyedFigures[];
    readonly pages: readonly KeyedFigures[];
    readonly referrers: readonly KeyedFigures[];
    readonly devices: readonly KeyedFigures[];
    readonly perCapita: PerCapita | null;
  };
}

const periodLabel = (key: string): string => (key.length === 7 ? `${key.slice(5, 7)}/${key.slice(0, 4)}` : formatDate(key));

function FiguresTable(props: { ctx: ViewContext; id: string; caption: string; keyHeader: string; rows: readonly KeyedFigures[]; label: (key: string) => string; columns: readonly ('visits' | 'visitors' | 'pageviews')[] }): JSX.Element {
  const { ctx, rows } = props;
  const t = ctx.t;
  const n = (v: number): string => formatNumber(v, ctx.locale);
  return (
    <div class="table-wrap" role="region" aria-labelledby={props.id} tabindex="0">
      <table class="analytics-table">
        <caption id={props.id} safe>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{props.keyHeader}</th>
            {props.columns.map((c) => (
              <th scope="col" class="num" safe>{t(`analytics.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row" safe>{props.label(r.key)}</th>
              {props.columns.map((c) => (
                <td class="num" safe>{n(r[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportPage(props: ReportPageProps): JSX.Element {
  const { ctx, form, report } = props;
  const t = ctx.t;
  const n = (v: number, digits?: number): string => formatNumber(v, ctx.locale, digits);
  const all = ['visits', 'visitors', 'pageviews'] as const;
  // A few visits over a province's population is a tiny ratio: show enough decimals for it to be non-zero.
  const perCapitaText = (v: number): string => n(v, v === 0 || v >= 0.01 ? 3 : Math.min(8, 2 - Math.floor(Math.log10(v))));
  return (
    <AdminLayout ctx={ctx} title={t('analytics.title')} adminNav={props.adminNav}>
      <h1 safe>{t('analytics.title')}</h1>
      <p class="prose" safe>{t('analytics.intro')}</p>
      <form method="get" action={REPORT_PATH} class="stack analytics-filter" aria-label={t('analytics.show')}>
        <FormAlert message={props.error} />
        <TextField t={t} name="tu" type="date" label={t('analytics.from')} value={form.tu} />
        <TextField t={t} name="den" type="date" label={t('analytics.to')} value={form.den} />
        <fieldset class="field">
          <legend safe>{t('analytics.by')}</legend>
          {(['day', 'month'] as const).map((v) => (
            <label class="choice">
              <input type="radio" name="theo" value={v} checked={form.theo === v} /> <span safe>{t(v === 'day' ? 'analytics.by_day' : 'analytics.by_month')}</span>
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" safe>{t('analytics.show')}</button>
        </div>
      </form>
      {report === undefined ? (
        ''
      ) : (
        <>
          <section aria-labelledby="analytics-summary">
            <h2 id="analytics-summary" safe>{t('analytics.summary', { from: formatDate(report.from), to: formatDate(report.to) })}</h2>
            <dl class="analytics-totals">
              <div>
                <dt safe>{t('analytics.visits')}</dt>
                <dd data-figure="visits" safe>{n(report.totals.visits)}</dd>
              </div>
              <div>
                <dt safe>{t('analytics.visitors')}</dt>
                <dd data-figure="visitors" safe>{n(report.totals.visitors)}</dd>
              </div>
              <div>
                <dt safe>{t('analytics.pageviews')}</dt>
                <dd data-figure="pageviews" safe>{n(report.totals.pageviews)}</dd>
              </div>
              {report.perCapita === null ? (
                ''
              ) : (
                <div>
                  <dt safe>{t('analytics.per_capita')}</dt>
                  <dd data-figure="per-capita" safe>{perCapitaText(report.totals.visits / report.perCapita.population)}</dd>
                </div>
              )}
            </dl>
            <p class="muted" safe>
              {report.perCapita === null
                ? t('analytics.per_capita_none')
                : t('analytics.per_capita_note', { unit: report.perCapita.unitName, year: String(report.perCapita.year), population: n(report.perCapita.population) })}
            </p>
          </section>
          {report.totals.pageviews === 0 ? (
            <p safe>{t('analytics.none')}</p>
          ) : (
            <>
              <FiguresTable ctx={ctx} id="analytics-series" caption={t('analytics.series')} keyHeader={t('analytics.col_period')} rows={report.series} label={periodLabel} columns={all} />
              <FiguresTable ctx={ctx} id="analytics-pages" caption={t('analytics.pages')} keyHeader={t('analytics.col_page')} rows={report.pages} label={(k) => k} columns={['pageviews', 'visitors', 'visits']} />
              <FiguresTable ctx={ctx} id="analytics-referrers" caption={t('analytics.referrers')} keyHeader={t('analytics.col_referrer')} rows={report.referrers} label={(k) => (k === '' ? t('analytics.direct') : k)} columns={all} />
              <FiguresTable
                ctx={ctx}
                id="analytics-devices"
                caption={t('analytics.devices')}
                keyHeader={t('analytics.col_device')}
                rows={report.devices}
                label={(k) => (k === 'mobile' || k === 'tablet' || k === 'desktop' ? t(`analytics.device.${k}`) : k)}
                columns={all}
              />
            </>
          )}
        </>
      )}
    </AdminLayout>
  );
}
