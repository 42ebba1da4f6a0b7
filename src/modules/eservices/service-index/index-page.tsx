/** The service-index cockpit: a period, agency and procedure form, then one accessible table of indicators with how each was computed. */
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatDate, formatNumber } from '../../../platform/text/format.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { FormAlert } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { IndexResult } from './compute-index.ts';
import { groupPoints } from './indicators.ts';

export interface IndexFilter {
  readonly from: string;
  readonly to: string;
  readonly agencyId?: number;
  readonly procedureId?: number;
}

export interface IndexPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly filter: IndexFilter;
  readonly agencies: readonly { id: number; vi: string; en: string }[];
  readonly procedures: readonly { id: number; code: string; name_vi: string; name_en: string }[];
  readonly result: IndexResult | null;
  readonly alert?: string;
}

export function ServiceIndexPage({ ctx, adminNav, filter, agencies, procedures, result, alert }: IndexPageProps): JSX.Element {
  const t = ctx.t;
  const en = ctx.locale === 'en';
  const pct = (v: number | null): string => (v === null ? t('sindex.no_data') : `${formatNumber(v * 100, ctx.locale, 1)}%`);
  return (
    <AdminLayout ctx={ctx} title={t('sindex.title')} adminNav={adminNav}>
      <h1 safe>{t('sindex.title')}</h1>
      <p safe>{t('sindex.intro')}</p>
      <FormAlert message={alert} />
      <form method="get" action="/quan-tri/chi-so-phuc-vu" class="filters">
        <div class="field">
          <label for="f-from" safe>{t('sindex.from')}</label>
          <input id="f-from" name="tu" type="date" value={filter.from} />
        </div>
        <div class="field">
          <label for="f-to" safe>{t('sindex.to')}</label>
          <input id="f-to" name="den" type="date" value={filter.to} />
        </div>
        <div class="field">
          <label for="f-agency" safe>{t('sindex.agency')}</label>
          <select id="f-agency" name="co-quan">
            <option value="" safe>{t('sindex.all')}</option>
            {agencies.map((a) => <option value={String(a.id)} selected={filter.agencyId === a.id} safe>{en ? a.en : a.vi}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="f-procedure" safe>{t('sindex.procedure')}</label>
          <select id="f-procedure" name="thu-tuc">
            <option value="" safe>{t('sindex.all')}</option>
            {procedures.map((p) => <option value={String(p.id)} selected={filter.procedureId === p.id} safe>{`${p.code} – ${en ? p.name_en : p.name_vi}`}</option>)}
          </select>
        </div>
        <div class="actions">
          <button type="submit" safe>{t('sindex.show')}</button>
        </div>
      </form>
      {result === null ? '' : (
        <>
          <div class="table-wrap">
            <table class="index-table">
              <caption safe>{`${t('sindex.title')}: ${formatDate(filter.from)} – ${formatDate(filter.to)}`}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('sindex.indicator')}</th>
                  <th scope="col" class="num" safe>{t('sindex.numerator')}</th>
                  <th scope="col" class="num" safe>{t('sindex.denominator')}</th>
                  <th scope="col" class="num" safe>{t('sindex.rate')}</th>
                  <th scope="col" class="num" safe>{t('sindex.full_at')}</th>
                  <th scope="col" class="num" safe>{t('sindex.attainment')}</th>
                  <th scope="col" safe>{t('sindex.how')}</th>
                </tr>
              </thead>
              <tbody>
                {result.values.map((v) => (
                  <tr>
                    <th scope="row">
                      <span safe>{t(`sindex.name_${v.def.code}` as MessageKey)}</span>
                      <br />
                      <span class="muted" safe>{`${t(`sindex.group_${v.def.group}` as MessageKey)}`}</span>
                    </th>
                    <td class="num" safe>{formatNumber(v.numerator, ctx.locale)}</td>
                    <td class="num" safe>{formatNumber(v.denominator, ctx.locale)}</td>
                    <td class="num" safe>{pct(v.rate)}</td>
                    <td class="num" safe>{`${formatNumber(v.def.fullAt * 100, ctx.locale)}%`}</td>
                    <td class="num" safe>{pct(v.attainment)}</td>
                    <td class="formula" safe>{t(`sindex.how_${v.def.code}` as MessageKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.paymentsAvailable ? '' : <p class="hint" safe>{t('sindex.payments_missing')}</p>}
          <p safe>{result.ratings.average === null ? t('sindex.no_ratings') : t('sindex.ratings', { count: formatNumber(result.ratings.count, ctx.locale), average: formatNumber(result.ratings.average, ctx.locale, 1) })}</p>
          <h2 safe>{t('sindex.groups_title')}</h2>
          <p class="hint" safe>{t('sindex.groups_note')}</p>
          <div class="table-wrap">
            <table class="index-table">
              <caption class="visually-hidden" safe>{t('sindex.groups_title')}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('sindex.group')}</th>
                  <th scope="col" class="num" safe>{t('sindex.points')}</th>
                </tr>
              </thead>
              <tbody>
                {groupPoints(result.values).map((g) => (
                  <tr>
                    <th scope="row" safe>{`${t(`sindex.group_${g.group}` as MessageKey)} (${formatNumber(g.max, ctx.locale)})`}</th>
                    <td class="num" safe>{g.points === null ? t('sindex.no_data') : `${formatNumber(g.points, ctx.locale, 2)} / ${formatNumber(g.max, ctx.locale)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </AdminLayout>
  );
}
