/** A procedure in the portal's search (type `procedure`), found by its code, name and content. */
import type { Db } from '../../platform/db/index.ts';
import { indexDocument } from '../../platform/search/engine.ts';

export const PROCEDURE_SEARCH_TYPE = 'procedure';

export async function indexProcedure(
  db: Db,
  p: { id: number; code: string; name_vi: string; steps_vi: string; applicants_vi: string; legal_basis: string },
): Promise<void> {
  await indexDocument(db, {
    type: PROCEDURE_SEARCH_TYPE,
    id: p.id,
    title: `${p.name_vi} (${p.code})`,
    body: [p.applicants_vi, p.steps_vi, p.legal_basis].join('\n'),
    url: `/thu-tuc/${encodeURIComponent(p.code)}`,
    publishedAt: null,
  });
}
