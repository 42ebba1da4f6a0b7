/**
 * An officer reconciles a bank transfer made with a VietQR code: a static transfer has no callback,
 * so the officer finds it on the collection account's statement (the dossier code is in the
 * transfer note) and records the bank's reference and the amount received. Audited.
 */
import type { Db } from '../../../platform/db/index.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { hasRole } from '../../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import type { DossierRow } from '../dossier-queries.ts';
import { settlePayment, type ConfirmContext } from './confirm-payment.ts';
import type { FeePaymentRow } from './fee-queries.ts';

export const canReconcile = (user: CurrentUser, dossier: DossierRow): boolean => hasRole(user, 'officer', dossier.agency_id);

export interface ReconcileInput {
  readonly bankReference: string;
  readonly amount: string;
}

export async function reconcileTransfer(db: Db, actor: AuditActor, user: CurrentUser, dossier: DossierRow, payment: FeePaymentRow, input: ReconcileInput, ctx: ConfirmContext): Promise<void> {
  if (!canReconcile(user, dossier)) throw new AppError(hasRole(user, 'leader', dossier.agency_id) ? 'forbidden' : 'not_found');
  if (payment.method !== 'vietqr' || payment.status !== 'pending') throw new AppError('conflict', { payment: { key: 'payments.error_not_pending' } });
  const errors: FieldErrors = {};
  const reference = input.bankReference.trim();
  if (reference === '') errors.bank_reference = { key: 'payments.error_reference_required' };
  else if (!/^[\p{L}\p{N} ._/-]{1,64}$/u.test(reference)) errors.bank_reference = { key: 'payments.error_reference' };
  const amount = input.amount.replace(/[\s.,]/g, '');
  if (!/^\d{1,15}$/.test(amount) || Number(amount) !== payment.amount_vnd) errors.amount = { key: 'payments.error_amount_differs' };
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  const outcome = await db.transaction().execute((trx) => settlePayment(trx, actor, payment, { responseCode: null, gatewayTxnNo: null, bankCode: null, bankReference: reference, confirmedBy: user.id }, ctx));
  if (outcome === 'already') throw new AppError('conflict', { payment: { key: 'payments.error_not_pending' } });
}
