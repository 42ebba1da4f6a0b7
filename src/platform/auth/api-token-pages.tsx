/** The account area's page of API access tokens: make one (shown once), list them, revoke them. */
import { Layout } from '../../ui/layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextField } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { formatDate, formatDateTime } from '../text/format.ts';
import { tokenState, TOKEN_DAYS_MAX, TOKEN_DAYS_MIN, TOKEN_NAME_MAX, type ApiTokenRow } from './api-tokens.ts';
import type { FormState } from './sign-in-pages.tsx';

export const API_TOKENS_PATH = '/tai-khoan/khoa-api';

export interface ApiTokensPageProps {
  readonly ctx: ViewContext;
  readonly tokens: readonly ApiTokenRow[];
  /** The token just made: shown on this response only. */
  readonly created?: string | undefined;
  readonly form?: FormState;
  readonly notice?: string | undefined;
  /** False for staff accounts: they see why no token can be made. */
  readonly allowed: boolean;
}

export function ApiTokensPage({ ctx, tokens, created, form = {}, notice, allowed }: ApiTokensPageProps): JSX.Element {
  const { t } = ctx;
  const labels = { name: t('apitoken.name'), days: t('apitoken.days') };
  const stateKey = { active: 'apitoken.state_active', expired: 'apitoken.state_expired', revoked: 'apitoken.state_revoked' } as const;
  return (
    <Layout ctx={ctx} title={t('apitoken.title')}>
      <div class="stack">
        <p>
          <a href="/tai-khoan" safe>{t('auth.account_title')}</a>
        </p>
        <h1 safe>{t('apitoken.title')}</h1>
        <Notice message={notice} />
        <p safe>{t('apitoken.intro')}</p>
        <p>
          <a href="/api/docs" safe>{t('apitoken.docs_link')}</a>
        </p>
        {created === undefined ? (
          ''
        ) : (
          <section aria-labelledby="created-title" class="notice" role="status">
            <h2 id="created-title" safe>{t('apitoken.created_title')}</h2>
            <p safe>{t('apitoken.created_once')}</p>
            <p>
              <code class="token" safe>{created}</code>
            </p>
          </section>
        )}
        {allowed ? (
          <section aria-labelledby="create-title">
            <h2 id="create-title" safe>{t('apitoken.create_title')}</h2>
            <FormAlert message={form.alert} />
            <ErrorSummary t={t} errors={form.errors} labels={labels} />
            <form method="post" action={API_TOKENS_PATH} novalidate>
              <CsrfField ctx={ctx} />
              <TextField t={t} name="name" label={labels.name} hint={t('apitoken.name_hint')} value={form.values?.name ?? ''} errors={form.errors} required maxlength={TOKEN_NAME_MAX} />
              <TextField t={t} name="days" type="number" inputmode="numeric" label={labels.days} hint={t('apitoken.days_hint', { min: TOKEN_DAYS_MIN, max: TOKEN_DAYS_MAX })} value={form.values?.days ?? '90'} errors={form.errors} required />
              <div class="actions">
                <button type="submit" class="button" safe>{t('apitoken.create')}</button>
              </div>
            </form>
          </section>
        ) : (
          <p class="alert" safe>{t('apitoken.not_applicant')}</p>
        )}
        <section aria-labelledby="list-title">
          <h2 id="list-title" safe>{t('apitoken.list_title')}</h2>
          {tokens.length === 0 ? (
            <p safe>{t('apitoken.none')}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden" safe>{t('apitoken.list_title')}</caption>
                <thead>
                  <tr>
                    <th scope="col" safe>{t('apitoken.col_name')}</th>
                    <th scope="col" safe>{t('apitoken.col_prefix')}</th>
                    <th scope="col" safe>{t('apitoken.col_created')}</th>
                    <th scope="col" safe>{t('apitoken.col_expires')}</th>
                    <th scope="col" safe>{t('apitoken.col_used')}</th>
                    <th scope="col" safe>{t('apitoken.col_state')}</th>
                    <td></td>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((token) => {
                    const state = tokenState(token);
                    return (
                      <tr>
                        <th scope="row" safe>{token.name}</th>
                        <td>
                          <code safe>{`${token.token_prefix}…`}</code>
                        </td>
                        <td safe>{formatDate(token.created_at)}</td>
                        <td safe>{formatDate(token.expires_at)}</td>
                        <td safe>{token.last_used_at === null ? t('apitoken.never_used') : formatDateTime(token.last_used_at)}</td>
                        <td safe>{t(stateKey[state])}</td>
                        <td>
                          {state === 'revoked' ? (
                            ''
                          ) : (
                            <form method="post" action={`${API_TOKENS_PATH}/${token.id}/thu-hoi`}>
                              <CsrfField ctx={ctx} />
                              <button type="submit" class="button button-secondary" safe>{t('apitoken.revoke', { name: token.name })}</button>
                            </form>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </Layout>
  );
}
