/**
 * Submitting a dossier: complete form and required documents, then in one transaction the draft
 * becomes a registered dossier (national status 1) with its code, date of receipt and due date.
 * Submitting again (double click, retry) changes nothing and leads to the same receipt.
 */
import { sql, SqliteAdapter } from 'kysely';
import type { Locale } from '../../config/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.ts';
import { vietnamDateAndHour } from '../../platform/calendar/dates.ts';
import { dossierFiles, type DossierRow } from './dossier-queries.ts';
import { parseFormDefinition, validateFormData, type FormData, type FormDefinition } from './form-definition.ts';

/** The province's code in dossier codes (new Lào Cai: GSO code 15, DVCQG pattern `…H15`). */
const PROVINCE_SEGMENT = 'H15';

/** `000.00.<agency>.H15-<yyMMdd>-<nnnn>`: the agency segment is the agency's id until agencies carry their e-ID code (QCVN 102:2016). */
export const dossierCodePrefix = (agencyId: number, receivedOn: string): string =>
  `000.00.${String(agencyId).padStart(2, '0')}.${PROVINCE_SEGMENT}-${receivedOn.slice(2, 4)}${receivedOn.slice(5, 7)}${receivedOn.slice(8, 10)}`;

/**
 * Serialises code numbering. SQLite has a single writer already; on PostgreSQL two submissions of
 * the same day would otherwise read the same last code (a transaction-scoped advisory lock).
 */
async function lockDossierCodes(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`select pg_advisory_xact_lock(7275101)`.execute(db);
}

/**
 * The next number for a code prefix (agency and day), under the lock of `lockDossierCodes`. The
 * first dossier of a prefix starts after any code already given with it (dossiers coded before the
 * sequence table existed); later ones read and bump one row.
 */
async function nextCodeNumber(trx: Db, prefix: string): Promise<number> {
  const bumped = await trx
    .updateTable('dossier_code_sequences')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('prefix', '=', prefix)
    .returning('last_number')
    .executeTakeFirst();
  if (bumped !== undefined) return bumped.last_number;
  const given = await trx.selectFrom('dossiers').select('code').where('code', 'like', `${prefix}-%`).execute();
  const next = 1 + Math.max(0, ...given.map((r) => Number((r.code ?? '').slice(prefix.length + 1)) || 0));
  await trx.insertInto('dossier_code_sequences').values({ prefix, last_number: next }).execute();
  return next;
}

export interface SubmitOptions {
  readonly calendar: WorkingCalendar;
  readonly cutoffHour: number;
  readonly now: Date;
  readonly locale: Locale;
  /** The procedure's form, time limit and components when the caller has them already (the JSON API). */
  readonly procedure?: { readonly form_json: string; readonly processing_days: number; readonly components: readonly ComponentRequirement[] };
}

export interface ComponentRequirement {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly required: number;
}

/** What keeps a dossier from being submitted: incomplete form values, and required components without a document. */
export function submissionErrors(def: FormDefinition, data: FormData, components: readonly ComponentRequirement[], attached: ReadonlySet<string>, locale: Locale): FieldErrors {
  const errors: FieldErrors = validateFormData(def, data, locale, true);
  for (const c of components) {
    if (c.required === 1 && !attached.has(c.code)) {
      errors[`doc-${c.code}`] = { key: 'eservices.error_component_missing', params: { component: locale === 'en' ? c.name_en : c.name_vi } };
    }
  }
  return errors;
}

/** Returns the dossier's code. Throws AppError('validation') listing what is missing. */
export async function submitDossier(db: Db, actor: AuditActor, dossier: DossierRow, options: SubmitOptions): Promise<string> {
  if (dossier.status !== 'draft' && dossier.code !== null) return dossier.code;
  const procedure = options.procedure ?? (await db.selectFrom('procedures').select(['form_json', 'processing_days']).where('id', '=', dossier.procedure_id).executeTakeFirstOrThrow());
  const [files, components] = await Promise.all([
    dossierFiles(db, dossier.id),
    options.procedure?.components ?? db.selectFrom('procedure_components').select(['code', 'name_vi', 'name_en', 'required']).where('procedure_id', '=', dossier.procedure_id).orderBy('sort_order').execute(),
  ]);
  const errors = submissionErrors(parseFormDefinition(procedure.form_json), JSON.parse(dossier.form_json) as FormData, components, new Set(files.map((f) => f.component_code)), options.locale);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);

  const receivedOn = options.calendar.receiptDay(options.now, options.cutoffHour);
  const dueOn = options.calendar.addWorkingDays(receivedOn, procedure.processing_days);
  const submittedAt = options.now.toISOString();
  return db.transaction().execute(async (trx) => {
    // Only one submission can move the draft on; a concurrent or repeated one finds it taken.
    const claimed = await trx
      .updateTable('dossiers')
      .set({ status: 'submitted', national_status: 1, submitted_at: submittedAt, received_on: receivedOn, due_on: dueOn, updated_at: submittedAt })
      .where('id', '=', dossier.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) {
      const current = await trx.selectFrom('dossiers').select('code').where('id', '=', dossier.id).executeTakeFirstOrThrow();
      if (current.code === null) throw new AppError('conflict');
      return current.code;
    }
    await lockDossierCodes(trx);
    const prefix = dossierCodePrefix(dossier.agency_id, vietnamDateAndHour(options.now).date);
    const code = `${prefix}-${String(await nextCodeNumber(trx, prefix)).padStart(4, '0')}`;
    await trx.updateTable('dossiers').set({ code }).where('id', '=', dossier.id).execute();
    await trx.insertInto('dossier_events').values({ dossier_id: dossier.id, at: submittedAt, actor_id: actor.id, action: 'submitted', status: 'submitted', national_status: 1, note: null, due_on: dueOn }).execute();
    await recordAudit(trx, actor, { action: 'dossier.submitted', entityType: 'dossier', entityId: dossier.id, agencyId: dossier.agency_id, after: { code, receivedOn, dueOn } });
    return code;
  });
}
