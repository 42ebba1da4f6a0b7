/** Public statistics pages: provinces ranked by an indicator, the Lào Cai 2008 overview, and the chart-only embed page. */
import type { FieldErrors } from '../../platform/errors.ts';
import { ErrorSummary, TextField } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Ranking, SeriesPoint } from './figures.ts';
import { ARTICLE_SOURCE } from './lao-cai-2008.ts';
import { periodLabel, type Period } from './period.ts';
import type { Dashboard } from './public-data.ts';
import { formatValue, IllustrativeNotice, indicatorHref, indicatorName, labelOfPeriod, RankingTable, SeriesTable } from './public-views.tsx';
import type { Indicator, UnitRef } from './queries.ts';

export interface RankingPageProps {
  readonly ctx: ViewContext;
  readonly indicator: Indicator;
  readonly form: { period: string };
  readonly errors?: FieldErrors | undefined;
  readonly data?: { period: Period; ranking: Ranking; homeCode: string } | undefined;
}

export function RankingPage({ ctx, indicator, form, errors, data }: RankingPageProps): JSX.Element {
  const t = ctx.t;
  const name = indicatorName(ctx, indicator);
  const periodText = data === undefined ? form.period : periodLabel(data.period, ctx.locale);
  const title = t('statistics.ranking.title', { indicator: name, period: periodText });
  const action = `/thong-ke/xep-hang/${encodeURIComponent(indicator.code)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href="/thong-ke" safe>{t('statistics.nav')}</a>
        {' › '}
        <a href={indicatorHref(indicator.code)} safe>{name}</a>
      </p>
      <h1 safe>{title}</h1>
      <form method="get" action={action} class="filters" novalidate>
        <ErrorSummary t={t} errors={errors} labels={{ period: t('statistics.col.period') }} />
        <TextField t={t} name="period" label={t('statistics.col.period')} hint={t('statistics.indicator.period_hint')} value={form.period} errors={errors} maxlength={7} />
        <div class="actions">
          <button type="submit" safe>{t('statistics.indicator.show')}</button>
        </div>
      </form>
      {data === undefined ? '' : (
        <>
          {data.ranking.illustrative ? <p class="alert stat-illustrative" safe>{t('statistics.ranking.illustrative_note')}</p> : ''}
          <p safe>{`${indicator.higher_is_better === 1 ? t('statistics.ranking.higher_first') : t('statistics.ranking.lower_first')} ${t('statistics.ranking.ties')}`}</p>
          {data.ranking.rows.length === 0 ? (
            <p safe>{t('statistics.ranking.no_rows')}</p>
          ) : (
            <RankingTable ctx={ctx} indicator={indicator} caption={t('statistics.ranking.caption', { total: data.ranking.total, period: periodText })} rows={data.ranking.rows} homeCode={data.homeCode} />
          )}
        </>
      )}
    </Layout>
  );
}

export function DashboardPage({ ctx, dashboard }: { ctx: ViewContext; dashboard: Dashboard }): JSX.Element {
  const t = ctx.t;
  const illustrative = dashboard.table.some((r) => [...r.values.values()].some((p) => p.status === 'illustrative'));
  return (
    <Layout ctx={ctx} title={t('statistics.dashboard.title')} description={t('statistics.dashboard.intro')}>
      <p class="breadcrumb">
        <a href="/thong-ke" safe>{t('statistics.nav')}</a>
      </p>
      <h1 safe>{t('statistics.dashboard.title')}</h1>
      <p safe>{t('statistics.dashboard.intro')}</p>
      <p class="muted" safe>{t('statistics.dashboard.source', { source: ARTICLE_SOURCE })}</p>
      <h2 safe>{t('statistics.dashboard.figures')}</h2>
      <ul class="cards stat-cards">
        {dashboard.cards.map((c) => {
          const value = formatValue(ctx, c.indicator, c.value);
          return (
            <li class="card stat-card">
              <a href={`${indicatorHref(c.indicator.code)}?unit=${encodeURIComponent(dashboard.unit.code)}&period=2008`}>
                <span class="stat-card-value" safe>{c.approx ? t('statistics.dashboard.over', { value }) : value}</span>
                <span class="stat-card-unit" safe>{ctx.locale === 'en' ? c.indicator.unit_en : c.indicator.unit_vi}</span>
                <span class="stat-card-name" safe>{indicatorName(ctx, c.indicator)}</span>
              </a>
            </li>
          );
        })}
      </ul>
      <h2 safe>{t('statistics.dashboard.ranks')}</h2>
      <ul class="cards stat-cards">
        {dashboard.ranks.map((r) => (
          <li class="card stat-card">
            <a href={`/thong-ke/xep-hang/${encodeURIComponent(r.indicator.code)}?period=2008`}>
              <span class="stat-card-value" safe>{r.rank === null ? '' : t('statistics.dashboard.rank_value', { rank: r.rank, total: r.total })}</span>
              <span class="stat-card-name" safe>{indicatorName(ctx, r.indicator)}</span>
            </a>
          </li>
        ))}
      </ul>
      <p class="muted" safe>{t('statistics.ranking.illustrative_note')}</p>
      <h2 safe>{t('statistics.dashboard.years')}</h2>
      <IllustrativeNotice ctx={ctx} show={illustrative} />
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="years-caption">
        <table class="stat-table">
          <caption id="years-caption" safe>{`${t('statistics.dashboard.years')}: ${dashboard.unit.name}`}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('statistics.col.indicator')}</th>
              {dashboard.years.map((y) => (
                <th scope="col" class="num" safe>{labelOfPeriod(ctx, y)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dashboard.table.map((row) => (
              <tr>
                <th scope="row">
                  <a href={indicatorHref(row.indicator.code)} safe>{indicatorName(ctx, row.indicator)}</a>
                </th>
                {dashboard.years.map((y) => {
                  const p: SeriesPoint | undefined = row.values.get(y);
                  return <td class="num" safe>{p === undefined ? '' : `${formatValue(ctx, row.indicator, p.value)}${p.status === 'illustrative' ? '*' : ''}`}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {illustrative ? <p class="muted" safe>{`* ${t('statistics.status.illustrative')}`}</p> : ''}
    </Layout>
  );
}

/** A page with only the chart (and its figures as a table), for an <iframe> on another site. */
export function EmbedPage({ ctx, indicator, unit, series, safeChart, pageUrl }: { ctx: ViewContext; indicator: Indicator; unit: UnitRef; series: readonly SeriesPoint[]; safeChart: string; pageUrl: string }): JSX.Element {
  const t = ctx.t;
  const name = indicatorName(ctx, indicator);
  const caption = t('statistics.indicator.series_title', { indicator: name, unit: t('statistics.indicator.unit_name', { name: unit.name, code: unit.code }) });
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{caption}</title>
          <link rel="stylesheet" href="/assets/site.css" />
        </head>
        <body class="stat-embed">
          <main>
            <h1 class="stat-embed-title" safe>{caption}</h1>
            {series.some((p) => p.status === 'illustrative') ? <p class="stat-embed-note" safe>{t('statistics.illustrative_notice')}</p> : ''}
            <figure class="stat-chart">{safeChart}</figure>
            <details>
              <summary safe>{t('statistics.col.value')}</summary>
              <SeriesTable ctx={ctx} indicator={indicator} caption={caption} series={series} />
            </details>
            <p>
              <a href={pageUrl} target="_blank" rel="noopener" safe>{t('statistics.embed.more')}</a>
            </p>
          </main>
        </body>
      </html>
    </>
  );
}
