/**
 * Computes the service-index indicators for dossiers received in a period by a set of agencies
 * (optionally one procedure), following the formula description of Decision 766/QĐ-TTg:
 * 2.1 on time, 3.3 submitted online, 3.6 paid online, 4.2 digitised, 4.3 reused documents,
 * 5.2 feedback handled on time and 5.4 satisfaction. Each figure keeps its numerator and denominator
 * so that the page can show how it was obtained.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { FINAL } from '../workflow.ts';
import { indicatorValue, INDICATORS, type IndicatorValue } from './indicators.ts';

export interface IndexScope {
  readonly from: string;
  readonly to: string;
  readonly agencyIds: readonly number[];
  readonly procedureId?: number;
}

export interface IndexResult {
  readonly values: readonly IndicatorValue[];
  readonly ratings: { count: number; average: number | null };
  /** False when the payment records are not part of this installation. */
  readonly paymentsAvailable: boolean;
}

interface DossierFacts {
  id: number;
  code: string | null;
  status: string;
  channel: number;
  due_on: string | null;
  finished_on: string | null;
  paused_on: string | null;
  updated_at: string;
  supplement_count: number;
}

/**
 * On time under indicator 2.1: the end of handling is the return, refusal or stop (the decision for
 * a dossier decided but not yet returned), the request date while a first supplement request is
 * unanswered (or while fees are awaited), else the end of the period (or today, if earlier). More than one supplement request,
 * or an apology with a new date, counts as late.
 */
export function isOnTime(d: DossierFacts, periodEnd: string, apologised: boolean): boolean {
  if (d.supplement_count > 1 || apologised || d.due_on === null) return false;
  let end: string;
  if (d.finished_on !== null && (FINAL as readonly string[]).includes(d.status)) end = d.finished_on;
  else if (d.status === 'decided') end = d.updated_at.slice(0, 10);
  // The clock also stops while fees are awaited (payments/request-fees.ts): count up to the pause.
  else if ((d.status === 'supplement_requested' || d.status === 'fee_requested') && d.paused_on !== null) end = d.paused_on;
  else end = periodEnd;
  return end <= d.due_on;
}

export async function computeIndex(db: Db, scope: IndexScope, today: string): Promise<IndexResult> {
  if (scope.agencyIds.length === 0) return { values: INDICATORS.map((def) => indicatorValue(def, 0, 0)), ratings: { count: 0, average: null }, paymentsAvailable: false };
  const received = () => {
    let q = db
      .selectFrom('dossiers as d')
      .where('d.agency_id', 'in', scope.agencyIds)
      .where('d.received_on', '>=', scope.from)
      .where('d.received_on', '<=', scope.to)
      .where('d.status', 'not in', ['draft', 'withdrawn']);
    if (scope.procedureId !== undefined) q = q.where('d.procedure_id', '=', scope.procedureId);
    return q;
  };
  const idsOf = (rows: { id: number }[]) => new Set(rows.map((r) => r.id));
  const [dossiers, apologised, withFiles, reused, withResult, feeBearing, ratings, complained] = await Promise.all([
    received().select(['d.id', 'd.code', 'd.status', 'd.channel', 'd.due_on', 'd.finished_on', 'd.paused_on', 'd.updated_at', 'd.supplement_count']).execute(),
    received().innerJoin('dossier_events as e', 'e.dossier_id', 'd.id').where('e.action', '=', 'apologise').select('d.id').distinct().execute(),
    received().innerJoin('dossier_files as f', 'f.dossier_id', 'd.id').select('d.id').distinct().execute(),
    received().innerJoin('dossier_files as f', 'f.dossier_id', 'd.id').where('f.reused', '=', 1).select('d.id').distinct().execute(),
    // The electronic result: a licence issued from the dossier, with its PDF and verification page.
    received().innerJoin('licences as l', 'l.dossier_id', 'd.id').select('d.id').distinct().execute(),
    received().innerJoin('procedure_fees as pf', 'pf.procedure_id', 'd.procedure_id').where('pf.amount_vnd', '>', 0).select('d.id').distinct().execute(),
    received().innerJoin('dossier_ratings as r', 'r.dossier_id', 'd.id').select(['d.id', 'r.score']).execute(),
    received().innerJoin('feedback as fb', 'fb.dossier_code', 'd.code').select('d.id').distinct().execute(),
  ]);
  const { paidOnline, paymentsAvailable } = await dossiersPaidOnline(db, scope);

  const periodEnd = scope.to < today ? scope.to : today;
  const total = dossiers.length;
  const apologies = idsOf(apologised);
  const onTime = dossiers.filter((d) => isOnTime(d, periodEnd, apologies.has(d.id))).length;
  const online = dossiers.filter((d) => d.channel === 2).length;
  const fileIds = idsOf(withFiles);
  const resultIds = idsOf(withResult);
  const digitised = dossiers.filter((d) => fileIds.has(d.id) && resultIds.has(d.id)).length;
  const feeIds = idsOf(feeBearing);
  const paid = dossiers.filter((d) => feeIds.has(d.id) && paidOnline.has(d.id)).length;
  const dislikes = new Set(ratings.filter((r) => r.score <= 2).map((r) => r.id));
  for (const c of complained) dislikes.add(c.id);
  const late = total - onTime;
  // 5.4: 100% − (late rate + rate of dossiers with a complaint or a "not satisfied" rating).
  const satisfied = Math.max(0, total - late - dislikes.size);
  const fb = await feedbackOnTime(db, scope, today);

  const value = (code: string, n: number, d: number) => indicatorValue(INDICATORS.find((i) => i.code === code) ?? INDICATORS[0]!, n, d);
  return {
    values: [
      value('2.1', onTime, total),
      value('3.3', online, total),
      value('3.6', paid, paymentsAvailable ? feeIds.size : 0),
      value('4.2', digitised, total),
      value('4.3', idsOf(reused).size, total),
      value('5.2', fb.onTime, fb.total),
      value('5.4', satisfied, total),
    ],
    ratings: { count: ratings.length, average: ratings.length === 0 ? null : ratings.reduce((s, r) => s + r.score, 0) / ratings.length },
    paymentsAvailable,
  };
}

/**
 * Dossiers of the scope whose fees were paid electronically (card or QR transfer, not at the counter).
 * Read with plain SQL: the payment records belong to the payments part and may not be installed.
 */
async function dossiersPaidOnline(db: Db, scope: IndexScope): Promise<{ paidOnline: Set<number>; paymentsAvailable: boolean }> {
  try {
    const procedure = scope.procedureId === undefined ? sql`` : sql`and d.procedure_id = ${scope.procedureId}`;
    const rows = await sql<{ id: number }>`
      select distinct d.id as id from dossiers d
      join fee_requests r on r.dossier_id = d.id
      join fee_payments p on p.fee_request_id = r.id
      where p.status = 'paid' and p.method in ('vnpay', 'vietqr')
        and d.agency_id in (${sql.join(scope.agencyIds)})
        and d.received_on >= ${scope.from} and d.received_on <= ${scope.to} ${procedure}`.execute(db);
    return { paidOnline: new Set(rows.rows.map((r) => Number(r.id))), paymentsAvailable: true };
  } catch {
    return { paidOnline: new Set(), paymentsAvailable: false };
  }
}

/**
 * 5.2: feedback received in the period and handled in time: accepted or declined within its
 * acceptance deadline and answered within its answer deadline (still open and past a deadline: late).
 */
async function feedbackOnTime(db: Db, scope: IndexScope, today: string): Promise<{ onTime: number; total: number }> {
  const rows = await db
    .selectFrom('feedback')
    .select(['status', 'accept_due_on', 'answer_due_on', 'accepted_on', 'answered_on', 'updated_at'])
    .where('agency_id', 'in', scope.agencyIds)
    .where('received_on', '>=', scope.from)
    .where('received_on', '<=', scope.to)
    .execute();
  const onTime = rows.filter((f) => {
    if (f.status === 'rejected') return f.updated_at.slice(0, 10) <= f.accept_due_on;
    const acceptedInTime = (f.accepted_on ?? today) <= f.accept_due_on;
    const answeredInTime = (f.answered_on ?? today) <= f.answer_due_on;
    return acceptedInTime && answeredInTime;
  }).length;
  return { onTime, total: rows.length };
}
