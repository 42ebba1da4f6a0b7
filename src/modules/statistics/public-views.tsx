/** Public statistics pages: the indicator list (/thong-ke) and one indicator (/thong-ke/chi-tieu/<code>). */
import type { FieldErrors } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formatNumber } from '../../platform/text/format.ts';
import { ErrorSummary, TextField } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { RankingRow, SeriesPoint } from './figures.ts';
import { parsePeriod, periodLabel } from './period.ts';
import { mappedNoteText, type IndicatorView, type MappedRow } from './public-data.ts';
import type { Indicator, UnitRef } from './queries.ts';
import type { ValueStatus } from './tables.ts';

export const indicatorName = (ctx: ViewContext, i: Indicator): string => (ctx.locale === 'en' ? i.name_en : i.name_vi);
export const statusLabel = (ctx: ViewContext, s: ValueStatus | null): string => (s === null ? '' : ctx.t(`statistics.status.${s}` as MessageKey));
export const formatValue = (ctx: ViewContext, i: Indicator, v: number | null): string => (v === null ? '' : formatNumber(v, ctx.locale, i.decimals));
export const labelOfPeriod = (ctx: ViewContext, code: string): string => {
  const p = parsePeriod(code);
  return p === null ? code : periodLabel(p, ctx.locale);
};
export const indicatorHref = (code: string): string => `/thong-ke/chi-tieu/${encodeURIComponent(code)}`;

export function IllustrativeNotice({ ctx, show }: { ctx: ViewContext; show: boolean }): JSX.Element {
  if (!show) return <></>;
  return (
    <p class="alert stat-illustrative" safe>
      {ctx.t('statistics.illustrative_notice')}
    </p>
  );
}

export function ListPage({ ctx, q, groups, count }: { ctx: ViewContext; q: string; groups: readonly { category: string; indicators: readonly Indicator[] }[]; count: number }): JSX.Element {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('statistics.list.title')} description={t('statistics.list.intro')}>
      <h1 safe>{t('statistics.list.title')}</h1>
      <p safe>{t('statistics.list.intro')}</p>
      <ul class="stat-links">
        <li>
          <a href="/thong-ke/lao-cai-2008" safe>{t('statistics.list.dashboard')}</a>
        </li>
        <li>
          <a href="/thong-ke/chi-so" safe>{t('statistics.composite.list_title')}</a>
        </li>
        <li>
          <a href="/api/docs" safe>{t('statistics.list.api')}</a>
        </li>
      </ul>
      <form method="get" action="/thong-ke" role="search" class="filters">
        <div class="field">
          <label for="f-q" safe>{t('statistics.list.search')}</label>
          <p class="hint" id="f-q-hint" safe>{t('statistics.list.search_hint')}</p>
          <input id="f-q" name="q" type="search" value={q} maxlength="100" aria-describedby="f-q-hint" />
        </div>
        <div class="actions">
          <button type="submit" safe>{t('statistics.list.search_button')}</button>
        </div>
      </form>
      <p role="status" safe>{groups.length === 0 ? t('statistics.list.no_results', { q }) : t('statistics.list.count', { count })}</p>
      {groups.map((g) => (
        <section aria-labelledby={`cat-${g.category}`}>
          <h2 id={`cat-${g.category}`} safe>{t(`statistics.category.${g.category}` as MessageKey)}</h2>
          <ul class="stat-indicator-list">
            {g.indicators.map((i) => (
              <li>
                <a href={indicatorHref(i.code)} safe>{indicatorName(ctx, i)}</a>
                <span class="muted" safe>{` ${i.code}${i.itu_code === null ? '' : ` · ITU ${i.itu_code}`}${i.formula === null ? '' : ` · ${t('statistics.list.derived')}`}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export function IndicatorFacts({ ctx, indicator }: { ctx: ViewContext; indicator: Indicator }): JSX.Element {
  const t = ctx.t;
  const en = ctx.locale === 'en';
  return (
    <dl class="facts">
      <dt safe>{t('statistics.col.code')}</dt>
      <dd safe>{indicator.code}</dd>
      <dt safe>{t('statistics.indicator.definition')}</dt>
      <dd safe>{en ? indicator.definition_en : indicator.definition_vi}</dd>
      <dt safe>{t('statistics.col.unit')}</dt>
      <dd safe>{en ? indicator.unit_en : indicator.unit_vi}</dd>
      <dt safe>{t('statistics.indicator.source')}</dt>
      <dd safe>{en ? indicator.source_en : indicator.source_vi}</dd>
      {indicator.itu_code === null ? '' : (
        <>
          <dt safe>{t('statistics.indicator.itu_code')}</dt>
          <dd safe>{indicator.itu_code}</dd>
        </>
      )}
      <dt safe>{t('statistics.col.periodicity')}</dt>
      <dd safe>{t(`statistics.periodicity.${indicator.periodicity}` as MessageKey)}</dd>
      <dt safe>{t('statistics.indicator.formula')}</dt>
      <dd safe>
        {indicator.formula ??
          t('statistics.indicator.aggregation', {
            units: t(`statistics.aggregation.${indicator.unit_aggregation}` as MessageKey),
            time: t(`statistics.aggregation.${indicator.time_aggregation}` as MessageKey),
          })}
      </dd>
    </dl>
  );
}

export function SeriesTable({ ctx, indicator, caption, series }: { ctx: ViewContext; indicator: Indicator; caption: string; series: readonly SeriesPoint[] }): JSX.Element {
  const t = ctx.t;
  return (
    <div class="table-wrap">
      <table class="stat-table">
        <caption safe>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('statistics.col.period')}</th>
            <th scope="col" class="num" safe>{`${t('statistics.col.value')} (${ctx.locale === 'en' ? indicator.unit_en : indicator.unit_vi})`}</th>
            <th scope="col" safe>{t('statistics.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr>
              <th scope="row" safe>{labelOfPeriod(ctx, p.period)}</th>
              <td class="num" safe>{formatValue(ctx, indicator, p.value)}</td>
              <td safe>{statusLabel(ctx, p.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RankingTable({ ctx, indicator, caption, rows, homeCode }: { ctx: ViewContext; indicator: Indicator; caption: string; rows: readonly RankingRow[]; homeCode: string }): JSX.Element {
  const t = ctx.t;
  return (
    <div class="table-wrap">
      <table class="stat-table">
        <caption safe>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num" safe>{t('statistics.col.rank')}</th>
            <th scope="col" safe>{t('statistics.col.area')}</th>
            <th scope="col" class="num" safe>{`${t('statistics.col.value')} (${ctx.locale === 'en' ? indicator.unit_en : indicator.unit_vi})`}</th>
            <th scope="col" safe>{t('statistics.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={r.unitCode === homeCode ? 'stat-own' : undefined}>
              <td class="num" safe>{String(r.rank)}</td>
              <th scope="row">
                <span safe>{r.unitName}</span>
                {r.unitCode === homeCode ? <strong class="stat-own-label" safe>{` (${t('statistics.ranking.own')})`}</strong> : ''}
              </th>
              <td class="num" safe>{formatValue(ctx, indicator, r.value)}</td>
              <td safe>{statusLabel(ctx, r.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MappedTable({ ctx, indicator, caption, rows }: { ctx: ViewContext; indicator: Indicator; caption: string; rows: readonly MappedRow[] }): JSX.Element {
  const t = ctx.t;
  return (
    <div class="table-wrap">
      <table class="stat-table">
        <caption safe>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('statistics.col.area')}</th>
            <th scope="col" safe>{t('statistics.mapping.col_from')}</th>
            <th scope="col" class="num" safe>{t('statistics.col.value')}</th>
            <th scope="col" safe>{t('statistics.col.status')}</th>
            <th scope="col" safe>{t('statistics.mapping.col_note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row" safe>{r.unitName}</th>
              <td safe>{r.from.join(', ')}</td>
              <td class="num" safe>{formatValue(ctx, indicator, r.value)}</td>
              <td safe>{statusLabel(ctx, r.status)}</td>
              <td safe>{mappedNoteText(ctx.t, r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The radio buttons of a GET form choosing between the reported provinces and the 2025 ones (`structure=2025`). */
export function StructureChoice({ ctx, value }: { ctx: ViewContext; value: string }): JSX.Element {
  const t = ctx.t;
  return (
    <fieldset class="field">
      <legend safe>{t('statistics.indicator.structure')}</legend>
      <label>
        <input type="radio" name="structure" value="" checked={value !== '2025'} /> <span safe>{t('statistics.indicator.structure_pre2025')}</span>
      </label>
      <label>
        <input type="radio" name="structure" value="2025" checked={value === '2025'} /> <span safe>{t('statistics.indicator.structure_2025')}</span>
      </label>
    </fieldset>
  );
}

export interface IndicatorPageProps {
  readonly ctx: ViewContext;
  readonly indicator: Indicator;
  /** The form's values as typed, kept on a validation error. */
  readonly form: { unit: string; period: string; structure: string };
  readonly errors?: FieldErrors | undefined;
  /** Absent when the form has errors. */
  readonly data?: { unit: UnitRef; view: IndicatorView; homeCode: string; safeSeriesChart: string; safeBreakdownChart: string; query: string } | undefined;
}

export function IndicatorPage({ ctx, indicator, form, errors, data }: IndicatorPageProps): JSX.Element {
  const t = ctx.t;
  const name = indicatorName(ctx, indicator);
  const href = indicatorHref(indicator.code);
  const periodText = data === undefined ? '' : periodLabel(data.view.period, ctx.locale);
  const unitText = data === undefined ? '' : t('statistics.indicator.unit_name', { name: data.unit.name, code: data.unit.code });
  // Rendered by chart-svg.ts: ECharts escapes every label, and the sanitiser refuses scripts.
  const safeSeriesChart = data?.safeSeriesChart ?? '';
  const safeBreakdownChart = data?.safeBreakdownChart ?? '';
  const embedUrl = new URL(`/thong-ke/nhung/${encodeURIComponent(indicator.code)}${data === undefined ? '' : `?unit=${encodeURIComponent(data.unit.code)}`}`, ctx.publicUrl).toString();
  return (
    <Layout ctx={ctx} title={name} description={ctx.locale === 'en' ? indicator.definition_en : indicator.definition_vi}>
      <p class="breadcrumb">
        <a href="/thong-ke" safe>{t('statistics.nav')}</a>
      </p>
      <h1 safe>{name}</h1>
      <IllustrativeNotice ctx={ctx} show={data?.view.illustrative ?? false} />
      <IndicatorFacts ctx={ctx} indicator={indicator} />
      <form method="get" action={href} class="filters stat-choose" novalidate>
        <ErrorSummary t={t} errors={errors} labels={{ unit: t('statistics.indicator.unit_code'), period: t('statistics.indicator.period') }} />
        <h2 safe>{t('statistics.indicator.choose')}</h2>
        <TextField t={t} name="unit" label={t('statistics.indicator.unit_code')} hint={t('statistics.indicator.unit_hint')} value={form.unit} errors={errors} maxlength={5} inputmode="numeric" />
        <TextField t={t} name="period" label={t('statistics.indicator.period')} hint={t('statistics.indicator.period_hint')} value={form.period} errors={errors} maxlength={7} />
        <StructureChoice ctx={ctx} value={form.structure} />
        <div class="actions">
          <button type="submit" safe>{t('statistics.indicator.show')}</button>
        </div>
      </form>
      {data === undefined ? '' : (
        <>
          <section aria-labelledby="series-h">
            <h2 id="series-h" safe>{`${t('statistics.indicator.series_heading')}: ${data.unit.name}`}</h2>
            {data.view.seriesMapped ? <p class="muted" safe>{t('statistics.indicator.mapping_note')}</p> : ''}
            {data.view.series.length === 0 ? (
              <p safe>{t('statistics.indicator.no_data')}</p>
            ) : (
              <>
                <figure class="stat-chart">{safeSeriesChart}</figure>
                <SeriesTable ctx={ctx} indicator={indicator} caption={t('statistics.indicator.series_title', { indicator: name, unit: unitText })} series={data.view.series} />
              </>
            )}
          </section>
          <section aria-labelledby="breakdown-h">
            <h2 id="breakdown-h" safe>{`${t('statistics.indicator.breakdown_heading')}: ${periodText}`}</h2>
            {data.view.mapped === null ? '' : <p class="muted" safe>{t('statistics.indicator.mapping_note')}</p>}
            {data.view.ranking.rows.length === 0 && data.view.mapped === null ? (
              <p safe>{t('statistics.indicator.no_data')}</p>
            ) : (
              <>
                <figure class="stat-chart">{safeBreakdownChart}</figure>
                {data.view.mapped === null ? (
                  <RankingTable ctx={ctx} indicator={indicator} caption={t('statistics.indicator.breakdown_title', { indicator: name, period: periodText })} rows={data.view.ranking.rows} homeCode={data.homeCode} />
                ) : (
                  <MappedTable ctx={ctx} indicator={indicator} caption={`${t('statistics.indicator.breakdown_title', { indicator: name, period: periodText })} (${t('statistics.indicator.structure_2025')})`} rows={data.view.mapped} />
                )}
              </>
            )}
            <p>
              <a href={`/thong-ke/xep-hang/${encodeURIComponent(indicator.code)}?period=${encodeURIComponent(data.view.period.code)}`} safe>
                {t('statistics.indicator.ranking_link')}
              </a>
            </p>
          </section>
          <section aria-labelledby="downloads-h">
            <h2 id="downloads-h" safe>{t('statistics.indicator.downloads')}</h2>
            <ul class="stat-links">
              {(['csv', 'xlsx', 'json'] as const).map((ext) => (
                <li>
                  <a href={`/thong-ke/tai-ve/${encodeURIComponent(indicator.code)}.${ext}?${data.query}`} safe>
                    {t(`statistics.indicator.download_${ext}`)}
                  </a>
                </li>
              ))}
              <li>
                <a href={`/api/v1/indicators/${encodeURIComponent(indicator.code)}/values?unit=${encodeURIComponent(data.unit.code)}`} safe>
                  {t('statistics.indicator.api')}
                </a>
              </li>
            </ul>
            <h3 safe>{t('statistics.indicator.embed')}</h3>
            <p>
              <a href={embedUrl} safe>{t('statistics.indicator.embed_page')}</a>
              {' · '}
              <a href={`/thong-ke/nhung/${encodeURIComponent(indicator.code)}.svg?unit=${encodeURIComponent(data.unit.code)}`}>
                SVG
              </a>
            </p>
            <p class="hint" id="embed-hint" safe>{t('statistics.indicator.embed_hint')}</p>
            <pre class="stat-embed-code" tabindex="0" aria-describedby="embed-hint"><code safe>{`<iframe src="${embedUrl}" title="${name}" width="720" height="420" loading="lazy"></iframe>`}</code></pre>
          </section>
        </>
      )}
    </Layout>
  );
}
