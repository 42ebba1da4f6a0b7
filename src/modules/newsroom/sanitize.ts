/**
 * Article bodies are stored as sanitised HTML: an allowlist of tags and attributes (no script,
 * no event handler, no style, links only to http(s)/mailto and same-site paths), and every image
 * must carry alt text (WCAG 2.2, 1.1.1).
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'a', 'img', 'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'hr'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

export interface SanitisedBody {
  readonly html: string;
  /** Number of images without a text alternative. */
  readonly imagesWithoutAlt: number;
}

/** Plain text typed into the fallback textarea becomes paragraphs; HTML is filtered through the allowlist. */
export function sanitiseBody(input: string): SanitisedBody {
  const source = /<[a-z!/]/i.test(input)
    ? input
    : input
        .split(/\r?\n\s*\r?\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>')}</p>`)
        .join('\n');
  let imagesWithoutAlt = 0;
  const html = sanitizeHtml(source, {
    ...OPTIONS,
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img' && (frame.attribs.alt ?? '').trim() === '') imagesWithoutAlt++;
      return false;
    },
  });
  return { html: html.trim(), imagesWithoutAlt };
}

/** The text of an HTML body, block elements separated by line breaks (for search, feeds and diffs). */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\/(p|h[2-4]|li|blockquote|tr|figcaption|caption)>|<br\s*\/?>/gi, '\n');
  return sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}
