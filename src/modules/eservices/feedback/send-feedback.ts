/**
 * A citizen's feedback (phản ánh, kiến nghị) on regulations, procedures or officers' conduct.
 * Deadlines in working days follow the national portal's handling rules as scored by Decision
 * 766/QĐ-TTg indicator 5.2: accept or decline within 2, answer within 15 of receipt.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/index.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { formatDate } from '../../../platform/text/format.ts';
import { isEmail } from '../../../ui/forms.tsx';
import { mailFeedback } from './mail-feedback.ts';

export const ACCEPT_DAYS = 2;
export const ANSWER_DAYS = 15;
export const FEEDBACK_CATEGORIES = ['procedure', 'staff'] as const;

export interface FeedbackInput {
  readonly agencyId: string;
  /** Optional: the procedure the feedback is about (its id as text, '' for none). */
  readonly procedureId: string;
  readonly category: string;
  readonly dossierCode: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly subject: string;
  readonly body: string;
}

export interface SentFeedback {
  readonly code: string;
  readonly acceptDueOn: string;
  readonly answerDueOn: string;
}

/** Reference given to the sender: random, so that nobody can walk through other people's feedback. */
const newCode = (): string => `PA-${randomBytes(5).toString('hex').toUpperCase()}`;

/** Where feedback can go: the agencies receiving dossiers, and the procedures each receives. */
export interface FeedbackTargets {
  readonly agencyIds: readonly number[];
  readonly procedures: readonly { readonly id: number; readonly agencyId: number }[];
}

function validate(input: FeedbackInput, targets: FeedbackTargets): FieldErrors {
  const errors: FieldErrors = {};
  const len = (s: string) => [...s].length;
  if (!targets.agencyIds.includes(Number(input.agencyId))) errors.agency_id = { key: 'feedback.error_choice' };
  if (input.procedureId !== '') {
    const receivers = targets.procedures.filter((p) => String(p.id) === input.procedureId);
    if (receivers.length === 0) errors.procedure_id = { key: 'feedback.error_choice' };
    else if (errors.agency_id === undefined && !receivers.some((p) => p.agencyId === Number(input.agencyId))) errors.procedure_id = { key: 'feedback.error_procedure_agency' };
  }
  if (!(FEEDBACK_CATEGORIES as readonly string[]).includes(input.category)) errors.category = { key: 'feedback.error_choice' };
  if (input.name === '') errors.name = { key: 'shell.field_required', params: { field: 'họ và tên' } };
  else if (len(input.name) > 200) errors.name = { key: 'shell.field_too_long', params: { field: 'name', max: 200 } };
  if (input.email === '' && input.phone === '') errors.email = { key: 'feedback.error_contact' };
  else if (input.email !== '' && !isEmail(input.email)) errors.email = { key: 'feedback.error_email' };
  if (input.phone !== '' && !/^[\d +().-]{8,20}$/.test(input.phone)) errors.phone = { key: 'shell.field_too_long', params: { field: 'phone', max: 20 } };
  if (len(input.dossierCode) > 60) errors.dossier_code = { key: 'shell.field_too_long', params: { field: 'code', max: 60 } };
  if (input.subject === '') errors.subject = { key: 'shell.field_required', params: { field: 'tiêu đề' } };
  else if (len(input.subject) > 200) errors.subject = { key: 'shell.field_too_long', params: { field: 'subject', max: 200 } };
  if (input.body === '') errors.body = { key: 'shell.field_required', params: { field: 'nội dung' } };
  else if (len(input.body) > 5000) errors.body = { key: 'shell.field_too_long', params: { field: 'body', max: 5000 } };
  return errors;
}

/** Records the feedback with its deadlines and queues an acknowledgement, in one transaction. */
export async function sendFeedback(db: Db, input: FeedbackInput, targets: FeedbackTargets, calendar: WorkingCalendar, today: string): Promise<SentFeedback> {
  const errors = validate(input, targets);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  // Received on a day off: the periods run from the next working day.
  const start = calendar.workingDayOnOrAfter(today);
  const sent = { code: newCode(), acceptDueOn: calendar.addWorkingDays(start, ACCEPT_DAYS), answerDueOn: calendar.addWorkingDays(start, ANSWER_DAYS) };
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('feedback')
      .values({
        code: sent.code,
        agency_id: Number(input.agencyId),
        procedure_id: input.procedureId === '' ? null : Number(input.procedureId),
        dossier_code: input.dossierCode === '' ? null : input.dossierCode,
        category: input.category,
        sender_name: input.name,
        sender_email: input.email,
        sender_phone: input.phone,
        subject: input.subject,
        body: input.body,
        status: 'received',
        received_on: today,
        accept_due_on: sent.acceptDueOn,
        answer_due_on: sent.answerDueOn,
        accepted_on: null,
        answered_on: null,
        answer: null,
        reject_reason: null,
        handled_by: null,
        published: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await mailFeedback(trx, input.email, sent.code, 'received', formatDate(sent.answerDueOn));
  });
  return sent;
}
