/**
 * Reporters (đơn vị báo cáo): the telecom and postal enterprises and the district offices that submit
 * periodic reports, each tied to one agency, and the accounts that submit for them. Names are unique
 * per kind up to case and diacritics (checked here, and enforced by the unique index on kind and
 * name_key for changes made at the same moment). Every change is audited in its transaction.
 */
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { normalizeEmail } from '../../../platform/auth/validate.ts';
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { compareVi } from '../../../platform/text/collate.ts';
import { fold, nfc } from '../../../platform/text/fold.ts';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { slugify, uniqueSlug } from '../../../platform/text/slug.ts';
import { isEmail } from '../../../ui/forms.tsx';
import { HOME_PROVINCE } from '../public-data.ts';
import { memberRefusal } from './permissions.ts';
import { REPORTER_KINDS, type ReporterKind } from './tables.ts';
import { isDeadlock, isUniqueViolation } from './write-conflicts.ts';

export const REPORTER_NAME_MAX = 200;
/** Agencies a reporter can be tied to: enterprises, and offices the administrators recorded under "other". */
export const REPORTER_AGENCY_KINDS = ['enterprise', 'other'] as const;
/** The agency choice that creates an enterprise named after the reporter. */
export const NEW_AGENCY = 'new';

export const isReporterKind = (value: string): value is ReporterKind => (REPORTER_KINDS as readonly string[]).includes(value);

/** NFC, trimmed, inner runs of white space made one space. */
export const cleanReporterName = (raw: string): string => nfc(raw).replace(/\s+/gu, ' ').trim();

/** The key two names of the same kind may not share (stat_reporters.name_key): cleaned, then folded. */
export const reporterNameKey = (raw: string): string => fold(cleanReporterName(raw));

/**
 * Runs a change again when the database refused it because of another change made at the same moment
 * (the unique name key, one reporter per agency, a new agency's code) or broke a deadlock between the
 * two: its checks then see the committed row and throw their field message, or it goes through if the
 * other change left room. Nothing of a refused attempt remains, as it ran in one transaction.
 */
async function retryOnConflict<T>(change: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await change();
    } catch (err) {
      if (attempt >= 3 || !(isUniqueViolation(err) || isDeadlock(err))) throw err;
    }
  }
}

export interface AgencyName {
  readonly id: number;
  readonly kind: string;
  readonly nameVi: string;
  readonly nameEn: string;
}

export interface ReporterMember {
  readonly userId: number;
  readonly email: string;
  readonly fullName: string;
  readonly accountType: 'citizen' | 'business' | 'staff';
}

export interface ReporterSummary {
  readonly id: number;
  readonly name: string;
  readonly kind: ReporterKind;
  readonly agency: AgencyName;
  readonly members: readonly ReporterMember[];
  readonly forms: readonly { readonly code: string; readonly nameVi: string; readonly nameEn: string }[];
}

/** The latest name of each agency (its version starting last). */
async function agencyNames(db: Db, ids: readonly number[]): Promise<Map<number, AgencyName>> {
  const out = new Map<number, AgencyName & { from: string }>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('agency_versions as v')
    .innerJoin('agencies as a', 'a.id', 'v.agency_id')
    .select(['a.id', 'a.kind', 'v.name_vi', 'v.name_en', 'v.valid_from'])
    .where('a.id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows) {
    const seen = out.get(r.id);
    if (seen === undefined || r.valid_from > seen.from) out.set(r.id, { id: r.id, kind: r.kind, nameVi: r.name_vi, nameEn: r.name_en, from: r.valid_from });
  }
  return out;
}

async function summaries(db: Db, reporterId?: number): Promise<ReporterSummary[]> {
  let q = db.selectFrom('stat_reporters').select(['id', 'name', 'kind', 'agency_id']);
  if (reporterId !== undefined) q = q.where('id', '=', reporterId);
  const reporters = await q.execute();
  if (reporters.length === 0) return [];
  const ids = reporters.map((r) => r.id);
  const [names, members, forms] = await Promise.all([
    agencyNames(
      db,
      reporters.map((r) => r.agency_id),
    ),
    db
      .selectFrom('stat_reporter_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.reporter_id', 'u.id', 'u.email', 'u.full_name', 'u.account_type'])
      .where('m.reporter_id', 'in', ids)
      .execute(),
    db
      .selectFrom('stat_form_reporters as fr')
      .leftJoin('stat_report_forms as f', (j) => j.onRef('f.code', '=', 'fr.form_code').on('f.is_current', '=', 1))
      .select(['fr.reporter_id', 'fr.form_code', 'f.name_vi', 'f.name_en'])
      .where('fr.reporter_id', 'in', ids)
      .orderBy('fr.form_code')
      .execute(),
  ]);
  const list = reporters.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    agency: names.get(r.agency_id) ?? { id: r.agency_id, kind: '', nameVi: '', nameEn: '' },
    members: members
      .filter((m) => m.reporter_id === r.id)
      .map((m) => ({ userId: m.id, email: m.email, fullName: m.full_name, accountType: m.account_type }))
      .sort((a, b) => compareVi(a.fullName, b.fullName) || a.email.localeCompare(b.email)),
    forms: forms.filter((f) => f.reporter_id === r.id).map((f) => ({ code: f.form_code, nameVi: f.name_vi ?? f.form_code, nameEn: f.name_en ?? f.form_code })),
  }));
  return list.sort((a, b) => compareVi(a.name, b.name));
}

/** Every reporter with its agency, member accounts and forms, by Vietnamese name. */
export const listReporters = (db: Db): Promise<ReporterSummary[]> => summaries(db);

export async function reporterSummary(db: Db, id: number): Promise<ReporterSummary | undefined> {
  return (await summaries(db, id))[0];
}

/** Agencies that can take a new reporter: of an enterprise or "other" kind, without a reporter yet (one reporter per agency), by name. */
export async function freeAgencies(db: Db): Promise<AgencyName[]> {
  const rows = await db
    .selectFrom('agencies as a')
    .select('a.id')
    .where('a.kind', 'in', [...REPORTER_AGENCY_KINDS])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('stat_reporters as r').select('r.id').whereRef('r.agency_id', '=', 'a.id'))))
    .execute();
  const names = await agencyNames(
    db,
    rows.map((r) => r.id),
  );
  return [...names.values()].map(({ id, kind, nameVi, nameEn }) => ({ id, kind, nameVi, nameEn })).sort((a, b) => compareVi(a.nameVi, b.nameVi));
}

/** The current forms of a kind (those a reporter of that kind can be given). */
export async function formsOfKind(db: Db, kind: ReporterKind): Promise<{ code: string; nameVi: string; nameEn: string; ownerAgencyId: number | null }[]> {
  return db
    .selectFrom('stat_report_forms')
    .select(['code', 'name_vi as nameVi', 'name_en as nameEn', 'owner_agency_id as ownerAgencyId'])
    .where('reporter_kind', '=', kind)
    .where('is_current', '=', 1)
    .orderBy('code')
    .execute();
}

/** Adds the name's error to `errors`: empty, too long, or the name of another reporter of the kind (case and diacritics aside). */
async function checkName(trx: Db, errors: FieldErrors, name: string, kind: ReporterKind, exceptId?: number): Promise<void> {
  if (name === '') {
    errors.name = { key: 'reports.err.reporter_name' };
    return;
  }
  if ([...name].length > REPORTER_NAME_MAX) {
    errors.name = { key: 'reports.err.reporter_name_long', params: { max: REPORTER_NAME_MAX } };
    return;
  }
  // Compared in code rather than on name_key: a row written before that column may have none.
  const key = reporterNameKey(name);
  const same = (await trx.selectFrom('stat_reporters').select(['id', 'name']).where('kind', '=', kind).execute()).find((r) => r.id !== exceptId && reporterNameKey(r.name) === key);
  if (same !== undefined) errors.name = { key: 'reports.err.reporter_name_taken', params: { name: same.name } };
}

export interface NewReporter {
  readonly name: string;
  readonly kind: string;
  /** An agency id, or NEW_AGENCY. */
  readonly agency: string;
}

/**
 * Creates a reporter tied to an existing agency, or to a new enterprise named after it (an agencies
 * row of kind enterprise and its first version, valid from today, in the home province) created in
 * the same transaction. A district office is always tied to an existing agency. Two creations at the
 * same moment with the same name or agency: one succeeds, the other gets the field message.
 */
export async function createReporter(db: Db, actor: AuditActor, input: NewReporter): Promise<number> {
  const name = cleanReporterName(input.name);
  return retryOnConflict(() => insertReporter(db, actor, input, name));
}

async function insertReporter(db: Db, actor: AuditActor, input: NewReporter, name: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const errors: FieldErrors = {};
    const kind = isReporterKind(input.kind) ? input.kind : null;
    if (kind === null) errors.kind = { key: 'reports.err.reporter_kind' };
    else await checkName(trx, errors, name, kind);
    let agencyId: number | null = null;
    if (input.agency === NEW_AGENCY) {
      if (kind === 'district_office') errors.agency = { key: 'reports.err.reporter_agency_district' };
    } else {
      const id = /^\d{1,9}$/.test(input.agency) ? Number(input.agency) : null;
      const agency = id === null ? undefined : await trx.selectFrom('agencies').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
      const taken = agency === undefined ? undefined : await trx.selectFrom('stat_reporters').select('name').where('agency_id', '=', agency.id).executeTakeFirst();
      if (agency === undefined || !(REPORTER_AGENCY_KINDS as readonly string[]).includes(agency.kind)) errors.agency = { key: 'reports.err.reporter_agency' };
      else if (taken !== undefined) errors.agency = { key: 'reports.err.reporter_agency_taken', params: { name: taken.name } };
      else agencyId = agency.id;
    }
    if (Object.keys(errors).length > 0 || kind === null) throw new AppError('validation', errors);

    const at = nowIso();
    let newAgency: string | null = null;
    if (agencyId === null) {
      const slug = slugify(name, 50);
      newAgency = await uniqueSlug(slug.length >= 3 ? slug : 'don-vi-bao-cao', async (code) => (await trx.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst()) !== undefined);
      const province = await trx.selectFrom('admin_units').select('id').where('structure', '=', '2025').where('level', '=', 'province').where('code', '=', HOME_PROVINCE.current).executeTakeFirst();
      agencyId = (await trx.insertInto('agencies').values({ code: newAgency, kind: 'enterprise', created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
      const version = {
        agency_id: agencyId,
        name_vi: name,
        name_en: name,
        short_name: null,
        parent_agency_id: null,
        admin_unit_id: province?.id ?? null,
        address: null,
        phone: null,
        email: null,
        valid_from: todayInVietnam(),
        valid_to: null,
      };
      await trx.insertInto('agency_versions').values(version).execute();
      await recordAudit(trx, actor, { action: 'agency.created', entityType: 'agency', entityId: agencyId, agencyId, after: { code: newAgency, kind: 'enterprise', ...version } });
    }
    const reporter = await trx.insertInto('stat_reporters').values({ agency_id: agencyId, kind, name, name_key: reporterNameKey(name), created_at: at }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'statistics.reporter.create', entityType: 'stat_reporter', entityId: reporter.id, agencyId, after: { name, kind, agencyId, newAgency } });
    return reporter.id;
  });
}

/** Renames a reporter (the same rule as at creation); its agency keeps its own name and history. */
export async function renameReporter(db: Db, actor: AuditActor, id: number, rawName: string): Promise<void> {
  const name = cleanReporterName(rawName);
  await retryOnConflict(() => updateReporterName(db, actor, id, name));
}

async function updateReporterName(db: Db, actor: AuditActor, id: number, name: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const reporter = await trx.selectFrom('stat_reporters').select(['id', 'name', 'kind', 'agency_id']).where('id', '=', id).executeTakeFirst();
    if (reporter === undefined) throw new AppError('not_found');
    const errors: FieldErrors = {};
    await checkName(trx, errors, name, reporter.kind, reporter.id);
    if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
    if (name === reporter.name) return;
    await trx.updateTable('stat_reporters').set({ name, name_key: reporterNameKey(name) }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'statistics.reporter.rename', entityType: 'stat_reporter', entityId: id, agencyId: reporter.agency_id, before: { name: reporter.name }, after: { name } });
  });
}

/** Adds the account with this email (exact, case aside) as a member, if the member rule allows it (see memberRefusal). */
export async function addReporterMember(db: Db, actor: AuditActor, reporterId: number, rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  await db.transaction().execute(async (trx) => {
    const reporter = await trx.selectFrom('stat_reporters').select(['id', 'name', 'agency_id']).where('id', '=', reporterId).executeTakeFirst();
    if (reporter === undefined) throw new AppError('not_found');
    const refuse = (key: 'reports.err.member_email' | 'reports.err.member_unknown' | 'reports.err.member_inactive' | 'reports.err.member_not_eligible' | 'reports.err.member_already'): never => {
      throw new AppError('validation', { email: { key, params: { email } } });
    };
    if (!isEmail(email)) refuse('reports.err.member_email');
    const user = await trx.selectFrom('users').select(['id', 'email', 'account_type', 'disabled_at', 'email_verified_at']).where('email', '=', email).executeTakeFirst();
    if (user === undefined) return refuse('reports.err.member_unknown');
    const roles = await trx.selectFrom('user_roles').select(['role', 'agency_id as agencyId']).where('user_id', '=', user.id).execute();
    const refusal = memberRefusal({ accountType: user.account_type, active: user.disabled_at === null && user.email_verified_at !== null, roles }, reporter.agency_id);
    if (refusal === 'inactive') refuse('reports.err.member_inactive');
    if (refusal === 'not_eligible') refuse('reports.err.member_not_eligible');
    const already = await trx.selectFrom('stat_reporter_members').select('user_id').where('reporter_id', '=', reporterId).where('user_id', '=', user.id).executeTakeFirst();
    if (already !== undefined) refuse('reports.err.member_already');
    await trx.insertInto('stat_reporter_members').values({ reporter_id: reporterId, user_id: user.id }).execute();
    await recordAudit(trx, actor, { action: 'statistics.reporter_member.add', entityType: 'stat_reporter', entityId: reporterId, agencyId: reporter.agency_id, after: { reporter: reporter.name, userId: user.id, email: user.email } });
  });
}

/** Removes a member; returns how many members the reporter has left (none: nobody can submit for it). */
export async function removeReporterMember(db: Db, actor: AuditActor, reporterId: number, userId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const reporter = await trx.selectFrom('stat_reporters').select(['id', 'name', 'agency_id']).where('id', '=', reporterId).executeTakeFirst();
    const member = reporter === undefined ? undefined : await trx.selectFrom('stat_reporter_members as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.id', 'u.email']).where('m.reporter_id', '=', reporterId).where('m.user_id', '=', userId).executeTakeFirst();
    if (reporter === undefined || member === undefined) throw new AppError('not_found');
    await trx.deleteFrom('stat_reporter_members').where('reporter_id', '=', reporterId).where('user_id', '=', userId).execute();
    const left = (await trx.selectFrom('stat_reporter_members').select('user_id').where('reporter_id', '=', reporterId).execute()).length;
    await recordAudit(trx, actor, { action: 'statistics.reporter_member.remove', entityType: 'stat_reporter', entityId: reporterId, agencyId: reporter.agency_id, before: { reporter: reporter.name, userId: member.id, email: member.email }, after: { membersLeft: left } });
    return left;
  });
}
