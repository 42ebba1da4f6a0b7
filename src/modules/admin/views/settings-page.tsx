/** The portal identity form: every setting in Vietnamese and English. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { SETTING_KEYS } from '../../../platform/site/settings.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, FormAlert, Notice, TextField } from '../../../ui/forms.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';

export const SETTINGS_PATH = '/quan-tri/thong-tin-cong';
const REQUIRED_VI = new Set(['portal_name', 'agency_name']);

export function SettingsPage(props: { ctx: ViewContext; adminNav: readonly AdminNavItem[]; values: Record<string, string>; errors?: FieldErrors; alert?: string; notice?: string }): JSX.Element {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const labels: Record<string, string> = {};
  for (const key of SETTING_KEYS) {
    const name = t(`admin.setting_${key}` as MessageKey);
    labels[`${key}_vi`] = t('admin.in_vi', { field: name });
    labels[`${key}_en`] = t('admin.in_en', { field: name });
  }
  return (
    <AdminLayout ctx={ctx} title={t('admin.settings_title')} adminNav={props.adminNav}>
      <h1 safe>{t('admin.settings_title')}</h1>
      <p class="prose" safe>{t('admin.settings_intro')}</p>
      <Notice message={props.notice} />
      <form method="post" action={SETTINGS_PATH} class="stack" novalidate>
        <FormAlert message={props.alert} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <CsrfField ctx={ctx} />
        {SETTING_KEYS.map((key) => (
          <fieldset class="field">
            <legend safe>{t(`admin.setting_${key}` as MessageKey)}</legend>
            <TextField t={t} name={`${key}_vi`} label={labels[`${key}_vi`] ?? key} value={values[`${key}_vi`]} errors={errors} required={REQUIRED_VI.has(key)} maxlength={300} />
            <TextField t={t} name={`${key}_en`} label={labels[`${key}_en`] ?? key} value={values[`${key}_en`]} errors={errors} maxlength={300} />
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit" safe>{t('shell.save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
