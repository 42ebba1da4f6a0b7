/**
 * An officer asks the applicant to pay the fees of an accepted dossier (national status 6, "Yêu cầu
 * thực hiện nghĩa vụ tài chính"). The lines come from the procedure's fee schedule (amount per unit
 * with its legal basis) times the quantity the officer counted (pages, minutes). The clock stops
 * while the applicant pays, as for supplements: the time is the applicant's, not the agency's.
 */
import type { Db } from '../../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { hasRole } from '../../../platform/auth/guards.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import type { FeeRow } from '../catalogue-queries.ts';
import type { DossierRow } from '../dossier-queries.ts';
import { notifyApplicant } from '../notify-applicant.ts';
import { NATIONAL_STATUS } from '../workflow.ts';
import { formatNumber } from '../../../platform/text/format.ts';

export const MAX_QUANTITY = 1_000_000;

export const canRequestFees = (user: CurrentUser, dossier: DossierRow): boolean => hasRole(user, 'officer', dossier.agency_id) && dossier.status === 'accepted';

export interface FeeRequestInput {
  /** Quantity typed per procedure fee id, as text. */
  readonly quantities: Readonly<Record<number, string>>;
  readonly note: string;
}

export interface FeeLineDraft {
  readonly fee: FeeRow;
  readonly quantity: number;
  readonly total: number;
}

/** Checks the quantities: whole numbers, at least one line to pay. */
export function feeLines(fees: readonly FeeRow[], input: FeeRequestInput): FeeLineDraft[] {
  const errors: FieldErrors = {};
  const lines: FeeLineDraft[] = [];
  for (const fee of fees) {
    const raw = (input.quantities[fee.id] ?? '').replace(/[\s.]/g, '');
    if (raw === '' || raw === '0') continue;
    if (!/^\d{1,7}$/.test(raw) || Number(raw) > MAX_QUANTITY) {
      errors[`qty_${fee.id}`] = { key: 'payments.error_quantity', params: { max: MAX_QUANTITY } };
      continue;
    }
    const quantity = Number(raw);
    lines.push({ fee, quantity, total: fee.amount_vnd * quantity });
  }
  if (Object.keys(errors).length === 0 && lines.length === 0) errors.fees = { key: 'payments.error_no_lines' };
  if ([...input.note].length > 2000) errors.note = { key: 'shell.field_too_long', params: { field: 'note', max: 2000 } };
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  return lines;
}

export interface RequestContext {
  readonly today: string;
  readonly trackUrl: string;
}

/** Records the request, its lines, the dossier's new status, the event, the audit entry and the e-mail, in one transaction. */
export async function requestFees(db: Db, actor: AuditActor, user: CurrentUser, dossier: DossierRow, fees: readonly FeeRow[], input: FeeRequestInput, ctx: RequestContext): Promise<number> {
  if (!hasRole(user, 'officer', dossier.agency_id) && !hasRole(user, 'leader', dossier.agency_id)) throw new AppError('not_found');
  if (!hasRole(user, 'officer', dossier.agency_id)) throw new AppError('forbidden');
  if (dossier.status !== 'accepted') throw new AppError('conflict', { fees: { key: 'eservices.error_step_order' } });
  const lines = feeLines(fees, input);
  const total = lines.reduce((sum, l) => sum + l.total, 0);
  const at = nowIso();
  const note = input.note === '' ? null : input.note;
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('dossiers')
      .set({ status: 'fee_requested', national_status: NATIONAL_STATUS.fee_requested, resume_status: 'accepted', paused_on: ctx.today, updated_at: at })
      .where('id', '=', dossier.id)
      .where('status', '=', 'accepted')
      .where('updated_at', '=', dossier.updated_at)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict', { fees: { key: 'eservices.error_step_order' } });
    const { id } = await trx
      .insertInto('fee_requests')
      .values({ dossier_id: dossier.id, agency_id: dossier.agency_id, total_vnd: total, status: 'open', note, requested_by: user.id, requested_at: at, paid_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('fee_lines')
      .values(
        lines.map((l, i) => ({
          fee_request_id: id,
          procedure_fee_id: l.fee.id,
          label_vi: l.fee.label_vi,
          label_en: l.fee.label_en,
          unit_vi: l.fee.unit_vi,
          unit_en: l.fee.unit_en,
          amount_vnd: l.fee.amount_vnd,
          quantity: l.quantity,
          total_vnd: l.total,
          legal_basis: l.fee.legal_basis,
          sort_order: i,
        })),
      )
      .execute();
    const eventNote = `${formatNumber(total, 'vi')} đồng${note === null ? '' : ` – ${note}`}`;
    await trx
      .insertInto('dossier_events')
      .values({ dossier_id: dossier.id, at, actor_id: user.id, action: 'request_fee', status: 'fee_requested', national_status: NATIONAL_STATUS.fee_requested, note: eventNote, due_on: null })
      .execute();
    await recordAudit(trx, actor, {
      action: 'dossier.request_fee',
      entityType: 'dossier',
      entityId: dossier.id,
      agencyId: dossier.agency_id,
      before: { status: dossier.status },
      after: { status: 'fee_requested', feeRequestId: id, totalVnd: total, lines: lines.map((l) => ({ feeId: l.fee.id, quantity: l.quantity, totalVnd: l.total })) },
    });
    await notifyApplicant(trx, { to: dossier.applicant_email, code: dossier.code ?? '', status: 'fee_requested', note: eventNote, dueOn: null, trackUrl: ctx.trackUrl });
    return id;
  });
}
