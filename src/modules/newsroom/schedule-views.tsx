/** The leaders' work schedule: the public week view and the editors' page. */
import { Layout } from '../../ui/layout.tsx';
import { AdminLayout } from '../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextArea, TextField } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import type { AdminNavItem } from '../../platform/http/context.ts';
import { formatDate } from '../../platform/text/format.ts';
import { shiftWeek, weekDays, type ScheduleEventRow } from './work-schedule.ts';

export const SCHEDULE_PUBLIC = '/lich-cong-tac';
export const SCHEDULE_ADMIN = '/quan-tri/lich-cong-tac';

const weekday = (ctx: ViewContext, day: string): string =>
  new Intl.DateTimeFormat(ctx.locale === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const timeOf = (ctx: ViewContext, e: ScheduleEventRow): string =>
  e.start_time === null ? ctx.t('newsroom.schedule_time_unannounced') : e.end_time === null ? e.start_time : `${e.start_time}–${e.end_time}`;

function WeekNav({ ctx, base, monday }: { ctx: ViewContext; base: string; monday: string }): JSX.Element {
  return (
    <nav class="pagination" aria-label={ctx.t('newsroom.schedule_weeks')}>
      <ul>
        <li>
          <a href={`${base}?ngay=${shiftWeek(monday, -1)}`} rel="prev" safe>{ctx.t('newsroom.schedule_previous_week')}</a>
        </li>
        <li>
          <a href={base} safe>{ctx.t('newsroom.schedule_this_week')}</a>
        </li>
        <li>
          <a href={`${base}?ngay=${shiftWeek(monday, 1)}`} rel="next" safe>{ctx.t('newsroom.schedule_next_week')}</a>
        </li>
      </ul>
    </nav>
  );
}

function WeekTable({ ctx, monday, events, actions }: { ctx: ViewContext; monday: string; events: readonly ScheduleEventRow[]; actions?: (e: ScheduleEventRow) => JSX.Element }): JSX.Element {
  const t = ctx.t;
  const days = weekDays(monday);
  return (
    <div class="table-wrap">
      <table>
        <caption safe>{t('newsroom.schedule_week_caption', { from: formatDate(days[0]!), to: formatDate(days[6]!) })}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('newsroom.schedule_day')}</th>
            <th scope="col" safe>{t('newsroom.schedule_time')}</th>
            <th scope="col" safe>{t('newsroom.schedule_content')}</th>
            <th scope="col" safe>{t('newsroom.schedule_leader')}</th>
            <th scope="col" safe>{t('newsroom.schedule_attendees')}</th>
            <th scope="col" safe>{t('newsroom.schedule_place')}</th>
            {actions === undefined ? '' : <th scope="col" safe>{t('newsroom.schedule_actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => {
            const today = events.filter((e) => e.event_date === day);
            const label = `${weekday(ctx, day)} ${formatDate(day)}`;
            if (today.length === 0) {
              return (
                <tr>
                  <th scope="row" safe>{label}</th>
                  <td colspan={actions === undefined ? '5' : '6'} class="muted" safe>{t('newsroom.schedule_none')}</td>
                </tr>
              );
            }
            return (
              <>
                {today.map((e, i) => (
              <tr>
                {i === 0 ? <th scope="row" rowspan={String(today.length)} safe>{label}</th> : ''}
                <td safe>{timeOf(ctx, e)}</td>
                <td safe>{e.content}</td>
                <td safe>{e.leader}</td>
                <td safe>{e.attendees}</td>
                <td safe>{e.place}</td>
                {actions === undefined ? '' : <td>{actions(e)}</td>}
              </tr>
                ))}
              </>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function SchedulePage({ ctx, monday, events }: { ctx: ViewContext; monday: string; events: readonly ScheduleEventRow[] }): JSX.Element {
  return (
    <Layout ctx={ctx} title={ctx.t('newsroom.schedule_title')}>
      <h1 safe>{ctx.t('newsroom.schedule_title')}</h1>
      <WeekNav ctx={ctx} base={SCHEDULE_PUBLIC} monday={monday} />
      <WeekTable ctx={ctx} monday={monday} events={events} />
    </Layout>
  );
}

export interface ScheduleAdminProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly monday: string;
  readonly events: readonly ScheduleEventRow[];
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors | undefined;
  readonly alert?: string | undefined;
  readonly notice?: string | undefined;
}

export function ScheduleAdminPage(props: ScheduleAdminProps): JSX.Element {
  const { ctx, monday, events, values = {}, errors } = props;
  const t = ctx.t;
  const labels = {
    date: t('newsroom.schedule_date'),
    start_time: t('newsroom.schedule_start'),
    end_time: t('newsroom.schedule_end'),
    content: t('newsroom.schedule_content'),
    leader: t('newsroom.schedule_leader'),
    attendees: t('newsroom.schedule_attendees'),
    place: t('newsroom.schedule_place'),
  };
  const button = (e: ScheduleEventRow, change: 'cong-bo' | 'rut' | 'xoa', label: string) => (
    <form method="post" action={`${SCHEDULE_ADMIN}/${e.id}/${change}`} class="inline-form">
      <CsrfField ctx={ctx} />
      <button type="submit" class={change === 'cong-bo' ? 'button' : 'button-secondary'} aria-label={`${label}: ${e.content.slice(0, 60)}`} safe>{label}</button>
    </form>
  );
  return (
    <AdminLayout ctx={ctx} title={t('newsroom.schedule_title')} adminNav={props.adminNav}>
      <h1 safe>{t('newsroom.schedule_title')}</h1>
      <Notice message={props.notice} />
      <WeekNav ctx={ctx} base={SCHEDULE_ADMIN} monday={monday} />
      <WeekTable
        ctx={ctx}
        monday={monday}
        events={events}
        actions={(e) => (
          <>
            <span class="muted" safe>{e.is_published === 1 ? t('newsroom.schedule_published') : t('newsroom.schedule_unpublished')}</span>
            {e.is_published === 1 ? button(e, 'rut', t('newsroom.schedule_withdraw')) : button(e, 'cong-bo', t('newsroom.schedule_publish'))}
            {button(e, 'xoa', t('newsroom.schedule_remove'))}
          </>
        )}
      />
      <h2 id="add-event" safe>{t('newsroom.schedule_add')}</h2>
      <form method="post" action={SCHEDULE_ADMIN} class="stack" novalidate>
        <FormAlert message={props.alert} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <TextField t={t} name="date" label={labels.date} type="date" value={values.date} errors={errors} required />
        <TextField t={t} name="start_time" label={labels.start_time} value={values.start_time} errors={errors} hint={t('newsroom.schedule_time_hint')} maxlength={5} />
        <TextField t={t} name="end_time" label={labels.end_time} value={values.end_time} errors={errors} hint={t('newsroom.schedule_time_hint')} maxlength={5} />
        <TextArea t={t} name="content" label={labels.content} value={values.content} errors={errors} rows={3} required />
        <TextField t={t} name="leader" label={labels.leader} value={values.leader} errors={errors} required maxlength={300} />
        <TextField t={t} name="attendees" label={labels.attendees} value={values.attendees} errors={errors} maxlength={1000} />
        <TextField t={t} name="place" label={labels.place} value={values.place} errors={errors} maxlength={300} />
        <div class="actions">
          <button type="submit" class="button" safe>{t('newsroom.schedule_save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
