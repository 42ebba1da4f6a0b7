/** An officer accepts, declines or answers feedback of their agency; each step audited and mailed to the sender. */
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { hasRole } from '../../../platform/auth/guards.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { mailFeedback } from './mail-feedback.ts';
import type { FeedbackTable } from './tables.ts';

export type FeedbackRow = Selectable<FeedbackTable>;
export const FEEDBACK_ACTIONS = ['accept', 'reject', 'answer'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];
export const isFeedbackAction = (s: string): s is FeedbackAction => (FEEDBACK_ACTIONS as readonly string[]).includes(s);

/** From which statuses each action may be taken (an answer may follow receipt directly: acceptance is implied). */
const FROM: Readonly<Record<FeedbackAction, readonly string[]>> = { accept: ['received'], reject: ['received'], answer: ['received', 'accepted'] };

export const canHandleFeedback = (user: CurrentUser, f: FeedbackRow): boolean => hasRole(user, 'officer', f.agency_id) || hasRole(user, 'leader', f.agency_id);

export async function handleFeedback(db: Db, actor: AuditActor, user: CurrentUser, f: FeedbackRow, input: { action: FeedbackAction; text: string; publish: boolean }, today: string): Promise<void> {
  if (!canHandleFeedback(user, f)) throw new AppError('not_found');
  if (!FROM[input.action].includes(f.status)) throw new AppError('conflict', { action: { key: 'feedback.error_step' } });
  if (input.action !== 'accept' && input.text === '') throw new AppError('validation', { text: { key: 'feedback.error_text' } });
  if ([...input.text].length > 5000) throw new AppError('validation', { text: { key: 'shell.field_too_long', params: { field: 'text', max: 5000 } } });
  const at = nowIso();
  const status = input.action === 'accept' ? 'accepted' : input.action === 'reject' ? 'rejected' : 'answered';
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('feedback')
      .set({
        status,
        updated_at: at,
        handled_by: user.id,
        ...(input.action === 'accept' || (input.action === 'answer' && f.accepted_on === null) ? { accepted_on: today } : {}),
        ...(input.action === 'reject' ? { reject_reason: input.text } : {}),
        ...(input.action === 'answer' ? { answer: input.text, answered_on: today, published: input.publish ? 1 : 0 } : {}),
      })
      .where('id', '=', f.id)
      .where('status', '=', f.status)
      .executeTakeFirst();
    if (done.numUpdatedRows === 0n) throw new AppError('conflict', { action: { key: 'feedback.error_step' } });
    await recordAudit(trx, actor, {
      action: `feedback.${input.action}`,
      entityType: 'feedback',
      entityId: f.id,
      agencyId: f.agency_id,
      before: { status: f.status },
      after: { status, published: input.action === 'answer' ? input.publish : undefined },
    });
    if (input.action !== 'accept') await mailFeedback(trx, f.sender_email, f.code, input.action === 'answer' ? 'answered' : 'rejected', input.text);
  });
}
