/** A new agency with its first version. */
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { resolveVersion, type VersionInput } from './agency-input.ts';

export const AGENCY_KINDS = ['ministry', 'province', 'department', 'other'] as const;
const CODE = /^[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]$/;

export async function createAgency(db: Db, actor: AuditActor, input: VersionInput & { code: string; kind: string }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const errors: FieldErrors = {};
    if (!CODE.test(input.code)) errors.code = { key: 'admin.error_code' };
    else if ((await trx.selectFrom('agencies').select('id').where('code', '=', input.code).executeTakeFirst()) !== undefined) errors.code = { key: 'admin.error_code_taken' };
    if (!(AGENCY_KINDS as readonly string[]).includes(input.kind)) errors.kind = { key: 'admin.error_kind' };
    const { parentId, unitId } = await resolveVersion(trx, input, errors);
    if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
    const { id } = await trx.insertInto('agencies').values({ code: input.code, kind: input.kind, created_at: nowIso() }).returning('id').executeTakeFirstOrThrow();
    const version = {
      agency_id: id,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      short_name: input.shortName === '' ? null : input.shortName,
      parent_agency_id: parentId,
      admin_unit_id: unitId,
      valid_from: input.validFrom,
      valid_to: input.validTo === '' ? null : input.validTo,
    };
    await trx.insertInto('agency_versions').values(version).execute();
    await recordAudit(trx, actor, { action: 'agency.created', entityType: 'agency', entityId: id, agencyId: id, after: { code: input.code, kind: input.kind, ...version } });
    return id;
  });
}
