import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverRange } from './report-queries.ts';

test('a range is covered by whole months, short edges from days, long edges as the month minus the days outside', () => {
  assert.deepEqual(coverRange('2026-01-01', '2026-03-31'), { months: ['2026-01', '2026-02', '2026-03'], plusDays: [], minusDays: [] });
  assert.deepEqual(coverRange('2026-01-30', '2026-03-05'), { months: ['2026-02'], plusDays: [['2026-01-30', '2026-01-31'], ['2026-03-01', '2026-03-05']], minusDays: [] });
  assert.deepEqual(coverRange('2026-01-03', '2026-03-28'), { months: ['2026-01', '2026-02', '2026-03'], plusDays: [], minusDays: [['2026-01-01', '2026-01-02'], ['2026-03-29', '2026-03-31']] });
  assert.deepEqual(coverRange('2026-02-10', '2026-02-12'), { months: [], plusDays: [['2026-02-10', '2026-02-12']], minusDays: [] });
  assert.deepEqual(coverRange('2026-02-02', '2026-02-27'), { months: ['2026-02'], plusDays: [], minusDays: [['2026-02-01', '2026-02-01'], ['2026-02-28', '2026-02-28']] });
  assert.deepEqual(coverRange('2025-12-31', '2026-01-01'), { months: [], plusDays: [['2025-12-31', '2025-12-31'], ['2026-01-01', '2026-01-01']], minusDays: [] });
});
