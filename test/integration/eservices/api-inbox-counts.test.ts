import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { build } from '../../helpers/build.ts';
import { act, cloneDossier, submitted } from './inbox-helpers.ts';
import { signedIn } from './helpers.ts';

/** The kept counts (triggers of migration 0127) against a count of the dossiers themselves. */
async function assertCountsKept(store: DbHandle): Promise<void> {
  const kept = await store.db.selectFrom('dossier_status_counts').select(['agency_id', 'procedure_id', 'status', 'n']).where('n', '!=', 0).orderBy('agency_id').orderBy('procedure_id').orderBy('status').execute();
  const counted = await store.db
    .selectFrom('dossiers')
    .select(['agency_id', 'procedure_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['agency_id', 'procedure_id', 'status'])
    .orderBy('agency_id')
    .orderBy('procedure_id')
    .orderBy('status')
    .execute();
  assert.deepEqual(kept.map((r) => ({ ...r, n: Number(r.n) })), counted.map((r) => ({ ...r, n: Number(r.n) })));
}

test('the inbox counts kept by triggers follow drafts, submissions, steps, moves and deletions, and the inbox shows them', async (t) => {
  const { app, store } = await build(t);
  const { id } = await submitted(app, store);
  await assertCountsKept(store);
  const officer = await signedIn(app, store, 'officer');
  assert.equal((await act(officer, id, 'accept')).status, 303);
  await assertCountsKept(store);
  await cloneDossier(store, id, 60, { status: 'submitted' });
  await assertCountsKept(store);
  const other = await store.db.selectFrom('procedures').select('id').where('code', '!=', '1.003868').orderBy('id').executeTakeFirstOrThrow();
  await store.db.updateTable('dossiers').set({ procedure_id: other.id }).where('id', '=', id).execute();
  await assertCountsKept(store);
  const victim = await store.db.selectFrom('dossiers').select('id').where('status', '=', 'submitted').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await store.db.deleteFrom('dossiers').where('id', '=', victim.id).execute();
  await assertCountsKept(store);

  // The page's totals come from the kept counts: 59 submitted, 1 accepted; 60 in all; the procedure filter.
  const all = await officer.get('/quan-tri/ho-so');
  assert.equal(all.status, 200);
  const submittedPage = await officer.get('/quan-tri/ho-so?trang-thai=submitted&trang=2');
  assert.equal(submittedPage.status, 200);
  const rows = (body: string) => (body.match(/href="\/quan-tri\/ho-so\/\d+"/g) ?? []).length;
  assert.equal(rows(submittedPage.body), 9, 'page 2 of 59 submitted dossiers holds 9');
  const byProcedure = await officer.get(`/quan-tri/ho-so?thu-tuc=${other.id}`);
  assert.equal(rows(byProcedure.body), 1);
});
