/** E-mail to the applicant at each step, written to the platform's outbox in the same transaction. */
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { translate, type MessageKey } from '../../platform/i18n/index.ts';
import { formatDate } from '../../platform/text/format.ts';
import type { DossierStatus } from './workflow.ts';

export interface Notice {
  readonly to: string;
  readonly code: string;
  readonly status: DossierStatus;
  readonly note: string | null;
  readonly dueOn: string | null;
  readonly trackUrl: string;
}

function body(locale: 'vi' | 'en', n: Notice): string {
  const lines = [
    translate(locale, 'eservices.mail_intro', { code: n.code }),
    translate(locale, 'eservices.mail_status', { status: translate(locale, `eservices.state_${n.status}` as MessageKey) }),
  ];
  if (n.note !== null && n.note !== '') lines.push(translate(locale, 'eservices.mail_note', { note: n.note }));
  if (n.dueOn !== null) lines.push(translate(locale, 'eservices.mail_due', { date: formatDate(n.dueOn) }));
  lines.push(translate(locale, 'eservices.mail_track', { url: n.trackUrl }));
  return lines.join('\n');
}

/** Queues one bilingual message (Vietnamese first); the mailer sends it after the commit. */
export async function notifyApplicant(db: Db, n: Notice): Promise<void> {
  if (n.to === '') return;
  const at = nowIso();
  await db
    .insertInto('mail_outbox')
    .values({
      to_address: n.to,
      subject: `${translate('vi', 'eservices.mail_subject', { code: n.code })} / ${translate('en', 'eservices.mail_subject', { code: n.code })}`,
      text_body: `${body('vi', n)}\n\n---\n\n${body('en', n)}\n`,
      html_body: null,
      status: 'queued',
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
}
