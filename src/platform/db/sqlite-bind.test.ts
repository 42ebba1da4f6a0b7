import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { withStableParameters } from './sqlite-bind.ts';

test('a unary plus goes before each parameter, and nowhere inside strings, quoted names or comments', () => {
  assert.equal(withStableParameters('select * from t where a = ? and b in (?, ?) limit ? offset ?'), 'select * from t where a = +? and b in (+?, +?) limit +? offset +?');
  assert.equal(withStableParameters(`select 'it''s ?', "col?" , [x?], \`y?\` from t where a = ?1 -- why?\n and b = ?`), `select 'it''s ?', "col?" , [x?], \`y?\` from t where a = +?1 -- why?\n and b = +?`);
  assert.equal(withStableParameters('select /* ? */ ?'), 'select /* ? */ +?');
  assert.equal(withStableParameters('select 1'), 'select 1');
  assert.equal(withStableParameters("select 'open ?"), "select 'open ?");
});

test('with the plus, SQLite answers the same and still plans with the index', () => {
  const db = new SQLite(':memory:');
  db.exec(`create table a (id integer primary key, name text not null, n integer not null);
           create table b (id integer primary key, a_id integer not null references a (id), label text);
           create index a_n on a (n);`);
  const insertA = db.prepare(withStableParameters('insert into a (id, name, n) values (?, ?, ?)'));
  for (let i = 1; i <= 50; i++) insertA.run(i, `tên ${i}?`, i % 3);
  db.prepare(withStableParameters('insert into b (a_id, label) values (?, ?)')).run(1, "nhãn 'một'");
  // Text bound to an integer column compares as a number, as without the plus (the column's affinity applies).
  const byId = db.prepare(withStableParameters('select name from a where id = ?'));
  assert.deepEqual(byId.get('7'), { name: 'tên 7?' });
  const join = db.prepare(withStableParameters('select a.name, b.label from a join b on b.a_id = a.id where a.id = ? limit ?'));
  assert.deepEqual(join.all(1, 5), [{ name: 'tên 1?', label: "nhãn 'một'" }]);
  assert.deepEqual(join.all(2, 5), []);
  const page = db.prepare(withStableParameters('select id from a where n = ? order by id limit ? offset ?'));
  assert.deepEqual(page.all(0, 3, 1).map((r) => (r as { id: number }).id), [6, 9, 12]);
  assert.deepEqual(page.all(1, 2, 0).map((r) => (r as { id: number }).id), [1, 4]);
  const like = db.prepare(withStableParameters("select count(*) as c from a where name like ? escape '\\'"));
  assert.deepEqual(like.get('tên 1%'), { c: 11 });
  // The planner still uses the index through the plus.
  const plan = db.prepare(`explain query plan ${withStableParameters('select id from a where n = ?')}`).all(1) as { detail: string }[];
  assert.match(plan.map((p) => p.detail).join(' '), /USING (COVERING )?INDEX a_n/);
  db.close();
});
