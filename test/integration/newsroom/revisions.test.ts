import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { articleForm, categoryId, publishedArticle, signedIn, step } from './helpers.ts';

const versionIn = (html: string): string => /name="version" value="(\d+)"/.exec(html)![1]!;

test('editing a published article keeps the live revision online until the new one is published', async (t) => {
  const { app, store } = await build(t);
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  const { id, path } = await publishedArticle(app, store, articleForm(cat, { title: 'Cổng dịch vụ công mức độ 3', body: 'Phiên bản đầu tiên của bài.' }));
  const editor = await signedIn(app, store, 'editor');
  const form = await editor.get(`/quan-tri/tin-bai/${id}`);
  const saved = await editor.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { title: 'Cổng dịch vụ công mức độ 3 và 4', body: 'Phiên bản thứ hai, đã sửa số liệu.' }), version: versionIn(form.body) });
  assert.equal(saved.status, 303);

  const reader = new Client(app);
  const live = await reader.get(path);
  assert.equal(live.status, 200, 'the old revision stays online, at the same address');
  assert.match(live.body, /Phiên bản đầu tiên của bài/);
  assert.doesNotMatch(live.body, /Phiên bản thứ hai/);
  const searchOld = JSON.parse((await reader.get('/api/v1/search?q=phien+ban+dau+tien')).body) as { total: number };
  assert.equal(searchOld.total, 1);

  const editing = await editor.get(`/quan-tri/tin-bai/${id}`);
  assert.match(editing.body, /Bản nháp/);
  assert.match(editing.body, /bạn đọc đang thấy phiên bản đã đăng trước đó/);

  for (const action of ['submit', 'approve', 'publish']) assert.equal((await step(editor, id, action)).status, 303, action);
  const updated = await reader.get(path);
  assert.match(updated.body, /Phiên bản thứ hai, đã sửa số liệu/);
  assert.match(updated.body, /Cổng dịch vụ công mức độ 3 và 4/);
  assert.equal(JSON.parse((await reader.get('/api/v1/search?q=phien+ban+dau+tien')).body).total, 0);
  assert.equal(JSON.parse((await reader.get('/api/v1/search?q=%22da+sua+so+lieu%22')).body).total, 1);
});

test('every revision is kept with a readable diff, and an old one can be restored', async (t) => {
  const { app, store } = await build(t);
  const writer = await signedIn(app, store, 'writer');
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  await writer.get('/quan-tri/tin-bai/moi');
  const created = await writer.post('/quan-tri/tin-bai/moi', articleForm(cat, { body: 'Dòng một.\n\nDòng hai cũ.' }));
  const id = Number(/(\d+)\?ok=tao/.exec(created.location!)![1]);
  const form = await writer.get(`/quan-tri/tin-bai/${id}`);
  await writer.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { body: 'Dòng một.\n\nDòng hai mới.' }), version: versionIn(form.body) });

  const history = await writer.get(`/quan-tri/tin-bai/${id}/phien-ban`);
  assert.equal(history.status, 200);
  assert.match(history.body, />#1</);
  assert.match(history.body, />#2</);
  assert.match(history.body, /<del>Dòng hai cũ\.<\/del>/);
  assert.match(history.body, /<ins>Dòng hai mới\.<\/ins>/);

  await writer.get(`/quan-tri/tin-bai/${id}/phien-ban?so=1`);
  const restored = await writer.post(`/quan-tri/tin-bai/${id}/phien-ban/1/khoi-phuc`, {});
  assert.equal(restored.status, 303);
  const after = await writer.get(`/quan-tri/tin-bai/${id}`);
  assert.match(after.body, /Dòng hai cũ\./);
  const count = await store.db.selectFrom('article_revisions').select('number').where('article_id', '=', id).execute();
  assert.equal(count.length, 3, 'restoring adds a revision, history is never rewritten');
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(id)).where('action', '=', 'newsroom.revision_restored').execute();
  assert.equal(audit.length, 1);
});

test('two people editing: the second save is refused with 409, shows what changed, and keeps the typed text', async (t) => {
  const { app, store } = await build(t);
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  const editor = await signedIn(app, store, 'editor');
  await editor.get('/quan-tri/tin-bai/moi');
  const created = await editor.post('/quan-tri/tin-bai/moi', articleForm(cat, { body: 'Nội dung gốc.' }));
  const id = Number(/(\d+)\?ok=tao/.exec(created.location!)![1]);
  const writerLike = await signedIn(app, store, 'admin');

  const formA = await editor.get(`/quan-tri/tin-bai/${id}`);
  const formB = await writerLike.get(`/quan-tri/tin-bai/${id}`);
  const first = await editor.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { body: 'Bản của người thứ nhất.' }), version: versionIn(formA.body) });
  assert.equal(first.status, 303);
  const second = await writerLike.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { body: 'Bản của người thứ hai.' }), version: versionIn(formB.body) });
  assert.equal(second.status, 409);
  assert.match(second.body, /vừa được người khác lưu/);
  assert.match(second.body, /<ins>Bản của người thứ nhất\.<\/ins>/);
  assert.match(second.body, /<textarea[^>]*name="body"[^>]*>Bản của người thứ hai\.<\/textarea>/);
  const revisions = await store.db.selectFrom('article_revisions').select('body').where('article_id', '=', id).orderBy('number').execute();
  assert.equal(revisions.length, 2);
  assert.match(revisions[1]!.body, /người thứ nhất/);
  // Saving again from the conflict page is a deliberate overwrite, and succeeds.
  const again = await writerLike.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { body: 'Bản của người thứ hai.' }), version: versionIn(second.body) });
  assert.equal(again.status, 303);
});

test('unpublishing and archiving take the article offline, out of search and feeds', async (t) => {
  const { app, store } = await build(t);
  const cat = await categoryId(store, 'bao-chi-xuat-ban');
  const { id, path } = await publishedArticle(app, store, articleForm(cat, { title: 'Quy chế phát ngôn và cung cấp thông tin cho báo chí' }));
  const reader = new Client(app);
  assert.equal((await reader.get(path)).status, 200);
  const editor = await signedIn(app, store, 'editor');
  assert.equal((await step(editor, id, 'unpublish')).status, 303);
  assert.equal((await reader.get(path)).status, 404);
  assert.equal(JSON.parse((await reader.get('/api/v1/search?q=quy+che+phat+ngon&type=article')).body).total, 0);
  assert.doesNotMatch((await reader.get('/tin-tuc/rss.xml')).body, /quy-che-phat-ngon/);
  assert.doesNotMatch((await reader.get('/sitemap.xml')).body, /quy-che-phat-ngon/);
  assert.equal((await step(editor, id, 'publish')).status, 303);
  assert.equal((await reader.get(path)).status, 200);
  assert.equal((await step(editor, id, 'archive')).status, 303);
  assert.equal((await reader.get(path)).status, 404);
});
