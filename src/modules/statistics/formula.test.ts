import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFormula, FormulaError, formulaInputs, parseFormula } from './formula.ts';

const values: Record<string, number> = { a: 6, b: 3, 'telecom.mobile_subscriptions': 150, 'telecom.fixed_phone_subscriptions': 50, population: 1000 };
const run = (source: string, v: Record<string, number> = values): number | null => evaluateFormula(parseFormula(source), (c) => v[c]);

test('arithmetic follows the usual precedence and associativity', () => {
  assert.equal(run('1 + 2 * 3'), 7);
  assert.equal(run('(1 + 2) * 3'), 9);
  assert.equal(run('a - b - 1'), 2);
  assert.equal(run('a / b / 2'), 1);
  assert.equal(run('-a + 10'), 4);
  assert.equal(run('2.5 * 2'), 5);
});

test('a per-100-inhabitants formula reads indicator codes with dots', () => {
  const f = '(telecom.fixed_phone_subscriptions + telecom.mobile_subscriptions) / population * 100';
  assert.equal(run(f), 20);
  assert.deepEqual(formulaInputs(parseFormula(f)), ['telecom.fixed_phone_subscriptions', 'telecom.mobile_subscriptions', 'population']);
});

test('missing inputs and division by zero give no figure', () => {
  assert.equal(run('a / missing'), null);
  assert.equal(run('a / (b - 3)'), null);
});

test('anything but the small grammar is refused, so nothing can be executed', () => {
  for (const bad of ['process.exit()', 'a +', '(a', 'a)', 'a ** 2', 'a; b', '`a`', 'a[0]', 'A + 1', '', 'constructor.constructor("x")()', 'a'.repeat(501)]) {
    assert.throws(() => parseFormula(bad), FormulaError, bad);
  }
});
