import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../../helpers/build.ts';
import { feeRequestedDossier, feeState, gatewayResult, ipn, otherAgencyOfficer, startVnpay, tableCounts } from './payments-helpers.ts';
import { signedIn } from './helpers.ts';
import { submittedDossier } from './results-helpers.ts';

const VIETQR = { VIETQR_BANK_BIN: '970415', VIETQR_ACCOUNT: '113000006789' };

test('cancelling an unpaid fee line: reason required, another agency refused, codes for the old amount voided, a request with nothing left is cancelled and the dossier resumes', async (t) => {
  const { app, store, config } = await build(t, { env: VIETQR });
  const citizen = await signedIn(app, store, 'citizen');
  const officer = await signedIn(app, store, 'officer');
  const { id } = await submittedDossier(app, store, citizen);
  await officer.get(`/quan-tri/ho-so/${id}`);
  await officer.post(`/quan-tri/ho-so/${id}/xu-ly`, { action: 'accept' });
  const fees = await store.db.selectFrom('procedure_fees as f').innerJoin('procedures as p', 'p.id', 'f.procedure_id').select(['f.id', 'f.amount_vnd']).where('p.code', '=', '1.003868').execute();
  const pages = fees.find((f) => f.amount_vnd === 15_000);
  const minutes = fees.find((f) => f.amount_vnd === 27_000);
  assert.ok(pages !== undefined && minutes !== undefined);
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi`, { [`qty_${pages.id}`]: '10', [`qty_${minutes.id}`]: '5' })).status, 303);
  const lines = await store.db.selectFrom('fee_lines').select(['id', 'amount_vnd']).orderBy('id').execute();
  const pageLine = String(lines.find((l) => l.amount_vnd === 15_000)?.id);
  const minuteLine = String(lines.find((l) => l.amount_vnd === 27_000)?.id);
  assert.equal((await feeState(store, id)).requests[0]?.total_vnd, 285_000);
  // The applicant made a VietQR code for 285,000.
  await citizen.get(`/ho-so/${id}/phi`);
  await citizen.post(`/ho-so/${id}/phi/vietqr`, {});

  // An officer of another agency: not found, nothing written.
  const outsider = await otherAgencyOfficer(app, store);
  await outsider.get('/quan-tri/ho-so');
  const before = await tableCounts(store);
  assert.equal((await outsider.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line: minuteLine, reason: 'Không thu' })).status, 404);
  // A leader of the agency sees the page but may not cancel.
  const leader = await signedIn(app, store, 'leader');
  await leader.get(`/quan-tri/ho-so/${id}/phi`);
  assert.equal((await leader.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line: minuteLine, reason: 'Không thu' })).status, 403);
  // The citizen cannot reach it at all; a line of no dossier is not found.
  assert.equal((await citizen.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line: minuteLine, reason: 'x' })).status, 403);
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line: '999999', reason: 'x' })).status, 404);
  assert.deepEqual(await tableCounts(store), before);

  // No reason: a field error, the chosen line kept.
  const page = await officer.get(`/quan-tri/ho-so/${id}/phi`);
  assert.match(page.body, /Huỷ một khoản chưa nộp/);
  const noReason = await officer.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line: minuteLine, reason: '  ' });
  assert.equal(noReason.status, 422);
  assert.match(noReason.body, /Vui lòng nhập lý do\./);
  assert.match(noReason.body, new RegExp(`<option value="${minuteLine}" selected`));
  assert.deepEqual(await tableCounts(store), before);

  const ok = await officer.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line: minuteLine, reason: 'Tài liệu không có phần nghe nhìn' });
  assert.equal(ok.status, 303);
  let state = await feeState(store, id);
  assert.equal(state.requests[0]?.total_vnd, 150_000);
  assert.equal(state.requests[0]?.status, 'open');
  assert.equal(state.dossier.status, 'fee_requested');
  assert.deepEqual(state.payments.map((p) => [p.method, p.status]), [['vietqr', 'cancelled']]);
  const audit = await store.db.selectFrom('audit_log').select(['after_json', 'agency_id']).where('action', '=', 'fee_line.cancelled').executeTakeFirstOrThrow();
  assert.match(audit.after_json ?? '', /Tài liệu không có phần nghe nhìn/);
  // The applicant sees the cancelled line with its reason, and is offered a new code for the new amount.
  const fee = await citizen.get(`/ho-so/${id}/phi`);
  assert.match(fee.body, /<s>135\.000 đồng<\/s>/);
  assert.match(fee.body, /Đã huỷ: <\/strong><span>Tài liệu không có phần nghe nhìn/);
  assert.match(fee.body, /Tạo mã VietQR/);
  await citizen.post(`/ho-so/${id}/phi/vietqr`, {});
  const fresh = await store.db.selectFrom('fee_payments').select('amount_vnd').where('status', '=', 'pending').executeTakeFirstOrThrow();
  assert.equal(fresh.amount_vnd, 150_000);
  // The same line twice: a step out of order.
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line: minuteLine, reason: 'again' })).status, 409);

  // While the applicant is on the gateway's page for 150,000, the last line cannot be cancelled.
  const { fields } = await startVnpay(citizen, id);
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  const busy = await officer.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line: pageLine, reason: 'Miễn phí' });
  assert.equal(busy.status, 409);
  assert.match(busy.body, /đang thanh toán qua VNPay/);
  // Once the order has expired it can: nothing is left, the request is cancelled and the dossier resumes.
  await store.db.updateTable('fee_payments').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('method', '=', 'vnpay').execute();
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line: pageLine, reason: 'Miễn phí theo quyết định' })).status, 303);
  state = await feeState(store, id);
  assert.equal(state.requests[0]?.status, 'cancelled');
  assert.equal(state.requests[0]?.total_vnd, 0);
  assert.equal(state.dossier.status, 'accepted');
  assert.equal(state.dossier.paused_on, null);
  assert.deepEqual(state.payments.map((p) => p.status), ['cancelled', 'cancelled', 'cancelled']);
  // A late IPN for the voided order marks nothing paid.
  assert.equal((await ipn(app, gatewayResult(config, fields))).RspCode, '02');
  assert.equal((await feeState(store, id)).receipts.length, 0);
  const events = await store.db.selectFrom('dossier_events').select('action').where('dossier_id', '=', id).where('action', '=', 'fee_line_cancelled').execute();
  assert.equal(events.length, 2);
});

test('refunds: only of a paid line, never above what was paid (also in total), another agency refused; the receipt shows them', async (t) => {
  const { app, store, config } = await build(t);
  const { citizen, officer, id } = await feeRequestedDossier(app, store);
  const line = String((await store.db.selectFrom('fee_lines').select('id').executeTakeFirstOrThrow()).id);
  // Not paid yet: no refund.
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/hoan-tien`, { line, refund_amount: '1000', refund_reason: 'x' })).status, 409);
  const { fields } = await startVnpay(citizen, id);
  assert.equal((await ipn(app, gatewayResult(config, fields))).RspCode, '00');

  const outsider = await otherAgencyOfficer(app, store);
  await outsider.get('/quan-tri/ho-so');
  const before = await tableCounts(store);
  assert.equal((await outsider.post(`/quan-tri/ho-so/${id}/phi/hoan-tien`, { line, refund_amount: '1000', refund_reason: 'Nộp thừa' })).status, 404);
  assert.deepEqual(await tableCounts(store), before);

  // Above the amount paid, zero, text, no reason: field errors, what was typed kept, nothing written.
  const page = await officer.get(`/quan-tri/ho-so/${id}/phi`);
  assert.match(page.body, /Ghi nhận hoàn trả/);
  const above = await officer.post(`/quan-tri/ho-so/${id}/phi/hoan-tien`, { line, refund_amount: '150.001', refund_reason: 'Nộp thừa' });
  assert.equal(above.status, 422);
  assert.match(above.body, /không quá 150\.000 đồng/);
  assert.match(above.body, /value="150\.001"/);
  for (const amount of ['0', '-5', 'một trăm']) assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/hoan-tien`, { line, refund_amount: amount, refund_reason: 'Nộp thừa' })).status, 422);
  const noReason = await officer.post(`/quan-tri/ho-so/${id}/phi/hoan-tien`, { line, refund_amount: '1000', refund_reason: '' });
  assert.equal(noReason.status, 422);
  assert.match(noReason.body, /Vui lòng nhập lý do\./);
  assert.deepEqual(await tableCounts(store), before);

  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/hoan-tien`, { line, refund_amount: '50.000', refund_reason: 'Bản thảo chỉ có 6 trang' })).status, 303);
  // What is left is 100,000: one đồng more is refused, then the rest is accepted, then nothing more.
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  const overTotal = await officer.post(`/quan-tri/ho-so/${id}/phi/hoan-tien`, { line, refund_amount: '100001', refund_reason: 'Thêm' });
  assert.equal(overTotal.status, 422);
  assert.match(overTotal.body, /không quá 100\.000 đồng/);
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/hoan-tien`, { line, refund_amount: '100000', refund_reason: 'Không thẩm định' })).status, 303);
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/hoan-tien`, { line, refund_amount: '1', refund_reason: 'Thêm' })).status, 422);
  const refunds = await store.db.selectFrom('fee_refunds').select(['amount_vnd', 'reason']).orderBy('id').execute();
  assert.deepEqual(refunds.map((r) => r.amount_vnd), [50_000, 100_000]);
  const audits = await store.db.selectFrom('audit_log').select('after_json').where('action', '=', 'fee_refund.recorded').execute();
  assert.equal(audits.length, 2);
  assert.match(audits[0]?.after_json ?? '', /"amountVnd":50000/);
  // A paid request's line cannot be cancelled.
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/phi/huy-khoan`, { line, reason: 'x' })).status, 409);

  const receipt = (await feeState(store, id)).receipts[0];
  assert.ok(receipt !== undefined);
  const receiptPage = await citizen.get(`/ho-so/${id}/bien-lai/${receipt.id}`);
  assert.equal(receiptPage.status, 200);
  assert.match(receiptPage.body, /hoàn trả 50\.000 đồng của khoản/);
  assert.match(receiptPage.body, /Bản thảo chỉ có 6 trang/);
  assert.match(receiptPage.body, /Đã hoàn trả 150\.000 đồng; số thu còn lại 0 đồng\./);
  const pdf = await citizen.get(`/ho-so/${id}/bien-lai/${receipt.id}.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
});
