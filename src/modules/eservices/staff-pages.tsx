/** The one-stop-shop pages for staff: the inbox and a dossier with its actions. */
import type { FieldErrors } from '../../platform/errors.ts';
import type { AdminNavItem } from '../../platform/http/context.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formatDate, formatNumber } from '../../platform/text/format.ts';
import { AdminLayout } from '../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, fieldMessage } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { ComponentRow, ProcedureRow } from './catalogue-queries.ts';
import type { AuthorityEntry } from './authority-queries.ts';
import type { AgencyNames, DossierEventRow, DossierFileRow, DossierRow } from './dossier-queries.ts';
import { allFields, label, type FormData, type FormDefinition } from './form-definition.ts';
import type { InboxCounts, InboxEntry, InboxFilter } from './staff-queries.ts';
import { Timeline } from './timeline.tsx';
import { licenceKindOf } from './results/licence-kinds.ts';
import { STATUSES, STAFF_ACTIONS, type DossierStatus, type StaffActionName, type Urgency } from './workflow.ts';

const URGENCIES: readonly Urgency[] = ['late', 'due_soon', 'on_time'];

export const stateLabel = (ctx: ViewContext, status: string): string => ctx.t(`eservices.state_${status}` as MessageKey);

export interface InboxPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly entries: readonly InboxEntry[];
  readonly filter: InboxFilter;
  readonly procedures: readonly { id: number; code: string; name_vi: string; name_en: string }[];
  readonly counts: InboxCounts;
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  /** Dossiers submitted to the staff member's agency as competent authority. */
  readonly awaiting?: readonly AuthorityEntry[];
}

/** The filter as query parameters, so that a filtered page can be bookmarked and paged. */
export function inboxQuery(filter: InboxFilter, page = 1): string {
  const q = new URLSearchParams();
  if (filter.procedureId !== undefined) q.set('thu-tuc', String(filter.procedureId));
  if (filter.status !== undefined) q.set('trang-thai', filter.status);
  if (filter.urgency !== undefined) q.set('han', filter.urgency);
  if (page > 1) q.set('trang', String(page));
  const s = q.toString();
  return s === '' ? '/quan-tri/ho-so' : `/quan-tri/ho-so?${s}`;
}

/** Symbols beside the words, so that urgency is not told by colour alone (WCAG 2.2, 1.4.1). */
const URGENCY_MARK: Readonly<Record<Urgency, string>> = { late: '!', due_soon: '◷', on_time: '✓' };

export function UrgencyBadge({ ctx, urgency }: { ctx: ViewContext; urgency: Urgency }): JSX.Element {
  return (
    <span class={`urgency urgency-${urgency}`}>
      <span class="urgency-mark" aria-hidden="true" safe>{URGENCY_MARK[urgency]}</span> <span safe>{ctx.t(`eservices.urgency_${urgency}`)}</span>
    </span>
  );
}

function InboxSummary({ ctx, counts, filter }: { ctx: ViewContext; counts: InboxCounts; filter: InboxFilter }): JSX.Element {
  const t = ctx.t;
  const statuses = STATUSES.filter((s) => (counts.byStatus[s] ?? 0) > 0);
  return (
    <section aria-labelledby="inbox-summary" class="inbox-summary">
      <h2 id="inbox-summary" class="visually-hidden" safe>{t('inbox.summary')}</h2>
      <ul class="inbox-counts">
        {URGENCIES.map((u) => (
          <li>
            <a href={inboxQuery({ ...filter, urgency: u, status: undefined })} aria-current={filter.urgency === u ? 'true' : undefined}>
              <UrgencyBadge ctx={ctx} urgency={u} /> <strong safe>{formatNumber(counts.byUrgency[u], ctx.locale)}</strong>
            </a>
          </li>
        ))}
      </ul>
      <ul class="inbox-counts">
        {statuses.map((s) => (
          <li>
            <a href={inboxQuery({ ...filter, status: s, urgency: undefined })} aria-current={filter.status === s ? 'true' : undefined}>
              <span safe>{stateLabel(ctx, s)}</span> <strong safe>{formatNumber(counts.byStatus[s] ?? 0, ctx.locale)}</strong>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function InboxPager({ ctx, filter, page, pages }: { ctx: ViewContext; filter: InboxFilter; page: number; pages: number }): JSX.Element {
  if (pages <= 1) return <></>;
  const t = ctx.t;
  return (
    <nav class="pagination" aria-label={t('shell.pagination')}>
      <p safe>{t('shell.page_of', { page, pages })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <a href={inboxQuery(filter, page - 1)} rel="prev" safe>{t('shell.previous')}</a>
          </li>
        ) : ''}
        {page < pages ? (
          <li>
            <a href={inboxQuery(filter, page + 1)} rel="next" safe>{t('shell.next')}</a>
          </li>
        ) : ''}
      </ul>
    </nav>
  );
}

/** The dossiers awaiting the decision of the reader's agency as competent authority. */
function AuthoritySection({ ctx, awaiting }: { ctx: ViewContext; awaiting: readonly AuthorityEntry[] }): JSX.Element {
  const t = ctx.t;
  const en = ctx.locale === 'en';
  return (
    <section aria-labelledby="authority-title">
      <h2 id="authority-title" safe>{t('eservices.authority_inbox')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" safe>{t('eservices.dossier_code')}</th>
              <th scope="col" safe>{t('eservices.procedure')}</th>
              <th scope="col" safe>{t('eservices.applicant_section')}</th>
              <th scope="col" safe>{t('eservices.submitted_by_agency')}</th>
              <th scope="col" safe>{t('eservices.due_on')}</th>
            </tr>
          </thead>
          <tbody>
            {awaiting.map((e) => (
              <tr>
                <td>
                  <a href={`/quan-tri/ho-so/${e.id}`} safe>{e.code}</a>
                </td>
                <td safe>{`${e.procedureCode} – ${en ? e.procedureEn : e.procedureVi}`}</td>
                <td safe>{`${e.applicantName}${e.summary === '' ? '' : ` – ${e.summary}`}`}</td>
                <td safe>{en ? e.fromAgency.en : e.fromAgency.vi}</td>
                <td safe>{e.dueOn === null ? '' : formatDate(e.dueOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function InboxPage({ ctx, adminNav, entries, filter, procedures, counts, total, page, pages, awaiting = [] }: InboxPageProps): JSX.Element {
  const t = ctx.t;
  const en = ctx.locale === 'en';
  return (
    <AdminLayout ctx={ctx} title={t('eservices.inbox')} adminNav={adminNav}>
      <h1 safe>{t('eservices.inbox')}</h1>
      {awaiting.length === 0 ? '' : <AuthoritySection ctx={ctx} awaiting={awaiting} />}
      <InboxSummary ctx={ctx} counts={counts} filter={filter} />
      <form method="get" action="/quan-tri/ho-so" class="filters">
        <div class="field">
          <label for="f-procedure" safe>{t('eservices.procedure')}</label>
          <select id="f-procedure" name="thu-tuc">
            <option value="" safe>{t('eservices.all')}</option>
            {procedures.map((p) => (
              <option value={String(p.id)} selected={filter.procedureId === p.id} safe>{`${p.code} – ${en ? p.name_en : p.name_vi}`}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-status" safe>{t('eservices.status')}</label>
          <select id="f-status" name="trang-thai">
            <option value="" safe>{t('eservices.all')}</option>
            {STATUSES.filter((s) => s !== 'draft').map((s) => (
              <option value={s} selected={filter.status === s} safe>{stateLabel(ctx, s)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-urgency" safe>{t('eservices.due_on')}</label>
          <select id="f-urgency" name="han">
            <option value="" safe>{t('eservices.all')}</option>
            {URGENCIES.map((u) => (
              <option value={u} selected={filter.urgency === u} safe>{t(`eservices.urgency_${u}`)}</option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" safe>{t('eservices.apply_filter')}</button>
        </div>
      </form>
      <p role="status" safe>{t('eservices.inbox_count', { count: formatNumber(total, ctx.locale) })}</p>
      {entries.length === 0 ? '' : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('eservices.inbox')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('eservices.dossier_code')}</th>
                <th scope="col" safe>{t('eservices.procedure')}</th>
                <th scope="col" safe>{t('eservices.applicant_section')}</th>
                <th scope="col" safe>{t('eservices.status')}</th>
                <th scope="col" safe>{t('eservices.due_on')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr class={e.urgency === null ? undefined : `urgency-${e.urgency}`}>
                  <td>
                    <a href={`/quan-tri/ho-so/${e.id}`} safe>{e.code}</a>
                  </td>
                  <td safe>{`${e.procedureCode} – ${en ? e.procedureEn : e.procedureVi}`}</td>
                  <td safe>{`${e.applicantName}${e.summary === '' ? '' : ` – ${e.summary}`}`}</td>
                  <td safe>{`${stateLabel(ctx, e.status)}${e.supplementCount >= 2 ? ` (${t('eservices.second_supplement')})` : ''}`}</td>
                  <td>
                    <span safe>{e.dueOn === null ? '' : formatDate(e.dueOn)}</span>
                    {e.urgency === null ? '' : <> <UrgencyBadge ctx={ctx} urgency={e.urgency} /></>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <InboxPager ctx={ctx} filter={filter} page={page} pages={pages} />
    </AdminLayout>
  );
}

export interface StaffDossierProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly dossier: DossierRow;
  readonly procedure: ProcedureRow;
  readonly def: FormDefinition;
  readonly components: readonly ComponentRow[];
  readonly files: readonly DossierFileRow[];
  readonly events: readonly DossierEventRow[];
  readonly actions: readonly StaffActionName[];
  readonly urgency: Urgency | null;
  /** The competent authority that decides, when it is not the dossier's agency. */
  readonly authority: { vi: string; en: string } | null;
  readonly agencyNames: AgencyNames;
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  readonly alert?: string;
  readonly notice?: string;
}

export function StaffDossierPage(props: StaffDossierProps): JSX.Element {
  const { ctx, dossier, procedure, def, files, events, errors, values = {} } = props;
  const t = ctx.t;
  const en = ctx.locale === 'en';
  const data = JSON.parse(dossier.form_json) as FormData;
  const componentName = (code: string): string => {
    const c = props.components.find((x) => x.code === code);
    return c === undefined ? code : en ? c.name_en : c.name_vi;
  };
  const noteError = fieldMessage(t, errors, 'note');
  const dueError = fieldMessage(t, errors, 'new_due_on');
  return (
    <AdminLayout ctx={ctx} title={`${t('eservices.dossier_code')} ${dossier.code ?? ''}`} adminNav={props.adminNav}>
      <h1 safe>{`${t('eservices.dossier_code')} ${dossier.code ?? ''}`}</h1>
      <Notice message={props.notice} />
      <FormAlert message={props.alert} />
      <ErrorSummary t={t} errors={errors} labels={{ note: t('eservices.note'), new_due_on: t('eservices.new_due_on'), action: t('eservices.actions') }} />
      <dl class="facts">
        <dt safe>{t('eservices.procedure')}</dt>
        <dd safe>{`${procedure.code} – ${en ? procedure.name_en : procedure.name_vi}`}</dd>
        <dt safe>{t('eservices.status')}</dt>
        <dd safe>{`${stateLabel(ctx, dossier.status)} (${t(`eservices.national_${dossier.national_status ?? 1}` as MessageKey)}, ${dossier.national_status ?? ''})`}</dd>
        <dt safe>{t('eservices.received_on')}</dt>
        <dd safe>{dossier.received_on === null ? '' : formatDate(dossier.received_on)}</dd>
        <dt safe>{t('eservices.due_on')}</dt>
        <dd>
          <span safe>{dossier.due_on === null ? '' : formatDate(dossier.due_on)}</span>
          {props.urgency === null ? '' : <> <UrgencyBadge ctx={ctx} urgency={props.urgency} /></>}
        </dd>
        {props.authority === null ? '' : (
          <>
            <dt safe>{t('eservices.deciding_agency')}</dt>
            <dd safe>{en ? props.authority.en : props.authority.vi}</dd>
          </>
        )}
        {dossier.supplement_count >= 2 ? (
          <>
            <dt safe>{t('eservices.supplements')}</dt>
            <dd safe>{`${dossier.supplement_count} (${t('eservices.second_supplement')})`}</dd>
          </>
        ) : ''}
      </dl>
      <p class="links">
        <a href={`/quan-tri/ho-so/${dossier.id}/bien-nhan.pdf`} safe>{t('licences.receipt_pdf')}</a>
        {' · '}
        <a href={`/quan-tri/ho-so/${dossier.id}/phi`} safe>{t('payments.staff_link')}</a>
        {licenceKindOf(procedure.code) !== undefined && (dossier.status === 'decided' || dossier.status === 'returned') ? (
          <>
            {' · '}
            <a href={`/quan-tri/ho-so/${dossier.id}/giay-phep`} safe>{t('licences.staff_link')}</a>
          </>
        ) : ''}
      </p>

      {props.actions.length === 0 ? '' : (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title" safe>{t('eservices.actions')}</h2>
          <form method="post" action={`/quan-tri/ho-so/${dossier.id}/xu-ly`} class="stack" novalidate>
            <CsrfField ctx={ctx} />
            <div class={noteError === undefined ? 'field' : 'field field-error'}>
              <label for="f-note" safe>{t('eservices.note')}</label>
              <p class="hint" id="f-note-hint" safe>{t('eservices.note_hint')}</p>
              {noteError === undefined ? '' : <p class="error-message" id="f-note-error" safe>{noteError}</p>}
              <textarea id="f-note" name="note" rows="4" aria-describedby={noteError === undefined ? 'f-note-hint' : 'f-note-hint f-note-error'} safe>{values.note ?? ''}</textarea>
            </div>
            {props.actions.includes('apologise') ? (
              <div class={dueError === undefined ? 'field' : 'field field-error'}>
                <label for="f-new_due_on" safe>{t('eservices.new_due_on')}</label>
                <p class="hint" id="f-new_due_on-hint" safe>{t('eservices.new_due_hint')}</p>
                {dueError === undefined ? '' : <p class="error-message" safe>{dueError}</p>}
                <input id="f-new_due_on" name="new_due_on" type="date" value={values.new_due_on ?? ''} aria-describedby="f-new_due_on-hint" />
                <label for="f-extra_days" safe>{t('inbox.extra_days')}</label>
                <p class="hint" id="f-extra_days-hint" safe>{t('inbox.extra_days_hint')}</p>
                <input id="f-extra_days" name="extra_days" type="text" inputmode="numeric" class="input-short" value={values.extra_days ?? ''} aria-describedby="f-extra_days-hint" />
              </div>
            ) : ''}
            <div class="actions">
              {props.actions.map((a) => (
                <button type="submit" name="action" value={a} class={STAFF_ACTIONS[a].to === 'refused' || STAFF_ACTIONS[a].to === 'stopped' ? 'button-secondary' : undefined} safe>
                  {t(`eservices.action_${a}`)}
                </button>
              ))}
            </div>
          </form>
        </section>
      )}

      <h2 safe>{t('eservices.form_data')}</h2>
      <dl class="facts">
        {allFields(def)
          .filter((f) => (data[f.name] ?? '') !== '')
          .map((f) => (
            <>
              <dt safe>{label(f.label, ctx.locale)}</dt>
              <dd safe>{f.options === undefined ? (data[f.name] ?? '') : label(f.options.find((o) => o.value === data[f.name])?.label ?? { vi: data[f.name] ?? '', en: data[f.name] ?? '' }, ctx.locale)}</dd>
            </>
          ))}
      </dl>

      <h2 safe>{t('eservices.documents')}</h2>
      <ul>
        {files.map((f) => (
          <li>
            <a href={`/quan-tri/ho-so/${dossier.id}/tep/${f.id}`} safe>{`${componentName(f.component_code)}: ${f.file_name}`}</a>
            {f.reused === 1 ? <span class="muted" safe>{` (${t('eservices.reused')})`}</span> : ''}
          </li>
        ))}
      </ul>

      <h2 safe>{t('eservices.timeline')}</h2>
      <Timeline ctx={ctx} events={events} agencies={props.agencyNames} />
    </AdminLayout>
  );
}


export const isDossierStatus = (value: string): value is DossierStatus => (STATUSES as readonly string[]).includes(value);
export const isUrgency = (value: string): value is Urgency => (URGENCIES as readonly string[]).includes(value);
