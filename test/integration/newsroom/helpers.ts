/** Shared steps for the newsroom tests: signing demo staff in, writing an article through the forms. */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { createSession } from '../../../src/platform/auth/session.ts';
import { Client } from '../../helpers/client.ts';

/** A client signed in as a demo account (writer, editor, …), with a CSRF token ready. */
export async function signedIn(app: FastifyInstance, store: DbHandle, handle: string): Promise<Client> {
  const user = await store.db.selectFrom('users').select('id').where('email', '=', `${handle}@laocai.example.vn`).executeTakeFirstOrThrow();
  const { token } = await createSession(store.db, user.id, { mfaPending: false });
  const client = new Client(app);
  client.cookies.set('sid', token);
  await client.get('/quan-tri/tin-bai');
  return client;
}

export async function categoryId(store: DbHandle, slug: string): Promise<number> {
  const row = await store.db.selectFrom('news_categories').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

export const articleForm = (category: number, extra: Record<string, string> = {}): Record<string, string> => ({
  title: 'Hội nghị đánh giá chất lượng dịch vụ viễn thông',
  slug: '',
  lead: 'Sở Thông tin và Truyền thông tổ chức hội nghị với các doanh nghiệp viễn thông.',
  body: 'Đoạn thứ nhất về chất lượng dịch vụ.\n\nĐoạn thứ hai về hạ tầng dùng chung.',
  author_byline: 'Thùy Linh',
  source: 'Sở TT&TT Lào Cai',
  event_date: '2026-11-20',
  category_id: String(category),
  tags: 'viễn thông, chất lượng dịch vụ',
  note: '',
  ...extra,
});

/** Creates a draft through the form; returns its id. */
export async function createDraft(client: Client, form: Record<string, string>): Promise<number> {
  await client.get('/quan-tri/tin-bai/moi');
  const res = await client.post('/quan-tri/tin-bai/moi', form);
  assert.equal(res.status, 303, res.body.slice(0, 2000));
  const m = /\/quan-tri\/tin-bai\/(\d+)\?ok=tao/.exec(res.location ?? '');
  assert.ok(m, res.location);
  return Number(m[1]);
}

export async function step(client: Client, id: number, action: string, extra: Record<string, string> = {}) {
  await client.get(`/quan-tri/tin-bai/${id}`);
  return client.post(`/quan-tri/tin-bai/${id}/buoc`, { action, ...extra });
}

/** Creates and publishes an article as editor; returns id and public path. */
export async function publishedArticle(app: FastifyInstance, store: DbHandle, form: Record<string, string>): Promise<{ id: number; path: string }> {
  const editor = await signedIn(app, store, 'editor');
  const id = await createDraft(editor, form);
  for (const action of ['submit', 'approve', 'publish']) assert.equal((await step(editor, id, action)).status, 303, action);
  const row = await store.db.selectFrom('articles as a').innerJoin('news_categories as c', 'c.id', 'a.category_id').select(['a.slug', 'c.slug as cat']).where('a.id', '=', id).executeTakeFirstOrThrow();
  return { id, path: `/tin-tuc/${row.cat}/${row.slug}` };
}
