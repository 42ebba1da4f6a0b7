/**
 * Rendered article pages for readers who are not signed in, kept in memory. An entry is used only
 * while its article is unchanged (the stamp covers publication, edits and ratings) and for at most
 * `ttlMs`, so related articles and view counts are never older than that. The per-browser CSRF token
 * and the view count are rendered as placeholders and filled in on every response.
 */

export const CSRF_PLACEHOLDER = 'csrf-placeholder-3d9f7c1a';
export const VIEWS_PLACEHOLDER = 'views-placeholder-3d9f7c1a';

interface Entry {
  readonly html: string;
  readonly stamp: string;
  readonly at: number;
}

/**
 * Kept pages are bounded by count and by size: a page of Vietnamese text is held by V8 as two bytes a
 * character, so 500 long articles could hold tens of MB; `maxChars` keeps the cache's share of the
 * server's memory known (4 million characters, about 8 MB).
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 60_000,
    private readonly maxChars = 4_000_000,
  ) {}

  /** Characters held, over all entries. */
  get size(): number {
    return this.chars;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.chars -= e.html.length;
    this.entries.delete(key);
  }

  get(key: string, stamp: string, now = Date.now()): string | undefined {
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    if (e.stamp !== stamp || now - e.at > this.ttlMs) {
      this.drop(key);
      return undefined;
    }
    // Refresh its place: the map's order is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.html;
  }

  set(key: string, stamp: string, html: string, now = Date.now()): void {
    this.drop(key);
    if (html.length > this.maxChars) return;
    this.entries.set(key, { html, stamp, at: now });
    this.chars += html.length;
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }
}

/** What makes a cached page stale: publication, any edit (updated_at), and ratings. */
export const articleStamp = (a: { updated_at: string; rating_count: number; live_revision_id: number | null; is_public: number }): string =>
  `${a.updated_at}|${a.rating_count}|${a.live_revision_id ?? ''}|${a.is_public}`;
