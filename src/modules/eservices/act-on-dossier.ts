/** A staff action on a dossier (accept, refuse, request supplements, propose, decide, submit to the competent authority, return, apologise). */
import type { Db } from '../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { hasRole } from '../../platform/auth/guards.ts';
import { isIsoDate } from '../../platform/calendar/dates.ts';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { procedureById, receivingAgency } from './catalogue-queries.ts';
import type { DossierRow } from './dossier-queries.ts';
import { notifyApplicant } from './notify-applicant.ts';
import { licenceKindOf } from './results/licence-kinds.ts';
import { licenceOfDossier } from './results/licence-queries.ts';
import { NATIONAL_STATUS, STAFF_ACTIONS, type DossierStatus, type StaffAction, type StaffActionName } from './workflow.ts';

/**
 * The competent authority that decides the dossier when it is not the dossier's own agency, else
 * null: the agency it was submitted to, or the procedure's deciding agency on the date of receipt.
 */
export async function authorityOf(db: Db, dossier: DossierRow): Promise<number | null> {
  if (dossier.deciding_agency_id !== null) return dossier.deciding_agency_id;
  if (dossier.received_on === null) return null;
  const deciding = await receivingAgency(db, dossier.procedure_id, dossier.received_on, 'deciding');
  return deciding === undefined || deciding === dossier.agency_id ? null : deciding;
}

/** Staff see the dossiers of the agencies in which they hold a processing role; the competent authority's leaders those submitted to it. */
export const canSeeDossier = (user: CurrentUser, dossier: DossierRow): boolean =>
  hasRole(user, 'officer', dossier.agency_id) || hasRole(user, 'leader', dossier.agency_id) || (dossier.deciding_agency_id !== null && hasRole(user, 'leader', dossier.deciding_agency_id));

/** The agency in which the action's role must be held, or null when the action is not on the dossier's decision path. */
function actingAgency(dossier: DossierRow, action: StaffActionName, authority: number | null): number | null {
  const rule: StaffAction = STAFF_ACTIONS[action];
  if ((rule.path === 'own' && authority !== null) || (rule.path === 'authority' && authority === null)) return null;
  return rule.actingAgency === 'deciding' ? authority : dossier.agency_id;
}

export const canTakeAction = (user: CurrentUser, dossier: DossierRow, action: StaffActionName, authority: number | null): boolean => {
  const agency = actingAgency(dossier, action, authority);
  return agency !== null && hasRole(user, STAFF_ACTIONS[action].role, agency) && (STAFF_ACTIONS[action].from as readonly string[]).includes(dossier.status);
};

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
  const rule: StaffAction = STAFF_ACTIONS[input.action];
  const authority = await authorityOf(db, dossier);
  const agency = actingAgency(dossier, input.action, authority);
  /** A refused step is audited (who tried what, at which status, why) and changes nothing. */
  const refuse = async (code: 'forbidden' | 'conflict', reason: MessageKey): Promise<never> => {
    await recordAudit(db, actor, {
      action: 'dossier.action_refused',
      entityType: 'dossier',
      entityId: dossier.id,
      agencyId: agency ?? dossier.agency_id,
      after: { action: input.action, status: dossier.status, reason },
    });
    throw new AppError(code, code === 'conflict' ? { action: { key: reason } } : undefined);
  };
  if (agency === null) return refuse('conflict', 'eservices.error_step_order');
  if (!hasRole(user, rule.role, agency)) return refuse('forbidden', 'error.forbidden');
  if (!(rule.from as readonly string[]).includes(dossier.status)) return refuse('conflict', 'eservices.error_step_order');
  if (input.action === 'return_result') {
    // A procedure that ends in a licence returns it: not before the licence is issued.
    const procedure = await procedureById(db, dossier.procedure_id);
    if (procedure !== undefined && licenceKindOf(procedure.code) !== undefined && (await licenceOfDossier(db, dossier.id)) === undefined) return refuse('conflict', 'eservices.error_result_not_ready');
  }
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
        ...(input.action === 'submit_to_authority' ? { deciding_agency_id: authority } : {}),
      })
      .where('id', '=', dossier.id)
      .where('status', '=', dossier.status)
      .where('updated_at', '=', dossier.updated_at)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict', { action: { key: 'eservices.error_step_order' } });
    const note = input.note === '' ? null : input.note;
    await trx
      .insertInto('dossier_events')
      .values({
        dossier_id: dossier.id,
        at,
        actor_id: user.id,
        action: input.action,
        status: to,
        national_status: national,
        note,
        due_on: input.action === 'apologise' ? dueOn : null,
        // The step of the competent authority names it on the timeline.
        agency_id: rule.path === 'authority' ? authority : null,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: `dossier.${input.action}`,
      entityType: 'dossier',
      entityId: dossier.id,
      agencyId: agency,
      before: { status: dossier.status, dueOn: dossier.due_on },
      after: { status: to, dueOn, note },
    });
    await notifyApplicant(trx, { to: dossier.applicant_email, code: dossier.code ?? '', status: to, note, dueOn: input.action === 'apologise' ? dueOn : null, trackUrl: ctx.trackUrl });
  });
}
