/** The account mails (address verification, password reset), in the recipient's language. */
import type { Config, Locale } from '../../config/index.ts';
import type { Db } from '../db/index.ts';
import { translate } from '../i18n/index.ts';
import { composeMail } from '../mail/compose.ts';
import { enqueueMail } from '../mail/outbox.ts';

const asLocale = (value: string): Locale => (value === 'en' ? 'en' : 'vi');

function linkTo(config: Config, path: string, token: string): string {
  const url = new URL(path, config.publicUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

interface Recipient {
  readonly email: string;
  readonly full_name: string;
  readonly locale: string;
}

export async function enqueueVerificationMail(db: Db, config: Config, user: Recipient, token: string): Promise<void> {
  const locale = asLocale(user.locale);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(locale, key, params);
  await enqueueMail(
    db,
    composeMail({
      to: user.email,
      subject: t('auth.mail_verify_subject'),
      intro: [t('auth.mail_verify_body', { name: user.full_name })],
      link: linkTo(config, '/xac-thuc-email', token),
      outro: [t('auth.mail_ignore')],
      signature: config.publicUrl.host,
    }),
  );
}

export async function enqueueResetMail(db: Db, config: Config, user: Recipient, token: string): Promise<void> {
  const locale = asLocale(user.locale);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(locale, key, params);
  await enqueueMail(
    db,
    composeMail({
      to: user.email,
      subject: t('auth.mail_reset_subject'),
      intro: [t('auth.mail_reset_body', { name: user.full_name })],
      link: linkTo(config, '/dat-lai-mat-khau', token),
      outro: [t('auth.mail_ignore')],
      signature: config.publicUrl.host,
    }),
  );
}
