import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePeriod, type Period } from './period.ts';
import { Resolver, weakestStatus, type IndicatorRule, type Observation } from './resolve.ts';

const rules: IndicatorRule[] = [
  { code: 'population', formula: null, unitAggregation: 'sum', timeAggregation: 'average' },
  { code: 'points', formula: null, unitAggregation: 'sum', timeAggregation: 'latest' },
  { code: 'visits', formula: null, unitAggregation: 'sum', timeAggregation: 'sum' },
  { code: 'subs', formula: null, unitAggregation: 'sum', timeAggregation: 'latest' },
  { code: 'density', formula: 'subs / population * 100', unitAggregation: 'sum', timeAggregation: 'latest' },
];
const obs = (code: string, unitId: number, period: string, value: number, status: Observation['status'] = 'reported', reporterId: number | null = null): Observation => ({ code, unitId, period, value, status, reporterId });
const p = (code: string): Period => parsePeriod(code)!;

test('an exact figure wins; a longer period takes the latest stock or the sum of flows inside it', () => {
  const r = new Resolver(rules, [
    obs('points', 1, '2008-06', 270),
    obs('points', 1, '2008-09', 277),
    obs('visits', 1, '2008-01', 100),
    obs('visits', 1, '2008-02', 150),
    obs('visits', 1, '2008-Q1', 999),
    obs('points', 1, '2007', 260),
  ]);
  assert.equal(r.resolve('points', 1, p('2008-09'))?.value, 277);
  assert.equal(r.resolve('points', 1, p('2008'))?.value, 277);
  assert.equal(r.resolve('points', 1, p('2007'))?.value, 260);
  // The quarter is longer than its months, so it is used and the months are not added again.
  assert.equal(r.resolve('visits', 1, p('2008'))?.value, 999);
  assert.equal(r.resolve('visits', 1, p('2008-H1'))?.value, 999);
  assert.equal(r.resolve('points', 1, p('2009')), null);
});

test('a derived figure uses the yearly population for a month and carries its weakest status', () => {
  const r = new Resolver(rules, [obs('population', 1, '2008', 600_000, 'estimate'), obs('subs', 1, '2008-09', 192_000, 'reported')]);
  const v = r.resolve('density', 1, p('2008-09'));
  assert.equal(v?.value, 32);
  assert.equal(v?.status, 'estimate');
  assert.deepEqual([...r.periodsFor('density', 1)], ['2008-09']);
  assert.equal(r.resolve('density', 2, p('2008-09')), null);
});

test('reporters add up and units add up from their subdivisions', () => {
  const r = new Resolver(
    rules,
    [obs('subs', 10, '2008', 100, 'reported', 7), obs('subs', 10, '2008', 50, 'approved', 8), obs('subs', 11, '2008', 25, 'illustrative')],
    new Map([[1, [10, 11]]]),
  );
  assert.deepEqual(r.resolve('subs', 10, p('2008')), { value: 150, status: 'reported' });
  assert.deepEqual(r.resolve('subs', 1, p('2008')), { value: 175, status: 'illustrative' });
});

test('the weakest status is the least trustworthy one', () => {
  assert.equal(weakestStatus(['approved', 'estimate', 'reported']), 'estimate');
  assert.equal(weakestStatus([]), 'approved');
});

test('dependencies follow formulas transitively', () => {
  const map = new Map(rules.map((r) => [r.code, r]));
  assert.deepEqual([...Resolver.dependencies(map, 'density')].sort(), ['density', 'population', 'subs']);
});
