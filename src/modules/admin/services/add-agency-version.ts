/**
 * A new version of an agency from a date (renamed, moved under another parent, another area).
 * The open version before it ends the day before; periods of one agency never overlap.
 */
import type { Db } from '../../../platform/db/index.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { dayBefore, resolveVersion, type VersionInput } from './agency-input.ts';

const overlaps = (aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean => (bTo === null || aFrom <= bTo) && (aTo === null || bFrom <= aTo);

export async function addAgencyVersion(db: Db, actor: AuditActor, agencyId: number, input: VersionInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const agency = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
    if (agency === undefined) throw new AppError('not_found');
    const errors: FieldErrors = {};
    const { parentId, unitId } = await resolveVersion(trx, input, errors, agencyId);
    if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
    const versions = await trx.selectFrom('agency_versions').selectAll().where('agency_id', '=', agencyId).orderBy('valid_from').execute();
    const newTo = input.validTo === '' ? null : input.validTo;
    // The open-ended version that started before the new one is the one being superseded.
    const superseded = versions.find((v) => v.valid_to === null && v.valid_from < input.validFrom);
    for (const v of versions) {
      const end = v === superseded ? dayBefore(input.validFrom) : v.valid_to;
      if (overlaps(input.validFrom, newTo, v.valid_from, end)) {
        throw new AppError('validation', { valid_from: { key: 'admin.error_period_overlap', params: { from: v.valid_from, to: v.valid_to ?? '…' } } });
      }
    }
    const base = superseded ?? versions.at(-1);
    if (superseded !== undefined) {
      await trx.updateTable('agency_versions').set({ valid_to: dayBefore(input.validFrom) }).where('id', '=', superseded.id).execute();
    }
    const row = {
      agency_id: agencyId,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      short_name: input.shortName === '' ? null : input.shortName,
      parent_agency_id: parentId,
      admin_unit_id: unitId,
      address: base?.address ?? null,
      phone: base?.phone ?? null,
      email: base?.email ?? null,
      valid_from: input.validFrom,
      valid_to: newTo,
    };
    const { id } = await trx.insertInto('agency_versions').values(row).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'agency.version_added',
      entityType: 'agency',
      entityId: agencyId,
      agencyId,
      before: superseded === undefined ? undefined : { version_id: superseded.id, name_vi: superseded.name_vi, parent_agency_id: superseded.parent_agency_id, valid_to: superseded.valid_to },
      after: { version_id: id, ...row, previous_valid_to: superseded === undefined ? undefined : dayBefore(input.validFrom) },
    });
  });
}
