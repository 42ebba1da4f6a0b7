/**
 * Staff pages managing reporters: the list with the form adding one (/quan-tri/bao-cao-thong-ke/don-vi-bao-cao)
 * and one reporter (…/{id}): its name, its member accounts and its forms. Plain forms: everything works without JavaScript.
 */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FieldFrame, FormAlert, Notice, TextField, fieldParts } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import { REPORTERS_PATH, reporterAdminPath } from './reporter-paths.ts';
import { NEW_AGENCY, REPORTER_NAME_MAX, type AgencyName, type ReporterSummary } from './reporters.ts';
import { STAFF_PATH, formAdminPath } from './staff-pages.tsx';
import { REPORTER_KINDS } from './tables.ts';

const kindText = (ctx: ViewContext, kind: string): string => ctx.t(`reports.kind.${kind}` as MessageKey);
const agencyText = (ctx: ViewContext, a: AgencyName): string => (ctx.locale === 'en' ? a.nameEn : a.nameVi);

/** A one-button POST form (CSRF included) acting on one row; the accessible name says which row. */
function PostButton(props: { ctx: ViewContext; action: string; label: string; ariaLabel: string }): JSX.Element {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField ctx={props.ctx} />
      <button type="submit" class="button-secondary" aria-label={props.ariaLabel} safe>{props.label}</button>
    </form>
  );
}

export interface ReportersPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly reporters: readonly ReporterSummary[];
  readonly agencies: readonly AgencyName[];
  readonly values?: { name?: string; kind?: string; agency?: string };
  readonly errors?: FieldErrors | undefined;
  readonly notice?: string | undefined;
  readonly alert?: string | undefined;
}

export function ReportersPage(props: ReportersPageProps): JSX.Element {
  const { ctx, reporters, agencies, values = {}, errors } = props;
  const t = ctx.t;
  const kindParts = fieldParts(t, errors, 'kind', undefined);
  const agencyHint = t('reports.agency_hint');
  const agencyParts = fieldParts(t, errors, 'agency', agencyHint);
  const chosenAgency = values.agency ?? NEW_AGENCY;
  return (
    <AdminLayout ctx={ctx} title={t('reports.reporters_title')} adminNav={props.adminNav}>
      <p>
        <a href={STAFF_PATH} safe>{t('reports.staff_title')}</a>
      </p>
      <h1 safe>{t('reports.reporters_title')}</h1>
      <p safe>{t('reports.reporters_intro')}</p>
      <Notice message={props.notice} />

      {reporters.length === 0 ? (
        <p safe>{t('reports.reporters_empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="reporters-caption" tabindex="0">
          <table>
            <caption id="reporters-caption" class="visually-hidden" safe>{t('reports.reporters_title')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('reports.col.name')}</th>
                <th scope="col" safe>{t('reports.col.kind')}</th>
                <th scope="col" safe>{t('reports.col.agency')}</th>
                <th scope="col" safe>{t('reports.col.members')}</th>
                <th scope="col" safe>{t('reports.col.forms')}</th>
              </tr>
            </thead>
            <tbody>
              {reporters.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={reporterAdminPath(r.id)} safe>{r.name}</a>
                  </th>
                  <td safe>{kindText(ctx, r.kind)}</td>
                  <td safe>{agencyText(ctx, r.agency)}</td>
                  <td>
                    {r.members.length === 0 ? (
                      <strong safe>{t('reports.no_members_short')}</strong>
                    ) : (
                      <ul>
                        {r.members.map((m) => (
                          <li safe>{`${m.fullName} (${m.email})`}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td safe>{r.forms.length === 0 ? t('reports.none') : r.forms.map((f) => f.code).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="them-don-vi" safe>{t('reports.add_reporter')}</h2>
      <FormAlert message={props.alert} />
      <ErrorSummary t={t} errors={errors} labels={{ name: t('reports.field.reporter_name'), kind: t('reports.field.reporter_kind'), agency: t('reports.field.agency') }} />
      <form method="post" action={REPORTERS_PATH} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextField t={t} name="name" label={t('reports.field.reporter_name')} value={values.name} errors={errors} required maxlength={REPORTER_NAME_MAX} hint={t('reports.reporter_name_hint')} />
        <FieldFrame t={t} parts={kindParts} label={t('reports.field.reporter_kind')} required hint={undefined}>
          <select id={kindParts.id} name="kind" required {...kindParts.aria}>
            {REPORTER_KINDS.map((k) => (
              <option value={k} selected={values.kind === k} safe>{kindText(ctx, k)}</option>
            ))}
          </select>
        </FieldFrame>
        <FieldFrame t={t} parts={agencyParts} label={t('reports.field.agency')} required hint={agencyHint}>
          <select id={agencyParts.id} name="agency" required {...agencyParts.aria}>
            <option value={NEW_AGENCY} selected={chosenAgency === NEW_AGENCY} safe>{t('reports.agency_new')}</option>
            {agencies.map((a) => (
              <option value={String(a.id)} selected={chosenAgency === String(a.id)} safe>{`${agencyText(ctx, a)} (${t(a.kind === 'enterprise' ? 'reports.agency_kind.enterprise' : 'reports.agency_kind.other')})`}</option>
            ))}
          </select>
        </FieldFrame>
        <div class="actions">
          <button type="submit" safe>{t('reports.create_reporter')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}

export interface ReporterPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly reporter: ReporterSummary;
  /** The current forms of the reporter's kind, and whether this statistician manages each one's assignments. */
  readonly forms: readonly { code: string; nameVi: string; nameEn: string; manageable: boolean }[];
  readonly values?: { name?: string; email?: string };
  readonly errors?: FieldErrors | undefined;
  readonly notice?: string | undefined;
  readonly alert?: string | undefined;
}

export function ReporterPage(props: ReporterPageProps): JSX.Element {
  const { ctx, reporter: r, forms, values = {}, errors } = props;
  const t = ctx.t;
  const title = t('reports.reporter_admin_title', { name: r.name });
  const path = reporterAdminPath(r.id);
  const assigned = new Set(r.forms.map((f) => f.code));
  return (
    <AdminLayout ctx={ctx} title={title} adminNav={props.adminNav}>
      <p>
        <a href={REPORTERS_PATH} safe>{t('reports.reporters_title')}</a>
      </p>
      <h1 safe>{title}</h1>
      <Notice message={props.notice} />
      <FormAlert message={props.alert} />
      <ErrorSummary t={t} errors={errors} labels={{ name: t('reports.field.reporter_name'), email: t('reports.field.member_email') }} />
      <dl>
        <dt safe>{t('reports.col.kind')}</dt>
        <dd safe>{kindText(ctx, r.kind)}</dd>
        <dt safe>{t('reports.col.agency')}</dt>
        <dd safe>{agencyText(ctx, r.agency)}</dd>
      </dl>

      <h2 id="members-title" safe>{t('reports.members_title')}</h2>
      {r.members.length === 0 ? (
        <p class="alert alert-error" safe>{t('reports.members_none')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="members-title" tabindex="0">
          <table>
            <thead>
              <tr>
                <th scope="col" safe>{t('reports.col.full_name')}</th>
                <th scope="col" safe>{t('reports.col.email')}</th>
                <th scope="col" safe>{t('reports.col.account_type')}</th>
                <th scope="col" safe>{t('reports.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {r.members.map((m) => (
                <tr>
                  <th scope="row" safe>{m.fullName}</th>
                  <td safe>{m.email}</td>
                  <td safe>{t(`reports.account.${m.accountType}`)}</td>
                  <td>
                    <PostButton ctx={ctx} action={`${path}/thanh-vien/${m.userId}/go`} label={t('reports.remove_member')} ariaLabel={t('reports.remove_member_label', { email: m.email, reporter: r.name })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.members.length === 1 ? <p class="hint" safe>{t('reports.members_last_hint')}</p> : ''}

      <h2 safe>{t('reports.add_member_title')}</h2>
      <form method="post" action={`${path}/thanh-vien`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextField t={t} name="email" type="email" label={t('reports.field.member_email')} value={values.email} errors={errors} required autocomplete="off" hint={t('reports.add_member_hint')} maxlength={254} />
        <div class="actions">
          <button type="submit" safe>{t('reports.add_member')}</button>
        </div>
      </form>

      <h2 safe>{t('reports.rename_title')}</h2>
      <form method="post" action={`${path}/ten`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextField t={t} name="name" label={t('reports.field.reporter_name')} value={values.name ?? r.name} errors={errors} required maxlength={REPORTER_NAME_MAX} hint={t('reports.reporter_name_hint')} />
        <div class="actions">
          <button type="submit" safe>{t('reports.rename')}</button>
        </div>
      </form>

      <h2 safe>{t('reports.reporter_forms_title')}</h2>
      {forms.length === 0 ? (
        <p safe>{t('reports.reporter_forms_none')}</p>
      ) : (
        <ul>
          {forms.map((f) => {
            const text = `${f.code} · ${ctx.locale === 'en' ? f.nameEn : f.nameVi}: ${t(assigned.has(f.code) ? 'reports.form_assigned' : 'reports.form_not_assigned')}`;
            return <li>{f.manageable ? <a href={formAdminPath(f.code)} safe>{text}</a> : <span safe>{text}</span>}</li>;
          })}
        </ul>
      )}
    </AdminLayout>
  );
}
