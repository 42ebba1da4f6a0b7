import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from '../../helpers/build.ts';
import { pipeVerify, QUERYDR_REQUEST_SIGNED, signQueryDrAnswer, vnpDate } from '../../../src/modules/eservices/payments/vnpay.ts';
import { feeRequestedDossier, feeState, ipn, otherAgencyOfficer, startVnpay, tableCounts } from './payments-helpers.ts';

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

test('querydr against the sandbox: the IPN never arrived, the officer queries, the signed answer settles the payment once; a later IPN is already confirmed', async (t) => {
  // The sandbox's IPN goes to a closed port: the notification is lost.
  const { app, store } = await build(t, { env: { VNPAY_SANDBOX_IPN_URL: 'http://127.0.0.1:9/thanh-toan/vnpay/ipn' } });
  const { citizen, officer, id } = await feeRequestedDossier(app, store);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const host = `127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  // A first order the applicant abandons on the gateway's page: the gateway does not know it.
  const abandoned = await startVnpay(citizen, id);
  const { location } = await startVnpay(citizen, id);
  const url = new URL(location, `http://${host}`);
  const gateway = await citizen.get(`${url.pathname}${url.search}`);
  const order = /name="order" value="([^"]*)"/.exec(gateway.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const paid = await citizen.post('/sandbox/vnpay/vpcpay.html', { order, choice: 'pay' }, { host });
  assert.equal(paid.status, 303);
  // Submitting the same order again is refused by the gateway.
  assert.equal((await citizen.post('/sandbox/vnpay/vpcpay.html', { order, choice: 'pay' }, { host })).status, 409);
  let state = await feeState(store, id);
  assert.deepEqual(state.payments.map((p) => p.status), ['pending', 'pending']);
  assert.equal(state.dossier.status, 'fee_requested');

  const ids = await store.db.selectFrom('fee_payments').select(['id', 'txn_ref']).orderBy('id').execute();
  const [first, second] = ids;
  assert.ok(first !== undefined && second !== undefined);
  assert.equal(first.txn_ref, abandoned.fields.vnp_TxnRef);

  // An officer of another agency cannot query.
  const outsider = await otherAgencyOfficer(app, store);
  await outsider.get('/quan-tri/ho-so');
  const before = await tableCounts(store);
  assert.equal((await outsider.post(`/quan-tri/ho-so/${id}/phi/tra-soat`, { payment: String(second.id) }, { host })).status, 404);
  assert.deepEqual(await tableCounts(store), before);

  const page = await officer.get(`/quan-tri/ho-so/${id}/phi`);
  assert.match(page.body, /Tra soát giao dịch/);
  // The abandoned order: not found at the gateway, recorded, nothing changed.
  const notFound = await officer.post(`/quan-tri/ho-so/${id}/phi/tra-soat`, { payment: String(first.id) }, { host });
  assert.equal(notFound.status, 303);
  assert.match(notFound.location ?? '', /ok=tra-soat-not_found/);
  assert.deepEqual((await feeState(store, id)).payments.map((p) => p.status), ['pending', 'pending']);

  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  const queried = await officer.post(`/quan-tri/ho-so/${id}/phi/tra-soat`, { payment: String(second.id) }, { host });
  assert.equal(queried.status, 303);
  assert.match(queried.location ?? '', /ok=tra-soat-paid/);
  state = await feeState(store, id);
  assert.deepEqual(state.payments.map((p) => p.status), ['pending', 'paid']);
  assert.equal(state.requests[0]?.status, 'paid');
  assert.equal(state.dossier.status, 'accepted');
  assert.equal(state.receipts.length, 1);
  const records = await store.db.selectFrom('fee_payment_queries').select(['outcome', 'signature_valid', 'response_code', 'transaction_status', 'amount_vnd']).orderBy('id').execute();
  assert.deepEqual(records, [
    { outcome: 'not_found', signature_valid: 1, response_code: '91', transaction_status: null, amount_vnd: null },
    { outcome: 'paid', signature_valid: 1, response_code: '00', transaction_status: '00', amount_vnd: 150_000 },
  ]);
  assert.equal((await store.db.selectFrom('audit_log').select('id').where('action', '=', 'fee_payment.querydr').execute()).length, 2);
  const shown = await officer.get(`/quan-tri/ho-so/${id}/phi?ok=tra-soat-paid`);
  assert.match(shown.body, /cổng xác nhận đã thanh toán; đã lập biên lai/);

  // The lost IPN arrives late (the gateway retries): already confirmed, no second receipt.
  const late = new URL(paid.location ?? '').search.slice(1);
  assert.equal((await ipn(app, late)).RspCode, '02');
  assert.equal((await feeState(store, id)).receipts.length, 1);
  // The paid attempt cannot be queried again.
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/tra-soat`, { payment: String(second.id) }, { host })).status, 409);
});

test('querydr answers that do not check out are recorded and never applied: forged signature, other amount, other transaction, no signature, unreachable gateway', async (t) => {
  let mode = 'forged';
  let secret = '';
  const seen: Record<string, string>[] = [];
  const fake = createServer((req, res) => {
    void readBody(req).then((text) => {
      const body = JSON.parse(text) as Record<string, string>;
      seen.push(body);
      const answer: Record<string, string> = {
        vnp_ResponseId: 'R1',
        vnp_Command: 'querydr',
        vnp_ResponseCode: '00',
        vnp_Message: 'QueryDR Success',
        vnp_TmnCode: body.vnp_TmnCode ?? '',
        vnp_TxnRef: mode === 'other_txn' ? 'VP1XDEADBEEF00' : (body.vnp_TxnRef ?? ''),
        vnp_Amount: mode === 'other_amount' ? '100000' : '15000000',
        vnp_BankCode: 'NCB',
        vnp_PayDate: vnpDate(new Date()),
        vnp_TransactionNo: '14000001',
        vnp_TransactionType: '01',
        vnp_TransactionStatus: '00',
        vnp_OrderInfo: body.vnp_OrderInfo ?? '',
        vnp_PromotionCode: '',
        vnp_PromotionAmount: '',
      };
      const signed = mode === 'unsigned' ? answer : signQueryDrAnswer(answer, mode === 'forged' ? 'NOT-THE-MERCHANT-SECRET-0123456789' : secret);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(signed));
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  t.after(() => fake.close());
  const apiUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/merchant_webapi/api/transaction`;
  const { app, store, config } = await build(t, { env: { VNPAY_API_URL: apiUrl } });
  secret = config.vnpay.hashSecret;
  const { citizen, officer, id } = await feeRequestedDossier(app, store);
  await startVnpay(citizen, id);
  const payment = await store.db.selectFrom('fee_payments').select(['id', 'created_at', 'txn_ref']).executeTakeFirstOrThrow();

  for (const [m, outcome] of [['forged', 'bad_signature'], ['unsigned', 'bad_signature'], ['other_amount', 'mismatch'], ['other_txn', 'mismatch']] as const) {
    mode = m;
    await officer.get(`/quan-tri/ho-so/${id}/phi`);
    const res = await officer.post(`/quan-tri/ho-so/${id}/phi/tra-soat`, { payment: String(payment.id) });
    assert.equal(res.status, 303, m);
    assert.match(res.location ?? '', new RegExp(`ok=tra-soat-${outcome}$`), m);
    const state = await feeState(store, id);
    assert.deepEqual(state.payments.map((p) => p.status), ['pending'], m);
    assert.equal(state.receipts.length, 0, m);
    assert.equal(state.dossier.status, 'fee_requested', m);
  }
  // The requests we sent follow the protocol: pipe-signed with the merchant's secret, naming the order's creation time.
  assert.equal(seen.length, 4);
  for (const body of seen) {
    assert.ok(pipeVerify(body, QUERYDR_REQUEST_SIGNED, secret));
    assert.equal(body.vnp_Command, 'querydr');
    assert.equal(body.vnp_Version, '2.1.0');
    assert.equal(body.vnp_TxnRef, payment.txn_ref);
    assert.equal(body.vnp_TransactionDate, vnpDate(new Date(payment.created_at)));
  }
  assert.equal(new Set(seen.map((b) => b.vnp_RequestId)).size, 4);

  // The gateway down: recorded as unreachable.
  await new Promise<void>((resolve) => fake.close(() => resolve()));
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  const down = await officer.post(`/quan-tri/ho-so/${id}/phi/tra-soat`, { payment: String(payment.id) });
  assert.match(down.location ?? '', /ok=tra-soat-unreachable$/);
  const records = await store.db.selectFrom('fee_payment_queries').select(['outcome', 'signature_valid']).orderBy('id').execute();
  assert.deepEqual(records.map((r) => [r.outcome, r.signature_valid]), [['bad_signature', 0], ['bad_signature', 0], ['mismatch', 1], ['mismatch', 1], ['unreachable', 0]]);
  assert.equal((await feeState(store, id)).payments[0]?.status, 'pending');
});
