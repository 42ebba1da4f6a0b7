/** Public pages of composite indices: the list, an index for an edition and period, one province's score and how it was computed. */
import type { FieldErrors } from '../../../platform/errors.ts';
import { formatNumber } from '../../../platform/text/format.ts';
import { ErrorSummary, TextField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import { periodLabel } from '../period.ts';
import type { ValueStatus } from '../tables.ts';
import { mappedNoteText, type MappedRow } from '../public-data.ts';
import { IllustrativeNotice, indicatorHref, statusLabel, StructureChoice } from '../public-views.tsx';
import { SHARE_DECIMALS, type Bounds, type RankedRow } from './compute.ts';
import type { EditionIndicator, EditionPillar, EditionRow, IndexRow } from './queries.ts';
import { missingNames } from './files.ts';
import { editionYears, type IndexRanking } from './rankings.ts';

export const INDICES_PATH = '/thong-ke/chi-so';
export const indexHref = (code: string): string => `${INDICES_PATH}/${encodeURIComponent(code)}`;
export const indexQuery = (edition: string, period: string, structure = ''): string => new URLSearchParams({ edition, period, ...(structure === '' ? {} : { structure }) }).toString();
/** The query string that reproduces a ranking (edition, period, and the 2025 view when it applies). */
const rankingQuery = (r: IndexRanking): string => indexQuery(r.edition.row.label, r.period.code, r.under2025 ? '2025' : '');
export const provinceHref = (code: string, unit: string, r: IndexRanking): string => `${indexHref(code)}/tinh/${encodeURIComponent(unit)}?${rankingQuery(r)}`;

const en = (ctx: ViewContext): boolean => ctx.locale === 'en';
export const indexName = (ctx: ViewContext, i: IndexRow): string => (en(ctx) ? i.name_en : i.name_vi);
const pillarName = (ctx: ViewContext, p: EditionPillar): string => (en(ctx) ? p.nameEn : p.nameVi);
const indName = (ctx: ViewContext, i: EditionIndicator): string => (en(ctx) ? i.nameEn : i.nameVi);
const share = (ctx: ViewContext, v: number): string => formatNumber(v, ctx.locale, SHARE_DECIMALS);
const raw = (ctx: ViewContext, i: EditionIndicator, v: number): string => formatNumber(v, ctx.locale, i.decimals);

function Breadcrumb({ ctx, index }: { ctx: ViewContext; index?: IndexRow }): JSX.Element {
  return (
    <p class="breadcrumb">
      <a href="/thong-ke" safe>{ctx.t('statistics.nav')}</a>
      {' › '}
      <a href={INDICES_PATH} safe>{ctx.t('statistics.composite.list_title')}</a>
      {index === undefined ? '' : (
        <>
          {' › '}
          <a href={indexHref(index.code)} safe>{indexName(ctx, index)}</a>
        </>
      )}
    </p>
  );
}

export function IndexListPage({ ctx, indices }: { ctx: ViewContext; indices: readonly { index: IndexRow; editions: readonly EditionRow[] }[] }): JSX.Element {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('statistics.composite.list_title')} description={t('statistics.composite.list_intro')}>
      <p class="breadcrumb">
        <a href="/thong-ke" safe>{t('statistics.nav')}</a>
      </p>
      <h1 safe>{t('statistics.composite.list_title')}</h1>
      <p safe>{t('statistics.composite.list_intro')}</p>
      {indices.length === 0 ? <p safe>{t('statistics.composite.none')}</p> : ''}
      {indices.map(({ index, editions }) => (
        <section aria-labelledby={`idx-${index.code}`}>
          <h2 id={`idx-${index.code}`}>
            <a href={indexHref(index.code)} safe>{indexName(ctx, index)}</a>
          </h2>
          <p safe>{en(ctx) ? index.description_en : index.description_vi}</p>
          <p class="muted" safe>{`${t('statistics.indicator.source')}: ${en(ctx) ? index.source_en : index.source_vi}`}</p>
          <ul class="stat-links">
            {editions.map((e) => (
              <li>
                <a href={`${indexHref(index.code)}?${indexQuery(e.label, String(e.first_year))}`} safe>
                  {t('statistics.composite.edition_link', { edition: e.label, years: editionYears(e) })}
                </a>
                {e.illustrative === 1 ? <span class="muted" safe>{` (${t('statistics.status.illustrative')})`}</span> : ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <a href="/api/docs" safe>{t('statistics.list.api')}</a>
      </p>
    </Layout>
  );
}

function normalisationText(ctx: ViewContext, i: EditionIndicator, bounds: Bounds | null | undefined): string {
  const t = ctx.t;
  if (i.normalisation === 'goalposts') return t('statistics.composite.norm_goalposts', { min: formatNumber(i.goalMin ?? 0, ctx.locale), max: formatNumber(i.goalMax ?? 0, ctx.locale) });
  if (bounds === null || bounds === undefined) return t('statistics.composite.norm_minmax_none');
  return t('statistics.composite.norm_minmax', { min: raw(ctx, i, bounds.min), max: raw(ctx, i, bounds.max) });
}

/** The edition's method: pillars, their weights, each indicator's direction, normalisation and weight. */
function MethodTable({ ctx, ranking }: { ctx: ViewContext; ranking: IndexRanking }): JSX.Element {
  const t = ctx.t;
  const { edition, result } = ranking;
  const pillarTotal = edition.pillars.reduce((s, p) => s + p.weight, 0);
  return (
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="method-caption">
      <table class="stat-table">
        <caption id="method-caption" safe>{t('statistics.composite.method_caption', { edition: edition.row.label })}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('statistics.composite.col_indicator')}</th>
            <th scope="col" safe>{t('statistics.composite.col_direction')}</th>
            <th scope="col" safe>{t('statistics.composite.col_normalisation')}</th>
            <th scope="col" class="num" safe>{t('statistics.composite.col_weight')}</th>
            <th scope="col" class="num" safe>{t('statistics.composite.col_effective')}</th>
          </tr>
        </thead>
        {edition.pillars.map((p) => {
          const total = p.indicators.reduce((s, i) => s + i.weight, 0);
          return (
            <tbody>
              <tr class="stat-group">
                <th scope="rowgroup" colspan="3" safe>{`${t('statistics.composite.pillar')}: ${pillarName(ctx, p)}`}</th>
                <td class="num" safe>{share(ctx, p.weight)}</td>
                <td class="num" safe>{share(ctx, p.weight / pillarTotal)}</td>
              </tr>
              {p.indicators.map((i) => (
                <tr>
                  <th scope="row">
                    <a href={indicatorHref(i.code)} safe>{indName(ctx, i)}</a>
                    <span class="muted" safe>{` (${en(ctx) ? i.unitEn : i.unitVi})`}</span>
                  </th>
                  <td safe>{i.higherIsBetter ? t('statistics.composite.higher') : t('statistics.composite.lower')}</td>
                  <td safe>{normalisationText(ctx, i, result.bounds.get(i.code))}</td>
                  <td class="num" safe>{share(ctx, i.weight)}</td>
                  <td class="num" safe>{share(ctx, (p.weight / pillarTotal) * (i.weight / total))}</td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

export interface IndexForm {
  readonly edition: string;
  readonly period: string;
  /** '2025': a period before the reform viewed under the 2025 provinces. */
  readonly structure: string;
}

function ChooseForm({ ctx, action, form, editions, errors }: { ctx: ViewContext; action: string; form: IndexForm; editions: readonly EditionRow[]; errors: FieldErrors | undefined }): JSX.Element {
  const t = ctx.t;
  const message = errors?.edition === undefined ? undefined : t(errors.edition.key, errors.edition.params);
  return (
    <form method="get" action={action} class="filters stat-choose" novalidate>
      <ErrorSummary t={t} errors={errors} labels={{ edition: t('statistics.composite.edition'), period: t('statistics.col.period') }} />
      <div class={message === undefined ? 'field' : 'field field-error'}>
        <label for="f-edition" safe>{t('statistics.composite.edition')}</label>
        {message === undefined ? '' : <p class="error-message" id="f-edition-error" safe>{message}</p>}
        <select id="f-edition" name="edition" aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={message === undefined ? undefined : 'f-edition-error'}>
          <option value="" selected={form.edition === ''} safe>{t('statistics.composite.edition_auto')}</option>
          {editions.map((e) => (
            <option value={e.label} selected={form.edition === e.label} safe>
              {t('statistics.composite.edition_link', { edition: e.label, years: editionYears(e) })}
            </option>
          ))}
        </select>
      </div>
      <TextField t={t} name="period" label={t('statistics.col.period')} hint={t('statistics.composite.period_hint')} value={form.period} errors={errors} maxlength={7} />
      <StructureChoice ctx={ctx} value={form.structure} />
      <div class="actions">
        <button type="submit" safe>{t('statistics.indicator.show')}</button>
      </div>
    </form>
  );
}

export interface IndexPageProps {
  readonly ctx: ViewContext;
  readonly index: IndexRow;
  readonly editions: readonly EditionRow[];
  readonly form: IndexForm;
  readonly errors?: FieldErrors | undefined;
  readonly data?: { ranking: IndexRanking; homeCode: string; safeChart: string } | undefined;
}

export function IndexPage({ ctx, index, editions, form, errors, data }: IndexPageProps): JSX.Element {
  const t = ctx.t;
  const name = indexName(ctx, index);
  const r = data?.ranking;
  const periodText = r === undefined ? '' : periodLabel(r.period, ctx.locale);
  const title = r === undefined ? name : t('statistics.composite.index_title', { index: name, period: periodText });
  const fmt = (v: number): string => formatNumber(v, ctx.locale, r?.result.decimals ?? 4);
  const q = r === undefined ? '' : rankingQuery(r);
  // Rendered by chart-svg.ts: ECharts escapes every label, and the sanitiser refuses scripts.
  const safeChart = data?.safeChart ?? '';
  return (
    <Layout ctx={ctx} title={title} description={en(ctx) ? index.description_en : index.description_vi}>
      <Breadcrumb ctx={ctx} />
      <h1 safe>{title}</h1>
      <IllustrativeNotice ctx={ctx} show={r?.illustrative ?? false} />
      {r !== undefined && r.edition.row.illustrative === 1 ? <p class="alert stat-illustrative" safe>{t('statistics.composite.illustrative_method')}</p> : ''}
      <p safe>{en(ctx) ? index.description_en : index.description_vi}</p>
      <p class="muted" safe>{`${t('statistics.indicator.source')}: ${en(ctx) ? index.source_en : index.source_vi}`}</p>
      <ChooseForm ctx={ctx} action={indexHref(index.code)} form={form} editions={editions} errors={errors} />
      {r === undefined || data === undefined ? '' : (
        <>
          <section aria-labelledby="ranking-h">
            <h2 id="ranking-h" safe>{t('statistics.composite.ranking_heading', { period: periodText, edition: r.edition.row.label })}</h2>
            {r.under2025 ? <p class="muted" safe>{t('statistics.indicator.mapping_note')}</p> : ''}
            <p safe>{t('statistics.composite.ranked_count', { ranked: r.result.rows.length, total: r.provinces })}</p>
            {r.result.rows.length === 0 ? (
              <p safe>{t('statistics.composite.no_rows')}</p>
            ) : (
              <>
                <figure class="stat-chart">{safeChart}</figure>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="ranking-caption">
                  <table class="stat-table">
                    <caption id="ranking-caption" safe>{t('statistics.composite.ranking_caption', { index: name, period: periodText, scale: formatNumber(r.edition.row.scale, ctx.locale) })}</caption>
                    <thead>
                      <tr>
                        <th scope="col" class="num" safe>{t('statistics.col.rank')}</th>
                        <th scope="col" safe>{t('statistics.col.area')}</th>
                        <th scope="col" class="num" safe>{t('statistics.composite.col_score')}</th>
                        {r.edition.pillars.map((p) => (
                          <th scope="col" class="num" safe>{pillarName(ctx, p)}</th>
                        ))}
                        <th scope="col" safe>{t('statistics.col.status')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.result.rows.map((row: RankedRow) => (
                        <tr class={row.unitCode === data.homeCode ? 'stat-own' : undefined}>
                          <td class="num" safe>{String(row.rank)}</td>
                          <th scope="row">
                            <a href={provinceHref(index.code, row.unitCode, r)} safe>{row.unitName}</a>
                            {row.unitCode === data.homeCode ? <strong class="stat-own-label" safe>{` (${t('statistics.ranking.own')})`}</strong> : ''}
                          </th>
                          <td class="num" safe>{fmt(row.score)}</td>
                          {row.pillars.map((p) => (
                            <td class="num" safe>{fmt(p.score)}</td>
                          ))}
                          <td safe>{statusLabel(ctx, row.status)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p class="muted" safe>{`${t('statistics.ranking.ties')} ${t('statistics.composite.link_hint')}`}</p>
              </>
            )}
          </section>
          {r.result.notRanked.length === 0 ? '' : (
            <section aria-labelledby="not-ranked-h">
              <h2 id="not-ranked-h" safe>{t('statistics.composite.not_ranked_heading')}</h2>
              <p safe>{t('statistics.composite.missing_rule')}</p>
              <div class="table-wrap" tabindex="0" role="region" aria-labelledby="not-ranked-caption">
                <table class="stat-table">
                  <caption id="not-ranked-caption" safe>{t('statistics.composite.not_ranked_caption', { count: r.result.notRanked.length, period: periodText })}</caption>
                  <thead>
                    <tr>
                      <th scope="col" safe>{t('statistics.col.area')}</th>
                      <th scope="col" safe>{t('statistics.composite.col_reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.result.notRanked.map((n) => (
                      <tr>
                        <th scope="row">
                          <a href={provinceHref(index.code, n.unitCode, r)} safe>{n.unitName}</a>
                        </th>
                        <td safe>{missingText(ctx, r, n.missing, n.unitCode)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          <section aria-labelledby="method-h">
            <h2 id="method-h" safe>{t('statistics.composite.method_heading')}</h2>
            <p safe>{en(ctx) ? r.edition.row.method_en : r.edition.row.method_vi}</p>
            <MethodTable ctx={ctx} ranking={r} />
          </section>
          <section aria-labelledby="downloads-h">
            <h2 id="downloads-h" safe>{t('statistics.indicator.downloads')}</h2>
            <ul class="stat-links">
              <li>
                <a href={`${indexHref(index.code)}/xep-hang.csv?${q}`} safe>{t('statistics.indicator.download_csv')}</a>
              </li>
              <li>
                <a href={`${indexHref(index.code)}/xep-hang.json?${q}`} safe>{t('statistics.indicator.download_json')}</a>
              </li>
              <li>
                <a href={`/api/v1/indices/${encodeURIComponent(index.code)}/rankings?${q}`} safe>{t('statistics.indicator.api')}</a>
              </li>
            </ul>
          </section>
        </>
      )}
    </Layout>
  );
}

/** "Indicator A, Indicator B" in the reader's language. */
export function missingText(ctx: ViewContext, r: IndexRanking, missing: readonly string[], unitCode?: string): string {
  const base = ctx.t('statistics.composite.missing', { indicators: missingNames(r, ctx.locale, missing) });
  const notes = unitCode === undefined ? undefined : r.mapped.get(unitCode);
  if (notes === undefined) return base;
  // Under the 2025 view, why each figure is empty (a partial succession, a former province without a figure, a share).
  const why = [...new Set(missing.map((c) => notes.get(c)).filter((n): n is MappedRow => n !== undefined).map((n) => mappedNoteText(ctx.t, n)))];
  return why.length === 0 ? base : `${base} ${why.join('; ')}.`;
}

export interface ProvincePageProps {
  readonly ctx: ViewContext;
  readonly ranking: IndexRanking;
  readonly unit: { code: string; name: string };
  /** The province's raw figures (also for a province that is not ranked). */
  readonly figures: ReadonlyMap<string, { value: number; status: ValueStatus }>;
}

export function ProvincePage({ ctx, ranking: r, unit, figures }: ProvincePageProps): JSX.Element {
  const t = ctx.t;
  const name = indexName(ctx, r.index);
  const periodText = periodLabel(r.period, ctx.locale);
  const title = t('statistics.composite.province_title', { unit: unit.name, index: name, period: periodText });
  const row = r.result.rows.find((x) => x.unitCode === unit.code);
  const notRanked = r.result.notRanked.find((x) => x.unitCode === unit.code);
  const fmt = (v: number): string => formatNumber(v, ctx.locale, r.result.decimals);
  const pillarTotal = r.edition.pillars.reduce((s, p) => s + p.weight, 0);
  const notes = r.mapped.get(unit.code);
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} index={r.index} />
      <h1 safe>{title}</h1>
      <IllustrativeNotice ctx={ctx} show={r.illustrative} />
      {r.under2025 ? <p class="muted" safe>{t('statistics.indicator.mapping_note')}</p> : ''}
      {row === undefined ? (
        <p class="alert" safe>{notRanked === undefined ? t('statistics.composite.not_ranked') : `${t('statistics.composite.not_ranked')} ${missingText(ctx, r, notRanked.missing, unit.code)}`}</p>
      ) : (
        <dl class="facts stat-score">
          <dt safe>{t('statistics.col.rank')}</dt>
          <dd safe>{t('statistics.dashboard.rank_value', { rank: row.rank, total: r.result.rows.length })}</dd>
          <dt safe>{t('statistics.composite.col_score')}</dt>
          <dd safe>{t('statistics.composite.score_of', { score: fmt(row.score), scale: formatNumber(r.edition.row.scale, ctx.locale) })}</dd>
          <dt safe>{t('statistics.composite.edition')}</dt>
          <dd safe>{t('statistics.composite.edition_link', { edition: r.edition.row.label, years: editionYears(r.edition.row) })}</dd>
        </dl>
      )}
      <p>
        <a href={`${indexHref(r.index.code)}?${rankingQuery(r)}`} safe>{t('statistics.composite.back_to_ranking')}</a>
      </p>
      <section aria-labelledby="how-h">
        <h2 id="how-h" safe>{t('statistics.composite.how_heading')}</h2>
        <p safe>{t('statistics.composite.how_intro', { scale: formatNumber(r.edition.row.scale, ctx.locale) })}</p>
        {row === undefined ? '' : (
          <div class="table-wrap" tabindex="0" role="region" aria-labelledby="pillars-caption">
            <table class="stat-table">
              <caption id="pillars-caption" safe>{t('statistics.composite.pillars_caption', { unit: unit.name })}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('statistics.composite.pillar')}</th>
                  <th scope="col" class="num" safe>{t('statistics.composite.col_weight')}</th>
                  <th scope="col" class="num" safe>{t('statistics.composite.col_pillar_score')}</th>
                  <th scope="col" class="num" safe>{t('statistics.composite.col_contribution')}</th>
                </tr>
              </thead>
              <tbody>
                {row.pillars.map((p, k) => {
                  const def = r.edition.pillars[k] as EditionPillar;
                  return (
                    <tr>
                      <th scope="row" safe>{pillarName(ctx, def)}</th>
                      <td class="num" safe>{share(ctx, def.weight / pillarTotal)}</td>
                      <td class="num" safe>{fmt(p.score)}</td>
                      <td class="num" safe>{fmt(p.indicators.reduce((s, x) => s + x.contribution, 0))}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colspan="3" safe>{t('statistics.composite.col_score')}</th>
                  <td class="num" safe>{fmt(row.score)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {r.edition.pillars.map((p, k) => {
          const scored = row?.pillars[k];
          const total = p.indicators.reduce((s, i) => s + i.weight, 0);
          const id = `pillar-${k}-caption`;
          return (
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby={id}>
              <table class="stat-table">
                <caption id={id} safe>{scored === undefined ? pillarName(ctx, p) : t('statistics.composite.pillar_caption', { pillar: pillarName(ctx, p), score: fmt(scored.score) })}</caption>
                <thead>
                  <tr>
                    <th scope="col" safe>{t('statistics.composite.col_indicator')}</th>
                    <th scope="col" class="num" safe>{t('statistics.composite.col_raw')}</th>
                    {r.under2025 ? <th scope="col" safe>{t('statistics.mapping.col_note')}</th> : ''}
                    <th scope="col" safe>{t('statistics.composite.col_normalisation')}</th>
                    <th scope="col" class="num" safe>{t('statistics.composite.col_normalised')}</th>
                    <th scope="col" class="num" safe>{t('statistics.composite.col_weight')}</th>
                    <th scope="col" class="num" safe>{t('statistics.composite.col_contribution')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.indicators.map((i, n) => {
                    const s = scored?.indicators[n];
                    const fig = figures.get(i.code);
                    return (
                      <tr>
                        <th scope="row">
                          <a href={`/thong-ke/xep-hang/${encodeURIComponent(i.code)}?period=${encodeURIComponent(r.period.code)}`} safe>{indName(ctx, i)}</a>
                        </th>
                        <td class="num" safe>{fig === undefined ? t('statistics.composite.no_figure') : `${raw(ctx, i, fig.value)} ${en(ctx) ? i.unitEn : i.unitVi}${fig.status === 'illustrative' ? '*' : ''}`}</td>
                        {r.under2025 ? <td safe>{notes?.get(i.code) === undefined ? '' : mappedNoteText(t, notes.get(i.code) as MappedRow)}</td> : ''}
                        <td safe>{`${i.higherIsBetter ? t('statistics.composite.higher') : t('statistics.composite.lower')}; ${normalisationText(ctx, i, r.result.bounds.get(i.code))}`}</td>
                        <td class="num" safe>{s === undefined ? '' : share(ctx, s.normalised)}</td>
                        <td class="num" safe>{share(ctx, i.weight / total)}</td>
                        <td class="num" safe>{s === undefined ? '' : fmt(s.contribution)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          );
        })}
        {r.illustrative ? <p class="muted" safe>{`* ${t('statistics.status.illustrative')}`}</p> : ''}
      </section>
    </Layout>
  );
}
