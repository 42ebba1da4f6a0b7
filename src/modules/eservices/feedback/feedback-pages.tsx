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
import type { PublishedFeedback } from './feedback-queries.ts';
import { SCORES } from './rate-dossier.ts';
import { FEEDBACK_CATEGORIES } from './send-feedback.ts';

type Values = Readonly<Record<string, string>>;

export function PublicFeedbackPage({ ctx, items, total, page, pages, notice }: { ctx: ViewContext; items: readonly PublishedFeedback[]; total: number; page: number; pages: number; notice?: string }): JSX.Element {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('feedback.title')}>
      <h1 safe>{t('feedback.title')}</h1>
      <Notice message={notice} />
      <p safe>{t('feedback.intro')}</p>
      <p>
        <a class="button" href="/phan-anh-kien-nghi/gui" safe>{t('feedback.send_link')}</a>
      </p>
      <h2 safe>{t('feedback.published')}</h2>
      <p role="status" safe>{t('feedback.count', { count: formatNumber(total, ctx.locale) })}</p>
      {items.length === 0 ? <p safe>{t('feedback.none_published')}</p> : (
        <ol class="feedback-list">
          {items.map((f) => (
            <li>
              <article aria-labelledby={`pa-${f.id}`}>
                <h3 id={`pa-${f.id}`} safe>{f.subject}</h3>
                <p class="muted" safe>{`${t(`feedback.category_${f.category}` as MessageKey)} · ${t('feedback.received_on')}: ${formatDate(f.receivedOn)}`}</p>
                <p class="feedback-body" safe>{f.body}</p>
                <h4 safe>{`${t('feedback.answer')} (${formatDate(f.answeredOn)})`}</h4>
                <p class="feedback-body" safe>{f.answer}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {pages <= 1 ? '' : (
        <nav class="pagination" aria-label={t('shell.pagination')}>
          <p safe>{t('shell.page_of', { page, pages })}</p>
          <ul>
            {page > 1 ? <li><a href={`/phan-anh-kien-nghi?trang=${page - 1}`} rel="prev" safe>{t('shell.previous')}</a></li> : ''}
            {page < pages ? <li><a href={`/phan-anh-kien-nghi?trang=${page + 1}`} rel="next" safe>{t('shell.next')}</a></li> : ''}
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

export function FeedbackFormPage({ ctx, agencies, values, errors, alert }: { ctx: ViewContext; agencies: readonly { id: number; vi: string; en: string }[]; values: Values; errors?: FieldErrors; alert?: string }): JSX.Element {
  const t = ctx.t;
  const labels = { agency_id: t('feedback.agency'), category: t('feedback.category'), name: t('feedback.name'), email: t('feedback.email'), phone: t('feedback.phone'), dossier_code: t('feedback.dossier_code'), subject: t('feedback.subject'), body: t('feedback.body') };
  return (
    <Layout ctx={ctx} title={t('feedback.send_link')}>
      <h1 safe>{t('feedback.send_link')}</h1>
      <FormAlert message={alert} />
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <p safe>{t('feedback.intro')}</p>
      <form method="post" action="/phan-anh-kien-nghi/gui" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <Choice ctx={ctx} name="agency_id" label={labels.agency_id} value={values.agency_id ?? ''} errors={errors} options={agencies.map((a) => ({ value: String(a.id), label: ctx.locale === 'en' ? a.en : a.vi }))} />
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

const isLate = (f: FeedbackRow, today: string): boolean =>
  (f.status === 'received' && f.accept_due_on < today) || ((f.status === 'received' || f.status === 'accepted') && f.answer_due_on < today);

export function StaffFeedbackListPage({ ctx, adminNav, items, today }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; items: readonly FeedbackRow[]; today: string }): JSX.Element {
  const t = ctx.t;
  return (
    <AdminLayout ctx={ctx} title={t('feedback.staff_title')} adminNav={adminNav}>
      <h1 safe>{t('feedback.staff_title')}</h1>
      <p role="status" safe>{t('feedback.count', { count: formatNumber(items.length, ctx.locale) })}</p>
      {items.length === 0 ? '' : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('feedback.staff_title')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('feedback.subject')}</th>
                <th scope="col" safe>{t('feedback.category')}</th>
                <th scope="col" safe>{t('feedback.received_on')}</th>
                <th scope="col" safe>{t('feedback.answer_due')}</th>
                <th scope="col" safe>{t('feedback.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr>
                  <td><a href={`/quan-tri/phan-anh/${f.id}`} safe>{`${f.code} – ${f.subject}`}</a></td>
                  <td safe>{t(`feedback.category_${f.category}` as MessageKey)}</td>
                  <td safe>{formatDate(f.received_on)}</td>
                  <td>
                    <span safe>{formatDate(f.answer_due_on)}</span>
                    {isLate(f, today) ? <> <span class="urgency urgency-late"><span class="urgency-mark" aria-hidden="true">!</span> <span safe>{t('feedback.overdue')}</span></span></> : ''}
                  </td>
                  <td safe>{t(`feedback.status_${f.status}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

export function StaffFeedbackPage({ ctx, adminNav, f, today, values = {}, errors, alert, notice }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; f: FeedbackRow; today: string; values?: Values; errors?: FieldErrors; alert?: string; notice?: string }): JSX.Element {
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
