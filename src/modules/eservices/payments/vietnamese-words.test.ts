import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberInVietnameseWords as w, vndInWords } from './vietnamese-words.ts';

test('amounts of fees read as on receipts', () => {
  assert.equal(`${w(150_000)} đồng`, 'một trăm năm mươi nghìn đồng');
  assert.equal(w(15_000), 'mười lăm nghìn');
  assert.equal(w(27_000), 'hai mươi bảy nghìn');
  assert.equal(w(6_000), 'sáu nghìn');
  assert.equal(w(720_000), 'bảy trăm hai mươi nghìn');
  assert.equal(vndInWords(1_800_000), 'Một triệu tám trăm nghìn đồng');
});

test('units after mười and mươi: lăm, mốt, tư', () => {
  assert.equal(w(15), 'mười lăm');
  assert.equal(w(11), 'mười một');
  assert.equal(w(14), 'mười bốn');
  assert.equal(w(21), 'hai mươi mốt');
  assert.equal(w(24), 'hai mươi tư');
  assert.equal(w(55), 'năm mươi lăm');
  assert.equal(w(10), 'mười');
  assert.equal(w(90), 'chín mươi');
});

test('zeros inside a number: không trăm, linh; empty groups left out', () => {
  assert.equal(w(0), 'không');
  assert.equal(w(5), 'năm');
  assert.equal(w(105), 'một trăm linh năm');
  assert.equal(w(105_000), 'một trăm linh năm nghìn');
  assert.equal(w(1_005_000), 'một triệu không trăm linh năm nghìn');
  assert.equal(w(1_015_000), 'một triệu không trăm mười lăm nghìn');
  assert.equal(w(1_000_000), 'một triệu');
  assert.equal(w(2_000_500), 'hai triệu năm trăm');
  assert.equal(w(1_000_001), 'một triệu không trăm linh một');
});

test('billions and beyond', () => {
  assert.equal(w(1_000_000_000), 'một tỷ');
  assert.equal(w(3_250_000_000), 'ba tỷ hai trăm năm mươi triệu');
  assert.equal(w(1_000_000_000_000), 'một nghìn tỷ');
  assert.equal(w(2_001_000_000_000), 'hai nghìn không trăm linh một tỷ');
});

test('bad input is refused', () => {
  assert.throws(() => w(-1), RangeError);
  assert.throws(() => w(1.5), RangeError);
});
