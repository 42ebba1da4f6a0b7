import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { build } from '../../helpers/build.ts';
import { signedIn } from './helpers.ts';
import { feeRequestedDossier, feeState, gatewayResult, ipn, startVnpay } from './payments-helpers.ts';

test('officer requests fees, the applicant pays in the sandbox gateway, the IPN marks it paid and the dossier moves on', async (t) => {
  const { app, store } = await build(t);
  const { citizen, officer, id, code } = await feeRequestedDossier(app, store);
  let state = await feeState(store, id);
  assert.equal(state.dossier.status, 'fee_requested');
  assert.equal(state.dossier.national_status, 6);
  const dueBefore = state.dossier.due_on;

  // The applicant sees what to pay, with the legal basis.
  const receiptPage = await citizen.get(`/ho-so/${id}/bien-nhan`);
  assert.match(receiptPage.body, new RegExp(`href="/ho-so/${id}/phi"`));
  const feesPage = await citizen.get(`/ho-so/${id}/phi`);
  assert.equal(feesPage.status, 200);
  assert.match(feesPage.body, /150\.000 đồng/);
  assert.match(feesPage.body, /214\/2016\/TT-BTC/);
  assert.match(feesPage.body, /Thanh toán 150\.000 đồng qua VNPay/);

  // The payment URL: protocol 2.1.0, amount ×100, signed; it opens the sandbox's page.
  const { location, fields } = await startVnpay(citizen, id);
  assert.equal(fields.vnp_Version, '2.1.0');
  assert.equal(fields.vnp_Command, 'pay');
  assert.equal(fields.vnp_Amount, '15000000');
  assert.equal(fields.vnp_CurrCode, 'VND');
  assert.match(fields.vnp_CreateDate ?? '', /^\d{14}$/);
  assert.match(fields.vnp_OrderInfo ?? '', new RegExp(code.replace(/\./g, '\\.')));
  const url = new URL(location, 'http://localhost');
  assert.equal(url.pathname, '/sandbox/vnpay/vpcpay.html');
  assert.equal(fields.vnp_ReturnUrl, 'http://localhost/thanh-toan/vnpay/ket-qua');
  const gateway = await citizen.get(`${url.pathname}${url.search}`);
  assert.equal(gateway.status, 200);
  assert.match(gateway.body, /150\.000 đồng/);
  assert.match(gateway.body, /name="choice" value="pay"/);
  assert.match(gateway.body, /name="choice" value="cancel"/);

  // The sandbox calls the IPN over HTTP at the address it was reached at.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const order = /name="order" value="([^"]*)"/.exec(gateway.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const paid = await citizen.post('/sandbox/vnpay/vpcpay.html', { order, choice: 'pay' }, { host: `127.0.0.1:${port}` });
  assert.equal(paid.status, 303);
  const back = new URL(paid.location ?? '');
  assert.equal(back.pathname, '/thanh-toan/vnpay/ket-qua');
  assert.equal(back.searchParams.get('vnp_ResponseCode'), '00');

  state = await feeState(store, id);
  assert.equal(state.payments[0]?.status, 'paid');
  assert.equal(state.requests[0]?.status, 'paid');
  assert.equal(state.dossier.status, 'accepted');
  assert.equal(state.dossier.paused_on, null);
  assert.ok((state.dossier.due_on ?? '') >= (dueBefore ?? ''));
  assert.equal(state.receipts.length, 1);
  assert.equal(state.receipts[0]?.number, '0000001');

  const result = await citizen.get(`${back.pathname}${back.search}`);
  assert.match(result.body, /Thanh toán đã được xác nhận/);

  // The receipt: number, total in figures and in words, for the applicant only.
  const fees = await citizen.get(`/ho-so/${id}/phi`);
  const receiptHref = new RegExp(`href="(/ho-so/${id}/bien-lai/\\d+)"`).exec(fees.body)?.[1] ?? '';
  const receipt = await citizen.get(receiptHref);
  assert.equal(receipt.status, 200);
  assert.match(receipt.body, /Biên lai thu phí, lệ phí/);
  assert.match(receipt.body, /0000001/);
  assert.match(receipt.body, /Một trăm năm mươi nghìn đồng/);
  assert.match(receipt.body, /Hoàng Văn Đạt/);
  const pdf = await app.inject({ method: 'GET', url: `${receiptHref}.pdf`, headers: { cookie: `sid=${citizen.cookies.get('sid') ?? ''}` } });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await officer.get(receiptHref)).status, 404);
  assert.equal((await (await signedIn(app, store, 'editor')).get(receiptHref)).status, 404);

  // Timeline and audit; then the dossier goes on to the leader.
  const events = await store.db.selectFrom('dossier_events').select('action').where('dossier_id', '=', id).orderBy('id').execute();
  assert.deepEqual(events.map((e) => e.action).slice(-2), ['request_fee', 'fee_paid']);
  const audit = await store.db.selectFrom('audit_log').select('action').where('action', 'in', ['dossier.request_fee', 'fee_payment.confirmed']).execute();
  assert.equal(audit.length, 2);
  await officer.get(`/quan-tri/ho-so/${id}`);
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/xu-ly`, { action: 'propose' })).status, 303);
  const mails = await store.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', 'citizen@laocai.example.vn').execute();
  assert.ok(mails.some((m) => m.text_body.includes('Chờ nộp phí, lệ phí')));
});

test('IPN: forged signature 97, wrong amount 04, unknown order 01, replay 02; the return URL alone marks nothing paid', async (t) => {
  const { app, store, config } = await build(t);
  const { citizen, id } = await feeRequestedDossier(app, store);
  const { fields: first } = await startVnpay(citizen, id);
  const before = await feeState(store, id);

  const forged = gatewayResult(config, first, {}, 'not-the-merchant-secret-0123456789');
  assert.deepEqual(await ipn(app, forged), { RspCode: '97', Message: 'Invalid signature' });
  // A signed answer whose amount is changed afterwards no longer verifies.
  const tampered = gatewayResult(config, first).replace('vnp_Amount=15000000', 'vnp_Amount=100');
  assert.equal((await ipn(app, tampered)).RspCode, '97');
  assert.equal((await ipn(app, 'vnp_TxnRef=x')).RspCode, '97');
  assert.equal((await ipn(app, gatewayResult(config, first, { vnp_Amount: '1500000' }))).RspCode, '04');
  assert.equal((await ipn(app, gatewayResult(config, first, { vnp_TxnRef: 'VP999X0000000000' }))).RspCode, '01');

  // The browser's return with a success code, but no IPN: shown as awaiting, nothing recorded.
  const back = await citizen.get(`/thanh-toan/vnpay/ket-qua?${gatewayResult(config, first)}`);
  assert.equal(back.status, 200);
  assert.match(back.body, /đang chờ cổng xác nhận/);
  const forgedBack = await citizen.get(`/thanh-toan/vnpay/ket-qua?${forged}`);
  assert.equal(forgedBack.status, 400);
  assert.deepEqual(await feeState(store, id), before);

  // A cancelled attempt is recorded as failed; the request stays open and can be paid again.
  assert.equal((await ipn(app, gatewayResult(config, first, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }))).RspCode, '00');
  let state = await feeState(store, id);
  assert.equal(state.payments[0]?.status, 'failed');
  assert.equal(state.dossier.status, 'fee_requested');
  assert.equal((await ipn(app, gatewayResult(config, first))).RspCode, '02');

  const { fields: second } = await startVnpay(citizen, id);
  assert.notEqual(second.vnp_TxnRef, first.vnp_TxnRef);
  const good = gatewayResult(config, second);
  assert.deepEqual(await ipn(app, good), { RspCode: '00', Message: 'Confirm Success' });
  assert.deepEqual(await ipn(app, good), { RspCode: '02', Message: 'Order already confirmed' });
  state = await feeState(store, id);
  assert.equal(state.dossier.status, 'accepted');
  assert.equal(state.receipts.length, 1);
  assert.deepEqual(state.payments.map((p) => p.status), ['failed', 'paid']);

  const refused = await store.db.selectFrom('audit_log').select('after_json').where('action', '=', 'fee_payment.ipn_refused').execute();
  assert.deepEqual(refused.map((r) => (JSON.parse(r.after_json ?? '{}') as { rspCode: string }).rspCode).sort(), ['01', '02', '02', '04', '97', '97', '97']);
  // Once paid, the applicant cannot start another payment.
  const again = await citizen.post(`/ho-so/${id}/phi/vnpay`, {});
  assert.equal(again.status, 303);
  assert.equal(again.location, `/ho-so/${id}/phi`);
});

test('the sandbox refuses an order that is not signed by the merchant; cancel sends the browser back unpaid', async (t) => {
  const { app, store } = await build(t);
  const { citizen, id } = await feeRequestedDossier(app, store);
  const { location } = await startVnpay(citizen, id);
  const url = new URL(location, 'http://localhost');
  const tampered = url.search.replace('vnp_Amount=15000000', 'vnp_Amount=100');
  const refused = await citizen.get(`${url.pathname}${tampered}`);
  assert.equal(refused.status, 400);
  assert.match(refused.body, /Chữ ký của đơn hàng không hợp lệ/);

  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const cancelled = await citizen.post('/sandbox/vnpay/vpcpay.html', { order: url.search.slice(1), choice: 'cancel' }, { host: `127.0.0.1:${port}` });
  assert.equal(cancelled.status, 303);
  const back = new URL(cancelled.location ?? '');
  assert.equal(back.searchParams.get('vnp_ResponseCode'), '24');
  const page = await citizen.get(`${back.pathname}${back.search}`);
  assert.match(page.body, /không thành công hoặc đã bị huỷ/);
  const state = await feeState(store, id);
  assert.equal(state.payments[0]?.status, 'failed');
  assert.equal(state.dossier.status, 'fee_requested');
});
