/** Saving a draft: what was typed is kept even when incomplete; only its format is checked. */
import type { Locale } from '../../config/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import type { DossierRow } from './dossier-queries.ts';
import { validateFormData, type FormData, type FormDefinition } from './form-definition.ts';

/** Throws AppError('validation') with field errors for values of the wrong form; nothing is written then. */
export async function saveDraft(db: Db, dossier: DossierRow, def: FormDefinition, data: FormData, locale: Locale): Promise<void> {
  const errors = validateFormData(def, data, locale, false);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  const result = await db
    .updateTable('dossiers')
    .set({
      form_json: JSON.stringify(data),
      applicant_name: data.applicant_name ?? '',
      applicant_phone: data.applicant_phone ?? '',
      applicant_email: data.applicant_email ?? '',
      summary: data[def.summaryField] ?? '',
      updated_at: nowIso(),
    })
    .where('id', '=', dossier.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('conflict', { dossier: { key: 'eservices.error_not_draft' } });
}
