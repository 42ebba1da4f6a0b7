/**
 * The mail outbox: a message is queued in the same transaction as the change that causes it,
 * so nothing is announced that did not happen; a worker (worker.ts) or `flushOutbox` sends it later.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/** Gives up after this many failed attempts and marks the message failed. */
export const MAX_ATTEMPTS = 8;
/** A claimed message is invisible to other senders for this long (a crashed sender releases it then). */
const CLAIM_MS = 5 * 60 * 1000;

export async function enqueueMail(db: Db, mail: OutgoingMail): Promise<void> {
  const at = nowIso();
  await db
    .insertInto('mail_outbox')
    .values({ to_address: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html ?? null, status: 'queued', next_attempt_at: at, created_at: at })
    .execute();
}

/** Delay before retry number `attempts` (1, 2, 4 … minutes, at most 6 hours). */
export const retryDelayMs = (attempts: number): number => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3600_000);

export const createMailTransport = (smtpUrl: string): Transporter => nodemailer.createTransport(smtpUrl);

export interface FlushResult {
  readonly sent: number;
  readonly failed: number;
}

/**
 * Sends every due queued message. Each row is claimed with a conditional update first, so two
 * senders (the worker and a test, or two app instances) never send the same message twice.
 */
export async function flushOutbox(db: Db, transport: Transporter, from: string, limit = 50): Promise<FlushResult> {
  let sent = 0;
  let failed = 0;
  const now = new Date();
  const due = await db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'attempts', 'next_attempt_at'])
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(limit)
    .execute();
  for (const row of due) {
    const claimed = await db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: new Date(Date.now() + CLAIM_MS).toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .where('next_attempt_at', '=', row.next_attempt_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body ?? undefined });
      await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: nowIso(), attempts: row.attempts + 1, last_error: null }).where('id', '=', row.id).execute();
      sent++;
    } catch (err) {
      const attempts = row.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('mail_outbox')
        .set({
          status: giveUp ? 'failed' : 'queued',
          attempts,
          last_error: String(err instanceof Error ? err.message : err).slice(0, 1000),
          next_attempt_at: new Date(Date.now() + retryDelayMs(attempts)).toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}
