import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './index.ts';

const base = { SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/congso-config-test' };

test('defaults serve the demo on SQLite in DATA_DIR', () => {
  const c = loadConfig(base);
  assert.equal(c.port, 3000);
  assert.equal(c.database.kind, 'sqlite');
  assert.equal(c.database.kind === 'sqlite' && c.database.file, path.resolve('/tmp/congso-config-test/congso.sqlite'));
  assert.equal(c.defaultLocale, 'vi');
});

test('a postgres URL selects PostgreSQL', () => {
  const c = loadConfig({ ...base, DATABASE_URL: 'postgres://u@127.0.0.1:5432/congso' });
  assert.equal(c.database.kind, 'postgres');
});

test('a bad value names its variable', () => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ SECRET: 'short' }, 'SECRET'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ DEFAULT_LOCALE: 'fr' }, 'DEFAULT_LOCALE'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ SCRYPT_COST: '1000' }, 'SCRYPT_COST'],
  ];
  for (const [env, variable] of cases) {
    assert.throws(
      () => loadConfig({ ...base, ...env }),
      (err: unknown) => err instanceof ConfigError && err.variable === variable && err.message.startsWith(variable),
      variable,
    );
  }
});

test('without SECRET a random one is generated once and kept in DATA_DIR', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-secret-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = loadConfig({ DATA_DIR: dir });
  const second = loadConfig({ DATA_DIR: dir });
  assert.equal(first.secret.length, 64);
  assert.equal(first.secret, second.secret);
  assert.equal(readFileSync(path.join(dir, '.secret'), 'utf8').trim(), first.secret);
});
