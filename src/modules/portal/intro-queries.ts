/** Reads for the introduction pages: page texts, the organisation chart, leaders and the contact directory. */
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { fold } from '../../platform/text/fold.ts';

/** The introduction pages in menu order; the slug is also the last segment of the public address. */
export const INTRO_SLUGS = ['chuc-nang-nhiem-vu', 'co-cau-to-chuc', 'lanh-dao', 'danh-ba', 'lien-he'] as const;
export type IntroSlug = (typeof INTRO_SLUGS)[number];
export const isIntroSlug = (value: string): value is IntroSlug => (INTRO_SLUGS as readonly string[]).includes(value);

export interface IntroPage {
  readonly id: number;
  readonly slug: string;
  readonly title_vi: string;
  readonly title_en: string;
  readonly body_vi: string;
  readonly body_en: string;
  readonly agency_id: number | null;
  readonly version: number;
  readonly updated_at: string;
}

const pageColumns = ['id', 'slug', 'title_vi', 'title_en', 'body_vi', 'body_en', 'agency_id', 'version', 'updated_at'] as const;

export const introPageBySlug = (db: Db, slug: string): Promise<IntroPage | undefined> =>
  db.selectFrom('pages').select(pageColumns).where('slug', '=', slug).executeTakeFirst();

/** The introduction pages that exist, in menu order. */
export async function introPages(db: Db): Promise<IntroPage[]> {
  const rows = await db.selectFrom('pages').select(pageColumns).where('slug', 'in', [...INTRO_SLUGS]).execute();
  return rows.sort((a, b) => INTRO_SLUGS.indexOf(a.slug as IntroSlug) - INTRO_SLUGS.indexOf(b.slug as IntroSlug));
}

/** Introduction pages of the given agencies (for their administrators). */
export async function introPagesOfAgencies(db: Db, agencyIds: readonly number[]): Promise<IntroPage[]> {
  if (agencyIds.length === 0) return [];
  return (await introPages(db)).filter((p) => p.agency_id !== null && agencyIds.includes(p.agency_id));
}

export interface OrgUnit {
  readonly id: number;
  readonly agency_id: number;
  readonly parent_id: number | null;
  readonly name_vi: string;
  readonly name_en: string;
  readonly sort_order: number;
}

export const orgUnitsOfAgency = (db: Db, agencyId: number): Promise<OrgUnit[]> =>
  db.selectFrom('org_units').select(['id', 'agency_id', 'parent_id', 'name_vi', 'name_en', 'sort_order']).where('agency_id', '=', agencyId).orderBy('sort_order').orderBy('id').execute();

export interface OrgNode {
  readonly unit: OrgUnit;
  readonly children: OrgNode[];
}

/** Arranges units as a tree; a unit whose parent is missing is shown at the top level rather than lost. */
export function orgTree(units: readonly OrgUnit[]): OrgNode[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parent_id === null ? undefined : nodes.get(node.unit.parent_id);
    (parent === undefined ? roots : parent.children).push(node);
  }
  return roots;
}

export interface Person {
  readonly id: number;
  readonly agency_id: number;
  readonly full_name: string;
  readonly position_vi: string;
  readonly position_en: string;
  readonly duties_vi: string | null;
  readonly duties_en: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly portrait_url: string | null;
  readonly is_leader: number;
  readonly sort_order: number;
}

const personColumns = ['id', 'agency_id', 'full_name', 'position_vi', 'position_en', 'duties_vi', 'duties_en', 'phone', 'email', 'portrait_url', 'is_leader', 'sort_order'] as const;

export const leadersOfAgency = (db: Db, agencyId: number): Promise<Person[]> =>
  db.selectFrom('people').select(personColumns).where('agency_id', '=', agencyId).where('is_leader', '=', 1).orderBy('sort_order').orderBy('id').execute();

export interface DirectoryEntry {
  readonly id: number;
  readonly agency_id: number | null;
  readonly unit_vi: string;
  readonly unit_en: string;
  readonly person: string | null;
  readonly position_vi: string | null;
  readonly position_en: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly sort_order: number;
}

const entryColumns = ['id', 'agency_id', 'unit_vi', 'unit_en', 'person', 'position_vi', 'position_en', 'phone', 'email', 'sort_order'] as const;

/** The folded text a directory entry is found by (both languages, person, phone, email). */
export const directorySearchText = (e: { unit_vi: string; unit_en: string; person: string | null; position_vi: string | null; position_en: string | null; phone: string | null; email: string | null }): string =>
  fold([e.unit_vi, e.unit_en, e.person, e.position_vi, e.position_en, e.phone, e.email].filter((v) => v !== null && v !== '').join(' | '));

/** An agency's directory; with `query`, only entries containing every folded word of it. */
export async function directoryOfAgency(db: Db, agencyId: number, query = ''): Promise<DirectoryEntry[]> {
  let q = db.selectFrom('directory_entries').select(entryColumns).where('agency_id', '=', agencyId);
  for (const word of fold(query).split(/\s+/).filter((w) => w !== '').slice(0, 8)) {
    // Both sides are folded in code, so LIKE needs no collation; its wildcards in the query are escaped
    // (SQLite has no default escape character, hence the explicit ESCAPE on both engines).
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<SqlBool>`search_text like ${pattern} escape '\\'`);
  }
  return q.orderBy('sort_order').orderBy('id').execute();
}
