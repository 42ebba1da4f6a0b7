/** The editorial pages: article list, article form with its workflow panel, revisions with diffs. */
import { AdminLayout } from '../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextArea, TextField, fieldMessage } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import type { AdminNavItem } from '../../platform/http/context.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formatDateTime, formatNumber } from '../../platform/text/format.ts';
import type { DiffLine } from './diff.ts';
import type { ArticleRow, CategoryRow, RevisionRow, StaffArticleRow } from './queries.ts';
import { articleUrl } from './queries.ts';
import { ratingSummary } from './rate-article.ts';
import { variantUrl } from './cover-image.ts';
import { BodyEditor, EDITOR_SCRIPTS } from './body-editor.tsx';
import { RelatedPicker, type RelatedPickerProps } from './related-picker.tsx';
import { ARTICLE_STATUSES, type ArticleStatus } from './tables.ts';
import type { WorkflowAction } from './workflow.ts';

export const ADMIN_BASE = '/quan-tri/tin-bai';
const statusLabel = (ctx: ViewContext, s: ArticleStatus): string => ctx.t(`newsroom.status_${s}` as MessageKey);

export function ArticleListPage({ ctx, adminNav, items, total, page, pages, status, notice }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; items: readonly StaffArticleRow[]; total: number; page: number; pages: number; status: ArticleStatus | undefined; notice?: string | undefined }): JSX.Element {
  const t = ctx.t;
  return (
    <AdminLayout ctx={ctx} title={t('newsroom.admin_title')} adminNav={adminNav}>
      <h1 safe>{t('newsroom.admin_title')}</h1>
      <Notice message={notice} />
      <p class="actions">
        <a class="button" href={`${ADMIN_BASE}/moi`} safe>{t('newsroom.new_article')}</a>
      </p>
      <form method="get" action={ADMIN_BASE} class="actions">
        <label for="status-filter" safe>{t('newsroom.status')}</label>
        <select id="status-filter" name="trang-thai">
          <option value="" safe>{t('newsroom.all_statuses')}</option>
          {ARTICLE_STATUSES.map((s) => (
            <option value={s} selected={s === status} safe>{statusLabel(ctx, s)}</option>
          ))}
        </select>
        <button type="submit" class="button-secondary" safe>{t('newsroom.filter')}</button>
      </form>
      <div class="table-wrap">
        <table>
          <caption safe>{t('newsroom.list_caption', { count: formatNumber(total, ctx.locale) })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('newsroom.title')}</th>
              <th scope="col" safe>{t('newsroom.category')}</th>
              <th scope="col" safe>{t('newsroom.status')}</th>
              <th scope="col" safe>{t('newsroom.updated')}</th>
              <th scope="col" safe>{t('newsroom.view_count')}</th>
              <th scope="col" safe>{t('newsroom.rating')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => {
              const r = ratingSummary(a.rating_sum, a.rating_count);
              return (
                <tr>
                  <td>
                    <a href={`${ADMIN_BASE}/${a.id}`} safe>{a.title}</a>
                  </td>
                  <td safe>{ctx.locale === 'vi' ? a.category_name_vi : a.category_name_en}</td>
                  <td safe>{statusLabel(ctx, a.status) + (a.is_public === 1 && a.status !== 'published' ? ` (${t('newsroom.live_online')})` : '')}</td>
                  <td safe>{formatDateTime(a.updated_at)}</td>
                  <td safe>{formatNumber(a.view_count, ctx.locale)}</td>
                  <td safe>{a.rating_count === 0 ? '–' : `${formatNumber(r.average, ctx.locale, 1)} (${formatNumber(r.count, ctx.locale)})`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <p class="pagination">
          {page > 1 ? <a href={`${ADMIN_BASE}?trang=${page - 1}${status === undefined ? '' : `&trang-thai=${status}`}`} safe>{t('newsroom.previous')}</a> : ''}
          <span safe>{` ${t('newsroom.page_n', { page })} / ${pages} `}</span>
          {page < pages ? <a href={`${ADMIN_BASE}?trang=${page + 1}${status === undefined ? '' : `&trang-thai=${status}`}`} safe>{t('newsroom.next')}</a> : ''}
        </p>
      ) : ''}
    </AdminLayout>
  );
}

export interface ArticleFormProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly categories: readonly CategoryRow[];
  readonly values: Record<string, string>;
  readonly errors?: FieldErrors | undefined;
  readonly alert?: string | undefined;
  readonly notice?: string | undefined;
  /** Absent for a new article. */
  readonly article?: ArticleRow | undefined;
  readonly liveUrl?: string | undefined;
  readonly actions?: readonly WorkflowAction[];
  readonly conflict?: readonly DiffLine[] | undefined;
  readonly stepErrors?: FieldErrors | undefined;
  readonly cover?: { sha256: string; alt: string } | undefined;
  readonly related?: Omit<RelatedPickerProps, 'ctx' | 'action'> | undefined;
}

function CategorySelect({ ctx, categories, value, errors }: { ctx: ViewContext; categories: readonly CategoryRow[]; value: string; errors?: FieldErrors | undefined }): JSX.Element {
  const message = fieldMessage(ctx.t, errors, 'category_id');
  const depth = (c: CategoryRow): number => {
    let d = 0;
    let p = c.parent_id;
    while (p !== null && d < 10) {
      d++;
      p = categories.find((x) => x.id === p)?.parent_id ?? null;
    }
    return d;
  };
  return (
    <div class={message === undefined ? 'field' : 'field field-error'}>
      <label for="f-category_id" safe>{ctx.t('newsroom.category')}</label>
      {message === undefined ? '' : <p class="error-message" id="f-category_id-error" safe>{message}</p>}
      <select id="f-category_id" name="category_id" required aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={message === undefined ? undefined : 'f-category_id-error'}>
        <option value="" safe>{ctx.t('newsroom.choose_category')}</option>
        {categories.map((c) => (
          <option value={String(c.id)} selected={String(c.id) === value} safe>{`${'— '.repeat(depth(c))}${ctx.locale === 'vi' ? c.name_vi : c.name_en}`}</option>
        ))}
      </select>
    </div>
  );
}

export function DiffView({ ctx, lines, caption }: { ctx: ViewContext; lines: readonly DiffLine[]; caption: string }): JSX.Element {
  return (
    <div class="table-wrap">
      <table class="diff">
        <caption safe>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{ctx.t('newsroom.diff_change')}</th>
            <th scope="col" safe>{ctx.t('newsroom.diff_text')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr class={`diff-${l.kind}`}>
              <td safe>{l.kind === 'added' ? `+ ${ctx.t('newsroom.diff_added')}` : l.kind === 'removed' ? `− ${ctx.t('newsroom.diff_removed')}` : ''}</td>
              <td>{l.kind === 'added' ? <ins safe>{l.text}</ins> : l.kind === 'removed' ? <del safe>{l.text}</del> : <span safe>{l.text}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ACTION_LABEL: Record<WorkflowAction, MessageKey> = {
  submit: 'newsroom.action_submit',
  return: 'newsroom.action_return',
  approve: 'newsroom.action_approve',
  publish: 'newsroom.action_publish',
  schedule: 'newsroom.action_schedule',
  unpublish: 'newsroom.action_unpublish',
  archive: 'newsroom.action_archive',
};

function WorkflowPanel({ ctx, article, actions, errors }: { ctx: ViewContext; article: ArticleRow; actions: readonly WorkflowAction[]; errors?: FieldErrors | undefined }): JSX.Element {
  const t = ctx.t;
  const simple = actions.filter((a) => a !== 'return' && a !== 'schedule');
  const atError = fieldMessage(t, errors, 'at');
  return (
    <section aria-labelledby="workflow-title" class="stack">
      <h2 id="workflow-title" safe>{t('newsroom.workflow')}</h2>
      {simple.map((a) => (
        <form method="post" action={`${ADMIN_BASE}/${article.id}/buoc`} class="inline-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="action" value={a} />
          <button type="submit" class={a === 'archive' || a === 'unpublish' ? 'button-secondary' : 'button'} safe>{t(ACTION_LABEL[a])}</button>
        </form>
      ))}
      {actions.includes('return') ? (
        <form method="post" action={`${ADMIN_BASE}/${article.id}/buoc`} class="stack">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="action" value="return" />
          <TextArea t={t} name="comment" label={t('newsroom.return_comment')} errors={errors} rows={3} required />
          <button type="submit" class="button-secondary" safe>{t(ACTION_LABEL.return)}</button>
        </form>
      ) : ''}
      {actions.includes('schedule') ? (
        <form method="post" action={`${ADMIN_BASE}/${article.id}/buoc`} class="stack">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="action" value="schedule" />
          <div class={atError === undefined ? 'field' : 'field field-error'}>
            <label for="f-at" safe>{t('newsroom.schedule_at')}</label>
            <p class="hint" id="f-at-hint" safe>{t('newsroom.schedule_hint')}</p>
            {atError === undefined ? '' : <p class="error-message" id="f-at-error" safe>{atError}</p>}
            <input id="f-at" name="at" type="datetime-local" required aria-describedby={atError === undefined ? 'f-at-hint' : 'f-at-hint f-at-error'} aria-invalid={atError === undefined ? undefined : 'true'} />
          </div>
          <button type="submit" class="button" safe>{t(ACTION_LABEL.schedule)}</button>
        </form>
      ) : ''}
    </section>
  );
}

function CoverForm({ ctx, article, cover, errors }: { ctx: ViewContext; article: ArticleRow; cover?: { sha256: string; alt: string } | undefined; errors?: FieldErrors | undefined }): JSX.Element {
  const t = ctx.t;
  const fileError = fieldMessage(t, errors, 'cover');
  return (
    <section aria-labelledby="cover-title" class="stack">
      <h2 id="cover-title" safe>{t('newsroom.cover')}</h2>
      {cover === undefined ? <p class="muted" safe>{t('newsroom.cover_none')}</p> : <img src={variantUrl(cover.sha256, 640)} alt={cover.alt} width="320" />}
      <form method="post" action={`${ADMIN_BASE}/${article.id}/anh-bia`} enctype="multipart/form-data" class="stack">
        <CsrfField ctx={ctx} />
        <div class={fileError === undefined ? 'field' : 'field field-error'}>
          <label for="f-cover" safe>{t('newsroom.cover_file')}</label>
          <p class="hint" id="f-cover-hint" safe>{t('newsroom.cover_hint')}</p>
          {fileError === undefined ? '' : <p class="error-message" id="f-cover-error" safe>{fileError}</p>}
          <input type="file" id="f-cover" name="cover" accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby={fileError === undefined ? 'f-cover-hint' : 'f-cover-hint f-cover-error'} aria-invalid={fileError === undefined ? undefined : 'true'} />
        </div>
        <TextField t={t} name="cover_alt" label={t('newsroom.cover_alt')} value={cover?.alt} errors={errors} maxlength={300} />
        <div class="actions">
          <button type="submit" class="button-secondary" safe>{t('newsroom.cover_upload')}</button>
        </div>
      </form>
      {cover === undefined ? '' : (
        <form method="post" action={`${ADMIN_BASE}/${article.id}/anh-bia`} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="remove" value="1" />
          <button type="submit" class="button-secondary" safe>{t('newsroom.cover_remove')}</button>
        </form>
      )}
    </section>
  );
}

export function ArticleFormPage(props: ArticleFormProps): JSX.Element {
  const { ctx, values, errors, article } = props;
  const t = ctx.t;
  const labels: Record<string, string> = {
    title: t('newsroom.title'),
    slug: t('newsroom.slug'),
    lead: t('newsroom.lead'),
    body: t('newsroom.body'),
    author_byline: t('newsroom.author'),
    source: t('newsroom.source'),
    event_date: t('newsroom.event_date'),
    category_id: t('newsroom.category'),
    tags: t('newsroom.tags'),
    related: t('newsroom.related_ids'),
    note: t('newsroom.revision_note'),
    comment: t('newsroom.return_comment'),
    at: t('newsroom.schedule_at'),
  };
  const title = article === undefined ? t('newsroom.new_article') : t('newsroom.edit_article');
  return (
    <AdminLayout ctx={ctx} title={title} adminNav={props.adminNav} scripts={[...EDITOR_SCRIPTS, '/assets/newsroom-related.js']}>
      <h1 safe>{title}</h1>
      <Notice message={props.notice} />
      {article === undefined ? '' : (
        <div class="stack">
          <p>
            <strong safe>{`${t('newsroom.status')}: `}</strong>
            <span safe>{statusLabel(ctx, article.status)}</span>
            {article.scheduled_at === null ? '' : <span safe>{` — ${t('newsroom.scheduled_for', { at: formatDateTime(article.scheduled_at) })}`}</span>}
          </p>
          {article.is_public === 1 && props.liveUrl !== undefined ? (
            <p>
              <a href={props.liveUrl} safe>{t('newsroom.view_live')}</a>
              {article.working_revision_id !== article.live_revision_id ? <span class="muted" safe>{` — ${t('newsroom.live_differs')}`}</span> : ''}
            </p>
          ) : ''}
          {article.review_comment === null ? '' : (
            <div class="alert alert-error" role="status">
              <strong safe>{`${t('newsroom.review_comment')}: `}</strong>
              <span safe>{article.review_comment}</span>
            </div>
          )}
          <p>
            <a href={`${ADMIN_BASE}/${article.id}/phien-ban`} safe>{t('newsroom.revisions')}</a>
          </p>
          <ErrorSummary t={t} errors={props.stepErrors} labels={labels} />
          <CoverForm ctx={ctx} article={article} cover={props.cover} errors={errors} />
          <WorkflowPanel ctx={ctx} article={article} actions={props.actions ?? []} errors={props.stepErrors} />
        </div>
      )}
      <RelatedPicker ctx={ctx} action={article === undefined ? `${ADMIN_BASE}/moi` : `${ADMIN_BASE}/${article.id}`} query={props.related?.query ?? ''} results={props.related?.results} chosen={props.related?.chosen ?? []} />
      <form method="post" action={article === undefined ? `${ADMIN_BASE}/moi` : `${ADMIN_BASE}/${article.id}`} class="stack" novalidate>
        <h2 safe>{t('newsroom.content')}</h2>
        <FormAlert message={props.alert} />
        {props.conflict === undefined ? '' : <DiffView ctx={ctx} lines={props.conflict} caption={t('newsroom.conflict_diff')} />}
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <CsrfField ctx={ctx} />
        {article === undefined ? '' : <input type="hidden" name="version" value={values.version ?? String(article.version)} />}
        <TextField t={t} name="title" label={labels.title!} value={values.title} errors={errors} required maxlength={300} />
        <TextField t={t} name="slug" label={labels.slug!} value={values.slug} errors={errors} hint={t('newsroom.slug_hint')} maxlength={120} />
        <CategorySelect ctx={ctx} categories={props.categories} value={values.category_id ?? ''} errors={errors} />
        <TextArea t={t} name="lead" label={labels.lead!} value={values.lead} errors={errors} rows={3} />
        <BodyEditor ctx={ctx} value={values.body} errors={errors} />
        <TextField t={t} name="author_byline" label={labels.author_byline!} value={values.author_byline} errors={errors} required maxlength={200} />
        <TextField t={t} name="source" label={labels.source!} value={values.source} errors={errors} maxlength={200} />
        <TextField t={t} name="event_date" label={labels.event_date!} type="date" value={values.event_date} errors={errors} />
        <TextField t={t} name="tags" label={labels.tags!} value={values.tags} errors={errors} hint={t('newsroom.tags_hint')} />
        <TextField t={t} name="related" label={labels.related!} value={values.related} errors={errors} hint={t('newsroom.related_hint')} maxlength={200} />
        <div class="checkbox">
          <input type="checkbox" id="f-featured" name="featured" value="1" checked={values.featured === '1'} />
          <label for="f-featured" safe>{t('newsroom.featured_flag')}</label>
        </div>
        <TextField t={t} name="note" label={labels.note!} value={values.note} errors={errors} maxlength={500} />
        <div class="actions">
          <button type="submit" class="button" safe>{t('newsroom.save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}

export function RevisionsPage({ ctx, adminNav, article, revisions, shown, diff, canRestore }: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; article: ArticleRow; revisions: readonly RevisionRow[]; shown: RevisionRow | undefined; diff: readonly DiffLine[]; canRestore: boolean }): JSX.Element {
  const t = ctx.t;
  return (
    <AdminLayout ctx={ctx} title={t('newsroom.revisions')} adminNav={adminNav}>
      <h1 safe>{t('newsroom.revisions')}</h1>
      <p>
        <a href={`${ADMIN_BASE}/${article.id}`} safe>{t('newsroom.back_to_edit')}</a>
      </p>
      <div class="table-wrap">
        <table>
          <caption safe>{t('newsroom.revisions')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('newsroom.revision_number')}</th>
              <th scope="col" safe>{t('newsroom.title')}</th>
              <th scope="col" safe>{t('newsroom.updated')}</th>
              <th scope="col" safe>{t('newsroom.revision_note')}</th>
              <th scope="col" safe>{t('newsroom.revision_state')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr>
                <td>
                  <a href={`${ADMIN_BASE}/${article.id}/phien-ban?so=${r.number}`} aria-current={shown?.id === r.id ? 'true' : undefined} safe>{`#${r.number}`}</a>
                </td>
                <td safe>{r.title}</td>
                <td safe>{formatDateTime(r.created_at)}</td>
                <td safe>{r.note ?? ''}</td>
                <td safe>{[r.id === article.live_revision_id ? t('newsroom.revision_live') : '', r.id === article.working_revision_id ? t('newsroom.revision_working') : ''].filter((s) => s !== '').join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown === undefined ? '' : (
        <section aria-labelledby="diff-title" class="stack">
          <h2 id="diff-title" safe>{t('newsroom.diff_title', { n: shown.number })}</h2>
          <DiffView ctx={ctx} lines={diff} caption={t('newsroom.diff_caption', { n: shown.number })} />
          {canRestore && shown.id !== article.working_revision_id ? (
            <form method="post" action={`${ADMIN_BASE}/${article.id}/phien-ban/${shown.number}/khoi-phuc`}>
              <CsrfField ctx={ctx} />
              <button type="submit" class="button-secondary" safe>{t('newsroom.restore', { n: shown.number })}</button>
            </form>
          ) : ''}
        </section>
      )}
    </AdminLayout>
  );
}

export const liveUrlOf = (categorySlug: string, slug: string): string => articleUrl(categorySlug, slug);
