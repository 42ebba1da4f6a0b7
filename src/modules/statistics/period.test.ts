import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparePeriods, parsePeriod, periodLabel, periodWithin } from './period.ts';

test('the four period forms parse to their date ranges', () => {
  assert.deepEqual(parsePeriod('2008'), { code: '2008', kind: 'year', year: 2008, start: '2008-01-01', end: '2008-12-31' });
  assert.deepEqual(parsePeriod('2008-H2'), { code: '2008-H2', kind: 'half', year: 2008, start: '2008-07-01', end: '2008-12-31' });
  assert.deepEqual(parsePeriod('2008-Q3'), { code: '2008-Q3', kind: 'quarter', year: 2008, start: '2008-07-01', end: '2008-09-30' });
  assert.deepEqual(parsePeriod('2008-09'), { code: '2008-09', kind: 'month', year: 2008, start: '2008-09-01', end: '2008-09-30' });
  assert.equal(parsePeriod('2008-02')?.end, '2008-02-29');
  assert.equal(parsePeriod('2009-02')?.end, '2009-02-28');
  assert.equal(parsePeriod('2008-H1')?.end, '2008-06-30');
});

test('malformed or impossible periods are refused', () => {
  for (const bad of ['', '08', '2008-13', '2008-00', '2008-Q5', '2008-H3', '2008-9', '2008-q3', ' 2008', '2008-09-30', '1800', '9999', '2008/09']) {
    assert.equal(parsePeriod(bad), null, bad);
  }
});

test('containment and ordering follow the calendar', () => {
  const [y, h2, q3, sep] = ['2008', '2008-H2', '2008-Q3', '2008-09'].map((c) => parsePeriod(c)!) as [NonNullable<ReturnType<typeof parsePeriod>>, NonNullable<ReturnType<typeof parsePeriod>>, NonNullable<ReturnType<typeof parsePeriod>>, NonNullable<ReturnType<typeof parsePeriod>>];
  assert.ok(periodWithin(sep, q3) && periodWithin(q3, h2) && periodWithin(h2, y));
  assert.ok(!periodWithin(y, sep));
  assert.ok(!periodWithin(parsePeriod('2008-06')!, h2));
  const sorted = [y, sep, h2, q3].sort(comparePeriods).map((p) => p.code);
  assert.deepEqual(sorted, ['2008-Q3', '2008-09', '2008', '2008-H2']);
});

test('labels read naturally in Vietnamese and English', () => {
  assert.equal(periodLabel(parsePeriod('2008-Q3')!, 'vi'), 'Quý 3/2008');
  assert.equal(periodLabel(parsePeriod('2008-09')!, 'vi'), 'Tháng 09/2008');
  assert.equal(periodLabel(parsePeriod('2008-H2')!, 'en'), 'H2 2008');
  assert.equal(periodLabel(parsePeriod('2008')!, 'vi'), 'Năm 2008');
});
