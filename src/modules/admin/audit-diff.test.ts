import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditDiff } from './audit-diff.ts';

test('audit entries are compared field by field', () => {
  assert.deepEqual(auditDiff('{"a":1,"b":"x","c":null}', '{"a":2,"b":"x","d":[1]}'), [
    { field: 'a', before: '1', after: '2', changed: true },
    { field: 'b', before: 'x', after: 'x', changed: false },
    { field: 'c', before: null, after: '', changed: true },
    { field: 'd', before: '', after: '[1]', changed: true },
  ]);
  assert.deepEqual(auditDiff(null, '{"email":"a@b.vn"}'), [{ field: 'email', before: '', after: 'a@b.vn', changed: true }]);
  assert.deepEqual(auditDiff(null, null), []);
  assert.deepEqual(auditDiff('"old"', '"new"'), [{ field: 'value', before: 'old', after: 'new', changed: true }]);
  assert.deepEqual(auditDiff(null, 'not json'), [{ field: 'value', before: '', after: 'not json', changed: true }]);
});
