/**
 * Append-only, hash-chained audit log. Each entry's hash covers its content and the previous
 * entry's hash, so changing or removing any row breaks every link after it (`verifyAuditChain`).
 * Write entries inside the same transaction as the change they describe.
 */
import { createHash } from 'node:crypto';
import { sql, SqliteAdapter } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';
import type { CurrentUser } from '../http/context.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly action: string;
  readonly entityType: string;
  readonly entityId?: string | number | null;
  readonly agencyId?: number | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AuditActor {
  readonly id: number | null;
  readonly label: string;
  readonly ip?: string | null;
  readonly requestId?: string | null;
}

/** The actor of a web request: the signed-in user, or "anonymous". */
export function actorOf(request: FastifyRequest, user: CurrentUser | null = request.user): AuditActor {
  return { id: user?.id ?? null, label: user === null ? 'anonymous' : `${user.fullName} <${user.email}>`, ip: request.ip, requestId: request.id };
}

/** The actor for command-line and background changes. */
export const systemActor = (label = 'system'): AuditActor => ({ id: null, label });

/** Canonical JSON: object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

interface HashedFields {
  at: string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  agency_id: number | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
}

export function entryHash(row: HashedFields): string {
  const content = canonicalJson([
    row.at,
    row.actor_id,
    row.actor_label,
    row.action,
    row.entity_type,
    row.entity_id,
    row.agency_id,
    row.before_json,
    row.after_json,
    row.ip,
    row.request_id,
    row.prev_hash,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Appends one entry. Concurrent writers are serialised by the database: SQLite allows one writer;
 * on PostgreSQL an advisory lock is taken for the rest of the transaction.
 */
export async function recordAudit(db: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => recordAudit(trx, actor, entry));
    return;
  }
  await lockAuditChain(db);
  const last = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const row: HashedFields = {
    at: nowIso(),
    actor_id: actor.id,
    actor_label: actor.label,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    agency_id: entry.agencyId ?? null,
    before_json: entry.before === undefined ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined ? null : canonicalJson(entry.after),
    ip: actor.ip ?? null,
    request_id: actor.requestId ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db.insertInto('audit_log').values({ ...row, hash: entryHash(row) }).execute();
}

/** Serialises appends to the chain. PostgreSQL: a transaction-scoped advisory lock (released at commit). */
async function lockAuditChain(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return; // SQLite has a single writer already.
  await sql`select pg_advisory_xact_lock(7275001)`.execute(db);
}

export interface ChainReport {
  readonly checked: number;
  /** The first entry whose hash or link does not match, if any. */
  readonly brokenAt: { id: number; reason: 'hash' | 'link' } | null;
}

/** Walks the whole chain in id order and reports the first broken link. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(batchSize).execute();
    if (rows.length === 0) return { checked, brokenAt: null };
    for (const row of rows) {
      if (row.prev_hash !== prev) return { checked, brokenAt: { id: row.id, reason: 'link' } };
      if (entryHash(row) !== row.hash) return { checked, brokenAt: { id: row.id, reason: 'hash' } };
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
