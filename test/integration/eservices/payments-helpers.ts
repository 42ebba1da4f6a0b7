/** Helpers of the payment tests: a dossier whose fees were requested, and signed VNPay callbacks. */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../src/config/index.ts';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { signedQuery, vnpDate, vnpFields } from '../../../src/modules/eservices/payments/vnpay.ts';
import type { Client } from '../../helpers/client.ts';
import { signedIn } from './helpers.ts';
import { submittedDossier } from './results-helpers.ts';

/** A publishing-licence dossier accepted, with fees requested: 10 standard pages × 15,000 = 150,000 VND. */
export async function feeRequestedDossier(app: FastifyInstance, store: DbHandle): Promise<{ citizen: Client; officer: Client; id: number; code: string; feeId: number }> {
  const citizen = await signedIn(app, store, 'citizen');
  const officer = await signedIn(app, store, 'officer');
  const { id, code } = await submittedDossier(app, store, citizen);
  await officer.get(`/quan-tri/ho-so/${id}`);
  const accepted = await officer.post(`/quan-tri/ho-so/${id}/xu-ly`, { action: 'accept' });
  if (accepted.status !== 303) throw new Error(`accept: ${accepted.status}`);
  const fee = await store.db
    .selectFrom('procedure_fees as f')
    .innerJoin('procedures as p', 'p.id', 'f.procedure_id')
    .select(['f.id', 'f.amount_vnd'])
    .where('p.code', '=', '1.003868')
    .where('f.amount_vnd', '=', 15_000)
    .executeTakeFirstOrThrow();
  await officer.get(`/quan-tri/ho-so/${id}/phi`);
  const res = await officer.post(`/quan-tri/ho-so/${id}/phi`, { [`qty_${fee.id}`]: '10', note: 'Bản thảo 10 trang tiêu chuẩn' });
  if (res.status !== 303) throw new Error(`request fees: ${res.status}`);
  return { citizen, officer, id, code, feeId: fee.id };
}

/** Starts a VNPay payment as the applicant; returns the gateway URL's signed fields. */
export async function startVnpay(citizen: Client, id: number): Promise<{ location: string; fields: Record<string, string> }> {
  await citizen.get(`/ho-so/${id}/phi`);
  const res = await citizen.post(`/ho-so/${id}/phi/vnpay`, {});
  if (res.status !== 303 || res.location === undefined) throw new Error(`start payment: ${res.status}`);
  return { location: res.location, fields: vnpFields(new URL(res.location, 'http://localhost').search.slice(1)) };
}

/** The gateway's answer for an order, signed with `secret` (the merchant's by default). */
export function gatewayResult(config: Config, order: Record<string, string>, overrides: Record<string, string> = {}, secret = config.vnpay.hashSecret): string {
  const fields: Record<string, string> = {
    vnp_TmnCode: config.vnpay.tmnCode,
    vnp_Amount: order.vnp_Amount ?? '',
    vnp_TxnRef: order.vnp_TxnRef ?? '',
    vnp_OrderInfo: order.vnp_OrderInfo ?? '',
    vnp_BankCode: 'NCB',
    vnp_PayDate: vnpDate(new Date()),
    vnp_TransactionNo: '14123456',
    vnp_ResponseCode: '00',
    vnp_TransactionStatus: '00',
    ...overrides,
  };
  return signedQuery(fields, secret);
}

export async function ipn(app: FastifyInstance, query: string): Promise<{ RspCode: string; Message: string }> {
  const res = await app.inject({ method: 'GET', url: `/thanh-toan/vnpay/ipn?${query}` });
  if (res.statusCode !== 200) throw new Error(`IPN answered HTTP ${res.statusCode}`);
  return res.json();
}

export async function feeState(store: DbHandle, dossierId: number) {
  const dossier = await store.db.selectFrom('dossiers').select(['status', 'national_status', 'due_on', 'paused_on']).where('id', '=', dossierId).executeTakeFirstOrThrow();
  const requests = await store.db.selectFrom('fee_requests').select(['id', 'status', 'total_vnd']).where('dossier_id', '=', dossierId).execute();
  const ids = requests.map((r) => r.id);
  const payments = ids.length === 0 ? [] : await store.db.selectFrom('fee_payments').select(['txn_ref', 'status', 'method']).where('fee_request_id', 'in', ids).orderBy('id').execute();
  const receipts = ids.length === 0 ? [] : await store.db.selectFrom('fee_receipts').select(['id', 'number', 'total_vnd']).where('fee_request_id', 'in', ids).execute();
  return { dossier, requests, payments, receipts };
}

/** Rows of every table a fee page could write to (payments, audit, mail, events). */
export async function tableCounts(store: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['fee_requests', 'fee_lines', 'fee_payments', 'fee_receipts', 'fee_refunds', 'fee_payment_queries', 'audit_log', 'mail_outbox', 'dossier_events'] as const) {
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** The writer of the demo made an officer of another agency (the former department of information and communications). */
export async function otherAgencyOfficer(app: FastifyInstance, store: DbHandle): Promise<Client> {
  const other = await store.db.selectFrom('agencies').select('id').where('code', '=', 'so-tttt-lao-cai').executeTakeFirstOrThrow();
  const writer = await store.db.selectFrom('users').select('id').where('email', '=', 'writer@laocai.example.vn').executeTakeFirstOrThrow();
  await store.db.insertInto('user_roles').values({ user_id: writer.id, role: 'officer', agency_id: other.id, granted_at: new Date().toISOString(), granted_by: null }).execute();
  return signedIn(app, store, 'writer');
}
