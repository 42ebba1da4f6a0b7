/** Tables owned by the payments part of e-services (migrations 2026-11-29-0080, -0135). */
import type { Generated } from 'kysely';

/** `cancelled`: every line was cancelled before payment; nothing is owed. */
export type FeeRequestStatus = 'open' | 'paid' | 'cancelled';
export type PaymentMethod = 'vnpay' | 'vietqr';
/** `cancelled`: an attempt voided because the amount asked changed (a line was cancelled). */
export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled';

export interface FeeRequestsTable {
  id: Generated<number>;
  dossier_id: number;
  agency_id: number;
  total_vnd: number;
  status: FeeRequestStatus;
  note: string | null;
  requested_by: number;
  requested_at: string;
  paid_at: string | null;
}

export interface FeeLinesTable {
  id: Generated<number>;
  fee_request_id: number;
  procedure_fee_id: number | null;
  label_vi: string;
  label_en: string;
  unit_vi: string;
  unit_en: string;
  amount_vnd: number;
  quantity: number;
  total_vnd: number;
  legal_basis: string;
  sort_order: number;
  /** Set when an officer cancelled the line before it was paid. */
  cancelled_at: string | null;
  cancelled_by: number | null;
  cancel_reason: string | null;
}

export interface FeePaymentsTable {
  id: Generated<number>;
  fee_request_id: number;
  method: PaymentMethod;
  txn_ref: string;
  amount_vnd: number;
  status: PaymentStatus;
  created_at: string;
  expires_at: string | null;
  paid_at: string | null;
  /** vnp_ResponseCode of the IPN. */
  response_code: string | null;
  /** vnp_TransactionNo of the gateway. */
  gateway_txn_no: string | null;
  bank_code: string | null;
  /** The bank's reference of a transfer (VietQR, typed by the reconciling officer) or vnp_BankTranNo. */
  bank_reference: string | null;
  /** The officer who reconciled a transfer; null for a payment confirmed by the gateway. */
  confirmed_by: number | null;
}

export interface FeeReceiptsTable {
  id: Generated<number>;
  fee_request_id: number;
  payment_id: number;
  agency_id: number;
  year: number;
  seq: number;
  number: string;
  issued_on: string;
  payer_name: string;
  total_vnd: number;
  created_at: string;
}

/** A refund of (part of) a paid line, recorded by an officer of the collecting agency. */
export interface FeeRefundsTable {
  id: Generated<number>;
  fee_request_id: number;
  fee_line_id: number;
  agency_id: number;
  amount_vnd: number;
  reason: string;
  refunded_on: string;
  recorded_by: number;
  created_at: string;
}

/** A querydr an officer made for a VNPay attempt, and what came of it. */
export const QUERY_OUTCOMES = ['paid', 'failed', 'unchanged', 'bad_signature', 'mismatch', 'not_found', 'gateway_error', 'unreachable'] as const;
export type QueryOutcome = (typeof QUERY_OUTCOMES)[number];

export interface FeePaymentQueriesTable {
  id: Generated<number>;
  payment_id: number;
  /** vnp_RequestId sent. */
  request_id: string;
  queried_by: number;
  queried_at: string;
  response_code: string | null;
  transaction_status: string | null;
  /** vnp_Amount of the answer, in VND (÷100), when it was a number. */
  amount_vnd: number | null;
  gateway_txn_no: string | null;
  signature_valid: number;
  outcome: QueryOutcome;
}

/** What the in-project sandbox gateway processed (to answer querydr). */
export interface SandboxVnpayTransactionsTable {
  id: Generated<number>;
  tmn_code: string;
  txn_ref: string;
  /** vnp_CreateDate of the order, which querydr names as vnp_TransactionDate. */
  create_date: string;
  /** vnp_Amount (VND × 100) as sent. */
  amount: string;
  order_info: string;
  transaction_no: string;
  response_code: string;
  transaction_status: string;
  bank_code: string;
  pay_date: string;
  created_at: string;
}

export interface PaymentsTables {
  fee_requests: FeeRequestsTable;
  fee_lines: FeeLinesTable;
  fee_payments: FeePaymentsTable;
  fee_receipts: FeeReceiptsTable;
  fee_refunds: FeeRefundsTable;
  fee_payment_queries: FeePaymentQueriesTable;
  sandbox_vnpay_transactions: SandboxVnpayTransactionsTable;
}
