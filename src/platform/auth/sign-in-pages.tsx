/** Pages of the way in: sign-in, second step, registration, forgotten password, and short result pages. */
import type { FieldErrors } from '../errors.ts';
import { Layout } from '../../ui/layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextField, fieldMessage } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';

export interface FormState {
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  readonly alert?: string;
  readonly notice?: string;
}

export function SignInPage({ ctx, next, state = {} }: { ctx: ViewContext; next: string; state?: FormState }): JSX.Element {
  const { t } = ctx;
  const labels = { email: t('auth.email'), password: t('auth.password') };
  return (
    <Layout ctx={ctx} title={t('auth.sign_in')}>
      <div class="stack narrow">
        <h1 safe>{t('auth.sign_in')}</h1>
        <Notice message={state.notice} />
        <FormAlert message={state.alert} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <form method="post" action="/dang-nhap" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="next" value={next} />
          <TextField t={t} name="email" type="email" label={labels.email} value={state.values?.email} errors={state.errors} required autocomplete="username" />
          <TextField t={t} name="password" type="password" label={labels.password} errors={state.errors} required autocomplete="current-password" />
          <div class="actions">
            <button type="submit" class="button" safe>{t('auth.sign_in')}</button>
          </div>
        </form>
        <p>
          <a href="/quen-mat-khau" safe>{t('auth.forgot_link')}</a>
        </p>
        <p>
          <a href="/dang-ky" safe>{t('auth.no_account')}</a>
        </p>
      </div>
    </Layout>
  );
}

export function SecondFactorPage({ ctx, next, state = {} }: { ctx: ViewContext; next: string; state?: FormState }): JSX.Element {
  const { t } = ctx;
  const labels = { code: t('auth.mfa_code') };
  return (
    <Layout ctx={ctx} title={t('auth.mfa_title')}>
      <div class="stack narrow">
        <h1 safe>{t('auth.mfa_title')}</h1>
        <FormAlert message={state.alert} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <p safe>{t('auth.mfa_intro')}</p>
        <form method="post" action="/dang-nhap/xac-thuc" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="next" value={next} />
          <TextField t={t} name="code" label={labels.code} errors={state.errors} required autocomplete="one-time-code" maxlength={20} />
          <div class="actions">
            <button type="submit" class="button" safe>{t('auth.mfa_submit')}</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}

export function RegisterPage({ ctx, state = {} }: { ctx: ViewContext; state?: FormState }): JSX.Element {
  const { t } = ctx;
  const v = state.values ?? {};
  const labels = {
    full_name: t('auth.full_name'),
    email: t('auth.email'),
    phone: t('auth.phone'),
    account_type: t('auth.account_type'),
    password: t('auth.password'),
    password_confirm: t('auth.password_confirm'),
  };
  const typeError = fieldMessage(t, state.errors, 'account_type');
  return (
    <Layout ctx={ctx} title={t('auth.sign_up')}>
      <div class="stack narrow">
        <h1 safe>{t('auth.sign_up')}</h1>
        <FormAlert message={state.alert} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <form method="post" action="/dang-ky" novalidate>
          <CsrfField ctx={ctx} />
          <TextField t={t} name="full_name" label={labels.full_name} value={v.full_name} errors={state.errors} required autocomplete="name" maxlength={200} />
          <TextField t={t} name="email" type="email" label={labels.email} value={v.email} errors={state.errors} required autocomplete="email" maxlength={254} />
          <TextField t={t} name="phone" type="tel" label={labels.phone} value={v.phone} errors={state.errors} autocomplete="tel" maxlength={20} />
          <fieldset id="f-account_type" class={typeError === undefined ? 'field' : 'field field-error'} aria-describedby={typeError === undefined ? undefined : 'f-account_type-error'}>
            <legend safe>{labels.account_type}</legend>
            {typeError === undefined ? '' : (
              <p class="error-message" id="f-account_type-error" safe>
                {typeError}
              </p>
            )}
            {(['citizen', 'business'] as const).map((type) => (
              <div class="choice">
                <input type="radio" id={`f-account_type-${type}`} name="account_type" value={type} checked={(v.account_type ?? 'citizen') === type} />
                <label for={`f-account_type-${type}`} safe>
                  {t(type === 'citizen' ? 'auth.type_citizen' : 'auth.type_business')}
                </label>
              </div>
            ))}
          </fieldset>
          <TextField t={t} name="password" type="password" label={labels.password} hint={t('auth.password_hint')} errors={state.errors} required autocomplete="new-password" />
          <TextField t={t} name="password_confirm" type="password" label={labels.password_confirm} errors={state.errors} required autocomplete="new-password" />
          <div class="actions">
            <button type="submit" class="button" safe>{t('auth.register_submit')}</button>
          </div>
        </form>
        <p>
          <a href="/dang-nhap" safe>{t('auth.have_account')}</a>
        </p>
      </div>
    </Layout>
  );
}

export function ForgotPasswordPage({ ctx, state = {} }: { ctx: ViewContext; state?: FormState }): JSX.Element {
  const { t } = ctx;
  const labels = { email: t('auth.email') };
  return (
    <Layout ctx={ctx} title={t('auth.forgot_title')}>
      <div class="stack narrow">
        <h1 safe>{t('auth.forgot_title')}</h1>
        <FormAlert message={state.alert} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <p safe>{t('auth.forgot_intro')}</p>
        <form method="post" action="/quen-mat-khau" novalidate>
          <CsrfField ctx={ctx} />
          <TextField t={t} name="email" type="email" label={labels.email} value={state.values?.email} errors={state.errors} required autocomplete="email" />
          <div class="actions">
            <button type="submit" class="button" safe>{t('auth.forgot_submit')}</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, token, state = {} }: { ctx: ViewContext; token: string; state?: FormState }): JSX.Element {
  const { t } = ctx;
  const labels = { password: t('auth.new_password'), password_confirm: t('auth.password_confirm') };
  return (
    <Layout ctx={ctx} title={t('auth.reset_title')}>
      <div class="stack narrow">
        <h1 safe>{t('auth.reset_title')}</h1>
        <FormAlert message={state.alert} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <form method="post" action="/dat-lai-mat-khau" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="token" value={token} />
          <TextField t={t} name="password" type="password" label={labels.password} hint={t('auth.password_hint')} errors={state.errors} required autocomplete="new-password" />
          <TextField t={t} name="password_confirm" type="password" label={labels.password_confirm} errors={state.errors} required autocomplete="new-password" />
          <div class="actions">
            <button type="submit" class="button" safe>{t('auth.reset_submit')}</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}

/** A short page announcing the result of a step, with an optional link onward. */
export function MessagePage({ ctx, title, body, link }: { ctx: ViewContext; title: string; body: string; link?: { href: string; label: string } }): JSX.Element {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack narrow">
        <h1 safe>{title}</h1>
        <p safe>{body}</p>
        {link === undefined ? '' : (
          <p>
            <a href={link.href} safe>
              {link.label}
            </a>
          </p>
        )}
      </div>
    </Layout>
  );
}
