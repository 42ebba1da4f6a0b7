import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { articleForm, categoryId, createDraft, publishedArticle, signedIn } from './helpers.ts';

test('the rich-text editor is served from our origin; an editor\'s empty paragraph is no body; image alt is required', async (t) => {
  const { app, store } = await build(t);
  const script = await new Client(app).get('/vendor/squire.js');
  assert.equal(script.status, 200);
  assert.match(String(script.headers['content-type']), /^text\/javascript/);
  assert.match(script.body, /window\.Squire=/);

  const writer = await signedIn(app, store, 'writer');
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  const form = await writer.get('/quan-tri/tin-bai/moi');
  // The textarea is the field; the toolbar and editing surface are hidden until the script runs.
  assert.match(form.body, /<textarea id="f-body" name="body"/);
  assert.match(form.body, /<div class="rich-toolbar" role="toolbar"[^>]* hidden/);
  assert.match(form.body, /<script src="\/vendor\/squire.js" defer><\/script>/);

  const empty = await writer.post('/quan-tri/tin-bai/moi', articleForm(cat, { body: '<p><br></p>' }));
  assert.equal(empty.status, 422);
  assert.match(empty.body, /id="f-body-error"/);
  const noAlt = await writer.post('/quan-tri/tin-bai/moi', articleForm(cat, { body: '<h2>Mục</h2><p>Ảnh <img src="/assets/emblem.svg" alt=" "></p>' }));
  assert.equal(noAlt.status, 422);
  assert.match(noAlt.body, /1 ảnh chưa có mô tả/);
  // What the editor produces is kept: headings, bold, lists, quote, links, images with alt.
  const rich = '<h2>Mục một</h2><p>Đoạn <b>đậm</b> và <i>nghiêng</i> <a href="https://laocai.gov.vn">liên kết</a></p><ul><li>Một</li></ul><ol><li>Hai</li></ol><blockquote><p>Trích</p></blockquote><p><img src="/assets/emblem.svg" alt="Quốc huy"></p>';
  const id = await createDraft(writer, articleForm(cat, { body: rich }));
  const saved = await store.db.selectFrom('articles as a').innerJoin('article_revisions as r', 'r.id', 'a.working_revision_id').select('r.body').where('a.id', '=', id).executeTakeFirstOrThrow();
  for (const part of ['<h2>Mục một</h2>', '<b>đậm</b>', '<i>nghiêng</i>', '<ul><li>Một</li></ul>', '<ol><li>Hai</li></ol>', '<blockquote>', 'alt="Quốc huy"']) assert.ok(saved.body.includes(part), part);
});

test('related articles: picked by search or number, shown in the editor\'s order, else the same category; bad ids refused', async (t) => {
  const { app, store } = await build(t, { demo: true });
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  const other = await categoryId(store, 'bao-chi-xuat-ban');
  const a = await publishedArticle(app, store, articleForm(other, { title: 'Hạ tầng băng rộng vùng cao', tags: 'băng rộng' }));
  const b = await publishedArticle(app, store, articleForm(other, { title: 'Chữ ký số cho người dân', tags: 'chữ ký số' }));
  const sibling = await publishedArticle(app, store, articleForm(cat, { title: 'Tin cùng chuyên mục', tags: 'riêng một' }));

  const editor = await signedIn(app, store, 'editor');
  const id = await createDraft(editor, articleForm(cat, { title: 'Bài có bài liên quan', tags: 'riêng hai' }));
  // The picker finds published articles by words without diacritics, and by number.
  const found = await editor.get(`/quan-tri/tin-bai/${id}?lien-quan=${encodeURIComponent('bang rong')}`);
  assert.equal(found.status, 200);
  assert.match(found.body, new RegExp(`#${a.id} — Hạ tầng băng rộng vùng cao`));
  const byNumber = await editor.get(`/quan-tri/tin-bai/${id}?lien-quan=%23${b.id}`);
  assert.match(byNumber.body, new RegExp(`#${b.id} — Chữ ký số cho người dân`));

  const version = async () => String((await store.db.selectFrom('articles').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version);
  const self = await editor.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { title: 'Bài có bài liên quan', related: `${id}` }), version: await version() });
  assert.equal(self.status, 422);
  assert.match(self.body, /Bài liên quan phải là mã số/);
  const junk = await editor.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { title: 'Bài có bài liên quan', related: '12abc' }), version: await version() });
  assert.equal(junk.status, 422);
  assert.match(junk.body, /value="12abc"/);
  const missing = await editor.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { title: 'Bài có bài liên quan', related: '999999' }), version: await version() });
  assert.equal(missing.status, 422);

  const ok = await editor.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { title: 'Bài có bài liên quan', related: `${b.id}, ${a.id}` }), version: await version() });
  assert.equal(ok.status, 303);
  const editPage = await editor.get(`/quan-tri/tin-bai/${id}`);
  assert.match(editPage.body, new RegExp(`value="${b.id}, ${a.id}"`));
  assert.match(editPage.body, new RegExp(`#${b.id} — Chữ ký số cho người dân`));
  for (const action of ['submit', 'approve', 'publish']) {
    await editor.get(`/quan-tri/tin-bai/${id}`);
    assert.equal((await editor.post(`/quan-tri/tin-bai/${id}/buoc`, { action })).status, 303);
  }
  const slug = (await store.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  const page = await new Client(app).get(`/tin-tuc/cong-nghe-thong-tin/${slug}`);
  const related = page.body.slice(page.body.indexOf('id="related-title"'));
  const posB = related.indexOf('Chữ ký số cho người dân');
  const posA = related.indexOf('Hạ tầng băng rộng vùng cao');
  const posSibling = related.indexOf('Tin cùng chuyên mục');
  assert.ok(posB > 0 && posA > posB && posSibling > posA, 'chosen first in order, then the same category');
  void sibling;
});

test('tags: linked from the article page; the tag page lists published articles only; unknown tag is 404', async (t) => {
  const { app, store } = await build(t, { demo: true });
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  const one = await publishedArticle(app, store, articleForm(cat, { title: 'Mạng 5G phủ sóng thành phố', tags: 'Viễn thông, 5G' }));
  await publishedArticle(app, store, articleForm(cat, { title: 'Trạm BTS mới ở Sa Pa', tags: 'viễn thông' }));
  const writer = await signedIn(app, store, 'writer');
  await createDraft(writer, articleForm(cat, { title: 'Bản nháp viễn thông chưa đăng', tags: 'viễn thông' }));

  const page = await new Client(app).get(one.path);
  assert.match(page.body, /<a href="\/tin-tuc\/the\/vien-thong" rel="tag">Viễn thông<\/a>/);
  assert.match(page.body, /<a href="\/tin-tuc\/the\/5g" rel="tag">5G<\/a>/);
  const tag = await new Client(app).get('/tin-tuc/the/vien-thong');
  assert.equal(tag.status, 200);
  assert.match(tag.body, /<h1>Thẻ: Viễn thông<\/h1>/);
  assert.match(tag.body, /Mạng 5G phủ sóng thành phố/);
  assert.match(tag.body, /Trạm BTS mới ở Sa Pa/);
  assert.doesNotMatch(tag.body, /Bản nháp viễn thông/);
  assert.equal((await new Client(app).get('/tin-tuc/the/khong-co-the-nay')).status, 404);
  assert.equal((await new Client(app).get('/tin-tuc/the/%3Cscript%3E')).status, 404);
  assert.equal((await new Client(app).get('/tin-tuc/the/vien-thong?trang=99')).status, 404);
});

test('related box: articles sharing a tag, newest first, published ones only, then the same category', async (t) => {
  const { app, store } = await build(t, { demo: true });
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  const page = await publishedArticle(app, store, articleForm(cat, { title: 'Cáp quang đến bản vùng cao', tags: 'cáp quang' }));
  const older = await publishedArticle(app, store, articleForm(cat, { title: 'Tuyến cáp quang thứ nhất', tags: 'cáp quang' }));
  const newer = await publishedArticle(app, store, articleForm(cat, { title: 'Tuyến cáp quang thứ hai', tags: 'Cáp quang' }));
  const plain = await publishedArticle(app, store, articleForm(cat, { title: 'Tin cùng chuyên mục, không có thẻ' }));
  const writer = await signedIn(app, store, 'writer');
  const draft = await createDraft(writer, articleForm(cat, { title: 'Cáp quang chưa đăng', tags: 'cáp quang' }));
  await store.db.updateTable('articles').set({ published_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', older.id).execute();
  await store.db.updateTable('articles').set({ published_at: '2021-01-01T00:00:00.000Z' }).where('id', '=', newer.id).execute();
  const { relatedPublicArticles, articlePageBySlug } = await import('../../../src/modules/newsroom/queries.ts');
  const now = new Date().toISOString();
  const related = await relatedPublicArticles(store.db, now, { id: page.id, category_id: cat }, 3);
  assert.deepEqual(related.map((r) => r.id), [newer.id, older.id, plain.id], 'tag mates newest first, then the category; no draft, not the page itself');
  assert.ok(!related.some((r) => r.id === draft));
  // The page reads its tag mates and its category's newest with the article (JSON columns): the same
  // articles, field for field (timestamps as ISO strings, numbers as numbers), with or without tag mates.
  const slug = (await store.db.selectFrom('articles').select('slug').where('id', '=', page.id).executeTakeFirstOrThrow()).slug;
  const data = (await articlePageBySlug(store.db, slug, now))!;
  assert.deepEqual(data.tags.map((tag) => tag.name), ['cáp quang']);
  assert.deepEqual(await relatedPublicArticles(store.db, now, data.article, 3, data.related), related);
  assert.deepEqual(await relatedPublicArticles(store.db, now, data.article, 5, data.related), await relatedPublicArticles(store.db, now, data.article, 5));
  const plainSlug = (await store.db.selectFrom('articles').select('slug').where('id', '=', plain.id).executeTakeFirstOrThrow()).slug;
  const plainData = (await articlePageBySlug(store.db, plainSlug, now))!;
  assert.deepEqual(plainData.related.mateIds, []);
  assert.ok(plainData.related.sameCategory.length >= 3, 'the category has other published articles');
  assert.deepEqual(await relatedPublicArticles(store.db, now, plainData.article, 5, plainData.related), await relatedPublicArticles(store.db, now, plainData.article, 5));
  // An article scheduled for later is not shown before its time.
  await store.db.updateTable('articles').set({ published_at: '2099-01-01T00:00:00.000Z' }).where('id', '=', newer.id).execute();
  const before = await relatedPublicArticles(store.db, new Date().toISOString(), { id: page.id, category_id: cat }, 3);
  assert.equal(before[0]!.id, older.id);
  assert.ok(!before.some((r) => r.id === newer.id));
});
