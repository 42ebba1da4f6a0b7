/** Shared by the inbox, feedback, service-index and API tests: a dossier submitted online, and staff actions. */
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import type { Client } from '../../helpers/client.ts';
import { PDF, PUBLISHING_FORM, signedIn, upload } from './helpers.ts';
import { issuePublishingLicence } from './results-helpers.ts';

export async function submitted(app: FastifyInstance, store: DbHandle): Promise<{ citizen: Client; id: number; code: string }> {
  const citizen = await signedIn(app, store, 'citizen');
  await citizen.get('/thu-tuc/1.003868');
  const draftUrl = (await citizen.post('/thu-tuc/1.003868/nop-truc-tuyen', {})).location ?? '';
  await citizen.get(draftUrl);
  await citizen.post(draftUrl, PUBLISHING_FORM);
  await citizen.get(draftUrl);
  for (const component of ['don-de-nghi', 'ban-thao']) await upload(citizen, `${draftUrl}/tai-lieu`, { component }, { name: `${component}.pdf`, type: 'application/pdf', content: PDF(component) });
  await citizen.get(draftUrl);
  await citizen.post(`${draftUrl}/nop`, {});
  const row = await store.db.selectFrom('dossiers').select(['id', 'code']).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { citizen, id: row.id, code: row.code ?? '' };
}

export async function act(client: Client, id: number, action: string, extra: Record<string, string> = {}) {
  await client.get(`/quan-tri/ho-so/${id}`);
  return client.post(`/quan-tri/ho-so/${id}/xu-ly`, { action, ...extra });
}

/** Takes a submitted dossier through to the returned result (its licence issued first, as the workflow requires). */
export async function returned(app: FastifyInstance, store: DbHandle): Promise<{ citizen: Client; id: number; code: string }> {
  const s = await submitted(app, store);
  const officer = await signedIn(app, store, 'officer');
  const leader = await signedIn(app, store, 'leader');
  await act(officer, s.id, 'accept');
  await act(officer, s.id, 'propose');
  await act(leader, s.id, 'approve');
  await issuePublishingLicence(store, officer, s.id);
  const res = await act(officer, s.id, 'return_result');
  if (res.status !== 303) throw new Error(`return_result: ${res.status}`);
  return s;
}

/** Copies of a submitted dossier (new ids and codes), for counting and paging. */
export async function cloneDossier(store: DbHandle, id: number, count: number, change: Record<string, string | number | null> = {}): Promise<void> {
  const row = await store.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const { id: _id, ...rest } = row;
  const tag = Math.random().toString(36).slice(2, 8);
  const copies = Array.from({ length: count }, (_, i) => ({ ...rest, code: `${row.code ?? ''}-${tag}${i}`, ...change }));
  for (let i = 0; i < copies.length; i += 50) await store.db.insertInto('dossiers').values(copies.slice(i, i + 50)).execute();
}
