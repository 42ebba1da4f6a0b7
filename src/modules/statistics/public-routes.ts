/**
 * Public statistics pages (no sign-in): the indicator list, one indicator with its charts and tables,
 * downloads, the embeddable chart, rankings and the Lào Cai 2008 overview. Every form here is a GET
 * form, so the pages work without JavaScript and every view has a shareable URL.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { sendHtml, viewContext, type ViewContext } from '../../ui/view-context.ts';
import { renderChartSvg, renderResponsiveChart } from './chart-svg.ts';
import { DashboardPage, EmbedPage, RankingPage } from './dashboard-views.tsx';
import { CONTENT_TYPES, contentDisposition, DOWNLOAD_FORMATS, toCsv, toJson, toXlsx, type DownloadFormat } from './downloads.ts';
import { rankingOfIndicator, seriesOfIndicator } from './figures.ts';
import { LAO_CAI_OLD_CODE } from './lao-cai-2008.ts';
import { periodParam, requireIndicator, requireUnit } from './params.ts';
import type { Period } from './period.ts';
import { defaultPeriod, HOME_PROVINCE, REFORM_2025, homeCodeFor, indicatorsByCategory, indicatorView, laoCaiDashboard, type IndicatorView } from './public-data.ts';
import { allIndicators, unitByCode, type Indicator, type UnitRef } from './queries.ts';
import { indicatorHref, indicatorName, IndicatorPage, ListPage } from './public-views.tsx';

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => (typeof v === 'string' ? v.normalize('NFC').trim().slice(0, 100) : '');

interface Form {
  readonly unit: string;
  readonly period: string;
  readonly structure: string;
}
const formOf = (q: Query): Form => ({ unit: one(q.unit), period: one(q.period), structure: one(q.structure) === '2025' ? '2025' : '' });

/** Reads the unit and period of a page or download; field errors are collected rather than thrown so a page can re-render with them. */
async function readChoice(app: FastifyInstance, form: Form): Promise<{ unit: UnitRef; period: Period | null } | { errors: FieldErrors }> {
  const errors: FieldErrors = {};
  let period: Period | null = null;
  let unit: UnitRef | null = null;
  try {
    period = periodParam('period', form.period, false);
  } catch (err) {
    if (!(err instanceof AppError) || err.fields === undefined) throw err;
    Object.assign(errors, err.fields);
  }
  try {
    const db = app.deps.store.db;
    const code = form.unit === '' ? HOME_PROVINCE.pre2025 : form.unit;
    // A GSO code can name different provinces before and after the 2025 reform (15: Yên Bái, then
    // the merged Lào Cai). It is read in the structure the reader asked for: the 2025 one with the
    // toggle, else the one of the chosen period; failing that, the most recent unit with the code.
    const inStructure = form.structure === '2025' ? await unitByCode(db, code, REFORM_2025, '2100-12-31') : period === null ? undefined : await unitByCode(db, code, period.end, period.end);
    unit = inStructure ?? (await requireUnit(db, code, null, null));
  } catch (err) {
    if (!(err instanceof AppError) || err.fields === undefined) throw err;
    Object.assign(errors, err.fields);
  }
  if (Object.keys(errors).length > 0 || unit === null) return { errors };
  return { unit, period };
}

/** The query string that reproduces a view (for download links). */
const queryOf = (unit: UnitRef, period: Period, structure: string): string =>
  new URLSearchParams({ unit: unit.code, period: period.code, ...(structure === '' ? {} : { structure }) }).toString();

function charts(ctx: ViewContext, indicator: Indicator, unit: UnitRef, view: IndicatorView, homeCode: string): { series: string; breakdown: string } {
  const name = indicatorName(ctx, indicator);
  const alt = (title: string): string => ctx.t('statistics.indicator.chart_alt', { title });
  const seriesTitle = ctx.t('statistics.indicator.series_title', { indicator: name, unit: unit.name });
  const breakdownTitle = ctx.t('statistics.indicator.breakdown_title', { indicator: name, period: view.period.code });
  const points =
    view.mapped === null
      ? view.ranking.rows.map((r) => ({ label: r.unitName, value: r.value, highlight: r.unitCode === homeCode }))
      : view.mapped.map((r) => ({ label: r.unitName, value: r.value, highlight: r.unitCode === HOME_PROVINCE.current }));
  return {
    series: renderResponsiveChart({ kind: 'line', title: seriesTitle, description: alt(seriesTitle), points: view.series.map((p) => ({ label: p.period, value: p.value })), locale: ctx.locale, decimals: indicator.decimals, idPrefix: 'chart-series' }),
    breakdown: renderResponsiveChart({ kind: 'bar', title: breakdownTitle, description: alt(breakdownTitle), points, locale: ctx.locale, decimals: indicator.decimals, idPrefix: 'chart-breakdown' }),
  };
}

/**
 * The embed route is meant to be framed by other sites (a district's portal, a newspaper), so it alone
 * allows any frame ancestor, drops X-Frame-Options and lets its SVG be loaded cross-origin. The rest
 * of the policy stays as strict as the site's: no script at all, styles only from the site.
 */
function allowEmbedding(reply: FastifyReply): void {
  reply.header('content-security-policy', "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *");
  reply.removeHeader('x-frame-options');
  reply.header('cross-origin-resource-policy', 'cross-origin');
}

export function registerPublicRoutes(app: FastifyInstance): void {
  const { db } = app.deps.store;

  app.get<{ Querystring: Query }>('/thong-ke', async (request, reply) => {
    const q = one(request.query.q);
    const groups = indicatorsByCategory(await allIndicators(db), q);
    return sendHtml(reply, ListPage({ ctx: await viewContext(request), q, groups, count: groups.reduce((n, g) => n + g.indicators.length, 0) }));
  });

  app.get<{ Params: { code: string }; Querystring: Query }>('/thong-ke/chi-tieu/:code', async (request, reply) => {
    const indicator = await requireIndicator(db, request.params.code);
    const ctx = await viewContext(request);
    const form = formOf(request.query);
    const choice = await readChoice(app, form);
    if ('errors' in choice) return sendHtml(reply, IndicatorPage({ ctx, indicator, form, errors: choice.errors }), 422);
    const view = await indicatorView(db, indicator, choice.unit, choice.period, form.structure === '2025');
    const homeCode = homeCodeFor(view.period);
    const chart = charts(ctx, indicator, choice.unit, view, homeCode);
    const shown = { ...form, unit: choice.unit.code, period: view.period.code };
    return sendHtml(
      reply,
      IndicatorPage({ ctx, indicator, form: shown, data: { unit: choice.unit, view, homeCode, safeSeriesChart: chart.series, safeBreakdownChart: chart.breakdown, query: queryOf(choice.unit, view.period, form.structure) } }),
    );
  });

  app.get<{ Params: { file: string }; Querystring: Query }>('/thong-ke/tai-ve/:file', async (request, reply) => {
    const dot = request.params.file.lastIndexOf('.');
    const format = request.params.file.slice(dot + 1) as DownloadFormat;
    if (dot < 1 || !DOWNLOAD_FORMATS.includes(format)) throw new AppError('not_found');
    const indicator = await requireIndicator(db, request.params.file.slice(0, dot));
    const form = formOf(request.query);
    const choice = await readChoice(app, form);
    if ('errors' in choice) {
      // A download has no form to re-render: the messages go back as plain text in the reader's language.
      const lines = Object.values(choice.errors).map((e) => request.t(e.key, e.params));
      return reply.code(400).type('text/plain; charset=utf-8').send(`${lines.join('\n')}\n`);
    }
    // The same computation as the page, so a file holds exactly what the page shows.
    const view = await indicatorView(db, indicator, choice.unit, choice.period, form.structure === '2025');
    const { series, period, ranking, mapped } = view;
    const pageUrl = new URL(`${indicatorHref(indicator.code)}?${queryOf(choice.unit, period, form.structure)}`, app.deps.config.publicUrl).toString();
    const data = { indicator, unit: choice.unit, series, period, rows: ranking.rows, mapped, pageUrl, locale: request.locale, t: request.t };
    reply.type(CONTENT_TYPES[format]).header('content-disposition', contentDisposition(data, format)).header('access-control-allow-origin', '*');
    if (format === 'csv') return reply.send(toCsv(data));
    if (format === 'json') return reply.send(toJson(data));
    return reply.send(await toXlsx(data));
  });

  app.get<{ Params: { file: string }; Querystring: Query }>('/thong-ke/nhung/:file', async (request, reply) => {
    const svg = request.params.file.endsWith('.svg');
    const indicator = await requireIndicator(db, svg ? request.params.file.slice(0, -4) : request.params.file);
    const form = formOf(request.query);
    const choice = await readChoice(app, { ...form, period: '' });
    if ('errors' in choice) throw new AppError('bad_request', choice.errors);
    const ctx = await viewContext(request);
    const series = await seriesOfIndicator(db, indicator, choice.unit, null, null);
    const title = ctx.t('statistics.indicator.series_title', { indicator: indicatorName(ctx, indicator), unit: choice.unit.name });
    const spec = { kind: 'line' as const, title, description: ctx.t('statistics.indicator.chart_alt', { title }), points: series.map((p) => ({ label: p.period, value: p.value })), locale: ctx.locale, decimals: indicator.decimals, idPrefix: 'chart-embed' };
    allowEmbedding(reply);
    if (svg) return reply.type('image/svg+xml; charset=utf-8').send(renderChartSvg(spec));
    const pageUrl = new URL(`${indicatorHref(indicator.code)}?unit=${encodeURIComponent(choice.unit.code)}`, app.deps.config.publicUrl).toString();
    return sendHtml(reply, EmbedPage({ ctx, indicator, unit: choice.unit, series, safeChart: renderResponsiveChart(spec), pageUrl }));
  });

  app.get<{ Params: { code: string }; Querystring: Query }>('/thong-ke/xep-hang/:code', async (request, reply) => {
    const indicator = await requireIndicator(db, request.params.code);
    const ctx = await viewContext(request);
    const form = { period: one(request.query.period) };
    let period: Period | null;
    try {
      period = periodParam('period', form.period, false);
    } catch (err) {
      if (!(err instanceof AppError) || err.fields === undefined) throw err;
      return sendHtml(reply, RankingPage({ ctx, indicator, form, errors: err.fields }), 422);
    }
    if (period === null) {
      const home = await unitByCode(db, HOME_PROVINCE.pre2025, '1900-01-01', '2100-12-31');
      period = defaultPeriod(home === undefined ? [] : await seriesOfIndicator(db, indicator, home, null, null));
    }
    const ranking = await rankingOfIndicator(db, indicator, period);
    return sendHtml(reply, RankingPage({ ctx, indicator, form: { period: period.code }, data: { period, ranking, homeCode: homeCodeFor(period) } }));
  });

  app.get('/thong-ke/lao-cai-2008', async (request, reply) => {
    const unit = await unitByCode(db, LAO_CAI_OLD_CODE, '2008-01-01', '2008-12-31');
    if (unit === undefined) throw new AppError('not_found');
    return sendHtml(reply, DashboardPage({ ctx: await viewContext(request), dashboard: await laoCaiDashboard(db, unit) }));
  });
}
