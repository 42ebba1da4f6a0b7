/** Validation shared by the agency forms: dates, names, parent and administrative unit. */
import type { Db } from '../../../platform/db/index.ts';
import type { FieldErrors } from '../../../platform/errors.ts';
import { isIsoDate } from '../../../platform/calendar/dates.ts';
import { REFORM_2025 } from '../../../platform/org/reference-data.ts';
import { unitByCode } from '../../../platform/org/queries.ts';

export interface VersionInput {
  readonly nameVi: string;
  readonly nameEn: string;
  readonly shortName: string;
  /** Code of the parent agency, '' for none. */
  readonly parentCode: string;
  /** GSO province code in the structure in force on `validFrom`, '' for none. */
  readonly unitCode: string;
  readonly validFrom: string;
  /** '' for open-ended. */
  readonly validTo: string;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function checkPeriod(errors: FieldErrors, from: string, to: string): void {
  if (!isIsoDate(from)) errors.valid_from = { key: 'admin.error_date' };
  if (to !== '' && !isIsoDate(to)) errors.valid_to = { key: 'admin.error_date' };
  else if (to !== '' && isIsoDate(from) && to < from) errors.valid_to = { key: 'admin.error_period_order' };
}

function checkText(errors: FieldErrors, name: string, value: string, max: number, required: boolean): void {
  if (required && value === '') errors[name] = { key: 'admin.error_agency_name' };
  else if ([...value].length > max) errors[name] = { key: 'admin.error_too_long', params: { max } };
}

/** Validates a version; resolves the parent and unit ids. Errors are added to `errors`. */
export async function resolveVersion(db: Db, input: VersionInput, errors: FieldErrors, selfId?: number): Promise<{ parentId: number | null; unitId: number | null }> {
  checkText(errors, 'name_vi', input.nameVi, 300, true);
  checkText(errors, 'name_en', input.nameEn, 300, true);
  checkText(errors, 'short_name', input.shortName, 100, false);
  checkPeriod(errors, input.validFrom, input.validTo);
  let parentId: number | null = null;
  if (input.parentCode !== '') {
    const parent = await db.selectFrom('agencies').select('id').where('code', '=', input.parentCode).executeTakeFirst();
    if (parent === undefined) errors.parent = { key: 'admin.error_parent' };
    else if (parent.id === selfId) errors.parent = { key: 'admin.error_parent_self' };
    else parentId = parent.id;
  }
  let unitId: number | null = null;
  if (input.unitCode !== '' && isIsoDate(input.validFrom)) {
    const structure = input.validFrom >= REFORM_2025 ? '2025' : 'pre2025';
    const unit = await unitByCode(db, structure, 'province', input.unitCode);
    if (unit === null) errors.unit = { key: 'admin.error_unit' };
    else unitId = unit.id;
  }
  return { parentId, unitId };
}
