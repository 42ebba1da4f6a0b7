import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeIndex, normalise, scoreDecimals, type EditionDef, type ProvinceFigures } from './compute.ts';

const province = (code: string, name: string, values: Record<string, number>): ProvinceFigures => ({
  unitCode: code,
  unitName: name,
  values: new Map(Object.entries(values).map(([k, v]) => [k, { value: v, status: 'reported' as const }])),
});

test('normalise: goalposts cap at both ends, lower-is-better reverses, equal bounds score 1', () => {
  assert.equal(normalise(30, 0, 60, true), 0.5);
  assert.equal(normalise(75, 0, 60, true), 1);
  assert.equal(normalise(-5, 0, 60, true), 0);
  assert.equal(normalise(15, 10, 20, false), 0.5);
  assert.equal(normalise(12, 10, 20, false), 0.8);
  assert.equal(normalise(7, 7, 7, true), 1);
});

test('scores: weighted means by hand, contributions add up to the score, ties share a rank', () => {
  // Pillar A (0.6): x goalposts 0–100 (w 0.5), y min–max (w 0.5). Pillar B (0.4): z goalposts 0–10, lower is better.
  const def: EditionDef = {
    scale: 100,
    pillars: [
      {
        code: 'a',
        weight: 0.6,
        indicators: [
          { code: 'x', weight: 0.5, higherIsBetter: true, normalisation: 'goalposts', goalMin: 0, goalMax: 100 },
          { code: 'y', weight: 0.5, higherIsBetter: true, normalisation: 'minmax', goalMin: null, goalMax: null },
        ],
      },
      { code: 'b', weight: 0.4, indicators: [{ code: 'z', weight: 1, higherIsBetter: false, normalisation: 'goalposts', goalMin: 0, goalMax: 10 }] },
    ],
  };
  const result = computeIndex(def, [
    // y over the provinces: min 2, max 6 (Q has no z but its y still sets the bounds).
    province('01', 'P', { x: 50, y: 6, z: 5 }),
    province('02', 'Q', { x: 80, y: 2 }),
    province('03', 'R', { x: 100, y: 4, z: 8 }),
    province('04', 'S', { x: 10, y: 5, z: 0 }),
  ]);
  // P: A = (0.5·0.5 + 0.5·1) = 0.75; B = 1 − 0.5 = 0.5; score = 100·(0.6·0.75 + 0.4·0.5) = 65.
  // R: A = (0.5·1 + 0.5·0.5) = 0.75; B = 1 − 0.8 = 0.2; score = 100·(0.45 + 0.08) = 53.
  // S: A = (0.5·0.1 + 0.5·0.75) = 0.425; B = 1; score = 100·(0.255 + 0.4) = 65.5.
  assert.deepEqual(
    result.rows.map((r) => [r.rank, r.unitName, r.score]),
    [
      [1, 'S', 65.5],
      [2, 'P', 65],
      [3, 'R', 53],
    ],
  );
  assert.deepEqual(result.bounds.get('y'), { min: 2, max: 6 });
  const p = result.rows.find((r) => r.unitName === 'P')!;
  assert.equal(p.pillars[0]!.score, 75);
  assert.equal(p.pillars[1]!.score, 50);
  assert.deepEqual(
    p.pillars.flatMap((x) => x.indicators.map((i) => [i.code, i.normalised, Math.round(i.effectiveWeight * 1e6) / 1e6, Math.round(i.contribution * 1e6) / 1e6])),
    [
      ['x', 0.5, 0.3, 15],
      ['y', 1, 0.3, 30],
      ['z', 0.5, 0.4, 20],
    ],
  );
  assert.deepEqual(result.notRanked, [{ unitCode: '02', unitName: 'Q', missing: ['z'] }]);
  assert.equal(result.decimals, 2);

  // Equal scores share a rank and the next is skipped; equals are listed by name.
  const tied = computeIndex({ scale: 1, pillars: [{ code: 'a', weight: 1, indicators: [{ code: 'x', weight: 1, higherIsBetter: true, normalisation: 'goalposts', goalMin: 0, goalMax: 10 }] }] }, [
    province('1', 'Bình', { x: 5 }),
    province('2', 'An', { x: 5 }),
    province('3', 'Cao', { x: 9 }),
    province('4', 'Đông', { x: 1 }),
  ]);
  assert.deepEqual(
    tied.rows.map((r) => [r.rank, r.unitName, r.score]),
    [
      [1, 'Cao', 0.9],
      [2, 'An', 0.5],
      [2, 'Bình', 0.5],
      [4, 'Đông', 0.1],
    ],
  );
});

test('weights that add up to 0.999 are used as a weighted mean (divided by their sum)', () => {
  const third = { weight: 0.333, higherIsBetter: true, normalisation: 'goalposts' as const, goalMin: 0, goalMax: 1 };
  const r = computeIndex({ scale: 1, pillars: [{ code: 'a', weight: 1, indicators: [{ code: 'x', ...third }, { code: 'y', ...third }, { code: 'z', ...third }] }] }, [province('1', 'A', { x: 1, y: 1, z: 1 })]);
  assert.equal(r.rows[0]!.score, 1);
});

test('min–max with no province having a figure: every province is not ranked, nothing is guessed', () => {
  const r = computeIndex({ scale: 1, pillars: [{ code: 'a', weight: 1, indicators: [{ code: 'x', weight: 1, higherIsBetter: true, normalisation: 'minmax', goalMin: null, goalMax: null }] }] }, [province('1', 'A', {}), province('2', 'B', {})]);
  assert.equal(r.rows.length, 0);
  assert.equal(r.bounds.get('x'), null);
  assert.deepEqual(
    r.notRanked.map((n) => n.missing),
    [['x'], ['x']],
  );
});

test('scores are published with four significant decimals of the 0–1 scale', () => {
  assert.equal(scoreDecimals(1), 4);
  assert.equal(scoreDecimals(10), 3);
  assert.equal(scoreDecimals(100), 2);
});
