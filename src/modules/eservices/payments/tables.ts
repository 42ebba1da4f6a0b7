/** Tables owned by the payments part of e-services (migration 2026-11-29-0080). */
import type { Generated } from 'kysely';

export type FeeRequestStatus = 'open' | 'paid';
export type PaymentMethod = 'vnpay' | 'vietqr';
export type PaymentStatus = 'pending' | 'paid' | 'failed';

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

export interface PaymentsTables {
  fee_requests: FeeRequestsTable;
  fee_lines: FeeLinesTable;
  fee_payments: FeePaymentsTable;
  fee_receipts: FeeReceiptsTable;
}
