/**
 * Readers for the news a province brings from its old portal: JSON Lines (one article per line)
 * and WordPress's export format (WXR, an RSS 2.0 document with wp:/content:/excerpt: elements).
 * Each yields plain records; a record that cannot be read becomes an error for that item only.
 */

export interface ImportRecord {
  readonly title: string;
  readonly slug: string;
  readonly lead: string;
  readonly body: string;
  readonly author: string;
  readonly source: string;
  readonly publishedAt: string;
  /** Category slug (and its name, used when it must be created). */
  readonly category: string;
  readonly categoryName: string;
  readonly tags: readonly string[];
  /** Publish on import (WordPress "publish" status; JSON Lines default) or keep as a draft. */
  readonly publish: boolean;
}

export type ImportItem = { line: number; record: ImportRecord } | { line: number; error: string };

const str = (v: unknown): string => (typeof v === 'string' ? v.normalize('NFC').trim() : '');

/** One JSON object per line; blank lines are skipped. */
export function* readJsonLines(text: string): Generator<ImportItem> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      yield { line: i + 1, error: 'not valid JSON' };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line: i + 1, error: 'not a JSON object' };
      continue;
    }
    const o = value as Record<string, unknown>;
    const tags = Array.isArray(o.tags) ? o.tags.map(str).filter((t) => t !== '') : str(o.tags).split(',').map((t) => t.trim()).filter((t) => t !== '');
    yield {
      line: i + 1,
      record: {
        title: str(o.title),
        slug: str(o.slug),
        lead: str(o.lead),
        body: str(o.body),
        author: str(o.author),
        source: str(o.source),
        publishedAt: str(o.publishedAt),
        category: str(o.category),
        categoryName: str(o.categoryName) || str(o.category),
        tags,
        publish: o.status === undefined || o.status === 'published' || o.status === 'publish',
      },
    };
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? '';
  });

/** Text of an element: CDATA sections kept verbatim, everything else entity-decoded. */
function elementText(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (m === null) return '';
  return m[1]!.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeXml(part))).join('').normalize('NFC').trim();
}

/** Paragraphs from WordPress's auto-paragraph convention (blank lines), when the content has no block tags. */
const wpautop = (html: string): string => (/<(p|div|h\d|ul|ol|table|blockquote)\b/i.test(html) ? html : html.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '').map((p) => `<p>${p}</p>`).join('\n'));

/** Posts of a WordPress export (pages, attachments and menu items are skipped). */
export function* readWxr(xml: string): Generator<ImportItem> {
  const items = xml.split(/<item>/).slice(1);
  let line = 0;
  for (const chunk of items) {
    line++;
    const item = chunk.split('</item>')[0] ?? '';
    if ((elementText(item, 'wp:post_type') || 'post') !== 'post') continue;
    const status = elementText(item, 'wp:status');
    if (status === 'trash' || status === 'auto-draft') continue;
    const gmt = elementText(item, 'wp:post_date_gmt');
    const local = elementText(item, 'wp:post_date');
    // post_date_gmt is "0000-00-00 00:00:00" for never-published posts; post_date is the site's local time (UTC+7 here).
    const publishedAt = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(gmt) && !gmt.startsWith('0000') ? `${gmt.replace(' ', 'T')}Z` : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(local) ? `${local.replace(' ', 'T')}+07:00` : '';
    const categories = [...item.matchAll(/<category domain="category" nicename="([^"]*)">([\s\S]*?)<\/category>/g)];
    const tags = [...item.matchAll(/<category domain="post_tag" nicename="[^"]*">([\s\S]*?)<\/category>/g)].map((m) => elementText(`<x>${m[1]!}</x>`, 'x'));
    const firstCategory = categories[0];
    yield {
      line,
      record: {
        title: elementText(item, 'title'),
        slug: decodeURIComponent(elementText(item, 'wp:post_name').replace(/%(?![0-9a-f]{2})/gi, '%25')),
        lead: elementText(item, 'excerpt:encoded').replace(/<[^>]*>/g, '').trim(),
        body: wpautop(elementText(item, 'content:encoded')),
        author: elementText(item, 'dc:creator'),
        source: '',
        publishedAt,
        category: firstCategory === undefined ? '' : decodeXml(firstCategory[1]!),
        categoryName: firstCategory === undefined ? '' : elementText(`<x>${firstCategory[2]!}</x>`, 'x'),
        tags,
        publish: status === 'publish',
      },
    };
  }
}
