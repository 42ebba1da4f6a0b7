import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import SQLite from 'better-sqlite3';
import { build, ENGINE } from '../../helpers/build.ts';
import { countAll } from '../../../src/platform/db/dialect.ts';
import { congso } from './cli-helpers.ts';

test('audit verify reports an intact chain, then the row an attacker altered behind the triggers', async (t) => {
  const env = await build(t);
  const db = env.store.db;
  for (const name of ['an', 'binh', 'chi']) {
    assert.equal((await congso(env, ['user', 'add', '--email', `${name}@example.vn`, '--name', name, '--password', 'mat-khau-rat-dai'])).code, 0);
  }
  const total = (await db.selectFrom('audit_log').select(countAll().as('n')).executeTakeFirstOrThrow()).n;
  assert.ok(total >= 3);
  const ok = await congso(env, ['audit', 'verify']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout.trim(), `chain intact: ${total} entries`);

  // The append-only triggers stop the application and casual edits…
  const target = await db.selectFrom('audit_log').select(['id', 'after_json']).where('entity_id', 'is not', null).where('action', '=', 'user.created').orderBy('id').limit(1).offset(1).executeTakeFirstOrThrow();
  await assert.rejects(db.updateTable('audit_log').set({ actor_label: 'someone else' }).where('id', '=', target.id).execute(), /append-only/);
  // …but someone with database access can drop them: verify must still find the change.
  if (ENGINE === 'sqlite') await sql`drop trigger audit_log_no_update`.execute(db);
  else await sql`drop trigger audit_log_no_change on audit_log`.execute(db);
  await db.updateTable('audit_log').set({ after_json: (target.after_json ?? '').replace('binh', 'mallory') }).where('id', '=', target.id).execute();
  const broken = await congso(env, ['audit', 'verify']);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, new RegExp(`chain broken at entry ${target.id} \\(hash\\)`));

  // Recomputing the altered row's own hash moves the break to the next entry's link.
  const row = await db.selectFrom('audit_log').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow();
  const { entryHash } = await import('../../../src/platform/audit/audit.ts');
  await db.updateTable('audit_log').set({ hash: entryHash(row) }).where('id', '=', target.id).execute();
  const next = await db.selectFrom('audit_log').select('id').where('id', '>', target.id).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const relinked = await congso(env, ['audit', 'verify']);
  assert.equal(relinked.code, 1);
  assert.match(relinked.stderr, new RegExp(`chain broken at entry ${next.id} \\(link\\)`));
});

test('backup, change, restore brings the database back to the backup', async (t) => {
  const env = await build(t);
  const db = env.store.db;
  const file = path.join(env.dataDir, 'congso.backup');
  assert.equal((await congso(env, ['user', 'add', '--email', 'before@example.vn', '--name', 'Trước sao lưu', '--password', 'mat-khau-rat-dai'])).code, 0);
  const backup = await congso(env, ['backup', file]);
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /backup written to/);
  const refuseOverwrite = await congso(env, ['backup', file]);
  assert.equal(refuseOverwrite.code, 1);
  assert.match(refuseOverwrite.stderr, /exists; use --force/);

  assert.equal((await congso(env, ['user', 'add', '--email', 'after@example.vn', '--name', 'Sau sao lưu', '--password', 'mat-khau-rat-dai'])).code, 0);
  await db.deleteFrom('sessions').execute();
  const emails = async (store = env.store) => (await store.db.selectFrom('users').select('email').where('email', 'in', ['before@example.vn', 'after@example.vn']).orderBy('email').execute()).map((r) => r.email);
  assert.deepEqual(await emails(), ['after@example.vn', 'before@example.vn']);

  if (ENGINE === 'sqlite') {
    // The test's own connection keeps the database open, as a running server would.
    const busy = await congso(env, ['restore', file]);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /seems to be open by another process/);
    await env.app.close();
    await env.store.close();
  }
  const restore = await congso(env, ['restore', file]);
  assert.equal(restore.code, 0, restore.stderr);
  if (ENGINE === 'sqlite') {
    const { createDb } = await import('../../../src/platform/db/index.ts');
    const reopened = createDb(env.config.database);
    t.after(() => reopened.close());
    assert.deepEqual(await emails(reopened), ['before@example.vn']);
  } else {
    assert.deepEqual(await emails(), ['before@example.vn']);
  }
  // The restored database still has an intact chain and its append-only guard.
  const verify = await congso(env, ['audit', 'verify']);
  assert.equal(verify.code, 0, verify.stderr);
});

test('restore refuses files that are not a congso backup', async (t) => {
  const env = await build(t, { demo: false });
  const text = path.join(env.dataDir, 'notes.txt');
  writeFileSync(text, 'not a database\n');
  const res = await congso(env, ['restore', text]);
  assert.equal(res.code, 1);
  assert.match(res.stderr, ENGINE === 'sqlite' ? /not an SQLite database/ : /not a pg_dump custom-format archive/);
  const missing = await congso(env, ['restore', path.join(env.dataDir, 'nothing.backup')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /does not exist/);
  if (ENGINE === 'sqlite') {
    const other = path.join(env.dataDir, 'other.sqlite');
    const conn = new SQLite(other);
    conn.exec('create table notes (id integer primary key, body text)');
    conn.close();
    const foreign = await congso(env, ['restore', other, '--force']);
    assert.equal(foreign.code, 1);
    assert.match(foreign.stderr, /not a congso database \(no kysely_migration table\)/);
  }
  // The database is untouched after the refusals.
  assert.equal((await congso(env, ['audit', 'verify'])).code, 0);
});

test('backup explains what is missing instead of failing obscurely', async (t) => {
  const env = await build(t, { demo: false });
  const file = path.join(env.dataDir, 'x.backup');
  if (ENGINE === 'postgres') {
    const res = await congso(env, ['backup', file], { PATH: path.join(env.dataDir, 'no-tools-here') });
    assert.equal(res.code, 1);
    assert.match(res.stderr, /pg_dump was not found on PATH/);
  } else {
    const res = await congso(env, ['backup', file], { DATABASE_URL: path.join(env.dataDir, 'missing.sqlite') });
    assert.equal(res.code, 1);
    assert.match(res.stderr, /there is no database at/);
  }
  const usage = await congso(env, ['backup']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /give exactly one FILE/);
});
