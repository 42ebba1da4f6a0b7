import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { build, ENGINE } from '../../helpers/build.ts';
import { MIGRATIONS_DIR, migrateToLatest, MigrationError } from '../../../src/platform/db/migrate.ts';
import { recordAudit, systemActor, verifyAuditChain } from '../../../src/platform/audit/audit.ts';

test('migrations are recorded and running them again changes nothing', async (t) => {
  const { store } = await build(t, { demo: false });
  assert.deepEqual(await migrateToLatest(store.db), []);
  const rows = await store.db.selectFrom('kysely_migration' as never).select(sql<string>`name`.as('name')).execute();
  assert.ok(rows.some((r) => (r as { name: string }).name === '2026-11-28-0001-platform'));
});

test('a failing migration stops with an error naming it and leaves earlier work in place', async (t) => {
  const { store } = await build(t, { demo: false });
  // Inside the project so that the copied migrations resolve 'kysely' from node_modules.
  const scratch = path.join(MIGRATIONS_DIR, '..', 'tmp');
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(path.join(scratch, 'migrations-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, '_lib'));
  copyFileSync(path.join(MIGRATIONS_DIR, '_lib', 'index.ts'), path.join(dir, '_lib', 'index.ts'));
  // Everything already applied is kept; the new migration breaks halfway through.
  for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts'))) copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
  writeFileSync(
    path.join(dir, '2099-01-01-0001-broken.ts'),
    `export async function up(db) { await db.schema.createTable('half_done').addColumn('x', 'integer').execute(); await db.schema.createTable('users').addColumn('x', 'integer').execute(); }\n`,
  );
  await assert.rejects(migrateToLatest(store.db, dir), (err: unknown) => err instanceof MigrationError && err.migration === '2099-01-01-0001-broken');
  // The migration ran in a transaction: its first table is not there either.
  const tables = await store.db.introspection.getTables();
  assert.ok(!tables.some((t) => t.name === 'half_done'));
});

test('the engine enforces foreign keys and returns timestamps as ISO strings', async (t) => {
  const { store } = await build(t, { demo: false });
  await assert.rejects(
    store.db.insertInto('user_roles').values({ user_id: 999_999, role: 'citizen', agency_id: null, granted_at: new Date().toISOString(), granted_by: null }).execute(),
  );
  const at = '2008-10-06T01:30:00.000Z';
  await store.db.insertInto('site_settings').values({ key: 'probe', value_vi: 'x', value_en: 'x', updated_at: at }).execute();
  const row = await store.db.selectFrom('site_settings').select('updated_at').where('key', '=', 'probe').executeTakeFirstOrThrow();
  assert.equal(row.updated_at, at);
  if (ENGINE === 'sqlite') {
    assert.equal(store.sqlite?.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(store.sqlite?.pragma('foreign_keys', { simple: true }), 1);
  }
});

test('the audit log is append-only and its hash chain verifies', async (t) => {
  const { store } = await build(t, { demo: false });
  for (let i = 0; i < 3; i++) {
    await recordAudit(store.db, systemActor('test'), { action: 'probe.change', entityType: 'probe', entityId: i, before: { n: i }, after: { n: i + 1 } });
  }
  assert.deepEqual(await verifyAuditChain(store.db), { checked: 3, brokenAt: null });
  await assert.rejects(store.db.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', 2).execute(), /append-only/);
  await assert.rejects(store.db.deleteFrom('audit_log').where('id', '=', 1).execute(), /append-only/);
});

test('a prepared query binds new values on every run, in and out of a transaction, and refuses an argument it cannot bind', async (t) => {
  const { store } = await build(t, { demo: false });
  const { prepared } = await import('../../../src/platform/db/prepared.ts');
  const at = '2008-10-06T01:30:00.000Z';
  for (const [key, value] of [['probe-a', 'Một'], ['probe-b', 'Hai'], ['probe-c', 'Ba']]) await store.db.insertInto('site_settings').values({ key: key!, value_vi: value!, value_en: '', updated_at: at }).execute();
  const between = prepared((db, from: string, to: string, limit: number) => db.selectFrom('site_settings').select(['key', 'value_vi']).where('key', '>=', from).where('key', '<', to).orderBy('key').limit(limit));
  assert.deepEqual(await between(store.db, 'probe-', 'probe-z', 2), [{ key: 'probe-a', value_vi: 'Một' }, { key: 'probe-b', value_vi: 'Hai' }]);
  assert.deepEqual(await between(store.db, 'probe-c', 'probe-z', 5), [{ key: 'probe-c', value_vi: 'Ba' }]);
  assert.deepEqual(await between(store.db, 'none', 'none-z', 5), []);
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('site_settings').set({ value_vi: 'Bốn' }).where('key', '=', 'probe-c').execute();
    assert.deepEqual(await between(trx, 'probe-c', 'probe-z', 1), [{ key: 'probe-c', value_vi: 'Bốn' }]);
  });
  // The prefix would be compiled into the SQL built from it, not bound: refused on the first run.
  const built = prepared((db, prefix: string) => db.selectFrom('site_settings').select('key').where('key', '>=', `${prefix}-`));
  await assert.rejects(built(store.db, 'probe'), /changed before it was bound/);
  const ignored = prepared((db, _unused: string) => db.selectFrom('site_settings').select('key'));
  await assert.rejects(ignored(store.db, 'x'), /1 of its 1 arguments are not bound/);
});

test('prepared reads running together each get their own rows, and one that fails fails alone', async (t) => {
  const { store } = await build(t, { demo: false });
  const { prepared } = await import('../../../src/platform/db/prepared.ts');
  const at = '2008-10-06T01:30:00.000Z';
  await store.db.insertInto('site_settings').values(Array.from({ length: 40 }, (_, i) => ({ key: `probe-${i}`, value_vi: `Giá trị ${i}`, value_en: `Value ${i}`, updated_at: at }))).execute();
  const byKey = prepared((db, key: string) => db.selectFrom('site_settings').select(['key', 'value_vi']).where('key', '=', key));
  const answers = await Promise.all(Array.from({ length: 200 }, (_, n) => byKey(store.db, `probe-${n % 40}`)));
  answers.forEach((rows, n) => assert.deepEqual(rows, [{ key: `probe-${n % 40}`, value_vi: `Giá trị ${n % 40}` }]));
  // PostgreSQL refuses a value that is no integer; the reads written before and after it are answered.
  const settingsAbove = prepared((db, id: number) => db.selectFrom('users').select('id').where('id', '>', id).limit(1));
  const mixed = await Promise.allSettled([byKey(store.db, 'probe-1'), settingsAbove(store.db, 'không phải số' as unknown as number), byKey(store.db, 'probe-2')]);
  assert.deepEqual(mixed[0], { status: 'fulfilled', value: [{ key: 'probe-1', value_vi: 'Giá trị 1' }] });
  assert.deepEqual(mixed[2], { status: 'fulfilled', value: [{ key: 'probe-2', value_vi: 'Giá trị 2' }] });
  if (ENGINE === 'postgres') assert.match(String((mixed[1] as PromiseRejectedResult).reason), /invalid input syntax for type integer/);
  else assert.deepEqual(mixed[1], { status: 'fulfilled', value: [] });
});

test('prepared reads outlive the loss of their connections (PostgreSQL: the pipelined connections are opened again)', async (t) => {
  const { store } = await build(t, { demo: false });
  const { prepared } = await import('../../../src/platform/db/prepared.ts');
  const { PIPELINED_READS_APPLICATION } = await import('../../../src/platform/db/pipelined-reads.ts');
  const count = prepared((db, key: string) => db.selectFrom('site_settings').select('key').where('key', '>=', key));
  const before = (await count(store.db, '')).length;
  if (ENGINE === 'postgres') {
    const ended = await sql<{ pid: number }>`select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = current_database() and application_name = ${PIPELINED_READS_APPLICATION}`.execute(store.db);
    assert.ok(ended.rows.length >= 1, 'the reads went over pipelined connections');
    // A read written to a connection before its loss is noticed fails with it (at most one per
    // connection); the ones after it get a new connection.
    let failures = 0;
    while ((await count(store.db, '').then(() => false, () => true)) && failures <= ended.rows.length) failures++;
    assert.ok(failures <= ended.rows.length, `${failures} reads failed after ${ended.rows.length} connections were lost`);
  }
  assert.equal((await count(store.db, '')).length, before);
  assert.deepEqual(await Promise.all([count(store.db, ''), count(store.db, '')]).then((r) => r.map((rows) => rows.length)), [before, before]);
});
