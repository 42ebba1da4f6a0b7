/** A dossier's timeline: each step with its time, national status, note and new due date. */
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formatDate, formatDateTime } from '../../platform/text/format.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import type { AgencyNames, DossierEventRow } from './dossier-queries.ts';

/** `agencies`: names of the agencies that acted at a step other than the dossier's own (the competent authority). */
export function Timeline({ ctx, events, agencies }: { ctx: ViewContext; events: readonly DossierEventRow[]; agencies?: AgencyNames }): JSX.Element {
  const t = ctx.t;
  const agencyOf = (e: DossierEventRow): string => {
    const name = e.agency_id === null ? undefined : agencies?.get(e.agency_id);
    return name === undefined ? '' : ` – ${ctx.locale === 'en' ? name.en : name.vi}`;
  };
  return (
    <ol class="timeline">
      {events.map((e) => (
        <li>
          <time datetime={e.at} safe>{formatDateTime(e.at)}</time>{' '}
          <span safe>{`${t(`eservices.event_${e.action}` as MessageKey)}${agencyOf(e)}${e.national_status === null ? '' : ` (${t(`eservices.national_${e.national_status}` as MessageKey)})`}`}</span>
          {e.due_on === null ? '' : <span safe>{` – ${t('eservices.due_on')}: ${formatDate(e.due_on)}`}</span>}
          {e.note === null ? '' : <p safe>{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
