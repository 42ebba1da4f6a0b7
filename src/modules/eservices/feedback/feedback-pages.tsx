/** Pages of ratings and feedback: public list and form, the applicant's rating, the staff list and handling page. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatDate, formatNumber } from '../../../platform/text/format.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextArea, TextField, fieldMessage } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { DossierRow } from '../dossier-queries.ts';
import type { FeedbackRow } from './handle-feedback.ts';
import { UrgencyBadge } from '../staff-pages.tsx';
import type { Urgency } from '../workflow.ts';
import { FEEDBACK_STATUSES, STAFF_PAGE_SIZES, type PublishedFeedback, type StaffFeedbackFilter, type StaffFeedbackRow } from './feedback-queries.ts';
import { SCORES } from './rate-dossier.ts';
import { FEEDBACK_CATEGORIES } from './send-feedback.ts';

type Values = Readonly<Record<string, string>>;

/** One published answer: the feedback and the agency's answer, never the sender. */
function PublishedItem({ ctx, f, level }: { ctx: ViewContext; f: PublishedFeedback; level: 3 | 4 }): JSX.Element {
  const t = ctx.t;
  const title = <span safe>{f.subject}</span>;
  const answer = `${t('feedback.answer')} (${formatDate(f.answeredOn)})`;
  return (
    <article aria-labelledby={`pa-${f.id}`}>
      {level === 3 ? <h3 id={`pa-${f.id}`}>{title}</h3> : <h4 id={`pa-${f.id}`}>{title}</h4>}
      <p class="muted" safe>{`${t(`feedback.category_${f.category}` as MessageKey)} · ${t('feedback.received_on')}: ${formatDate(f.receivedOn)}`}</p>
      <p class="feedback-body" safe>{f.body}</p>
      {level === 3 ? <h4 safe>{answer}</h4> : <h5 safe>{answer}</h5>}
      <p class="feedback-body" safe>{f.answer}</p>
    </article>
  );
}

/** On a procedure's public page: the answered feedback about it, and where to send more. */
export function ProcedureFeedbackSection({ ctx, code, items, total }: { ctx: ViewContext; code: string; items: readonly PublishedFeedback[]; total: number }): JSX.Element {
  const t = ctx.t;
  const q = encodeURIComponent(code);
  return (
    <section aria-labelledby="procedure-feedback" class="procedure-feedback">
      <h2 id="procedure-feedback" safe>{t('feedback.about_procedure')}</h2>
      {items.length === 0 ? <p safe>{t('feedback.none_about_procedure')}</p> : (
        <ol class="feedback-list">
          {items.map((f) => (
            <li>
              <PublishedItem ctx={ctx} f={f} level={4} />
            </li>
          ))}
        </ol>
      )}
      <p>
        {total > items.length ? (
          <>
            <a href={`/phan-anh-kien-nghi?thu-tuc=${q}`} safe>{t('feedback.all_about_procedure', { count: formatNumber(total, ctx.locale) })}</a>
            {' · '}
          </>
        ) : ''}
        <a href={`/phan-anh-kien-nghi/gui?thu-tuc=${q}`} safe>{t('feedback.send_about_procedure')}</a>
      </p>
    </section>
  );
}

export function PublicFeedbackPage({ ctx, items, total, page, pages, notice, about }: { ctx: ViewContext; items: readonly PublishedFeedback[]; total: number; page: number; pages: number; notice?: string; about?: { code: string; name: string } }): JSX.Element {
  const t = ctx.t;
  const pageHref = (n: number) => {
    const q = new URLSearchParams();
    if (about !== undefined) q.set('thu-tuc', about.code);
    if (n > 1) q.set('trang', String(n));
    const text = q.toString();
    return text === '' ? '/phan-anh-kien-nghi' : `/phan-anh-kien-nghi?${text}`;
  };
  return (
    <Layout ctx={ctx} title={t('feedback.title')}>
      <h1 safe>{t('feedback.title')}</h1>
      <Notice message={notice} />
      <p safe>{t('feedback.intro')}</p>
      <p>
        <a class="button" href="/phan-anh-kien-nghi/gui" safe>{t('feedback.send_link')}</a>
      </p>
      <h2 safe>{about === undefined ? t('feedback.published') : t('feedback.published_about', { code: about.code, name: about.name })}</h2>
      {about === undefined ? '' : <p><a href="/phan-anh-kien-nghi" safe>{t('feedback.all_published')}</a></p>}
      <p role="status" safe>{t('feedback.count', { count: formatNumber(total, ctx.locale) })}</p>
      {items.length === 0 ? <p safe>{t('feedback.none_published')}</p> : (
        <ol class="feedback-list">
          {items.map((f) => (
            <li>
              <PublishedItem ctx={ctx} f={f} level={3} />
            </li>
          ))}
        </ol>
      )}
      {pages <= 1 ? '' : (
        <nav class="pagination" aria-label={t('shell.pagination')}>
          <p safe>{t('shell.page_of', { page, pages })}</p>
          <ul>
            {page > 1 ? <li><a href={pageHref(page - 1)} rel="prev" safe>{t('shell.previous')}</a></li> : ''}
            {page < pages ? <li><a href={pageHref(page + 1)} rel="next" safe>{t('shell.next')}</a></li> : ''}
          </ul>
        </nav>
      )}
    </Layout>
  );
}

function Choice({ ctx, name, label, options, value, errors }: { ctx: ViewContext; name: string; label: string; options: readonly { value: string; label: string }[]; value: string; errors?: FieldErrors | undefined }): JSX.Element {
  const message = fieldMessage(ctx.t, errors, name);
  return (
    <div class={message === undefined ? 'field' : 'field field-error'}>
      <label for={`f-${name}`} safe>{label}</label>
      {message === undefined ? '' : <p class="error-message" id={`f-${name}-error`} safe>{message}</p>}
      <select id={`f-${name}`} name={name} aria-describedby={message === undefined ? undefined : `f-${name}-error`}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value} safe>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

export function FeedbackFormPage({ ctx, agencies, procedures, values, errors, alert }: { ctx: ViewContext; agencies: readonly { id: number; vi: string; en: string }[]; procedures: readonly { id: number; code: string; vi: string; en: string }[]; values: Values; errors?: FieldErrors; alert?: string }): JSX.Element {
  const t = ctx.t;
  const labels = { agency_id: t('feedback.agency'), procedure_id: t('feedback.procedure'), category: t('feedback.category'), name: t('feedback.name'), email: t('feedback.email'), phone: t('feedback.phone'), dossier_code: t('feedback.dossier_code'), subject: t('feedback.subject'), body: t('feedback.body') };
  return (
    <Layout ctx={ctx} title={t('feedback.send_link')}>
      <h1 safe>{t('feedback.send_link')}</h1>
      <FormAlert message={alert} />
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <p safe>{t('feedback.intro')}</p>
      <form method="post" action="/phan-anh-kien-nghi/gui" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <Choice ctx={ctx} name="agency_id" label={labels.agency_id} value={values.agency_id ?? ''} errors={errors} options={agencies.map((a) => ({ value: String(a.id), label: ctx.locale === 'en' ? a.en : a.vi }))} />
        <Choice
          ctx={ctx}
          name="procedure_id"
          label={labels.procedure_id}
          value={values.procedure_id ?? ''}
          errors={errors}
          options={[{ value: '', label: t('feedback.procedure_none') }, ...procedures.filter((p, i, all) => all.findIndex((x) => x.id === p.id) === i).map((p) => ({ value: String(p.id), label: `${p.code} – ${ctx.locale === 'en' ? p.en : p.vi}` }))]}
        />
        <Choice ctx={ctx} name="category" label={labels.category} value={values.category ?? ''} errors={errors} options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: t(`feedback.category_${c}`) }))} />
        <TextField t={t} name="name" label={labels.name} value={values.name} errors={errors} required autocomplete="name" maxlength={200} />
        <TextField t={t} name="email" label={labels.email} type="email" value={values.email} errors={errors} autocomplete="email" hint={t('feedback.contact_hint')} />
        <TextField t={t} name="phone" label={labels.phone} type="tel" value={values.phone} errors={errors} autocomplete="tel" />
        <TextField t={t} name="dossier_code" label={labels.dossier_code} value={values.dossier_code} errors={errors} maxlength={60} />
        <TextField t={t} name="subject" label={labels.subject} value={values.subject} errors={errors} required maxlength={200} />
        <TextArea t={t} name="body" label={labels.body} value={values.body} errors={errors} required rows={8} />
        <div class="actions">
          <button type="submit" safe>{t('feedback.send')}</button>
        </div>
      </form>
    </Layout>
  );
}

export function RatingPage({ ctx, dossier, given, values = {}, errors, alert, notice }: { ctx: ViewContext; dossier: DossierRow; given: number | null; values?: Values; errors?: FieldErrors; alert?: string; notice?: string }): JSX.Element {
  const t = ctx.t;
  const scoreError = fieldMessage(t, errors, 'score');
  return (
    <Layout ctx={ctx} title={t('rating.title')}>
      <h1 safe>{t('rating.title')}</h1>
      <Notice message={notice} />
      <FormAlert message={alert} />
      <ErrorSummary t={t} errors={errors} labels={{ score: t('rating.score'), comment: t('rating.comment') }} />
      {given !== null ? <p safe>{t('rating.given', { label: t(`rating.score_${given}` as MessageKey) })}</p> : (
        <form method="post" action={`/ho-so/${dossier.id}/danh-gia`} class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <p safe>{t('rating.intro', { code: dossier.code ?? '' })}</p>
          <fieldset class={scoreError === undefined ? 'field' : 'field field-error'} aria-describedby={scoreError === undefined ? undefined : 'f-score-error'}>
            <legend safe>{t('rating.score')}</legend>
            {scoreError === undefined ? '' : <p class="error-message" id="f-score-error" safe>{scoreError}</p>}
            {SCORES.map((s) => (
              <div class="checkbox">
                <input type="radio" id={`f-score-${s}`} name="score" value={String(s)} checked={values.score === String(s)} />
                <label for={`f-score-${s}`} safe>{`${t(`rating.score_${s}`)} (${s}/5)`}</label>
              </div>
            ))}
          </fieldset>
          <TextArea t={t} name="comment" label={t('rating.comment')} value={values.comment} errors={errors} rows={4} />
          <div class="actions">
            <button type="submit" safe>{t('rating.submit')}</button>
          </div>
        </form>
      )}
      <p>
        <a href={`/ho-so/${dossier.id}/bien-nhan`} safe>{dossier.code ?? ''}</a>
      </p>
    </Layout>
  );
}

const OPEN_STATUSES: readonly string[] = ['received', 'accepted'];

/** Whether a running deadline has passed: acceptance while received, the answer while received or accepted. */
const isLate = (f: FeedbackRow, today: string): boolean =>
  (f.status === 'received' && f.accept_due_on < today) || (OPEN_STATUSES.includes(f.status) && f.answer_due_on < today);

const urgencyOfDay = (due: string, today: string, soon: string): Urgency => (due < today ? 'late' : due <= soon ? 'due_soon' : 'on_time');

/** The urgency of the row: the more pressing of its running deadlines; null once handled. */
function rowUrgency(f: FeedbackRow, today: string, soon: string): Urgency | null {
  if (!OPEN_STATUSES.includes(f.status)) return null;
  const running = f.status === 'received' ? [f.accept_due_on, f.answer_due_on] : [f.answer_due_on];
  const order: Urgency[] = ['late', 'due_soon', 'on_time'];
  return running.map((d) => urgencyOfDay(d, today, soon)).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? null;
}

/** A deadline while it runs (date, then symbol + word + colour), or what became of it. */
function Deadline({ ctx, due, running, doneLabel, doneOn, today, soon }: { ctx: ViewContext; due: string; running: boolean; doneLabel: string; doneOn: string | null; today: string; soon: string }): JSX.Element {
  if (running) {
    return (
      <>
        <span safe>{formatDate(due)}</span> <UrgencyBadge ctx={ctx} urgency={urgencyOfDay(due, today, soon)} />
      </>
    );
  }
  return doneOn === null ? <span safe>{`${formatDate(due)} –`}</span> : <span safe>{`${doneLabel} ${formatDate(doneOn)}`}</span>;
}

export interface StaffListProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly items: readonly StaffFeedbackRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly size: number;
  readonly filter: StaffFeedbackFilter;
  readonly procedures: readonly { id: number; code: string; name_vi: string; name_en: string }[];
  readonly today: string;
  readonly soon: string;
}

/** The list's address for a filter, page size and page (defaults left out). */
export function staffFeedbackHref(filter: StaffFeedbackFilter, size: number, page = 1): string {
  const q = new URLSearchParams();
  if (filter.status !== undefined) q.set('trang-thai', filter.status);
  if (filter.procedureId !== undefined) q.set('thu-tuc', String(filter.procedureId));
  if (filter.due !== undefined) q.set('han', filter.due);
  if (size !== STAFF_PAGE_SIZES[0]) q.set('so-dong', String(size));
  if (page > 1) q.set('trang', String(page));
  const text = q.toString();
  return text === '' ? '/quan-tri/phan-anh' : `/quan-tri/phan-anh?${text}`;
}

/** Page numbers to show: the first, the last, and two either side of the current one; null for a gap. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

function StaffPager({ ctx, filter, size, page, pages }: { ctx: ViewContext; filter: StaffFeedbackFilter; size: number; page: number; pages: number }): JSX.Element {
  if (pages <= 1) return <></>;
  const t = ctx.t;
  return (
    <nav class="pagination" aria-label={t('shell.pagination')}>
      <p safe>{t('shell.page_of', { page, pages })}</p>
      <ul>
        {page > 1 ? <li><a href={staffFeedbackHref(filter, size, page - 1)} rel="prev" safe>{t('shell.previous')}</a></li> : ''}
        {pageWindow(page, pages).map((n) =>
          n === null ? (
            <li aria-hidden="true"><span>…</span></li>
          ) : n === page ? (
            <li><a href={staffFeedbackHref(filter, size, n)} aria-current="page" aria-label={t('feedback.page_n', { page: n })} safe>{String(n)}</a></li>
          ) : (
            <li><a href={staffFeedbackHref(filter, size, n)} aria-label={t('feedback.page_n', { page: n })} safe>{String(n)}</a></li>
          ),
        )}
        {page < pages ? <li><a href={staffFeedbackHref(filter, size, page + 1)} rel="next" safe>{t('shell.next')}</a></li> : ''}
      </ul>
    </nav>
  );
}

export function StaffFeedbackListPage(props: StaffListProps): JSX.Element {
  const { ctx, items, filter, size, today, soon } = props;
  const t = ctx.t;
  const en = ctx.locale === 'en';
  const from = props.total === 0 ? 0 : (props.page - 1) * size + 1;
  return (
    <AdminLayout ctx={ctx} title={t('feedback.staff_title')} adminNav={props.adminNav}>
      <h1 safe>{t('feedback.staff_title')}</h1>
      <p class="hint" safe>{t('feedback.deadlines_hint')}</p>
      <form method="get" action="/quan-tri/phan-anh" class="filters" aria-label={t('feedback.filters')}>
        <Choice ctx={ctx} name="trang-thai" label={t('feedback.status')} value={filter.status ?? ''} options={[{ value: '', label: t('feedback.any') }, ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`feedback.status_${s}`) }))]} />
        <Choice
          ctx={ctx}
          name="thu-tuc"
          label={t('feedback.procedure_filter')}
          value={filter.procedureId === undefined ? '' : String(filter.procedureId)}
          options={[{ value: '', label: t('feedback.any') }, ...props.procedures.map((p) => ({ value: String(p.id), label: `${p.code} – ${en ? p.name_en : p.name_vi}` }))]}
        />
        <Choice
          ctx={ctx}
          name="han"
          label={t('feedback.due_filter')}
          value={filter.due ?? ''}
          options={[
            { value: '', label: t('feedback.any') },
            { value: 'late', label: t('feedback.due_late') },
            { value: 'due_soon', label: t('feedback.due_soon') },
          ]}
        />
        <Choice ctx={ctx} name="so-dong" label={t('feedback.page_size')} value={String(size)} options={STAFF_PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))} />
        <div class="actions">
          <button type="submit" safe>{t('feedback.filter_submit')}</button>
          <a href="/quan-tri/phan-anh" safe>{t('feedback.filter_clear')}</a>
        </div>
      </form>
      <p role="status" safe>{props.total === 0 ? t('feedback.count', { count: '0' }) : t('feedback.count_range', { from: formatNumber(from, ctx.locale), to: formatNumber(from + items.length - 1, ctx.locale), count: formatNumber(props.total, ctx.locale) })}</p>
      {items.length === 0 ? '' : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('feedback.staff_title')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('feedback.subject')}</th>
                <th scope="col" safe>{t('feedback.procedure_filter')}</th>
                <th scope="col" safe>{t('feedback.received_on')}</th>
                <th scope="col" safe>{t('feedback.accept_due')}</th>
                <th scope="col" safe>{t('feedback.answer_due')}</th>
                <th scope="col" safe>{t('feedback.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => {
                const u = rowUrgency(f, today, soon);
                return (
                  <tr class={u === null ? undefined : `urgency-${u}`}>
                    <td>
                      <a href={`/quan-tri/phan-anh/${f.id}`} safe>{`${f.code} – ${f.subject}`}</a>
                      <br />
                      <span class="muted" safe>{t(`feedback.category_${f.category}` as MessageKey)}</span>
                    </td>
                    <td safe>{f.procedure_code ?? '–'}</td>
                    <td safe>{formatDate(f.received_on)}</td>
                    <td><Deadline ctx={ctx} due={f.accept_due_on} running={f.status === 'received'} doneLabel={t('feedback.accepted_on')} doneOn={f.accepted_on} today={today} soon={soon} /></td>
                    <td><Deadline ctx={ctx} due={f.answer_due_on} running={OPEN_STATUSES.includes(f.status)} doneLabel={t('feedback.status_answered')} doneOn={f.answered_on} today={today} soon={soon} /></td>
                    <td safe>{t(`feedback.status_${f.status}` as MessageKey)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <StaffPager ctx={ctx} filter={filter} size={size} page={props.page} pages={props.pages} />
    </AdminLayout>
  );
}

export function StaffFeedbackPage({ ctx, adminNav, f, today, procedureCode, values = {}, errors, alert, notice }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; f: FeedbackRow; today: string; procedureCode: string | null; values?: Values; errors?: FieldErrors; alert?: string; notice?: string }): JSX.Element {
  const t = ctx.t;
  const open = f.status === 'received' || f.status === 'accepted';
  return (
    <AdminLayout ctx={ctx} title={`${t('feedback.staff_title')} ${f.code}`} adminNav={adminNav}>
      <h1 safe>{`${t('feedback.staff_title')} ${f.code}`}</h1>
      <Notice message={notice} />
      <FormAlert message={alert} />
      <ErrorSummary t={t} errors={errors} labels={{ text: t('feedback.reason_or_answer'), action: t('feedback.status') }} />
      <dl class="facts">
        <dt safe>{t('feedback.status')}</dt>
        <dd safe>{`${t(`feedback.status_${f.status}` as MessageKey)}${isLate(f, today) ? ` – ${t('feedback.overdue')}` : ''}`}</dd>
        <dt safe>{t('feedback.category')}</dt>
        <dd safe>{t(`feedback.category_${f.category}` as MessageKey)}</dd>
        <dt safe>{t('feedback.received_on')}</dt>
        <dd safe>{formatDate(f.received_on)}</dd>
        <dt safe>{t('feedback.accept_due')}</dt>
        <dd safe>{formatDate(f.accept_due_on)}</dd>
        <dt safe>{t('feedback.answer_due')}</dt>
        <dd safe>{formatDate(f.answer_due_on)}</dd>
        <dt safe>{t('feedback.name')}</dt>
        <dd safe>{[f.sender_name, f.sender_email, f.sender_phone].filter((s) => s !== '').join(' · ')}</dd>
        {procedureCode === null ? '' : <><dt safe>{t('feedback.procedure_filter')}</dt><dd><a href={`/thu-tuc/${encodeURIComponent(procedureCode)}`} safe>{procedureCode}</a></dd></>}
        {f.dossier_code === null ? '' : <><dt safe>{t('feedback.dossier_code')}</dt><dd safe>{f.dossier_code}</dd></>}
        <dt safe>{t('feedback.subject')}</dt>
        <dd safe>{f.subject}</dd>
      </dl>
      <p class="feedback-body" safe>{f.body}</p>
      {f.answer === null ? '' : <><h2 safe>{t('feedback.answer')}</h2><p class="feedback-body" safe>{f.answer}</p></>}
      {f.reject_reason === null ? '' : <><h2 safe>{t('feedback.status_rejected')}</h2><p class="feedback-body" safe>{f.reject_reason}</p></>}
      {!open ? '' : (
        <form method="post" action={`/quan-tri/phan-anh/${f.id}`} class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <TextArea t={t} name="text" label={t('feedback.reason_or_answer')} value={values.text} errors={errors} rows={8} />
          <div class="checkbox">
            <input type="checkbox" id="f-publish" name="publish" value="1" checked={values.publish !== '0'} />
            <label for="f-publish" safe>{t('feedback.publish')}</label>
          </div>
          <div class="actions">
            {f.status === 'received' ? <button type="submit" name="action" value="accept" class="button-secondary" safe>{t('feedback.action_accept')}</button> : ''}
            <button type="submit" name="action" value="answer" safe>{t('feedback.action_answer')}</button>
            {f.status === 'received' ? <button type="submit" name="action" value="reject" class="button-secondary" safe>{t('feedback.action_reject')}</button> : ''}
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
