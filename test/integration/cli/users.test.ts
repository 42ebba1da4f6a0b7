import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { verifyPassword } from '../../../src/platform/auth/password.ts';
import { congso } from './cli-helpers.ts';

test('every new command prints its help', async (t) => {
  const env = await build(t, { demo: false });
  for (const [words, usage] of [
    [['user', 'add'], 'Usage: congso user add --email E --name N'],
    [['user', 'role'], 'Usage: congso user role --email E --role R'],
    [['audit', 'verify'], 'Usage: congso audit verify'],
    [['backup'], 'Usage: congso backup FILE'],
    [['restore'], 'Usage: congso restore FILE'],
  ] as const) {
    const res = await congso(env, [...words, '--help']);
    assert.equal(res.code, 0, words.join(' '));
    assert.ok(res.stdout.startsWith(usage), res.stdout);
  }
  const list = await congso(env, ['--help']);
  for (const name of ['user add', 'user role', 'audit verify', 'backup', 'restore']) assert.match(list.stdout, new RegExp(`  ${name} `));
});

test('user add creates an account with a generated password, audited as the command line', async (t) => {
  const env = await build(t);
  const db = env.store.db;
  const res = await congso(env, ['user', 'add', '--email', 'Nguyen.Van.An@LaoCai.example.vn', '--name', 'Nguyễn Văn An']);
  assert.equal(res.code, 0, res.stderr);
  const password = /password: (\S+)/.exec(res.stdout)?.[1];
  assert.ok(password !== undefined && password.length >= 12, res.stdout);
  const user = await db.selectFrom('users').selectAll().where('email', '=', 'nguyen.van.an@laocai.example.vn').executeTakeFirstOrThrow();
  assert.equal(user.full_name, 'Nguyễn Văn An');
  assert.equal(user.account_type, 'staff');
  assert.equal(await verifyPassword(password, user.password_hash), true);
  const audit = await db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'user').where('entity_id', '=', String(user.id)).execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]?.actor_label, 'cli');
  assert.equal(audit[0]?.action, 'user.created');

  const citizen = await congso(env, ['user', 'add', '--email', 'dan@example.vn', '--name', 'Đặng Thị Dân', '--type', 'citizen', '--password', 'mot-mat-khau-dai']);
  assert.equal(citizen.code, 0, citizen.stderr);
  assert.doesNotMatch(citizen.stdout, /password:/);
  const c = await db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', 'dan@example.vn').executeTakeFirstOrThrow();
  assert.equal(await verifyPassword('mot-mat-khau-dai', c.password_hash), true);
  const roles = await db.selectFrom('user_roles').select(['role', 'agency_id']).where('user_id', '=', c.id).execute();
  assert.deepEqual(roles, [{ role: 'citizen', agency_id: null }]);

  const again = await congso(env, ['user', 'add', '--email', 'NGUYEN.VAN.AN@laocai.example.vn', '--name', 'Another']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /email: This email address already has an account/);
  const bad = await congso(env, ['user', 'add', '--email', 'not-an-email', '--name', 'X', '--password', 'short']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /email: This email address is not valid/);
  assert.match(bad.stderr, /password: The password must have at least 10 characters/);
  const badType = await congso(env, ['user', 'add', '--email', 'x@example.vn', '--name', 'X', '--type', 'robot']);
  assert.equal(badType.code, 2);
  const missing = await congso(env, ['user', 'add', '--email', 'x@example.vn']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--name are required/);
});

test('user role grants and revokes a role in an agency', async (t) => {
  const env = await build(t);
  const db = env.store.db;
  assert.equal((await congso(env, ['user', 'add', '--email', 'bien.tap@example.vn', '--name', 'Biên Tập', '--password', 'mat-khau-rat-dai'])).code, 0);
  const grant = await congso(env, ['user', 'role', '--email', 'bien.tap@example.vn', '--role', 'editor', '--agency', 'so-tttt-lao-cai']);
  assert.equal(grant.code, 0, grant.stderr);
  assert.match(grant.stdout, /granted editor in so-tttt-lao-cai to bien.tap@example.vn/);
  const rolesOf = () =>
    db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .innerJoin('agencies', 'agencies.id', 'user_roles.agency_id')
      .select(['user_roles.role', 'agencies.code'])
      .where('users.email', '=', 'bien.tap@example.vn')
      .execute();
  assert.deepEqual(await rolesOf(), [{ role: 'editor', code: 'so-tttt-lao-cai' }]);
  const twice = await congso(env, ['user', 'role', '--email', 'bien.tap@example.vn', '--role', 'editor', '--agency', 'so-tttt-lao-cai']);
  assert.equal(twice.code, 1);
  assert.match(twice.stderr, /already holds this role/);
  const noAgency = await congso(env, ['user', 'role', '--email', 'bien.tap@example.vn', '--role', 'writer']);
  assert.equal(noAgency.code, 1);
  assert.match(noAgency.stderr, /must be held in an agency/);
  const unknownAgency = await congso(env, ['user', 'role', '--email', 'bien.tap@example.vn', '--role', 'writer', '--agency', 'so-khong-co']);
  assert.equal(unknownAgency.code, 1);
  assert.match(unknownAgency.stderr, /no agency with code so-khong-co/);
  const unknownUser = await congso(env, ['user', 'role', '--email', 'nobody@example.vn', '--role', 'writer', '--agency', 'so-tttt-lao-cai']);
  assert.equal(unknownUser.code, 1);
  const badRole = await congso(env, ['user', 'role', '--email', 'bien.tap@example.vn', '--role', 'king', '--agency', 'so-tttt-lao-cai']);
  assert.equal(badRole.code, 1);
  assert.match(badRole.stderr, /role: Choose a role/);

  const revoke = await congso(env, ['user', 'role', '--email', 'bien.tap@example.vn', '--role', 'editor', '--agency', 'so-tttt-lao-cai', '--revoke']);
  assert.equal(revoke.code, 0, revoke.stderr);
  assert.deepEqual(await rolesOf(), []);
  const actions = await db.selectFrom('audit_log').select(['action', 'actor_label', 'agency_id']).where('action', 'like', 'user.role_%').orderBy('id').execute();
  assert.deepEqual(
    actions.map((a) => [a.action, a.actor_label]),
    [
      ['user.role_granted', 'cli'],
      ['user.role_revoked', 'cli'],
    ],
  );
});
