/**
 * Staff changes to leaders, directory entries and organisation units: each in one transaction with
 * its audit entry (before and after). Only administrators of the record's agency may make them.
 */
import type { Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { hasRole } from '../../platform/auth/guards.ts';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { directorySearchText } from './intro-queries.ts';
import type { RecordSpec, RecordValues } from './intro-records.ts';

/** Administrators edit the introduction content of the agencies in which they hold the role. */
export const canEditIntro = (user: CurrentUser | null, agencyId: number | null): boolean => agencyId !== null && hasRole(user, 'administrator', agencyId);

// The three tables share the shape "id, agency_id, columns of the spec"; this view of the database
// lets one function write any of them, the spec naming the columns.
type Row = RecordValues & { id: number; agency_id: number | null };
type LooseDb = Kysely<Record<RecordSpec['table'], Row>>;
const loose = (db: Db): LooseDb => db as unknown as LooseDb;

/** The record of `spec` with `id`, or undefined. */
export async function introRecord(db: Db, spec: RecordSpec, id: number): Promise<Row | undefined> {
  return loose(db).selectFrom(spec.table).selectAll().where('id', '=', id).executeTakeFirst() as Promise<Row | undefined>;
}

/** The records of `spec` in the given agencies, in display order. */
export async function introRecords(db: Db, spec: RecordSpec, agencyIds: readonly number[]): Promise<Row[]> {
  if (agencyIds.length === 0) return [];
  return (await loose(db).selectFrom(spec.table).selectAll().where('agency_id', 'in', [...agencyIds]).orderBy('sort_order').orderBy('id').execute()) as Row[];
}

function withDerived(spec: RecordSpec, values: RecordValues): RecordValues {
  if (spec.table !== 'directory_entries') return values;
  const s = (k: string): string | null => (values[k] === null || values[k] === undefined ? null : String(values[k]));
  return { ...values, search_text: directorySearchText({ unit_vi: s('unit_vi') ?? '', unit_en: s('unit_en') ?? '', person: s('person'), position_vi: s('position_vi'), position_en: s('position_en'), phone: s('phone'), email: s('email') }) };
}

export async function createIntroRecord(db: Db, actor: AuditActor, spec: RecordSpec, agencyId: number, values: RecordValues): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = { ...withDerived(spec, values), agency_id: agencyId };
    const { id } = (await loose(trx).insertInto(spec.table).values(row as Row).returning('id').executeTakeFirstOrThrow()) as { id: number };
    await recordAudit(trx, actor, { action: `${spec.entity}.created`, entityType: spec.entity, entityId: id, agencyId, after: row });
    return id;
  });
}

export async function updateIntroRecord(db: Db, actor: AuditActor, spec: RecordSpec, id: number, values: RecordValues): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await introRecord(trx, spec, id);
    if (before === undefined) throw new AppError('not_found');
    const row = withDerived(spec, values);
    await loose(trx).updateTable(spec.table).set(row).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: `${spec.entity}.updated`, entityType: spec.entity, entityId: id, agencyId: before.agency_id, before, after: row });
  });
}

/** Deletes a record; a unit that still has units below it is refused (409). */
export async function deleteIntroRecord(db: Db, actor: AuditActor, spec: RecordSpec, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await introRecord(trx, spec, id);
    if (before === undefined) throw new AppError('not_found');
    if (spec.table === 'org_units') {
      const child = await trx.selectFrom('org_units').select('id').where('parent_id', '=', id).executeTakeFirst();
      if (child !== undefined) throw new AppError('conflict');
    }
    await loose(trx).deleteFrom(spec.table).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: `${spec.entity}.deleted`, entityType: spec.entity, entityId: id, agencyId: before.agency_id, before });
  });
}

export interface PageInput {
  readonly title_vi: string;
  readonly title_en: string;
  readonly body_vi: string;
  readonly body_en: string;
}

/** Saves an introduction page's titles and texts; `version` guards against overwriting a concurrent edit (409). */
export async function saveIntroPage(db: Db, actor: AuditActor, slug: string, version: number, input: PageInput, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('pages').select(['id', 'title_vi', 'title_en', 'body_vi', 'body_en', 'version', 'agency_id']).where('slug', '=', slug).executeTakeFirst();
    if (before === undefined) throw new AppError('not_found');
    if (before.version !== version) throw new AppError('conflict');
    await trx
      .updateTable('pages')
      .set({ ...input, version: before.version + 1, updated_at: nowIso(), updated_by: userId })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(trx, actor, { action: 'page.updated', entityType: 'page', entityId: slug, agencyId: before.agency_id, before, after: input });
  });
}
