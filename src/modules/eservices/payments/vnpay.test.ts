import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { orderInfoText, parseVnpDate, paymentFields, paymentUrl, pipeText, pipeVerify, QUERYDR_REQUEST_SIGNED, QUERYDR_RESPONSE_SIGNED, queryDrBody, signedText, signQueryDrAnswer, vnpDate, vnpEncode, vnpFields, vnpSign, vnpVerify } from './vnpay.ts';

const SECRET = 'SANDBOXSECRETKEYFORTESTS0123456789';

test('the signed text: vnp_ fields sorted by name, PHP urlencode (space as +), hash fields left out', () => {
  const fields = { vnp_TxnRef: 'F1X9', vnp_Amount: '15000000', vnp_OrderInfo: 'Thanh toan phi: HS 1', vnp_SecureHash: 'ab', vnp_SecureHashType: 'HmacSHA512', other: 'x' };
  // Written out by hand from the protocol's description.
  const expected = 'vnp_Amount=15000000&vnp_OrderInfo=Thanh+toan+phi%3A+HS+1&vnp_TxnRef=F1X9';
  assert.equal(signedText(fields), expected);
  assert.equal(vnpSign(fields, SECRET), createHmac('sha512', SECRET).update(expected).digest('hex'));
  assert.equal(vnpSign(fields, SECRET).length, 128);
});

test('URL encoding matches urlencode for reserved characters and UTF-8', () => {
  assert.equal(vnpEncode("a b*c~d!e'(f)"), 'a+b%2Ac%7Ed%21e%27%28f%29');
  assert.equal(vnpEncode('https://x.vn/a?b=1&c=2'), 'https%3A%2F%2Fx.vn%2Fa%3Fb%3D1%26c%3D2');
  assert.equal(vnpEncode('-_.'), '-_.');
  assert.equal(vnpEncode('đ'), '%C4%91');
});

test('a payment URL carries every 2.1.0 field and a signature that verifies', () => {
  const createdAt = new Date('2026-11-29T03:04:05Z');
  const r = {
    gatewayUrl: 'http://localhost:3000/sandbox/vnpay/vpcpay.html',
    tmnCode: 'CONGSO01',
    secret: SECRET,
    txnRef: 'F12XABCDEF0123',
    amountVnd: 150_000,
    orderInfo: 'Thanh toán phí hồ sơ 000.00.12.H15-261129-0001',
    returnUrl: 'http://localhost:3000/thanh-toan/vnpay/ket-qua',
    ipAddr: '127.0.0.1',
    locale: 'vn' as const,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 15 * 60_000),
  };
  const f = paymentFields(r);
  assert.equal(f.vnp_Version, '2.1.0');
  assert.equal(f.vnp_Command, 'pay');
  assert.equal(f.vnp_Amount, '15000000');
  assert.equal(f.vnp_CurrCode, 'VND');
  assert.equal(f.vnp_CreateDate, '20261129100405');
  assert.equal(f.vnp_ExpireDate, '20261129101905');
  assert.equal(f.vnp_OrderInfo, 'Thanh toan phi ho so 000.00.12.H15-261129-0001');
  const url = new URL(paymentUrl(r));
  const back = vnpFields(url.search.slice(1));
  assert.equal(back.vnp_OrderInfo, f.vnp_OrderInfo);
  assert.equal(back.vnp_ReturnUrl, r.returnUrl);
  assert.ok(vnpVerify(back, SECRET));
  assert.equal(vnpVerify({ ...back, vnp_Amount: '15000100' }, SECRET), false);
  assert.equal(vnpVerify(back, 'another-secret'), false);
  assert.equal(vnpVerify({ ...back, vnp_SecureHash: 'zz' }, SECRET), false);
  assert.equal(vnpVerify({ ...back, vnp_SecureHash: back.vnp_SecureHash?.toUpperCase() ?? '' }, SECRET), true);
});

test('dates are Viet Nam time and read back', () => {
  assert.equal(vnpDate(new Date('2026-12-31T17:30:00Z')), '20270101003000');
  assert.equal(parseVnpDate('20270101003000')?.toISOString(), '2026-12-31T17:30:00.000Z');
  assert.equal(parseVnpDate('20271332003000'), undefined);
  assert.equal(parseVnpDate('2027'), undefined);
});

test('order info is kept to letters without diacritics', () => {
  assert.equal(orderInfoText('Đặng   Thị <Hà> & Co'), 'Dang Thi Ha Co');
});

test('querydr: the request is signed over its values joined by | in the protocol order, the answer over its own list', () => {
  const secret = 'SECRETSECRETSECRET0123456789';
  const body = queryDrBody({ tmnCode: 'CONGSO01', secret, requestId: 'A1B2', txnRef: 'VP7XABCDEF0123', transactionDate: new Date('2026-11-29T03:00:00Z'), createdAt: new Date('2026-11-29T04:30:05Z'), ipAddr: '127.0.0.1', orderInfo: 'Truy vấn giao dịch' });
  const text = 'A1B2|2.1.0|querydr|CONGSO01|VP7XABCDEF0123|20261129100000|20261129113005|127.0.0.1|Truy van giao dich';
  assert.equal(pipeText(body, QUERYDR_REQUEST_SIGNED), text);
  assert.equal(body.vnp_SecureHash, createHmac('sha512', secret).update(text, 'utf8').digest('hex'));
  assert.ok(pipeVerify(body, QUERYDR_REQUEST_SIGNED, secret));
  assert.ok(!pipeVerify({ ...body, vnp_TxnRef: 'VP7XABCDEF0124' }, QUERYDR_REQUEST_SIGNED, secret));
  assert.ok(!pipeVerify(body, QUERYDR_REQUEST_SIGNED, 'another-secret-0123456789'));
  assert.ok(!pipeVerify({ ...body, vnp_SecureHash: '' }, QUERYDR_REQUEST_SIGNED, secret));
  // An answer: absent values count as empty; a changed amount breaks the signature.
  const answer = signQueryDrAnswer({ vnp_ResponseId: 'R', vnp_Command: 'querydr', vnp_ResponseCode: '00', vnp_Message: 'OK', vnp_TmnCode: 'CONGSO01', vnp_TxnRef: 'VP7', vnp_Amount: '15000000', vnp_TransactionStatus: '00' }, secret);
  assert.equal(pipeText(answer, QUERYDR_RESPONSE_SIGNED), 'R|querydr|00|OK|CONGSO01|VP7|15000000|||||00|||');
  assert.ok(pipeVerify(answer, QUERYDR_RESPONSE_SIGNED, secret));
  assert.ok(!pipeVerify({ ...answer, vnp_Amount: '1500000' }, QUERYDR_RESPONSE_SIGNED, secret));
});
