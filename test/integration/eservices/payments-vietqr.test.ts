import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../../helpers/build.ts';
import { parseTlv, vietQrPayload } from '../../../src/modules/eservices/payments/vietqr.ts';
import { signedIn } from './helpers.ts';
import { feeRequestedDossier, feeState, tableCounts } from './payments-helpers.ts';
import { submittedDossier } from './results-helpers.ts';

const VIETQR = { VIETQR_BANK_BIN: '970415', VIETQR_ACCOUNT: '113000006789', VIETQR_ACCOUNT_NAME: 'So Van hoa va The thao Lao Cai' };

test('VietQR: a one-time code with the dossier code as transfer note; an officer of the agency reconciles the transfer', async (t) => {
  const { app, store } = await build(t, { env: VIETQR });
  const { citizen, officer, id, code } = await feeRequestedDossier(app, store);
  // Reading the page writes nothing: no code, no payment row, until the applicant asks for one.
  const rowsBefore = await tableCounts(store);
  const offer = await citizen.get(`/ho-so/${id}/phi`);
  assert.equal(offer.status, 200);
  assert.doesNotMatch(offer.body, /data:image\/svg\+xml/);
  assert.match(offer.body, /action="\/ho-so\/\d+\/phi\/vietqr"/);
  await citizen.get(`/ho-so/${id}/phi`);
  assert.deepEqual(await tableCounts(store), rowsBefore);
  // Without the form's token the POST is refused and makes nothing.
  const forged = await citizen.post(`/ho-so/${id}/phi/vietqr`, { _csrf: 'forged' });
  assert.equal(forged.status, 403);
  assert.deepEqual(await tableCounts(store), rowsBefore);
  // Two posts at once (a double click): one code.
  const [made, again] = await Promise.all([citizen.post(`/ho-so/${id}/phi/vietqr`, {}), citizen.post(`/ho-so/${id}/phi/vietqr`, {})]);
  assert.equal(made.status, 303);
  assert.equal(again.status, 303);
  assert.equal((await store.db.selectFrom('fee_payments').select('id').execute()).length, 1);
  assert.equal(made.location, `/ho-so/${id}/phi#vietqr`);
  const page = await citizen.get(`/ho-so/${id}/phi`);
  assert.equal(page.status, 200);
  assert.match(page.body, /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
  assert.match(page.body, /113000006789/);
  assert.ok(page.body.includes(`<code>${code}</code>`));
  // The same code on a later visit and a second POST: one pending transfer per request.
  await citizen.get(`/ho-so/${id}/phi`);
  assert.equal((await citizen.post(`/ho-so/${id}/phi/vietqr`, {})).status, 303);
  let state = await feeState(store, id);
  assert.deepEqual(state.payments.map((p) => [p.method, p.status]), [['vietqr', 'pending']]);
  // The payload the QR code carries.
  const payload = vietQrPayload({ bankBin: '970415', account: '113000006789', amountVnd: 150_000, purpose: code });
  assert.equal(parseTlv(parseTlv(payload).get('62') ?? '').get('08'), code);

  // An officer of another agency: not found, nothing changed.
  const other = await store.db.selectFrom('agencies').select('id').where('code', '=', 'so-tttt-lao-cai').executeTakeFirstOrThrow();
  const writer = await store.db.selectFrom('users').select('id').where('email', '=', 'writer@laocai.example.vn').executeTakeFirstOrThrow();
  await store.db.insertInto('user_roles').values({ user_id: writer.id, role: 'officer', agency_id: other.id, granted_at: new Date().toISOString(), granted_by: null }).execute();
  const outsider = await signedIn(app, store, 'writer');
  assert.equal((await outsider.get(`/quan-tri/ho-so/${id}/phi`)).status, 404);
  const paymentId = String((await store.db.selectFrom('fee_payments').select('id').where('method', '=', 'vietqr').executeTakeFirstOrThrow()).id);
  await outsider.get('/quan-tri/ho-so');
  assert.equal((await outsider.post(`/quan-tri/ho-so/${id}/phi/doi-soat`, { payment: paymentId, bank_reference: 'FT26333123456', amount: '150000' })).status, 404);
  // The applicant cannot reach the staff page either.
  assert.equal((await citizen.get(`/quan-tri/ho-so/${id}/phi`)).status, 403);
  assert.deepEqual((await feeState(store, id)).payments.map((p) => p.status), ['pending']);

  // The agency's officer: a wrong amount and a missing reference are refused with the input kept.
  const staffPage = await officer.get(`/quan-tri/ho-so/${id}/phi`);
  assert.match(staffPage.body, /Xác nhận đã nhận tiền/);
  const wrong = await officer.post(`/quan-tri/ho-so/${id}/phi/doi-soat`, { payment: paymentId, bank_reference: '', amount: '100000' });
  assert.equal(wrong.status, 422);
  assert.match(wrong.body, /Số tiền phải đúng bằng số tiền của yêu cầu nộp phí/);
  assert.match(wrong.body, /Vui lòng nhập số tham chiếu của ngân hàng/);
  assert.match(wrong.body, /value="100000"/);
  const ok = await officer.post(`/quan-tri/ho-so/${id}/phi/doi-soat`, { payment: paymentId, bank_reference: 'FT26333123456', amount: '150.000' });
  assert.equal(ok.status, 303);
  state = await feeState(store, id);
  assert.deepEqual(state.payments.map((p) => p.status), ['paid']);
  assert.equal(state.dossier.status, 'accepted');
  assert.equal(state.receipts.length, 1);
  const audit = await store.db.selectFrom('audit_log').select(['actor_label', 'after_json']).where('action', '=', 'fee_payment.reconciled').executeTakeFirstOrThrow();
  assert.match(audit.actor_label, /officer@laocai\.example\.vn/);
  assert.match(audit.after_json ?? '', /FT26333123456/);
  // A second reconciliation of the same transfer changes nothing.
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  const twice = await officer.post(`/quan-tri/ho-so/${id}/phi/doi-soat`, { payment: paymentId, bank_reference: 'FT26333123456', amount: '150000' });
  assert.equal(twice.status, 409);
  assert.equal((await feeState(store, id)).receipts.length, 1);

  const receiptPage = await citizen.get(`/ho-so/${id}/phi`);
  assert.match(receiptPage.body, /Biên lai điện tử số 0000001/);
  assert.doesNotMatch(receiptPage.body, /data:image\/svg\+xml/);
});

test('requesting fees: only an officer of the agency, only an accepted dossier, whole quantities, at least one line', async (t) => {
  const { app, store } = await build(t);
  const { citizen, officer, id, feeId } = await feeRequestedDossier(app, store);
  // Already requested: the dossier waits for payment; a second request is a step out of order.
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  const again = await officer.post(`/quan-tri/ho-so/${id}/phi`, { [`qty_${feeId}`]: '5' });
  assert.equal(again.status, 409);
  assert.equal((await feeState(store, id)).requests.length, 1);

  // A fresh accepted dossier: validation keeps what was typed.
  const second = await submittedDossier(app, store, citizen);
  await officer.get(`/quan-tri/ho-so/${second.id}`);
  await officer.post(`/quan-tri/ho-so/${second.id}/xu-ly`, { action: 'accept' });
  const leader = await signedIn(app, store, 'leader');
  const leaderPage = await leader.get(`/quan-tri/ho-so/${second.id}/phi`);
  assert.equal(leaderPage.status, 200);
  assert.doesNotMatch(leaderPage.body, /Gửi yêu cầu nộp phí/);
  assert.equal((await leader.post(`/quan-tri/ho-so/${second.id}/phi`, { [`qty_${feeId}`]: '5' })).status, 403);
  await officer.get(`/quan-tri/ho-so/${second.id}/phi`);
  const bad = await officer.post(`/quan-tri/ho-so/${second.id}/phi`, { [`qty_${feeId}`]: '2,5', note: 'ghi chú' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Số lượng phải là số nguyên/);
  assert.match(bad.body, /value="2,5"/);
  assert.match(bad.body, /ghi chú/);
  const none = await officer.post(`/quan-tri/ho-so/${second.id}/phi`, {});
  assert.equal(none.status, 422);
  assert.match(none.body, /Nhập số lượng cho ít nhất một khoản phí/);
  const csrf = await officer.post(`/quan-tri/ho-so/${second.id}/phi`, { _csrf: 'x', [`qty_${feeId}`]: '5' });
  assert.equal(csrf.status, 403);
  assert.deepEqual((await feeState(store, second.id)).requests, []);
  assert.equal((await feeState(store, second.id)).dossier.status, 'accepted');

  // The applicant's pages before any request; another person's dossier is not found.
  assert.match((await citizen.get(`/ho-so/${second.id}/phi`)).body, /Hồ sơ chưa có yêu cầu nộp phí/);
  assert.equal((await (await signedIn(app, store, 'editor')).get(`/ho-so/${second.id}/phi`)).status, 404);
  assert.equal((await (await signedIn(app, store, 'editor')).post(`/ho-so/${id}/phi/vnpay`, {})).status, 404);
});
