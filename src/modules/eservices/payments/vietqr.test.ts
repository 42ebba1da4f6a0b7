import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc16, parseTlv, tlv, transferNote, vietQrPayload } from './vietqr.ts';

test('CRC-16/CCITT-FALSE: the catalogue check value', () => {
  assert.equal(crc16('123456789'), '29B1');
  assert.equal(crc16(''), 'FFFF');
});

test('TLV: two-digit id and length', () => {
  assert.equal(tlv('53', '704'), '5303704');
  assert.equal(tlv('00', 'A000000727'), '0010A000000727');
  assert.throws(() => tlv('5', 'x'), RangeError);
  assert.throws(() => tlv('62', 'x'.repeat(100)), RangeError);
});

test('a dynamic VietQR payload: fields, nested account, purpose with the dossier code, CRC', () => {
  const payload = vietQrPayload({ bankBin: '970415', account: '113000006789', amountVnd: 150_000, purpose: 'Phí hồ sơ 000.00.12.H15-261129-0001' });
  const top = parseTlv(payload);
  assert.deepEqual([...top.keys()], ['00', '01', '38', '53', '54', '58', '62', '63']);
  assert.equal(top.get('00'), '01');
  assert.equal(top.get('01'), '12');
  const merchant = parseTlv(top.get('38') ?? '');
  assert.equal(merchant.get('00'), 'A000000727');
  assert.equal(merchant.get('02'), 'QRIBFTTA');
  const beneficiary = parseTlv(merchant.get('01') ?? '');
  assert.equal(beneficiary.get('00'), '970415');
  assert.equal(beneficiary.get('01'), '113000006789');
  assert.equal(top.get('53'), '704');
  assert.equal(top.get('54'), '150000');
  assert.equal(top.get('58'), 'VN');
  assert.equal(parseTlv(top.get('62') ?? '').get('08'), 'Phi ho so 000.00.12.H15-261129-0001');
  assert.equal(top.get('63'), crc16(payload.slice(0, -4)));
});

test('matches a payload published with an open-source VietQR generator', () => {
  // github.com/subiz/vietqr README: 120,000 VND to VietinBank account 0011001932418, note "ủng hộ lũ lụt".
  assert.equal(
    vietQrPayload({ bankBin: '970415', account: '0011001932418', amountVnd: 120_000, purpose: 'ủng hộ lũ lụt' }),
    '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
  );
});

test('bad inputs are refused; notes are folded to ASCII', () => {
  assert.throws(() => vietQrPayload({ bankBin: '97041', account: '1', amountVnd: 1, purpose: '' }), RangeError);
  assert.throws(() => vietQrPayload({ bankBin: '970415', account: '1', amountVnd: 0, purpose: '' }), RangeError);
  assert.equal(transferNote('Đóng phí: HS#12'), 'Dong phi HS 12');
});
