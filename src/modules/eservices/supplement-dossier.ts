/** The applicant's answer to a supplement request: the dossier resumes and the clock restarts. */
import type { Db } from '../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import type { DossierRow } from './dossier-queries.ts';
import { NATIONAL_STATUS, type DossierStatus } from './workflow.ts';

/**
 * The working days that were left when the clock stopped are counted again from the day of the
 * supplement, so the applicant's time is not charged to the agency.
 */
export async function supplementDossier(db: Db, actor: AuditActor, dossier: DossierRow, note: string, calendar: WorkingCalendar, today: string): Promise<string | null> {
  if (dossier.status !== 'supplement_requested') throw new AppError('conflict', { action: { key: 'eservices.error_step_order' } });
  const resume = (dossier.resume_status ?? 'submitted') as DossierStatus;
  const left = dossier.paused_on === null || dossier.due_on === null ? 0 : calendar.workingDaysBetween(dossier.paused_on, dossier.due_on);
  const dueOn = dossier.due_on === null ? null : calendar.addWorkingDays(calendar.workingDayOnOrAfter(today), left);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('dossiers')
      .set({ status: resume, national_status: NATIONAL_STATUS[resume], due_on: dueOn, resume_status: null, paused_on: null, updated_at: at })
      .where('id', '=', dossier.id)
      .where('status', '=', 'supplement_requested')
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict', { action: { key: 'eservices.error_step_order' } });
    await trx
      .insertInto('dossier_events')
      .values({ dossier_id: dossier.id, at, actor_id: dossier.applicant_id, action: 'supplemented', status: resume, national_status: NATIONAL_STATUS[resume], note: note === '' ? null : note, due_on: dueOn })
      .execute();
    await recordAudit(trx, actor, { action: 'dossier.supplemented', entityType: 'dossier', entityId: dossier.id, agencyId: dossier.agency_id, after: { status: resume, dueOn } });
  });
  return dueOn;
}
