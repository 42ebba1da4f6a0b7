import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateLicenceInput, type LicenceInput } from './issue-licence.ts';
import { licenceKindOf, licenceNumber, seriesOf } from './licence-kinds.ts';

const base: LicenceInput = { holderName: 'Công ty A', holderAddress: 'Lào Cai', title: 'tintuc.example.vn', quantity: '', validUntil: '', signerName: 'B', signerTitle: 'Giám đốc' };

test('an e-information site licence needs an end date after today and at most 10 years away (Decree 27/2018/NĐ-CP)', () => {
  assert.deepEqual(Object.keys(validateLicenceInput('e_information_site', base, '2026-11-29').errors), ['valid_until']);
  assert.ok('valid_until' in validateLicenceInput('e_information_site', { ...base, validUntil: '2026-11-29' }, '2026-11-29').errors);
  assert.ok('valid_until' in validateLicenceInput('e_information_site', { ...base, validUntil: '2036-11-30' }, '2026-11-29').errors);
  assert.ok('valid_until' in validateLicenceInput('e_information_site', { ...base, validUntil: '2030-02-30' }, '2026-11-29').errors);
  const ok = validateLicenceInput('e_information_site', { ...base, validUntil: '2036-11-29' }, '2026-11-29');
  assert.deepEqual(ok, { errors: {}, quantity: null, validUntil: '2036-11-29' });
});

test('a non-commercial publication licence states its print run and has no end date', () => {
  assert.ok('quantity' in validateLicenceInput('publishing_noncommercial', { ...base, quantity: '0' }, '2026-11-29').errors);
  assert.ok('quantity' in validateLicenceInput('publishing_noncommercial', { ...base, quantity: '1.5' }, '2026-11-29').errors);
  assert.deepEqual(validateLicenceInput('publishing_noncommercial', { ...base, quantity: '500', validUntil: '2030-01-01' }, '2026-11-29'), { errors: {}, quantity: 500, validUntil: null });
  assert.ok('signer_name' in validateLicenceInput('publishing_noncommercial', { ...base, quantity: '5', signerName: ' ' }, '2026-11-29').errors);
});

test('licence numbers: sequence, then GP- and the sign of the issuing agency', () => {
  assert.equal(licenceNumber(22, seriesOf('so-tttt-lao-cai')), '22/GP-STTTT');
  assert.equal(licenceNumber(3, seriesOf('so-vhttdl-lao-cai')), '03/GP-SVHTTDL');
  assert.equal(licenceKindOf('1.003868'), 'publishing_noncommercial');
  assert.equal(licenceKindOf('LC-BCVT-01'), undefined);
});
