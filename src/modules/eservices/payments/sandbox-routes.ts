/**
 * A stand-in for the VNPay gateway inside congso, for the demo and the tests: it speaks the same
 * protocol. It checks the merchant's signed order, shows it with "pay" and "cancel", then does what
 * the gateway does: calls the merchant's IPN server to server with the signed result, and sends the
 * browser to the return URL with the same signed fields. No money moves; never enable it on a real site.
 */
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { IPN_PATH, SANDBOX_PATH } from './payment-routes.ts';
import { SandboxPayPage, type SandboxOrder } from './sandbox-pages.tsx';
import { parseVnpDate, signedQuery, vnpDate, vnpFields, vnpVerify, VNPAY_VERSION } from './vnpay.ts';

type Checked = { order: SandboxOrder; fields: Record<string, string> } | { error: 'sandbox.error_signature' | 'sandbox.error_expired' | 'sandbox.error_order' };

export function registerSandboxGateway(app: FastifyInstance): void {
  const { config } = app.deps;
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
}
