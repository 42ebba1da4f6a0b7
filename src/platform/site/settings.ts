/** Site settings: the agency's identity shown in the header and the footer, edited by administrators. */
import type { Locale } from '../../config/index.ts';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';

export const SETTING_KEYS = [
  'portal_name',
  'agency_name',
  'parent_name',
  'emblem_url',
  'address',
  'phone',
  'email',
  'responsible_person',
  'licence_line',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export type SiteSettings = Readonly<Record<SettingKey, { vi: string; en: string }>>;

const EMPTY = { vi: '', en: '' } as const;

export async function siteSettings(db: Db): Promise<SiteSettings> {
  const rows = await db.selectFrom('site_settings').select(['key', 'value_vi', 'value_en']).execute();
  const out = Object.fromEntries(SETTING_KEYS.map((k) => [k, EMPTY])) as Record<SettingKey, { vi: string; en: string }>;
  for (const row of rows) {
    if ((SETTING_KEYS as readonly string[]).includes(row.key)) out[row.key as SettingKey] = { vi: row.value_vi, en: row.value_en };
  }
  return out;
}

export async function saveSiteSettings(db: Db, values: Partial<Record<SettingKey, { vi: string; en: string }>>): Promise<void> {
  const at = nowIso();
  for (const [key, value] of Object.entries(values)) {
    await db
      .insertInto('site_settings')
      .values({ key, value_vi: value.vi, value_en: value.en, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_vi: value.vi, value_en: value.en, updated_at: at }))
      .execute();
  }
}

/** Picks the text for a locale, falling back to Vietnamese when the English text is empty. */
export const inLocale = (value: { vi: string; en: string }, locale: Locale): string => (locale === 'en' && value.en !== '' ? value.en : value.vi);

/**
 * Settings change rarely and appear on every page: keep them in memory for a few seconds.
 * Saving through `saveSiteSettings` in this process clears the cache at once; other processes
 * see the change when their copy expires.
 *
 * The object handed out stays the same for as long as the settings' content does, across reads:
 * pages kept by the page caches remember the settings object they were rendered with and are
 * rendered again only when it changes (a new object for every read dropped them all every few seconds).
 */
export class SiteSettingsCache {
  /** The last settings read and their content, to compare the next read with. */
  private last: { settings: SiteSettings; content: string } | undefined;
  /** When they were read; 0 after `clear()`, so that the next `get()` reads them again. */
  private loadedAt = 0;
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
  ) {}

  async get(): Promise<SiteSettings> {
    if (this.last === undefined || Date.now() - this.loadedAt > this.ttlMs) {
      const read = await siteSettings(this.db);
      const content = JSON.stringify(read);
      if (this.last === undefined || this.last.content !== content) this.last = { settings: read, content };
      this.loadedAt = Date.now();
    }
    return this.last.settings;
  }

  /** The settings `get()` would give without reading the database, or undefined when they are due to be read. */
  current(): SiteSettings | undefined {
    return this.last !== undefined && Date.now() - this.loadedAt <= this.ttlMs ? this.last.settings : undefined;
  }

  clear(): void {
    this.loadedAt = 0;
  }
}
