import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTemplateTag, previousPeriodCode, templateTag, type RawValue } from './grid.ts';
import { parseTypedNumber, ruleOf, validateReport, type FormColumn } from './validate-report.ts';

const columns: FormColumn[] = [
  { indicatorId: 1, code: 'it.state_agencies_with_lan', rule: 'count' },
  { indicatorId: 2, code: 'internet.households_with_internet_pct', rule: 'percent' },
];
const units = [
  { id: 10, code: '080', name: 'Thành phố Lào Cai' },
  { id: 11, code: '082', name: 'Huyện Bát Xát' },
];
const n = (value: number): RawValue => ({ kind: 'number', value });
const s = (text: string): RawValue => ({ kind: 'text', text });

test('percentages are 0 to 100 with decimals; counts are whole; a comma is a decimal mark', () => {
  const { cells, problems } = validateReport({
    columns,
    units,
    rows: [
      { row: 5, unitCode: '080', values: [n(42), s('37,5')], reason: '' },
      { row: 6, unitCode: '082', values: [s('12'), n(100.5)], reason: '' },
    ],
    jumpShare: 0.5,
    previous: new Map(),
  });
  assert.deepEqual(problems, [{ ref: 'D6', key: 'reports.err.percent', params: { value: '100.5' } }]);
  assert.deepEqual(cells.map((c) => c.value), [42, 37.5, 12]);
});

test('a jump is measured against the previous figure of the same unit and indicator; a fall counts as much as a rise', () => {
  const previous = new Map([['1:10', 10], ['1:11', 10]]);
  const { problems, cells } = validateReport({
    columns: [columns[0]!],
    units,
    rows: [
      { row: 5, unitCode: '080', values: [n(4)], reason: '' },
      { row: 6, unitCode: '082', values: [n(15)], reason: '' },
    ],
    jumpShare: 0.5,
    previous,
  });
  assert.deepEqual(problems, [{ ref: 'C5', key: 'reports.err.jump', params: { share: 60, previous: '10', reasonRef: 'D5' } }]);
  assert.deepEqual(cells.map((c) => c.flagged), [true, false]);
});

test('typed numbers: spaces are ignored, grouping dots are not guessed', () => {
  assert.equal(parseTypedNumber('40 010'), 40_010);
  assert.equal(parseTypedNumber('12,5'), 12.5);
  assert.equal(parseTypedNumber('1.234.567'), null);
  assert.equal(parseTypedNumber('1e5'), null);
  assert.equal(ruleOf({ unit_en: '%', decimals: 1 }), 'percent');
  assert.equal(ruleOf({ unit_en: 'subscriptions', decimals: 0 }), 'count');
});

test('the template tag round-trips and the previous period is of the same kind', () => {
  assert.deepEqual(parseTemplateTag(templateTag('BC-VT-01', 2, '2025-Q2', 7)), { code: 'BC-VT-01', version: 2, period: '2025-Q2', assignmentId: 7 });
  assert.equal(parseTemplateTag('congso:BC-VT-01:2025-Q2'), null);
  assert.deepEqual(['2025-Q1', '2025-Q3', '2025-01', '2025-11', '2025-H1', '2025-H2', '2025'].map(previousPeriodCode), ['2024-Q4', '2025-Q2', '2024-12', '2025-10', '2024-H2', '2025-H1', '2024']);
});
