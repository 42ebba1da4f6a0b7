import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../platform/errors.ts';
import type { FeeRow } from '../catalogue-queries.ts';
import { receiptNumber } from './confirm-payment.ts';
import { feeLines, MAX_QUANTITY } from './request-fees.ts';

const fee = (id: number, amount: number): FeeRow => ({ id, procedure_id: 1, label_vi: `Phí ${id}`, label_en: `Fee ${id}`, amount_vnd: amount, unit_vi: 'trang', unit_en: 'page', legal_basis: 'Thông tư 214/2016/TT-BTC', sort_order: id });
const FEES = [fee(1, 15_000), fee(2, 27_000), fee(3, 6_000)];

test('fee lines: amount × quantity, empty and zero lines left out, thousands separators read', () => {
  const lines = feeLines(FEES, { quantities: { 1: '10', 2: '', 3: '1.200' }, note: '' });
  assert.deepEqual(lines.map((l) => [l.fee.id, l.quantity, l.total]), [[1, 10, 150_000], [3, 1200, 7_200_000]]);
  assert.deepEqual(feeLines(FEES, { quantities: { 1: '0', 2: ' 3 ' }, note: '' }).map((l) => l.total), [81_000]);
});

test('fee lines: fractions, negatives, text and too large quantities are field errors; at least one line', () => {
  for (const bad of ['2,5', '-1', 'mười', String(MAX_QUANTITY + 1)]) {
    assert.throws(() => feeLines(FEES, { quantities: { 2: bad }, note: '' }), (err: unknown) => err instanceof AppError && err.fields?.qty_2?.key === 'payments.error_quantity');
  }
  assert.throws(() => feeLines(FEES, { quantities: {}, note: '' }), (err: unknown) => err instanceof AppError && err.fields?.fees?.key === 'payments.error_no_lines');
});

test('receipt numbers have seven digits', () => {
  assert.equal(receiptNumber(1), '0000001');
  assert.equal(receiptNumber(1234567), '1234567');
});
