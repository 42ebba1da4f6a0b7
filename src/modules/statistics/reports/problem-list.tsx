/** The list of problems of a refused report, each linked to its cell on the form when there is one. */
import type { Translate } from '../../../platform/i18n/index.ts';
import type { Problem } from './grid.ts';

export const problemText = (t: Translate, p: Problem): string => {
  const message = t(p.key, p.params);
  if (p.ref !== undefined) return t('reports.at_cell', { ref: p.ref, message });
  if (p.row !== undefined) return t('reports.at_row', { row: p.row, message });
  return message;
};

export function ProblemList({ t, problems, linkable }: { t: Translate; problems: readonly Problem[]; linkable: ReadonlySet<string> }): JSX.Element {
  if (problems.length === 0) return <></>;
  return (
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="report-problems-title">
      <h2 id="report-problems-title" safe>
        {t('reports.problems_title', { count: problems.length })}
      </h2>
      <ul class="report-problems">
        {problems.slice(0, 200).map((p) => (
          <li>
            {p.ref !== undefined && linkable.has(p.ref) ? (
              <a href={`#c-${p.ref}`} safe>
                {problemText(t, p)}
              </a>
            ) : (
              <span safe>{problemText(t, p)}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
