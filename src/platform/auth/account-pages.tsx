/** The account page and the two-step verification setup pages. */
import { Layout } from '../../ui/layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextField } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { FormState } from './sign-in-pages.tsx';
import { hasRole } from './guards.ts';
import type { AuthUser } from './queries.ts';

export interface AccountPageProps {
  readonly ctx: ViewContext;
  readonly user: AuthUser;
  readonly profile?: FormState;
  readonly password?: FormState;
  readonly totp?: FormState;
  readonly notice?: string | undefined;
}

export function AccountPage({ ctx, user, profile = {}, password = {}, totp = {}, notice }: AccountPageProps): JSX.Element {
  const { t } = ctx;
  const profileLabels = { full_name: t('auth.full_name'), phone: t('auth.phone') };
  const pwLabels = { current_password: t('auth.current_password'), password: t('auth.new_password'), password_confirm: t('auth.password_confirm') };
  const totpLabels = { totp_password: t('auth.password') };
  const typeKey = user.account_type === 'business' ? 'auth.type_business' : user.account_type === 'staff' ? 'auth.type_staff' : 'auth.type_citizen';
  return (
    <Layout ctx={ctx} title={t('auth.account_title')}>
      <div class="stack">
        <h1 safe>{t('auth.account_title')}</h1>
        <Notice message={notice} />
        <section aria-labelledby="profile-title">
          <h2 id="profile-title" safe>{t('auth.profile')}</h2>
          <dl class="details">
            <dt safe>{t('auth.email')}</dt>
            <dd safe>{`${user.email} (${t(user.email_verified_at === null ? 'auth.email_unverified' : 'auth.email_verified')})`}</dd>
            <dt safe>{t('auth.account_type')}</dt>
            <dd safe>{t(typeKey)}</dd>
          </dl>
          <FormAlert message={profile.alert} />
          <ErrorSummary t={t} errors={profile.errors} labels={profileLabels} />
          <form method="post" action="/tai-khoan/ho-so" novalidate>
            <CsrfField ctx={ctx} />
            <TextField t={t} name="full_name" label={profileLabels.full_name} value={profile.values?.full_name ?? user.full_name} errors={profile.errors} required autocomplete="name" maxlength={200} />
            <TextField t={t} name="phone" type="tel" label={profileLabels.phone} value={profile.values?.phone ?? user.phone ?? ''} errors={profile.errors} autocomplete="tel" maxlength={20} />
            <div class="actions">
              <button type="submit" class="button" safe>{t('auth.save_profile')}</button>
            </div>
          </form>
        </section>
        <section aria-labelledby="password-title">
          <h2 id="password-title" safe>{t('auth.change_password')}</h2>
          <FormAlert message={password.alert} />
          <ErrorSummary t={t} errors={password.errors} labels={pwLabels} />
          <form method="post" action="/tai-khoan/mat-khau" novalidate>
            <CsrfField ctx={ctx} />
            <TextField t={t} name="current_password" type="password" label={pwLabels.current_password} errors={password.errors} required autocomplete="current-password" />
            <TextField t={t} name="password" type="password" label={pwLabels.password} hint={t('auth.password_hint')} errors={password.errors} required autocomplete="new-password" />
            <TextField t={t} name="password_confirm" type="password" label={pwLabels.password_confirm} errors={password.errors} required autocomplete="new-password" />
            <div class="actions">
              <button type="submit" class="button" safe>{t('auth.change_password')}</button>
            </div>
          </form>
        </section>
        <section aria-labelledby="api-tokens-title">
          <h2 id="api-tokens-title" safe>{t('apitoken.title')}</h2>
          <p>
            <a href="/tai-khoan/khoa-api" safe>{t('apitoken.account_link')}</a>
          </p>
        </section>
        {user.account_type === 'business' || hasRole(ctx.user, 'officer') ? (
          <section aria-labelledby="reports-title">
            <h2 id="reports-title" safe>{t('reports.admin_nav')}</h2>
            <p>
              <a href="/bao-cao-thong-ke" safe>{t('reports.mine_title')}</a>
            </p>
          </section>
        ) : ''}
        <section aria-labelledby="totp-title">
          <h2 id="totp-title" safe>{t('auth.totp_section')}</h2>
          <p safe>{t(user.totp_enabled_at === null ? 'auth.totp_off' : 'auth.totp_on')}</p>
          {user.totp_enabled_at === null ? (
            <p>
              <a class="button" href="/tai-khoan/xac-thuc-hai-buoc" safe>{t('auth.totp_enable')}</a>
            </p>
          ) : (
            <>
              <FormAlert message={totp.alert} />
              <ErrorSummary t={t} errors={totp.errors} labels={totpLabels} />
              <form method="post" action="/tai-khoan/tat-xac-thuc-hai-buoc" novalidate>
                <CsrfField ctx={ctx} />
                <TextField t={t} name="totp_password" type="password" label={totpLabels.totp_password} errors={totp.errors} required autocomplete="current-password" />
                <div class="actions">
                  <button type="submit" class="button button-secondary" safe>{t('auth.totp_disable')}</button>
                </div>
              </form>
            </>
          )}
        </section>
      </div>
    </Layout>
  );
}

export interface TotpSetupProps {
  readonly ctx: ViewContext;
  /** Where the confirmation form posts (the account page's setup, or the forced setup after sign-in). */
  readonly action: string;
  readonly secret: string;
  /** The QR code as SVG markup from `qrSvg` (web.ts), which writes no text from the user. */
  readonly qrSvg: string;
  readonly required: boolean;
  readonly state?: FormState;
}

export function TotpSetupPage({ ctx, action, secret, qrSvg: safeQrSvg, required, state = {} }: TotpSetupProps): JSX.Element {
  const { t } = ctx;
  const labels = { code: t('auth.setup_code') };
  const grouped = secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <Layout ctx={ctx} title={t('auth.setup_title')}>
      <div class="stack narrow">
        <h1 safe>{t('auth.setup_title')}</h1>
        {required ? <p class="alert" safe>{t('auth.setup_required')}</p> : ''}
        <FormAlert message={state.alert} />
        <ErrorSummary t={t} errors={state.errors} labels={labels} />
        <p safe>{t('auth.setup_steps')}</p>
        <div class="qr-code" role="img" aria-label={t('auth.setup_qr')}>
          {safeQrSvg}
        </div>
        <p>
          <span safe>{`${t('auth.setup_secret')}: `}</span>
          <code safe>{grouped}</code>
        </p>
        <form method="post" action={action} novalidate>
          <CsrfField ctx={ctx} />
          <TextField t={t} name="code" label={labels.code} errors={state.errors} required autocomplete="one-time-code" inputmode="numeric" maxlength={7} />
          <div class="actions">
            <button type="submit" class="button" safe>{t('auth.mfa_submit')}</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}

export function RecoveryCodesPage({ ctx, codes, next }: { ctx: ViewContext; codes: readonly string[]; next: string }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('auth.recovery_title')}>
      <div class="stack narrow">
        <h1 safe>{t('auth.recovery_title')}</h1>
        <p safe>{t('auth.recovery_intro')}</p>
        <ul class="recovery-codes">
          {codes.map((c) => (
            <li>
              <code safe>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button" href={next} safe>{t('auth.continue')}</a>
        </p>
      </div>
    </Layout>
  );
}
