/** The audit log as the viewer shows it: filtered, newest first, limited to what the administrator may see. */
import type { Db } from '../../platform/db/index.ts';
import { countAll } from '../../platform/db/dialect.ts';
import type { AuditLogTable } from '../../platform/db/schema.ts';
import type { Selectable } from 'kysely';

export interface AuditFilters {
  readonly entityType?: string;
  readonly action?: string;
  /** Ids of the users matching the actor filter, and the literal label (for "cli", "system"). */
  readonly actor?: { ids: readonly number[]; label: string };
  /** Inclusive instants (ISO) bounding the entries. */
  readonly fromIso?: string;
  readonly toIso?: string;
}

export const AUDIT_PAGE_SIZE = 30;

const visibleEntries = (db: Db, agencyIds: readonly number[]) =>
  db.selectFrom('audit_log').where((eb) => (agencyIds.length === 0 ? eb('agency_id', 'is', null) : eb.or([eb('agency_id', 'is', null), eb('agency_id', 'in', [...agencyIds])])));

/**
 * Entries about the agencies the administrator administers, and entries about no agency in
 * particular (accounts, site identity, reference data).
 */
export async function auditEntriesForAdmin(db: Db, agencyIds: readonly number[], filters: AuditFilters, page: number): Promise<{ rows: Selectable<AuditLogTable>[]; total: number }> {
  let q = visibleEntries(db, agencyIds);
  if (filters.entityType !== undefined) q = q.where('entity_type', '=', filters.entityType);
  if (filters.action !== undefined) q = q.where('action', '=', filters.action);
  const actor = filters.actor;
  if (actor !== undefined) q = q.where((eb) => eb.or([eb('actor_label', '=', actor.label), ...(actor.ids.length === 0 ? [] : [eb('actor_id', 'in', [...actor.ids])])]));
  if (filters.fromIso !== undefined) q = q.where('at', '>=', filters.fromIso);
  if (filters.toIso !== undefined) q = q.where('at', '<=', filters.toIso);
  const { total } = await q.select(countAll().as('total')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('id', 'desc').limit(AUDIT_PAGE_SIZE).offset((page - 1) * AUDIT_PAGE_SIZE).execute();
  return { rows, total };
}

/** The entity types and actions that occur in the entries the administrator may see, for the filter lists. */
export async function auditVocabulary(db: Db, agencyIds: readonly number[]): Promise<{ entityTypes: string[]; actions: string[] }> {
  const types = await visibleEntries(db, agencyIds).select('entity_type').distinct().orderBy('entity_type').execute();
  const actions = await visibleEntries(db, agencyIds).select('action').distinct().orderBy('action').execute();
  return { entityTypes: types.map((r) => r.entity_type), actions: actions.map((r) => r.action) };
}
