/**
 * Rendered article pages for readers who are not signed in, kept in memory. An entry is used only
 * while its article is unchanged (the stamp covers publication, edits and ratings) and for at most
 * `ttlMs`, so related articles and view counts are never older than that. The per-browser CSRF token
 * and the view count are rendered as placeholders and filled in on every response.
 */

export const CSRF_PLACEHOLDER = 'csrf-placeholder-3d9f7c1a';
export const VIEWS_PLACEHOLDER = 'views-placeholder-3d9f7c1a';

/**
 * A kept page, encoded once: the UTF-8 bytes between the placeholders. Writing a string to a socket
 * costs its encoding on every response (for Vietnamese text, a two-byte string in V8, the largest
 * part of serving a cached page); the bytes are written as they are, with the token and the count
 * encoded in between.
 */
export class CachedPage {
  private constructor(
    private readonly parts: readonly Buffer[],
    private readonly holes: readonly ('csrf' | 'views')[],
    readonly bytes: number,
  ) {}

  static of(html: string): CachedPage {
    const parts: Buffer[] = [];
    const holes: ('csrf' | 'views')[] = [];
    const pattern = new RegExp(`${CSRF_PLACEHOLDER}|${VIEWS_PLACEHOLDER}`, 'g');
    let from = 0;
    for (const m of html.matchAll(pattern)) {
      parts.push(Buffer.from(html.slice(from, m.index), 'utf8'));
      holes.push(m[0] === CSRF_PLACEHOLDER ? 'csrf' : 'views');
      from = m.index + m[0].length;
    }
    parts.push(Buffer.from(html.slice(from), 'utf8'));
    return new CachedPage(parts, holes, parts.reduce((n, b) => n + b.length, 0));
  }

  /** The page with this browser's CSRF token (asked for only when the page has a form) and the view count. */
  fill(csrfToken: () => string, views: string): Buffer {
    if (this.holes.length === 0) return this.parts[0]!;
    const values = { csrf: this.holes.includes('csrf') ? Buffer.from(csrfToken(), 'utf8') : undefined, views: Buffer.from(views, 'utf8') };
    const out: Buffer[] = [this.parts[0]!];
    this.holes.forEach((hole, i) => out.push(values[hole]!, this.parts[i + 1]!));
    return Buffer.concat(out);
  }
}

interface Entry {
  readonly page: CachedPage;
  readonly stamp: string;
  readonly at: number;
}

/**
 * Kept pages are bounded by count and by size in bytes (8 MB by default), so the cache's share of
 * the server's memory is known.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 60_000,
    private readonly maxBytes = 8_000_000,
  ) {}

  /** Bytes held, over all entries. */
  get size(): number {
    return this.bytes;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.bytes -= e.page.bytes;
    this.entries.delete(key);
  }

  get(key: string, stamp: string, now = Date.now()): CachedPage | undefined {
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    if (e.stamp !== stamp || now - e.at > this.ttlMs) {
      this.drop(key);
      return undefined;
    }
    // Refresh its place: the map's order is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.page;
  }

  /** Keeps the page (with its placeholders) and returns it encoded. */
  set(key: string, stamp: string, html: string, now = Date.now()): CachedPage {
    this.drop(key);
    const page = CachedPage.of(html);
    if (page.bytes > this.maxBytes) return page;
    this.entries.set(key, { page, stamp, at: now });
    this.bytes += page.bytes;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    return page;
  }
}

/** What makes a cached page stale: publication, any edit (updated_at), and ratings. */
export const articleStamp = (a: { updated_at: string; rating_count: number; live_revision_id: number | null; is_public: number }): string =>
  `${a.updated_at}|${a.rating_count}|${a.live_revision_id ?? ''}|${a.is_public}`;
