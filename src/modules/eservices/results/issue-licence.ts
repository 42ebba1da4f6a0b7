/**
 * Issuing the licence that a decided dossier ends with: the next number of the issuing agency's
 * series in that year, an unguessable verification token, the dossier's timeline and the audit log,
 * all in one transaction. The number is taken under a lock, so numbers are unique and without gaps.
 */
import { randomBytes } from 'node:crypto';
import { sql, SqliteAdapter } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { hasRole } from '../../../platform/auth/guards.ts';
import { isIsoDate } from '../../../platform/calendar/dates.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import type { DossierRow } from '../dossier-queries.ts';
import { notifyApplicant } from '../notify-applicant.ts';
import { KIND_RULES, licenceKindOf, licenceNumber, seriesOf, type LicenceKind } from './licence-kinds.ts';
import { licenceOfDossier, licenceSearchText } from './licence-queries.ts';

/** Officers and leaders of the agency processing the dossier, once the leader has decided. */
export const canIssueLicence = (user: CurrentUser, dossier: DossierRow): boolean =>
  dossier.status === 'decided' && (hasRole(user, 'officer', dossier.agency_id) || hasRole(user, 'leader', dossier.agency_id));

export interface LicenceInput {
  readonly holderName: string;
  readonly holderAddress: string;
  readonly title: string;
  readonly quantity: string;
  readonly validUntil: string;
  readonly signerName: string;
  readonly signerTitle: string;
}

export interface NewLicence {
  readonly agencyId: number;
  readonly procedureId: number;
  readonly dossierId: number | null;
  readonly kind: LicenceKind;
  readonly issuedOn: string;
  readonly holderName: string;
  readonly holderAddress: string;
  readonly title: string;
  readonly quantity: number | null;
  readonly details: Readonly<Record<string, string>>;
  readonly validUntil: string | null;
  readonly signerName: string;
  readonly signerTitle: string;
  readonly illustrative?: boolean;
  readonly issuedBy: number | null;
}

/** A 128-bit random token, URL-safe. */
export const newLicenceToken = (): string => randomBytes(16).toString('base64url');

/** Serialises numbering on PostgreSQL (SQLite has one writer). Key distinct from the dossier codes' lock. */
async function lockLicenceNumbers(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`select pg_advisory_xact_lock(7275102)`.execute(db);
}

/** Inserts a licence with the next number of its series; call inside a transaction. */
export async function insertLicence(trx: Db, agencyCode: string, l: NewLicence): Promise<{ id: number; number: string; token: string }> {
  await lockLicenceNumbers(trx);
  const year = Number(l.issuedOn.slice(0, 4));
  const series = seriesOf(agencyCode);
  const last = await trx.selectFrom('licences').select((eb) => eb.fn.max('seq').as('seq')).where('agency_id', '=', l.agencyId).where('series', '=', series).where('year', '=', year).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const number = licenceNumber(seq, series);
  const token = newLicenceToken();
  const at = nowIso();
  const { id } = await trx
    .insertInto('licences')
    .values({
      token,
      agency_id: l.agencyId,
      procedure_id: l.procedureId,
      dossier_id: l.dossierId,
      kind: l.kind,
      year,
      seq,
      series,
      number,
      holder_name: l.holderName,
      holder_address: l.holderAddress,
      title: l.title,
      quantity: l.quantity,
      details_json: JSON.stringify(l.details),
      issued_on: l.issuedOn,
      valid_until: l.validUntil,
      signer_name: l.signerName,
      signer_title: l.signerTitle,
      status: 'valid',
      revoked_on: null,
      revoke_reason: null,
      illustrative: l.illustrative === true ? 1 : 0,
      search_text: licenceSearchText({ number, title: l.title, holder_name: l.holderName, holder_address: l.holderAddress }),
      issued_by: l.issuedBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, number, token };
}

const addYears = (day: string, years: number): string => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

/** Checks the officer's input against the kind's rules; returns the values to store. */
export function validateLicenceInput(kind: LicenceKind, input: LicenceInput, today: string): { errors: FieldErrors; quantity: number | null; validUntil: string | null } {
  const rule = KIND_RULES[kind];
  const errors: FieldErrors = {};
  const required = (name: string, value: string, max: number) => {
    if (value.trim() === '') errors[name] = { key: 'licences.error_required' };
    else if ([...value].length > max) errors[name] = { key: 'shell.field_too_long', params: { field: name, max } };
  };
  required('holder_name', input.holderName, 300);
  required('holder_address', input.holderAddress, 300);
  required('title', input.title, 300);
  required('signer_name', input.signerName, 200);
  required('signer_title', input.signerTitle, 200);
  let quantity: number | null = null;
  if (rule.quantityField !== null) {
    if (!/^\d{1,8}$/.test(input.quantity.trim()) || Number(input.quantity) < 1) errors.quantity = { key: 'licences.error_quantity' };
    else quantity = Number(input.quantity);
  }
  let validUntil: string | null = null;
  if (rule.validity !== null) {
    const v = input.validUntil.trim();
    if (v === '' && rule.validity.required) errors.valid_until = { key: 'licences.error_required' };
    else if (v !== '' && (!isIsoDate(v) || v <= today || v > addYears(today, rule.validity.maxYears))) errors.valid_until = { key: 'licences.error_valid_until', params: { years: rule.validity.maxYears } };
    else validUntil = v === '' ? null : v;
  }
  return { errors, quantity, validUntil };
}

export interface IssueLinks {
  readonly trackUrl: string;
  /** The public verification address of a licence token, sent to the applicant. */
  readonly verifyUrl: (token: string) => string;
}

/** Issues the licence of a decided dossier and e-mails the applicant its number and verification link; returns its id. */
export async function issueLicence(db: Db, actor: AuditActor, user: CurrentUser, dossier: DossierRow, input: LicenceInput, today: string, links: IssueLinks): Promise<number> {
  if (!hasRole(user, 'officer', dossier.agency_id) && !hasRole(user, 'leader', dossier.agency_id)) throw new AppError('not_found');
  const procedure = await db.selectFrom('procedures').select(['id', 'code']).where('id', '=', dossier.procedure_id).executeTakeFirstOrThrow();
  const kind = licenceKindOf(procedure.code);
  if (kind === undefined) throw new AppError('not_found');
  if (dossier.status !== 'decided' || (await licenceOfDossier(db, dossier.id)) !== undefined) throw new AppError('conflict', { action: { key: 'licences.error_not_issuable' } });
  const { errors, quantity, validUntil } = validateLicenceInput(kind, input, today);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  const form = JSON.parse(dossier.form_json) as Record<string, string>;
  const details: Record<string, string> = {};
  for (const f of KIND_RULES[kind].detailFields) if (typeof form[f] === 'string' && form[f] !== '') details[f] = form[f];
  // The licence is the deciding agency's: the competent authority the dossier was submitted to, else the dossier's agency.
  const issuingAgencyId = dossier.deciding_agency_id ?? dossier.agency_id;
  const agency = await db.selectFrom('agencies').select('code').where('id', '=', issuingAgencyId).executeTakeFirstOrThrow();

  return db.transaction().execute(async (trx) => {
    // Under the numbering lock, the dossier must still be decided and without a licence (a double
    // click or two officers at once issue one licence, not two).
    await lockLicenceNumbers(trx);
    const current = await trx.selectFrom('dossiers').select('status').where('id', '=', dossier.id).executeTakeFirstOrThrow();
    if (current.status !== 'decided' || (await licenceOfDossier(trx, dossier.id)) !== undefined) throw new AppError('conflict', { action: { key: 'licences.error_not_issuable' } });
    const issued = await insertLicence(trx, agency.code, {
      agencyId: issuingAgencyId,
      procedureId: procedure.id,
      dossierId: dossier.id,
      kind,
      issuedOn: today,
      holderName: input.holderName.trim(),
      holderAddress: input.holderAddress.trim(),
      title: input.title.trim(),
      quantity,
      details,
      validUntil,
      signerName: input.signerName.trim(),
      signerTitle: input.signerTitle.trim(),
      issuedBy: user.id,
    });
    const at = nowIso();
    await trx
      .insertInto('dossier_events')
      .values({ dossier_id: dossier.id, at, actor_id: user.id, action: 'issue_licence', status: 'decided', national_status: 9, note: issued.number, due_on: null })
      .execute();
    await trx.updateTable('dossiers').set({ updated_at: at }).where('id', '=', dossier.id).execute();
    await recordAudit(trx, actor, {
      action: 'licence.issued',
      entityType: 'licence',
      entityId: issued.id,
      agencyId: dossier.agency_id,
      after: { number: issued.number, dossier: dossier.code, kind, holder: input.holderName.trim(), title: input.title.trim(), quantity, validUntil },
    });
    await notifyApplicant(trx, { to: dossier.applicant_email, code: dossier.code ?? '', status: 'decided', note: `${issued.number} – ${links.verifyUrl(issued.token)}`, dueOn: null, trackUrl: links.trackUrl });
    return issued.id;
  });
}
