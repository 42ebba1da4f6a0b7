/** Public pages of the procedure catalogue: /thu-tuc (list, filters, search) and /thu-tuc/<code>. */
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formatDate, formatNumber } from '../../platform/text/format.ts';
import { Layout } from '../../ui/layout.tsx';
import { ProcedureFeedbackSection } from './feedback/feedback-pages.tsx';
import type { PublishedFeedback } from './feedback/feedback-queries.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import type { AgencyAssignment, CatalogueEntry, CatalogueFilter, ComponentRow, FeeRow, ProcedureRow } from './catalogue-queries.ts';
import { ONLINE_LEVELS, PROCEDURE_FIELDS } from './catalogue-queries.ts';

export const levelLabel = (ctx: ViewContext, level: { scheme: string; level: string } | null): string => {
  if (level === null) return '';
  return level.scheme === 'decree43_2011' ? ctx.t('eservices.level_legacy', { level: level.level }) : ctx.t(`eservices.level_${level.level}` as MessageKey);
};

const fieldLabel = (ctx: ViewContext, field: string): string => ctx.t(`eservices.field_${field}` as MessageKey);

export interface CatalogueListProps {
  readonly ctx: ViewContext;
  readonly entries: readonly CatalogueEntry[];
  readonly filter: CatalogueFilter;
  readonly agencies: readonly { id: number; nameVi: string; nameEn: string }[];
}

export function CatalogueListPage({ ctx, entries, filter, agencies }: CatalogueListProps): JSX.Element {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('eservices.catalogue_title')}>
      <h1 safe>{t('eservices.catalogue_title')}</h1>
      <p safe>{t('eservices.catalogue_intro')}</p>
      <form method="get" action="/thu-tuc" role="search" class="filters">
        <div class="field">
          <label for="f-q" safe>{t('eservices.search')}</label>
          <p class="hint" id="f-q-hint" safe>{t('eservices.search_hint')}</p>
          <input id="f-q" name="q" type="search" value={filter.q ?? ''} aria-describedby="f-q-hint" />
        </div>
        <div class="field">
          <label for="f-field" safe>{t('eservices.filter_field')}</label>
          <select id="f-field" name="linh-vuc">
            <option value="" safe>{t('eservices.all')}</option>
            {PROCEDURE_FIELDS.map((f) => (
              <option value={f} selected={filter.field === f} safe>{fieldLabel(ctx, f)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-agency" safe>{t('eservices.filter_agency')}</label>
          <select id="f-agency" name="co-quan">
            <option value="" safe>{t('eservices.all')}</option>
            {agencies.map((a) => (
              <option value={String(a.id)} selected={filter.agencyId === a.id} safe>{ctx.locale === 'en' ? a.nameEn : a.nameVi}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-level" safe>{t('eservices.filter_level')}</label>
          <select id="f-level" name="muc-do">
            <option value="" safe>{t('eservices.all')}</option>
            {ONLINE_LEVELS.map((l) => (
              <option value={l} selected={filter.level === l} safe>{t(`eservices.level_${l}`)}</option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" safe>{t('eservices.apply_filter')}</button>
        </div>
      </form>
      <p role="status" safe>{t('eservices.result_count', { count: entries.length })}</p>
      {entries.length === 0 ? (
        <p safe>{t('eservices.no_results')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('eservices.catalogue_title')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('eservices.code')}</th>
                <th scope="col" safe>{t('eservices.name')}</th>
                <th scope="col" safe>{t('eservices.filter_field')}</th>
                <th scope="col" safe>{t('eservices.filter_level')}</th>
                <th scope="col" class="num" safe>{t('eservices.processing_time')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td safe>{e.code}</td>
                  <td>
                    <a href={`/thu-tuc/${encodeURIComponent(e.code)}`} safe>{ctx.locale === 'en' ? e.nameEn : e.nameVi}</a>
                  </td>
                  <td safe>{fieldLabel(ctx, e.field)}</td>
                  <td safe>{levelLabel(ctx, e.level)}</td>
                  <td class="num" safe>{t('eservices.working_days', { days: e.processingDays })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface ProcedureDetailProps {
  readonly ctx: ViewContext;
  readonly procedure: ProcedureRow;
  readonly agencies: readonly AgencyAssignment[];
  readonly levels: readonly { scheme: string; level: string; valid_from: string; valid_to: string | null }[];
  readonly fees: readonly FeeRow[];
  readonly components: readonly ComponentRow[];
  readonly canApplyOnline: boolean;
  /** Answered feedback about the procedure (the newest) and how many there are. */
  readonly feedback: { readonly items: readonly PublishedFeedback[]; readonly total: number };
}

const period = (ctx: ViewContext, from: string, to: string | null): string =>
  to === null ? ctx.t('eservices.from_date', { from: formatDate(from) }) : ctx.t('eservices.date_range', { from: formatDate(from), to: formatDate(to) });

export function ProcedureDetailPage(props: ProcedureDetailProps): JSX.Element {
  const { ctx, procedure: p } = props;
  const t = ctx.t;
  const en = ctx.locale === 'en';
  const name = en ? p.name_en : p.name_vi;
  return (
    <Layout ctx={ctx} title={name}>
      <nav class="breadcrumb" aria-label={t('shell.breadcrumb')}>
        <ol>
          <li><a href="/" safe>{t('shell.home')}</a></li>
          <li><a href="/thu-tuc" safe>{t('eservices.catalogue_title')}</a></li>
          <li aria-current="page" safe>{p.code}</li>
        </ol>
      </nav>
      <h1 safe>{name}</h1>
      <dl class="facts">
        <dt safe>{t('eservices.code')}</dt>
        <dd safe>{p.code}</dd>
        {p.national_code === null ? '' : (
          <>
            <dt safe>{t('eservices.national_code')}</dt>
            <dd safe>{p.national_code}</dd>
          </>
        )}
        <dt safe>{t('eservices.filter_field')}</dt>
        <dd safe>{fieldLabel(ctx, p.field)}</dd>
        <dt safe>{t('eservices.processing_time')}</dt>
        <dd safe>{t('eservices.working_days', { days: p.processing_days })}</dd>
        <dt safe>{t('eservices.result')}</dt>
        <dd safe>{en ? p.result_en : p.result_vi}</dd>
        <dt safe>{t('eservices.online')}</dt>
        <dd safe>{t(p.online_available === 1 ? 'eservices.online_yes' : 'eservices.online_no')}</dd>
      </dl>
      {props.canApplyOnline ? (
        <p>
          {ctx.user === null ? (
            <a class="button" href={`/dang-nhap?next=${encodeURIComponent(`/thu-tuc/${p.code}`)}`} safe>{t('eservices.apply_sign_in')}</a>
          ) : (
            <form method="post" action={`/thu-tuc/${encodeURIComponent(p.code)}/nop-truc-tuyen`} class="inline-form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <button type="submit" safe>{t('eservices.apply')}</button>
            </form>
          )}
        </p>
      ) : ''}

      <h2 safe>{t('eservices.applicants')}</h2>
      <p class="prose" safe>{en ? p.applicants_en : p.applicants_vi}</p>
      <h2 safe>{t('eservices.steps')}</h2>
      <p class="prose" safe>{en ? p.steps_en : p.steps_vi}</p>

      <h2 safe>{t('eservices.agencies')}</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden" safe>{t('eservices.agencies')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('eservices.period')}</th>
              <th scope="col" safe>{t('eservices.agency')}</th>
              <th scope="col" safe>{t('eservices.step')}</th>
            </tr>
          </thead>
          <tbody>
            {props.agencies.map((a) => (
              <tr>
                <td safe>{period(ctx, a.validFrom, a.validTo)}</td>
                <td safe>{en ? a.nameEn : a.nameVi}</td>
                <td safe>{t(`eservices.role_${a.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 safe>{t('eservices.components')}</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden" safe>{t('eservices.components')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('eservices.component')}</th>
              <th scope="col" safe>{t('eservices.copies')}</th>
              <th scope="col" safe>{t('shell.required')}</th>
            </tr>
          </thead>
          <tbody>
            {props.components.map((c) => (
              <tr>
                <td safe>{en ? c.name_en : c.name_vi}</td>
                <td safe>{en ? c.copies_en : c.copies_vi}</td>
                <td safe>{t(c.required === 1 ? 'eservices.required_component' : 'eservices.optional_component')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 safe>{t('eservices.fees')}</h2>
      {props.fees.length === 0 ? (
        <p safe>{t('eservices.no_fee')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('eservices.fees')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('eservices.fee_item')}</th>
                <th scope="col" class="num" safe>{t('eservices.fee_amount')}</th>
                <th scope="col" safe>{t('eservices.legal_basis')}</th>
              </tr>
            </thead>
            <tbody>
              {props.fees.map((f) => (
                <tr>
                  <td safe>{en ? f.label_en : f.label_vi}</td>
                  <td class="num" safe>{t('eservices.fee_per', { amount: formatNumber(f.amount_vnd, ctx.locale), unit: en ? f.unit_en : f.unit_vi })}</td>
                  <td safe>{f.legal_basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 safe>{t('eservices.level_history')}</h2>
      <ul>
        {props.levels.map((l) => (
          <li safe>{`${period(ctx, l.valid_from, l.valid_to)}: ${levelLabel(ctx, l)} (${t(`eservices.scheme_${l.scheme}` as MessageKey)})`}</li>
        ))}
      </ul>

      <h2 safe>{t('eservices.legal_basis')}</h2>
      <p class="prose" safe>{p.legal_basis}</p>

      <ProcedureFeedbackSection ctx={ctx} code={p.code} items={props.feedback.items} total={props.feedback.total} />
    </Layout>
  );
}
