/**
 * Rendered article pages for readers who are not signed in, kept in memory.
 *
 * When an entry stops being used:
 *   - at once, when this process publishes, edits, unpublishes or rates an article (`forgetArticle`,
 *     `clear`), or saves the site's settings (the entry remembers the settings it was rendered with);
 *   - within `recheckMs` (one second) when another process does: an entry is served without a query
 *     for that long, then its article's stamp (publication, edits, ratings) is read again and the
 *     entry dropped if it changed;
 *   - after `ttlMs` in any case, so related articles and category names are never older than that.
 *
 * A page is kept only once it is asked for again within the TTL (`admit`), or at once when a kept copy
 * of it was dropped: a page read once, most of a large archive, is sent without being kept.
 *
 * The page is kept as UTF-8 bytes around one hole, the view count. The bodies sent (plain, Brotli,
 * gzip) are made from it when first asked for and kept until the next check, so the count shown is
 * at most a second old and a hit costs no formatting, copying or compressing. A hit on an entry
 * checked within the second is answered before the framework (public-routes.ts, through the
 * platform's shortcuts): the route itself answers misses and the checks.
 */
import { compressBody, type ContentEncoding } from '../../platform/http/encoding.ts';
import { encodeUtf8 } from '../../platform/text/utf8.ts';

export const VIEW_COUNT_MARK = 'view-count-mark-3d9f7c1a';

/**
 * A kept page, encoded once: the UTF-8 bytes before and after the view count. Writing a string to a
 * socket costs its encoding on every response (for Vietnamese text, a two-byte string in V8); the
 * bytes are written as they are.
 */
export class CachedPage {
  private constructor(
    private readonly parts: readonly Buffer[],
    readonly bytes: number,
  ) {}

  static of(html: string): CachedPage {
    const parts = html.split(VIEW_COUNT_MARK).map(encodeUtf8);
    return new CachedPage(parts, parts.reduce((n, b) => n + b.length, 0));
  }

  /** The page with the view count written at its mark. */
  fill(views: string): Buffer {
    if (this.parts.length === 1) return this.parts[0]!;
    const count = Buffer.from(views, 'utf8');
    const out = Buffer.allocUnsafe(this.bytes + count.length * (this.parts.length - 1));
    let at = this.parts[0]!.copy(out, 0);
    for (let i = 1; i < this.parts.length; i++) {
      at += count.copy(out, at);
      at += this.parts[i]!.copy(out, at);
    }
    return out;
  }
}

/** What the route needs to answer from the cache, and to know when to look at the database again. */
export interface CachedArticle {
  readonly key: string;
  readonly page: CachedPage;
  readonly articleId: number;
  /** The article's stamp when the page was rendered. */
  readonly stamp: string;
  /** The site settings object the page was rendered with. */
  readonly site: object;
  readonly at: number;
  /** When the stamp was last compared with the database. */
  checkedAt: number;
  /** The stored view count read at that time (views counted since are added when shown). */
  viewCount: number;
  /** The bodies made since that time, by encoding. */
  bodies: Partial<Record<ContentEncoding, Buffer>>;
}

/**
 * Kept pages are bounded by count and by size in bytes (8 MB by default), so the cache's share of
 * the server's memory is known.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedArticle>();
  private bytes = 0;
  /** Pages asked for and not kept, with when (insertion order is age): see `admit`. */
  private readonly askedOnce = new Map<string, number>();

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 60_000,
    private readonly maxBytes = 8_000_000,
    /** How long an entry is served before its stamp is read from the database again. */
    readonly recheckMs = 1_000,
  ) {}

  /** Bytes held, over all entries. */
  get size(): number {
    return this.bytes;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.dropBodies(e);
    this.bytes -= e.page.bytes;
    this.entries.delete(key);
    // A page that was kept is likely to be read again: its next rendering is kept at once.
    this.remember(key, Date.now());
  }

  private remember(key: string, now: number): void {
    this.askedOnce.delete(key);
    this.askedOnce.set(key, now);
    while (this.askedOnce.size > this.maxEntries * 4) this.askedOnce.delete(this.askedOnce.keys().next().value!);
  }

  /**
   * Whether the page about to be rendered for `key` is worth keeping: one asked for before within the
   * TTL (or kept before), not one asked for the first time. Most of a large archive is read once in a
   * while (a reader from a search engine, a crawler): keeping each of those pages would cost the copy
   * and the memory for nothing, and push the pages read all the time out of the cache.
   */
  admit(key: string, now = Date.now()): boolean {
    const asked = this.askedOnce.get(key);
    if (asked !== undefined && now - asked <= this.ttlMs) {
      this.askedOnce.delete(key);
      return true;
    }
    this.remember(key, now);
    return false;
  }

  /** The entry for `key` while it is younger than the TTL and rendered with these settings. */
  get(key: string, site: object, now = Date.now()): CachedArticle | undefined {
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    if (now - e.at > this.ttlMs || e.site !== site) {
      this.drop(key);
      return undefined;
    }
    // Refresh its place: the map's order is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Keeps the page (with its view-count mark); returns the entry, or undefined when it is too large to keep. */
  set(key: string, entry: { articleId: number; stamp: string; site: object; viewCount: number; html: string }, now = Date.now()): CachedArticle | undefined {
    this.drop(key);
    const page = CachedPage.of(entry.html);
    if (page.bytes > this.maxBytes) return undefined;
    const kept: CachedArticle = { key, page, articleId: entry.articleId, stamp: entry.stamp, site: entry.site, viewCount: entry.viewCount, at: now, checkedAt: now, bodies: {} };
    this.entries.set(key, kept);
    this.bytes += page.bytes;
    this.evict();
    return kept;
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  /**
   * The body to send in `encoding`: made once from the page with the view count `views()` gives,
   * then sent as it is until the entry is checked again.
   */
  body(entry: CachedArticle, encoding: ContentEncoding, views: () => string): Buffer {
    const made = entry.bodies[encoding];
    if (made !== undefined) return made;
    const plain = entry.bodies.identity ?? this.keep(entry, 'identity', entry.page.fill(views()));
    return encoding === 'identity' ? plain : this.keep(entry, encoding, compressBody(plain, encoding));
  }

  private keep(entry: CachedArticle, encoding: ContentEncoding, body: Buffer): Buffer {
    entry.bodies[encoding] = body;
    // An entry dropped meanwhile is no longer counted; its bodies go with it.
    if (this.entries.get(entry.key) === entry) {
      this.bytes += body.length;
      this.evict();
    }
    return body;
  }

  /** The entry's stamp was found unchanged: serve it for another `recheckMs`, with the count just read. */
  checked(entry: CachedArticle, viewCount: number, now = Date.now()): void {
    entry.checkedAt = now;
    entry.viewCount = viewCount;
    this.dropBodies(entry);
  }

  private dropBodies(entry: CachedArticle): void {
    for (const b of Object.values(entry.bodies)) this.bytes -= b.length;
    entry.bodies = {};
  }

  /** Drops the entry under `key` (its stamp changed). */
  delete(key: string): void {
    this.drop(key);
  }

  /** Drops every page of one article (in each language), after a rating or an edit of it. */
  forgetArticle(articleId: number): void {
    for (const [key, e] of this.entries) if (e.articleId === articleId) this.drop(key);
  }

  /** Drops every page, after a change that may show on any of them (a publication, a category renamed). */
  clear(): void {
    for (const key of [...this.entries.keys()]) this.drop(key);
  }
}

/** What makes a cached page stale: publication, any edit (updated_at), and ratings. */
export const articleStamp = (a: { updated_at: string; rating_count: number; live_revision_id: number | null; is_public: number }): string =>
  `${a.updated_at}|${a.rating_count}|${a.live_revision_id ?? ''}|${a.is_public}`;
