/**
 * A stand-in for the VNPay gateway inside congso, for the demo and the tests: it speaks the same
 * protocol. It checks the merchant's signed order, shows it with "pay" and "cancel", then does what
 * the gateway does: records the transaction, calls the merchant's IPN server to server with the
 * signed result, and sends the browser to the return URL with the same signed fields. It answers
 * querydr (the merchant's transaction query, a signed JSON POST) from what it recorded. No money
 * moves; never enable it on a real site.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { IPN_PATH, SANDBOX_API_PATH, SANDBOX_PATH } from './payment-routes.ts';
import { SandboxPayPage, type SandboxOrder } from './sandbox-pages.tsx';
import { parseVnpDate, pipeVerify, QUERYDR_CODES, QUERYDR_REQUEST_SIGNED, signedQuery, signQueryDrAnswer, vnpDate, vnpFields, vnpVerify, VNPAY_VERSION } from './vnpay.ts';

type Checked = { order: SandboxOrder; fields: Record<string, string> } | { error: 'sandbox.error_signature' | 'sandbox.error_expired' | 'sandbox.error_order' | 'sandbox.error_processed' };

export function registerSandboxGateway(app: FastifyInstance): void {
  const { config, store } = app.deps;
  const db = store.db;
  const { tmnCode, hashSecret } = config.vnpay;

  function check(rawQuery: string, now: Date): Checked {
    const fields = vnpFields(rawQuery);
    if (!vnpVerify(fields, hashSecret) || fields.vnp_TmnCode !== tmnCode) return { error: 'sandbox.error_signature' };
    const amount = fields.vnp_Amount ?? '';
    const expires = parseVnpDate(fields.vnp_ExpireDate ?? '');
    let returnUrl: URL | undefined;
    try {
      returnUrl = new URL(fields.vnp_ReturnUrl ?? '');
    } catch {
      returnUrl = undefined;
    }
    if (fields.vnp_Version !== VNPAY_VERSION || fields.vnp_Command !== 'pay' || fields.vnp_CurrCode !== 'VND' || !/^\d{3,18}$/.test(amount) || !amount.endsWith('00') || (fields.vnp_TxnRef ?? '') === '' || returnUrl === undefined || !['http:', 'https:'].includes(returnUrl.protocol)) {
      return { error: 'sandbox.error_order' };
    }
    if (expires === undefined || expires.getTime() < now.getTime()) return { error: 'sandbox.error_expired' };
    const expiresAt = `${fields.vnp_ExpireDate?.slice(8, 10)}:${fields.vnp_ExpireDate?.slice(10, 12)} ${fields.vnp_ExpireDate?.slice(6, 8)}/${fields.vnp_ExpireDate?.slice(4, 6)}/${fields.vnp_ExpireDate?.slice(0, 4)}`;
    return { fields, order: { tmnCode, txnRef: fields.vnp_TxnRef ?? '', amountVnd: Number(amount) / 100, orderInfo: fields.vnp_OrderInfo ?? '', expiresAt } };
  }

  /** The merchant's IPN address: configured, else the origin the browser reached the sandbox at. */
  const ipnUrl = (request: FastifyRequest): string => (config.vnpay.sandboxIpnUrl ?? new URL(IPN_PATH, `${request.protocol}://${request.host}`)).toString();

  app.get(SANDBOX_PATH, async (request, reply) => {
    const rawQuery = request.raw.url?.split('?')[1] ?? '';
    const checked = check(rawQuery, new Date());
    const ctx = await viewContext(request);
    if ('error' in checked) return sendHtml(reply, SandboxPayPage({ ctx, order: undefined, query: '', error: request.t(checked.error) }), 400);
    const done = await db.selectFrom('sandbox_vnpay_transactions').select('id').where('tmn_code', '=', tmnCode).where('txn_ref', '=', checked.order.txnRef).executeTakeFirst();
    if (done !== undefined) return sendHtml(reply, SandboxPayPage({ ctx, order: undefined, query: '', error: request.t('sandbox.error_processed') }), 409);
    return sendHtml(reply.header('cache-control', 'no-store'), SandboxPayPage({ ctx, order: checked.order, query: rawQuery }));
  });

  app.post<{ Body: FormValues }>(SANDBOX_PATH, async (request, reply) => {
    const body = request.body ?? {};
    const rawQuery = field(body, 'order').slice(0, 8000);
    const now = new Date();
    const checked = check(rawQuery, now);
    if ('error' in checked) {
      return sendHtml(reply, SandboxPayPage({ ctx: await viewContext(request), order: undefined, query: '', error: request.t(checked.error) }), 400);
    }
    const paid = field(body, 'choice') === 'pay';
    const f = checked.fields;
    // The fields VNPay sends back (IPN and return URL alike). 24: the customer cancelled.
    const result: Record<string, string> = {
      vnp_TmnCode: tmnCode,
      vnp_Amount: f.vnp_Amount ?? '',
      vnp_TxnRef: f.vnp_TxnRef ?? '',
      vnp_OrderInfo: f.vnp_OrderInfo ?? '',
      vnp_BankCode: 'NCB',
      vnp_CardType: 'ATM',
      vnp_PayDate: vnpDate(now),
      vnp_TransactionNo: paid ? String(randomInt(10_000_000, 99_999_999)) : '0',
      vnp_ResponseCode: paid ? '00' : '24',
      vnp_TransactionStatus: paid ? '00' : '02',
      ...(paid ? { vnp_BankTranNo: `NCB${vnpDate(now)}` } : {}),
    };
    // One result per order, as at the gateway: a second submission of the same order is refused.
    const recorded = await db
      .insertInto('sandbox_vnpay_transactions')
      .values({
        tmn_code: tmnCode,
        txn_ref: result.vnp_TxnRef ?? '',
        create_date: f.vnp_CreateDate ?? '',
        amount: result.vnp_Amount ?? '',
        order_info: result.vnp_OrderInfo ?? '',
        transaction_no: result.vnp_TransactionNo ?? '',
        response_code: result.vnp_ResponseCode ?? '',
        transaction_status: result.vnp_TransactionStatus ?? '',
        bank_code: result.vnp_BankCode ?? '',
        pay_date: result.vnp_PayDate ?? '',
        created_at: nowIso(),
      })
      .onConflict((oc) => oc.columns(['tmn_code', 'txn_ref']).doNothing())
      .executeTakeFirst();
    if (Number(recorded.numInsertedOrUpdatedRows ?? 0n) === 0) {
      return sendHtml(reply, SandboxPayPage({ ctx: await viewContext(request), order: undefined, query: '', error: request.t('sandbox.error_processed') }), 409);
    }
    const query = signedQuery(result, hashSecret);
    try {
      const res = await fetch(`${ipnUrl(request)}?${query}`, { signal: AbortSignal.timeout(10_000) });
      const answer = (await res.json()) as { RspCode?: string };
      request.log.info({ txnRef: result.vnp_TxnRef, rspCode: answer.RspCode }, 'sandbox gateway: IPN answered');
    } catch (err) {
      // The real gateway retries later; the return page then shows the payment as awaiting confirmation.
      request.log.warn({ err, txnRef: result.vnp_TxnRef }, 'sandbox gateway: IPN not delivered');
    }
    return reply.redirect(`${f.vnp_ReturnUrl ?? '/'}${(f.vnp_ReturnUrl ?? '').includes('?') ? '&' : '?'}${query}`, 303);
  });

  // querydr: the merchant asks for the result of a transaction (protocol 2.1.0 merchant web API).
  app.post(SANDBOX_API_PATH, async (request, reply) => {
    const raw = request.body;
    const body: Record<string, string> = {};
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === 'string') body[k] = v.slice(0, 300);
    }
    const answer = (code: string, message: string, extra: Record<string, string> = {}) =>
      reply.header('cache-control', 'no-store').send(
        signQueryDrAnswer({ vnp_ResponseId: randomBytes(8).toString('hex'), vnp_Command: 'querydr', vnp_ResponseCode: code, vnp_Message: message, vnp_TmnCode: body.vnp_TmnCode ?? '', vnp_TxnRef: body.vnp_TxnRef ?? '', ...extra }, hashSecret),
      );
    if (!pipeVerify(body, QUERYDR_REQUEST_SIGNED, hashSecret)) return answer(QUERYDR_CODES.invalidSignature, 'Invalid Checksum');
    if (body.vnp_TmnCode !== tmnCode) return answer(QUERYDR_CODES.invalidMerchant, 'Merchant is not valid');
    const wellFormed =
      body.vnp_Version === VNPAY_VERSION && body.vnp_Command === 'querydr' && /^[\w-]{1,32}$/.test(body.vnp_RequestId ?? '') && (body.vnp_TxnRef ?? '') !== '' && parseVnpDate(body.vnp_TransactionDate ?? '') !== undefined && parseVnpDate(body.vnp_CreateDate ?? '') !== undefined;
    if (!wellFormed) return answer(QUERYDR_CODES.invalidData, 'Invalid data format');
    const txn = await db.selectFrom('sandbox_vnpay_transactions').selectAll().where('tmn_code', '=', tmnCode).where('txn_ref', '=', body.vnp_TxnRef ?? '').executeTakeFirst();
    if (txn === undefined || txn.create_date !== body.vnp_TransactionDate) return answer(QUERYDR_CODES.notFound, 'Transaction not found');
    return answer(QUERYDR_CODES.ok, 'QueryDR Success', {
      vnp_Amount: txn.amount,
      vnp_BankCode: txn.bank_code,
      vnp_PayDate: txn.pay_date,
      vnp_TransactionNo: txn.transaction_no,
      // 01: a payment (02 would be a full refund, 03 a partial one).
      vnp_TransactionType: '01',
      vnp_TransactionStatus: txn.transaction_status,
      vnp_OrderInfo: txn.order_info,
      vnp_PromotionCode: '',
      vnp_PromotionAmount: '',
    });
  });
}
