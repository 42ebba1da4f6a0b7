import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, hotp, matchTotp, totp } from './totp.ts';

const RFC_KEY = Buffer.from('12345678901234567890');

test('HOTP matches the RFC 4226 appendix D values', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => assert.equal(hotp(RFC_KEY, counter), code));
});

test('TOTP (SHA-1) matches the RFC 6238 appendix B values', () => {
  const cases: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, code] of cases) assert.equal(totp(RFC_KEY, seconds * 1000, 8), code);
});

test('base32 round-trips and matches RFC 4648 vectors', () => {
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.equal(base32Decode('mzxw 6ytb oi======').toString(), 'foobar');
  assert.throws(() => base32Decode('1'));
});

test('a code is accepted one step either side and not further', () => {
  const secret = base32Encode(RFC_KEY);
  const now = 1_700_000_000_000;
  const previous = totp(RFC_KEY, now - 30_000);
  assert.equal(matchTotp(secret, previous, now), Math.floor(now / 30_000) - 1);
  assert.equal(matchTotp(secret, totp(RFC_KEY, now - 90_000), now), null);
  assert.equal(matchTotp(secret, 'abcdef', now), null);
});
