/** Saving the portal identity (header and footer texts) with its audit entry. */
import type { Db } from '../../../platform/db/index.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { SETTING_KEYS, saveSiteSettings, siteSettings, type SettingKey } from '../../../platform/site/settings.ts';

export type IdentityInput = Record<SettingKey, { vi: string; en: string }>;

const REQUIRED: readonly SettingKey[] = ['portal_name', 'agency_name'];

export function validateIdentity(input: IdentityInput): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of SETTING_KEYS) {
    for (const lang of ['vi', 'en'] as const) {
      const value = input[key][lang];
      const name = `${key}_${lang}`;
      if (lang === 'vi' && REQUIRED.includes(key) && value === '') errors[name] = { key: 'admin.error_setting_required' };
      else if ([...value].length > 300) errors[name] = { key: 'admin.error_too_long', params: { max: 300 } };
      else if (key === 'emblem_url' && value !== '' && !/^(\/(?!\/)|https:\/\/)/.test(value)) errors[name] = { key: 'admin.error_emblem_url' };
    }
  }
  return errors;
}

/** Saves every setting; the audit entry holds the fields that changed. */
export async function saveSiteIdentity(db: Db, actor: AuditActor, input: IdentityInput): Promise<void> {
  const errors = validateIdentity(input);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  await db.transaction().execute(async (trx) => {
    const current = await siteSettings(trx);
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (const key of SETTING_KEYS) {
      for (const lang of ['vi', 'en'] as const) {
        if (current[key][lang] !== input[key][lang]) {
          before[`${key}_${lang}`] = current[key][lang];
          after[`${key}_${lang}`] = input[key][lang];
        }
      }
    }
    if (Object.keys(after).length === 0) return;
    await saveSiteSettings(trx, input);
    await recordAudit(trx, actor, { action: 'site.identity_saved', entityType: 'site_settings', before, after });
  });
}
