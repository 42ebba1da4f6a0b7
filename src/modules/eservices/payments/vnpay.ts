/**
 * The VNPay payment gateway protocol, version 2.1.0 (merchant side and the checks our sandbox uses).
 *
 * A request or a callback is a set of `vnp_*` fields. The signature is HMAC-SHA512, keyed with the
 * merchant's hash secret, over the fields sorted by name and joined as `name=value&…` with names and
 * values URL-encoded the way VNPay's merchant samples do (PHP `urlencode`: spaces as `+`, every
 * character but letters, digits and `-_.` percent-encoded), written as hex. The fields `vnp_SecureHash`
 * and `vnp_SecureHashType` are not signed. Amounts are in VND times 100; dates are `yyyyMMddHHmmss`
 * in Viet Nam time (GMT+7). Source: VNPay's integration guide for Pay 2.1.0 and its merchant samples.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const VNPAY_VERSION = '2.1.0';

/** Answers to an IPN call (RspCode) as the protocol defines them. */
export const IPN_ANSWERS = {
  ok: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknown: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnAnswer = (typeof IPN_ANSWERS)[keyof typeof IPN_ANSWERS];

/** PHP urlencode: RFC 3986 unreserved except `~`, spaces as `+`. */
export function vnpEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** The signed text: the `vnp_*` fields except the hash ones, sorted, encoded, joined. */
export function signedText(fields: Readonly<Record<string, string>>): string {
  return Object.keys(fields)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && fields[k] !== '')
    .sort()
    .map((k) => `${vnpEncode(k)}=${vnpEncode(fields[k] ?? '')}`)
    .join('&');
}

export const vnpSign = (fields: Readonly<Record<string, string>>, secret: string): string => createHmac('sha512', secret).update(signedText(fields), 'utf8').digest('hex');

/** The fields with their signature, as a query string. */
export function signedQuery(fields: Readonly<Record<string, string>>, secret: string): string {
  return `${signedText(fields)}&vnp_SecureHash=${vnpSign(fields, secret)}`;
}

/** Checks the signature of received fields in constant time. */
export function vnpVerify(fields: Readonly<Record<string, string>>, secret: string): boolean {
  const given = (fields.vnp_SecureHash ?? '').toLowerCase();
  if (!/^[0-9a-f]{128}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(vnpSign(fields, secret), 'hex'), Buffer.from(given, 'hex'));
}

/** `yyyyMMddHHmmss` in Viet Nam time (GMT+7, no daylight saving). */
export function vnpDate(at: Date): string {
  const v = new Date(at.getTime() + 7 * 3600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(v.getUTCFullYear(), 4)}${p(v.getUTCMonth() + 1)}${p(v.getUTCDate())}${p(v.getUTCHours())}${p(v.getUTCMinutes())}${p(v.getUTCSeconds())}`;
}

/** Reads a `yyyyMMddHHmmss` Viet Nam time back; undefined if malformed. */
export function parseVnpDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h - 7, mi, s));
  return Number.isNaN(at.getTime()) || vnpDate(at) !== text ? undefined : at;
}

/** Removes diacritics and characters VNPay asks merchants to keep out of vnp_OrderInfo. */
export function orderInfoText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .\-:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

export interface PaymentRequest {
  readonly gatewayUrl: string;
  readonly tmnCode: string;
  readonly secret: string;
  readonly txnRef: string;
  readonly amountVnd: number;
  readonly orderInfo: string;
  readonly returnUrl: string;
  readonly ipAddr: string;
  readonly locale: 'vn' | 'en';
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** The fields of a `pay` command (before signing). */
export function paymentFields(r: PaymentRequest): Record<string, string> {
  return {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: r.tmnCode,
    vnp_Amount: String(Math.round(r.amountVnd) * 100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: r.txnRef,
    vnp_OrderInfo: orderInfoText(r.orderInfo),
    // "other": the order type for goods and services outside VNPay's listed categories.
    vnp_OrderType: 'other',
    vnp_Locale: r.locale,
    vnp_ReturnUrl: r.returnUrl,
    vnp_IpAddr: r.ipAddr,
    vnp_CreateDate: vnpDate(r.createdAt),
    vnp_ExpireDate: vnpDate(r.expiresAt),
  };
}

/** The address the applicant's browser is sent to. */
export const paymentUrl = (r: PaymentRequest): string => `${r.gatewayUrl}?${signedQuery(paymentFields(r), r.secret)}`;

/** The `vnp_*` fields of a query string, decoded as URLSearchParams does (`+` is a space); the first of repeated names. */
export function vnpFields(rawQuery: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(rawQuery)) if (k.startsWith('vnp_') && !(k in out)) out[k] = v;
  return out;
}

// ---- querydr: the merchant asks the gateway for the result of a transaction (merchant web API).
//
// A JSON POST to the gateway's `merchant_webapi/api/transaction`. Unlike the payment URL, its
// signature is HMAC-SHA512 over the values joined by `|` in a fixed order (empty for an absent
// value), request and answer each with their own list. Source: VNPay's API documentation for
// "querydr" 2.1.0 and the `vnpay` library that implements it (lehuygiang28/vnpay, MIT).

export const QUERYDR_PATH = '/merchant_webapi/api/transaction';

/** Fields of the request, in the order they are signed. */
export const QUERYDR_REQUEST_SIGNED = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'] as const;
/** Fields of the answer, in the order they are signed. */
export const QUERYDR_RESPONSE_SIGNED = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
] as const;

/** vnp_ResponseCode of a querydr answer (about the query itself, not the transaction). */
export const QUERYDR_CODES = { ok: '00', invalidMerchant: '02', invalidData: '03', notFound: '91', duplicate: '94', invalidSignature: '97', other: '99' } as const;

/** The values named by `names`, joined by `|` (an absent value counts as empty). */
export const pipeText = (fields: Readonly<Record<string, unknown>>, names: readonly string[]): string =>
  names.map((n) => (fields[n] === undefined || fields[n] === null ? '' : String(fields[n]))).join('|');

export const pipeSign = (fields: Readonly<Record<string, unknown>>, names: readonly string[], secret: string): string => createHmac('sha512', secret).update(pipeText(fields, names), 'utf8').digest('hex');

/** Checks a pipe-signed message (request or answer) in constant time. */
export function pipeVerify(fields: Readonly<Record<string, unknown>>, names: readonly string[], secret: string): boolean {
  const given = typeof fields.vnp_SecureHash === 'string' ? fields.vnp_SecureHash.toLowerCase() : '';
  if (!/^[0-9a-f]{128}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(pipeSign(fields, names, secret), 'hex'), Buffer.from(given, 'hex'));
}

export interface QueryDrRequest {
  readonly tmnCode: string;
  readonly secret: string;
  readonly requestId: string;
  readonly txnRef: string;
  /** When the payment was created (its vnp_CreateDate). */
  readonly transactionDate: Date;
  readonly createdAt: Date;
  readonly ipAddr: string;
  readonly orderInfo: string;
}

/** The signed JSON body of a querydr request. */
export function queryDrBody(r: QueryDrRequest): Record<string, string> {
  const fields: Record<string, string> = {
    vnp_RequestId: r.requestId,
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'querydr',
    vnp_TmnCode: r.tmnCode,
    vnp_TxnRef: r.txnRef,
    vnp_OrderInfo: orderInfoText(r.orderInfo),
    vnp_TransactionDate: vnpDate(r.transactionDate),
    vnp_CreateDate: vnpDate(r.createdAt),
    vnp_IpAddr: r.ipAddr,
  };
  return { ...fields, vnp_SecureHash: pipeSign(fields, QUERYDR_REQUEST_SIGNED, r.secret) };
}

/** Signs a querydr answer (the gateway's side: our sandbox). */
export function signQueryDrAnswer(fields: Readonly<Record<string, string>>, secret: string): Record<string, string> {
  return { ...fields, vnp_SecureHash: pipeSign(fields, QUERYDR_RESPONSE_SIGNED, secret) };
}
