/** Plain text and simple HTML bodies for notification mail: paragraphs and one call-to-action link. */
import { escapeHtml } from '@kitajs/html';
import type { OutgoingMail } from './outbox.ts';

export interface MailContent {
  readonly to: string;
  readonly subject: string;
  /** Paragraphs before the link. */
  readonly intro: readonly string[];
  readonly link: string;
  /** Paragraphs after the link. */
  readonly outro: readonly string[];
  readonly signature: string;
}

export function composeMail(content: MailContent): OutgoingMail {
  const text = [...content.intro, content.link, ...content.outro, `-- \n${content.signature}`].join('\n\n');
  const p = (s: string): string => `<p>${escapeHtml(s)}</p>`;
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    ...content.intro.map(p),
    `<p><a href="${escapeHtml(content.link)}">${escapeHtml(content.link)}</a></p>`,
    ...content.outro.map(p),
    `<p style="color:#555">${escapeHtml(content.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: content.to, subject: content.subject, text, html };
}
