/**
 * Payment benchmark: VNPay IPN handling in process (signature check, order lookup, and for a
 * success the whole confirmation: request and attempt paid, receipt numbered under its lock,
 * dossier resumed, event, audit entry and e-mail, one transaction each). Then an officer's querydr
 * for payments whose IPN never came, against a gateway answering over HTTP in this process (signed
 * request, signed answer checked, the same confirmation, the query recorded and audited), printed
 * beside the IPN confirmations of the same run as the baseline.
 *
 *   npx tsx bench/eservices-payments.ts [--payments 2000] [--database URL]
 *
 * With BENCH_SCALE=small (set by `npm run bench`) 300 payments are confirmed.
 * DATABASE: a SQLite file path (default: a temporary file) or a postgres:// URL of an EMPTY database.
 * Prints confirmations per second with p50/p95, forged IPNs refused per second, and checks that
 * every confirmed payment has exactly one receipt and receipt numbers have no gap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { systemActor } from '../src/platform/audit/audit.ts';
import { loadWorkingCalendar } from '../src/platform/calendar/queries.ts';
import { createDb } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { handleIpn } from '../src/modules/eservices/payments/handle-ipn.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { queryPayment } from '../src/modules/eservices/payments/query-payment.ts';
import { pipeVerify, QUERYDR_REQUEST_SIGNED, signedQuery, signQueryDrAnswer, vnpDate, vnpFields } from '../src/modules/eservices/payments/vnpay.ts';

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number): number => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { payments: { type: 'string' }, database: { type: 'string' } } });
  const count = Number(values.payments ?? (process.env.BENCH_SCALE === 'small' ? 300 : 2_000));
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-bench-'));
  const url = values.database ?? path.join(dir, 'bench.sqlite');
  const store = createDb(url.startsWith('postgres') ? { kind: 'postgres', url } : { kind: 'sqlite', file: url });
  const vnpay = { tmnCode: 'BENCH001', hashSecret: 'BENCHSECRETBENCHSECRET0123456789', url: null, sandbox: true, sandboxIpnUrl: null, apiUrl: null };
  try {
    await migrateToLatest(store.db);
    const db = store.db;
    const at = new Date().toISOString();
    const agency = await db.insertInto('agencies').values({ code: 'so-vhtt-lao-cai', kind: 'department', created_at: at }).returning('id').executeTakeFirstOrThrow();
    const user = await db.insertInto('users').values({ email: 'bench@example.vn', password_hash: 'x', full_name: 'Bench', account_type: 'citizen', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const procedure = await db
      .insertInto('procedures')
      .values({ code: '1.003868', national_code: '1.003868', name_vi: 'Cấp giấy phép xuất bản tài liệu không kinh doanh', name_en: 'Licence', field: 'publishing', applicants_vi: '', applicants_en: '', steps_vi: '', steps_en: '', processing_days: 10, result_vi: '', result_en: '', legal_basis: '', form_json: '{}', search_text: '', created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refs: string[] = [];
    const queried = Math.min(count, 300);
    for (let i = 0; i < count + queried; i++) {
      const dossier = await db
        .insertInto('dossiers')
        .values({ code: `000.00.01.H15-261129-${String(i).padStart(4, '0')}`, procedure_id: procedure.id, agency_id: agency.id, applicant_id: user.id, status: 'fee_requested', national_status: 6, channel: 2, applicant_name: 'Hoàng Văn Đạt', applicant_phone: '', applicant_email: '', summary: '', form_json: '{}', received_on: '2026-11-27', due_on: '2026-12-11', paused_on: '2026-11-30', resume_status: 'accepted', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      const request = await db.insertInto('fee_requests').values({ dossier_id: dossier.id, agency_id: agency.id, total_vnd: 150_000, status: 'open', note: null, requested_by: user.id, requested_at: at, paid_at: null }).returning('id').executeTakeFirstOrThrow();
      const ref = `VP${request.id}XBENCH${i}`;
      await db.insertInto('fee_payments').values({ fee_request_id: request.id, method: 'vnpay', txn_ref: ref, amount_vnd: 150_000, status: 'pending', created_at: at, expires_at: null, paid_at: null, response_code: null, gateway_txn_no: null, bank_code: null, bank_reference: null, confirmed_by: null }).execute();
      refs.push(ref);
    }
    const ctx = { calendar: await loadWorkingCalendar(db), today: '2026-12-01', trackUrl: 'http://localhost:3000/tra-cuu' };
    const actor = systemActor('vnpay-ipn');
    const answer = (ref: string, secret = vnpay.hashSecret) =>
      vnpFields(signedQuery({ vnp_TmnCode: vnpay.tmnCode, vnp_Amount: '15000000', vnp_TxnRef: ref, vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TransactionNo: '1', vnp_PayDate: vnpDate(new Date()) }, secret));

    const queryRefs = refs.splice(count);
    const times: number[] = [];
    const t0 = performance.now();
    for (const ref of refs) {
      const s = performance.now();
      const res = await handleIpn(db, actor, vnpay, answer(ref), ctx);
      times.push(performance.now() - s);
      if (res.RspCode !== '00') throw new Error(`${ref}: ${res.RspCode}`);
    }
    const perSecond = count / ((performance.now() - t0) / 1000);
    times.sort((a, b) => a - b);

    const forged = Math.min(count, 500);
    const t1 = performance.now();
    for (let i = 0; i < forged; i++) {
      const res = await handleIpn(db, actor, vnpay, answer(refs[i] ?? '', 'forged-secret-forged-secret-0000'), ctx);
      if (res.RspCode !== '97') throw new Error(`forged IPN answered ${res.RspCode}`);
    }
    const forgedPerSecond = forged / ((performance.now() - t1) / 1000);

    // querydr: a gateway in this process answers every query for the order as paid, signed.
    const gateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
        const ok = pipeVerify(body, QUERYDR_REQUEST_SIGNED, vnpay.hashSecret);
        const answer = signQueryDrAnswer(
          { vnp_ResponseId: body.vnp_RequestId ?? '', vnp_Command: 'querydr', vnp_ResponseCode: ok ? '00' : '97', vnp_Message: ok ? 'QueryDR Success' : 'Invalid Checksum', vnp_TmnCode: vnpay.tmnCode, vnp_TxnRef: body.vnp_TxnRef ?? '', vnp_Amount: '15000000', vnp_BankCode: 'NCB', vnp_PayDate: vnpDate(new Date()), vnp_TransactionNo: '1', vnp_TransactionType: '01', vnp_TransactionStatus: '00', vnp_OrderInfo: body.vnp_OrderInfo ?? '', vnp_PromotionCode: '', vnp_PromotionAmount: '' },
          vnpay.hashSecret,
        );
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const apiUrl = new URL(`http://127.0.0.1:${(gateway.address() as AddressInfo).port}/merchant_webapi/api/transaction`);
    const officer = { id: user.id, email: 'bench@example.vn', fullName: 'Bench', accountType: 'staff' as const, roles: [{ role: 'officer' as const, agencyId: agency.id }], totpEnabled: false, emailVerified: true };
    const queryTimes: number[] = [];
    const t2 = performance.now();
    for (const ref of queryRefs) {
      const payment = await db.selectFrom('fee_payments').selectAll().where('txn_ref', '=', ref).executeTakeFirstOrThrow();
      const request = await db.selectFrom('fee_requests').selectAll().where('id', '=', payment.fee_request_id).executeTakeFirstOrThrow();
      const s = performance.now();
      const outcome = await queryPayment(db, systemActor('bench-officer'), officer, request, payment, { apiUrl, vnpay, ipAddr: '127.0.0.1' }, ctx);
      queryTimes.push(performance.now() - s);
      if (outcome !== 'paid') throw new Error(`${ref}: querydr ${outcome}`);
    }
    const queriesPerSecond = queried / ((performance.now() - t2) / 1000);
    queryTimes.sort((a, b) => a - b);
    gateway.close();
    console.log(
      `payments (${store.dialect}): ${queried} querydr reconciliations over HTTP: ${Math.round(queriesPerSecond)}/s, p50 ${round(percentile(queryTimes, 50))} ms, p95 ${round(percentile(queryTimes, 95))} ms; baseline, IPN confirmations of this run: ${Math.round(perSecond)}/s, p95 ${round(percentile(times, 95))} ms`,
    );

    const receipts = await db.selectFrom('fee_receipts').select(['seq']).orderBy('seq').execute();
    const paid = await db.selectFrom('fee_payments').select('id').where('status', '=', 'paid').execute();
    const gapless = receipts.every((r, i) => r.seq === i + 1);
    console.log(`payments (${store.dialect}): ${count} IPN confirmations: ${Math.round(perSecond)}/s, p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms; forged IPNs refused (97, audited): ${Math.round(forgedPerSecond)}/s`);
    console.log(`payments: ${paid.length} paid, ${receipts.length} receipts, numbers ${gapless ? 'without gaps' : 'WITH GAPS'}`);
    if (paid.length !== count + queried || receipts.length !== count + queried || !gapless) process.exitCode = 1;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
