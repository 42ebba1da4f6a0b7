/** A staff action on a dossier (accept, refuse, request supplements, propose, decide, return, apologise). */
import type { Db } from '../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { hasRole } from '../../platform/auth/guards.ts';
import { isIsoDate } from '../../platform/calendar/dates.ts';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import type { DossierRow } from './dossier-queries.ts';
import { notifyApplicant } from './notify-applicant.ts';
import { NATIONAL_STATUS, STAFF_ACTIONS, type DossierStatus, type StaffActionName } from './workflow.ts';

/** Staff see the dossiers of the agencies in which they hold a processing role. */
export const canSeeDossier = (user: CurrentUser, dossier: DossierRow): boolean =>
  hasRole(user, 'officer', dossier.agency_id) || hasRole(user, 'leader', dossier.agency_id);

export const canTakeAction = (user: CurrentUser, dossier: DossierRow, action: StaffActionName): boolean =>
  hasRole(user, STAFF_ACTIONS[action].role, dossier.agency_id) && (STAFF_ACTIONS[action].from as readonly string[]).includes(dossier.status);

export interface ActionInput {
  readonly action: StaffActionName;
  readonly note: string;
  /** For an apology: the new date of return. */
  readonly newDueOn: string;
}

export interface ActionContext {
  readonly calendar: WorkingCalendar;
  readonly today: string;
  readonly trackUrl: string;
}

/** Validates and applies the action in one transaction with its event, audit entry and e-mail. */
export async function actOnDossier(db: Db, actor: AuditActor, user: CurrentUser, dossier: DossierRow, input: ActionInput, ctx: ActionContext): Promise<void> {
  if (!canSeeDossier(user, dossier)) throw new AppError('not_found');
  const rule = STAFF_ACTIONS[input.action];
  if (!hasRole(user, rule.role, dossier.agency_id)) throw new AppError('forbidden');
  if (!(rule.from as readonly string[]).includes(dossier.status)) throw new AppError('conflict', { action: { key: 'eservices.error_step_order' } });
  const errors: FieldErrors = {};
  if (rule.needsNote && input.note === '') errors.note = { key: 'eservices.error_note_required' };
  if ([...input.note].length > 2000) errors.note = { key: 'shell.field_too_long', params: { field: 'note', max: 2000 } };
  let dueOn = dossier.due_on;
  if (input.action === 'apologise') {
    if (dossier.due_on === null || dossier.due_on > ctx.calendar.nextWorkingDay(ctx.today)) errors.action = { key: 'eservices.error_not_late' };
    if (!isIsoDate(input.newDueOn) || input.newDueOn <= ctx.today || !ctx.calendar.isWorkingDay(input.newDueOn)) errors.new_due_on = { key: 'eservices.error_new_due' };
    dueOn = input.newDueOn;
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);

  const to: DossierStatus = rule.to ?? (dossier.status as DossierStatus);
  const national = NATIONAL_STATUS[to];
  const at = nowIso();
  const isFinal = to === 'refused' || to === 'stopped' || to === 'returned';
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('dossiers')
      .set({
        status: to,
        national_status: national,
        updated_at: at,
        due_on: dueOn,
        ...(input.action === 'request_supplement' ? { resume_status: dossier.status, paused_on: ctx.today, supplement_count: dossier.supplement_count + 1 } : {}),
        ...(isFinal ? { finished_on: ctx.today } : {}),
      })
      .where('id', '=', dossier.id)
      .where('status', '=', dossier.status)
      .where('updated_at', '=', dossier.updated_at)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict', { action: { key: 'eservices.error_step_order' } });
    const note = input.note === '' ? null : input.note;
    await trx
      .insertInto('dossier_events')
      .values({ dossier_id: dossier.id, at, actor_id: user.id, action: input.action, status: to, national_status: national, note, due_on: input.action === 'apologise' ? dueOn : null })
      .execute();
    await recordAudit(trx, actor, {
      action: `dossier.${input.action}`,
      entityType: 'dossier',
      entityId: dossier.id,
      agencyId: dossier.agency_id,
      before: { status: dossier.status, dueOn: dossier.due_on },
      after: { status: to, dueOn, note },
    });
    await notifyApplicant(trx, { to: dossier.applicant_email, code: dossier.code ?? '', status: to, note, dueOn: input.action === 'apologise' ? dueOn : null, trackUrl: ctx.trackUrl });
  });
}
