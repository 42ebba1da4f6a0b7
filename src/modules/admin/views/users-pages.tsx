/** The user accounts an administrator manages: a searchable list and each account's page. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { ROLE_NAMES } from '../../../platform/auth/roles.ts';
import { formatDateTime } from '../../../platform/text/format.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { AgencySummary } from '../agencies-queries.ts';
import { PAGE_SIZE, type UserDetail, type UserListRow } from '../users-queries.ts';
import { ButtonForm, Pagination, SelectField, roleLabel } from './common.tsx';

export const USERS_PATH = '/quan-tri/nguoi-dung';

const typeLabel = (ctx: ViewContext, type: string): string => ctx.t(`admin.type_${type}` as MessageKey);

export function UsersListPage(props: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; query: string; page: number; rows: readonly UserListRow[]; total: number }): JSX.Element {
  const { ctx, query, page, rows, total } = props;
  const t = ctx.t;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <AdminLayout ctx={ctx} title={t('admin.users_title')} adminNav={props.adminNav}>
      <h1 safe>{t('admin.users_title')}</h1>
      <p class="prose" safe>{t('admin.users_intro')}</p>
      <form method="get" action={USERS_PATH} role="search" class="stack">
        <div class="field">
          <label for="f-q" safe>{t('admin.users_search_label')}</label>
          <input id="f-q" name="q" type="search" value={query} />
        </div>
        <div class="actions">
          <button type="submit" safe>{t('admin.search')}</button>
        </div>
      </form>
      <p class="muted" role="status" safe>{t('admin.results', { count: total })}</p>
      {rows.length === 0 ? (
        <p safe>{t('admin.users_none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('admin.users_title')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('admin.full_name')}</th>
                <th scope="col" safe>{t('admin.email')}</th>
                <th scope="col" safe>{t('admin.account_type')}</th>
                <th scope="col" safe>{t('admin.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr>
                  <th scope="row">
                    <a href={`${USERS_PATH}/${u.id}`} safe>{u.fullName}</a>
                  </th>
                  <td safe>{u.email}</td>
                  <td safe>{typeLabel(ctx, u.accountType)}</td>
                  <td safe>{t(u.disabledAt === null ? 'admin.status_active' : 'admin.status_disabled')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} base={USERS_PATH} params={{ q: query }} page={page} pages={pages} />
    </AdminLayout>
  );
}

export interface UserPageProps {
  readonly ctx: ViewContext;
  readonly adminNav: readonly AdminNavItem[];
  readonly user: UserDetail;
  readonly agencies: ReadonlyMap<number, AgencySummary>;
  /** The agencies in which this administrator may grant roles. */
  readonly grantable: readonly AgencySummary[];
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  readonly alert?: string;
  readonly notice?: string;
}

export function UserPage(props: UserPageProps): JSX.Element {
  const { ctx, user, agencies, grantable, values = {}, errors } = props;
  const t = ctx.t;
  const name = (a: AgencySummary | undefined): string => (a === undefined ? t('admin.none') : ctx.locale === 'en' ? a.nameEn : a.nameVi);
  const base = `${USERS_PATH}/${user.id}`;
  const labels = { role: t('admin.role'), agency: t('admin.agency') };
  const grantableIds = new Set(grantable.map((a) => a.id));
  return (
    <AdminLayout ctx={ctx} title={user.fullName} adminNav={props.adminNav}>
      <nav class="breadcrumb" aria-label={t('shell.breadcrumb')}>
        <a href={USERS_PATH} safe>{t('admin.users_title')}</a>
      </nav>
      <h1 safe>{user.fullName}</h1>
      <Notice message={props.notice} />
      <FormAlert message={props.alert} />
      <dl class="details">
        <dt safe>{t('admin.email')}</dt>
        <dd safe>{user.email}</dd>
        <dt safe>{t('admin.account_type')}</dt>
        <dd safe>{typeLabel(ctx, user.accountType)}</dd>
        <dt safe>{t('admin.status')}</dt>
        <dd safe>{t(user.disabledAt === null ? 'admin.status_active' : 'admin.status_disabled')}</dd>
        <dt safe>{t('admin.created_at')}</dt>
        <dd safe>{formatDateTime(user.createdAt)}</dd>
      </dl>

      <h2 safe>{t('admin.roles')}</h2>
      {user.roles.length === 0 ? (
        <p safe>{t('admin.no_roles')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>{t('admin.roles')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('admin.role')}</th>
                <th scope="col" safe>{t('admin.agency')}</th>
                <th scope="col" safe>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {user.roles.map((r) => {
                const agencyName = r.agencyId === null ? t('admin.none') : name(agencies.get(r.agencyId));
                const mayRevoke = r.agencyId === null || grantableIds.has(r.agencyId);
                return (
                  <tr>
                    <td safe>{roleLabel(t, r.role)}</td>
                    <td safe>{agencyName}</td>
                    <td>
                      {mayRevoke ? (
                        <form method="post" action={`${base}/vai-tro/thu-hoi`} class="inline-form">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="role" value={r.role} />
                          <input type="hidden" name="agency" value={r.agencyId === null ? '' : String(r.agencyId)} />
                          <button type="submit" class="button-secondary" aria-label={t('admin.revoke_label', { role: roleLabel(t, r.role), agency: agencyName })} safe>
                            {t('admin.revoke')}
                          </button>
                        </form>
                      ) : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="grant" safe>{t('admin.grant_title')}</h2>
      <form method="post" action={`${base}/vai-tro`} class="stack" novalidate>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <CsrfField ctx={ctx} />
        <SelectField t={t} name="role" label={labels.role} value={values.role} errors={errors} required options={[{ value: '', label: '' }, ...ROLE_NAMES.map((r) => ({ value: r, label: roleLabel(t, r) }))]} />
        <SelectField
          t={t}
          name="agency"
          label={labels.agency}
          value={values.agency}
          errors={errors}
          options={[...grantable.map((a) => ({ value: String(a.id), label: name(a) })), { value: '', label: t('admin.no_agency') }]}
        />
        <div class="actions">
          <button type="submit" safe>{t('admin.grant')}</button>
        </div>
      </form>

      <h2 safe>{t('admin.security_title')}</h2>
      <dl class="details">
        <dt safe>{t('admin.mfa_required')}</dt>
        <dd safe>{t(user.mfaRequired ? 'admin.yes' : 'admin.no')}</dd>
        <dt safe>{t('admin.mfa_enabled')}</dt>
        <dd safe>{t(user.totpEnabled ? 'admin.yes' : 'admin.no')}</dd>
      </dl>
      <div class="actions">
        <ButtonForm ctx={ctx} action={`${base}/xac-thuc-hai-lop`} fields={{ required: user.mfaRequired ? '0' : '1' }} label={t(user.mfaRequired ? 'admin.mfa_unrequire' : 'admin.mfa_require')} />
        <ButtonForm ctx={ctx} action={`${base}/trang-thai`} fields={{ disabled: user.disabledAt === null ? '1' : '0' }} label={t(user.disabledAt === null ? 'admin.disable' : 'admin.enable')} />
      </div>
      <p class="hint" safe>{t('admin.disable_hint')}</p>
    </AdminLayout>
  );
}
