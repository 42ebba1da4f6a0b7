/**
 * The related-articles picker on the article form: a search (a GET form of its own, outside the
 * article form) listing articles with their numbers; with JavaScript (newsroom-related.js) the
 * search runs in place and "Add" puts the number into the form's related field.
 */
import type { ViewContext } from '../../ui/view-context.ts';
import type { RelatedCandidate } from './related-articles.ts';

export interface RelatedPickerProps {
  readonly ctx: ViewContext;
  readonly action: string;
  readonly query: string;
  readonly results: readonly RelatedCandidate[] | undefined;
  readonly chosen: readonly RelatedCandidate[];
}

export function RelatedPicker({ ctx, action, query, results, chosen }: RelatedPickerProps): JSX.Element {
  const t = ctx.t;
  return (
    <section aria-labelledby="related-picker-title" class="stack" data-related-picker>
      <h2 id="related-picker-title" safe>{t('newsroom.related')}</h2>
      <h3 safe>{t('newsroom.related_current')}</h3>
      {chosen.length === 0 ? <p class="muted" safe>{t('newsroom.related_none')}</p> : (
        <ul>
          {chosen.map((c) => (
            <li safe>{`#${c.id} — ${c.title}`}</li>
          ))}
        </ul>
      )}
      <form method="get" action={action} class="actions" role="search" data-related-search>
        <label for="f-related-q" safe>{t('newsroom.related_search')}</label>
        <input id="f-related-q" name="lien-quan" type="search" value={query} maxlength="200" />
        <button type="submit" class="button-secondary" safe>{t('newsroom.related_search_button')}</button>
      </form>
      <div aria-live="polite" data-related-results>
        {results === undefined ? '' : results.length === 0 ? <p class="muted" safe>{t('search.no_results', { q: query })}</p> : (
          <ul aria-label={t('newsroom.related_results')}>
            {results.map((r) => (
              <li>
                <span safe>{`#${r.id} — ${r.title} `}</span>
                <button type="button" class="button-secondary" hidden data-related-add={String(r.id)} safe>{t('newsroom.related_add', { id: r.id })}</button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
