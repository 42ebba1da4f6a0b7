/** The portal's search page: one form, results with highlighted snippets, pagination. */
import { Layout } from '../../ui/layout.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { FieldErrors } from '../errors.ts';
import { fieldMessage } from '../../ui/forms.tsx';
import { formatDate, formatNumber } from '../text/format.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { SearchResults } from './engine.ts';

export interface SearchPageProps {
  readonly ctx: ViewContext;
  readonly values: { q: string; loai: string; tu: string; den: string };
  readonly types: readonly [string, MessageKey][];
  readonly results: SearchResults | null;
  readonly errors?: FieldErrors | undefined;
}

function DateField({ ctx, name, label, value, errors }: { ctx: ViewContext; name: string; label: string; value: string; errors?: FieldErrors | undefined }): JSX.Element {
  const message = fieldMessage(ctx.t, errors, name);
  return (
    <div class={message === undefined ? 'field' : 'field field-error'}>
      <label for={`f-${name}`} safe>{label}</label>
      {message === undefined ? '' : <p class="error-message" id={`f-${name}-error`} safe>{message}</p>}
      <input type="date" id={`f-${name}`} name={name} value={value} aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={message === undefined ? undefined : `f-${name}-error`} />
    </div>
  );
}

export function SearchPage({ ctx, values, types, results, errors }: SearchPageProps): JSX.Element {
  const t = ctx.t;
  const params = (page: number) => {
    const p = new URLSearchParams({ q: values.q });
    if (values.loai !== '') p.set('loai', values.loai);
    if (values.tu !== '') p.set('tu', values.tu);
    if (values.den !== '') p.set('den', values.den);
    if (page > 1) p.set('trang', String(page));
    return `/tim-kiem?${p.toString()}`;
  };
  const pages = results === null ? 0 : Math.ceil(Math.min(results.total, 1000 * results.pageSize) / results.pageSize);
  return (
    <Layout ctx={ctx} title={values.q === '' ? t('search.title') : `${t('search.title')}: ${values.q.slice(0, 80)}`} head={<meta name="robots" content="noindex" />}>
      <h1 safe>{t('search.title')}</h1>
      <form method="get" action="/tim-kiem" role="search" class="stack">
        <div class="field">
          <label for="f-q" safe>{t('search.query')}</label>
          <p class="hint" id="f-q-hint" safe>{t('search.query_hint')}</p>
          <input type="search" id="f-q" name="q" value={values.q.slice(0, 500)} aria-describedby="f-q-hint" maxlength="500" />
        </div>
        <div class="field">
          <label for="f-loai" safe>{t('search.type')}</label>
          <select id="f-loai" name="loai">
            <option value="" safe>{t('search.all_types')}</option>
            {types.map(([type, label]) => (
              <option value={type} selected={type === values.loai} safe>{t(label)}</option>
            ))}
          </select>
        </div>
        <DateField ctx={ctx} name="tu" label={t('search.from')} value={values.tu} errors={errors} />
        <DateField ctx={ctx} name="den" label={t('search.to')} value={values.den} errors={errors} />
        <div class="actions">
          <button type="submit" class="button" safe>{t('search.submit')}</button>
        </div>
      </form>
      {results === null ? (
        values.q === '' ? <p class="muted" safe>{t('search.empty')}</p> : ''
      ) : (
        <section aria-labelledby="search-results-title">
          <h2 id="search-results-title" safe>
            {results.total === 0
              ? t('search.no_results', { q: values.q.slice(0, 80) })
              : t(results.totalIsLowerBound ? 'search.results_many' : 'search.results', { count: formatNumber(results.totalIsLowerBound ? results.total - 1 : results.total, ctx.locale), q: values.q.slice(0, 80) })}
          </h2>
          {results.truncated ? <p class="alert" role="status" safe>{t('search.truncated')}</p> : ''}
          <ol class="search-results" start={String((results.page - 1) * results.pageSize + 1)}>
            {results.results.map((r) => {
              // The snippet is built by snippet.ts: escaped text with <mark> around matches.
              const safeSnippet = r.snippet;
              return (
                <li class="search-result">
                  <h3>
                    <a href={r.url} safe>{r.title}</a>
                  </h3>
                  {r.publishedAt === null ? '' : <p class="muted" safe>{`${t('search.published')}: ${formatDate(r.publishedAt)}`}</p>}
                  <p>{safeSnippet}</p>
                </li>
              );
            })}
          </ol>
          {pages > 1 ? (
            <nav class="pagination" aria-label={t('search.pagination')}>
              <ul>
                {results.page > 1 ? (
                  <li>
                    <a href={params(results.page - 1)} rel="prev" safe>{t('search.previous')}</a>
                  </li>
                ) : ''}
                <li>
                  <span aria-current="page" safe>{t('search.page_n', { page: results.page })}</span>
                </li>
                {results.page < pages ? (
                  <li>
                    <a href={params(results.page + 1)} rel="next" safe>{t('search.next')}</a>
                  </li>
                ) : ''}
              </ul>
            </nav>
          ) : ''}
        </section>
      )}
    </Layout>
  );
}
