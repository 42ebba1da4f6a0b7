/** Reading licences: by token (verification), by dossier, by number, and the public register. */
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { containsFolded, countAll } from '../../../platform/db/dialect.ts';
import { fold } from '../../../platform/text/fold.ts';
import type { LicenceKind } from './licence-kinds.ts';
import type { LicencesTable } from './tables.ts';

export type LicenceRow = Selectable<LicencesTable>;

/** The folded text the register searches: number, title, holder and address. */
export const licenceSearchText = (l: { number: string; title: string; holder_name: string; holder_address: string }): string =>
  fold(`${l.number} ${l.title} ${l.holder_name} ${l.holder_address}`);

export function licenceByToken(db: Db, token: string): Promise<LicenceRow | undefined> {
  return db.selectFrom('licences').selectAll().where('token', '=', token).executeTakeFirst();
}

export function licenceOfDossier(db: Db, dossierId: number): Promise<LicenceRow | undefined> {
  return db.selectFrom('licences').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
}

/** Licences with this number (one per year at most), the most recent first. */
export function licencesByNumber(db: Db, number: string, year?: number): Promise<LicenceRow[]> {
  let q = db.selectFrom('licences').selectAll().where('number', '=', number);
  if (year !== undefined) q = q.where('year', '=', year);
  return q.orderBy('year', 'desc').limit(20).execute();
}

export interface RegisterFilter {
  readonly q?: string;
  readonly year?: number;
  readonly kind?: LicenceKind;
}

export const REGISTER_PAGE_SIZE = 20;

/** One page of the register, newest first, with the total count of matches. */
export async function registerPage(db: Db, filter: RegisterFilter, page: number, pageSize = REGISTER_PAGE_SIZE): Promise<{ rows: LicenceRow[]; total: number }> {
  let base = db.selectFrom('licences');
  const q = fold(filter.q ?? '').trim();
  if (q !== '') for (const word of q.split(/\s+/)) base = base.where(containsFolded('search_text', word));
  if (filter.year !== undefined) base = base.where('year', '=', filter.year);
  if (filter.kind !== undefined) base = base.where('kind', '=', filter.kind);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('year', 'desc').orderBy('seq', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select(countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The years in which licences were issued, newest first (for the register's year filter). */
export async function registerYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('licences').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r) => r.year);
}
