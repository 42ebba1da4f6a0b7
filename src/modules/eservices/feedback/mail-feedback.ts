/** E-mail to the sender of feedback, queued in the platform's outbox inside the caller's transaction. */
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { translate } from '../../../platform/i18n/index.ts';

export async function mailFeedback(db: Db, to: string, code: string, kind: 'received' | 'answered' | 'rejected', text: string): Promise<void> {
  if (to === '') return;
  const at = nowIso();
  const body = (locale: 'vi' | 'en'): string =>
    kind === 'received' ? translate(locale, 'feedback.mail_received', { code, date: text }) : `${translate(locale, `feedback.mail_${kind}`, { code })}\n${text}`;
  await db
    .insertInto('mail_outbox')
    .values({
      to_address: to,
      subject: `${translate('vi', 'feedback.mail_subject', { code })} / ${translate('en', 'feedback.mail_subject', { code })}`,
      text_body: `${body('vi')}\n\n---\n\n${body('en')}\n`,
      html_body: null,
      status: 'queued',
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
}
