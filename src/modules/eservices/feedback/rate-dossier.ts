/**
 * The applicant rates a dossier once its result is returned: 1–5, where 1 and 2 count as "not
 * satisfied" in Decision 766/QĐ-TTg indicator 5.4. One rating per dossier (a unique index).
 */
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError } from '../../../platform/errors.ts';
import type { DossierRow } from '../dossier-queries.ts';

export const SCORES = [5, 4, 3, 2, 1] as const;

export async function rateDossier(db: Db, dossier: DossierRow, score: string, comment: string): Promise<void> {
  if (dossier.status !== 'returned') throw new AppError('conflict', { score: { key: 'rating.error_not_returned' } });
  if (!/^[1-5]$/.test(score)) throw new AppError('validation', { score: { key: 'rating.error_score' } });
  if ([...comment].length > 2000) throw new AppError('validation', { comment: { key: 'shell.field_too_long', params: { field: 'comment', max: 2000 } } });
  const existing = await db.selectFrom('dossier_ratings').select('id').where('dossier_id', '=', dossier.id).executeTakeFirst();
  if (existing !== undefined) return;
  try {
    await db.insertInto('dossier_ratings').values({ dossier_id: dossier.id, applicant_id: dossier.applicant_id, score: Number(score), comment, created_at: nowIso() }).execute();
  } catch (err) {
    // A second click raced the first: the unique index keeps the first rating, which is what the applicant gave.
    const again = await db.selectFrom('dossier_ratings').select('id').where('dossier_id', '=', dossier.id).executeTakeFirst();
    if (again === undefined) throw err;
  }
}
