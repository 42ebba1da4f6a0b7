import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { publishDueArticles } from '../../../src/modules/newsroom/scheduler.ts';
import { articleForm, categoryId, createDraft, signedIn, step } from './helpers.ts';

test('writer drafts and submits, editor returns, writer fixes, editor approves and schedules; it appears on time everywhere', async (t) => {
  const { app, store } = await build(t);
  const writer = await signedIn(app, store, 'writer');
  const editor = await signedIn(app, store, 'editor');
  const cat = await categoryId(store, 'buu-chinh-vien-thong');
  const id = await createDraft(writer, articleForm(cat, { title: 'Đo kiểm chất lượng dịch vụ di động tại Lào Cai' }));

  // A writer cannot approve or publish.
  assert.equal((await step(writer, id, 'approve')).status, 403);
  assert.equal((await step(writer, id, 'submit')).status, 303);
  // Returning needs a comment.
  const noComment = await step(editor, id, 'return', { comment: '' });
  assert.equal(noComment.status, 422);
  assert.match(noComment.body, /Ghi rõ lý do trả lại/);
  assert.equal((await step(editor, id, 'return', { comment: 'Bổ sung số liệu đo kiểm.' })).status, 303);
  const returned = await writer.get(`/quan-tri/tin-bai/${id}`);
  assert.match(returned.body, /Bổ sung số liệu đo kiểm\./);
  assert.match(returned.body, /Trả lại/);

  const version = /name="version" value="(\d+)"/.exec(returned.body)![1]!;
  const fixed = await writer.post(`/quan-tri/tin-bai/${id}`, { ...articleForm(cat, { title: 'Đo kiểm chất lượng dịch vụ di động tại Lào Cai', body: 'Kết quả đo kiểm: tốc độ tải xuống trung bình đạt yêu cầu.' }), version });
  assert.equal(fixed.status, 303);
  assert.equal((await step(writer, id, 'submit')).status, 303);
  assert.equal((await step(editor, id, 'approve')).status, 303);

  // Scheduling refuses garbage and the past.
  assert.equal((await step(editor, id, 'schedule', { at: 'ngày mai' })).status, 422);
  const inPast = await step(editor, id, 'schedule', { at: '2008-10-06T08:00' });
  assert.equal(inPast.status, 422);
  assert.match(inPast.body, /phải ở tương lai/);
  const soon = new Date(Date.now() + 7 * 3600_000 + 3600_000).toISOString().slice(0, 16);
  assert.equal((await step(editor, id, 'schedule', { at: soon })).status, 303);

  const reader = new Client(app);
  const slug = (await store.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  assert.equal(slug, 'do-kiem-chat-luong-dich-vu-di-dong-tai-lao-cai');
  const path = `/tin-tuc/buu-chinh-vien-thong/${slug}`;
  assert.equal((await reader.get(path)).status, 404, 'not before its time');
  assert.equal(await publishDueArticles(store.db, new Date()), 0);

  // The job is persisted: once its time has passed (here: moved into the past), the next poll publishes it,
  // as the first poll after a restart would.
  const past = new Date(Date.now() - 60_000).toISOString();
  await store.db.updateTable('jobs').set({ run_at: past }).where('kind', '=', 'newsroom.publish_article').execute();
  await store.db.updateTable('articles').set({ scheduled_at: past }).where('id', '=', id).execute();
  assert.equal(await publishDueArticles(store.db), 1);
  assert.equal(await publishDueArticles(store.db), 0, 'a job runs once');
  const page = await reader.get(path);
  assert.equal(page.status, 200);
  assert.match(page.body, /tốc độ tải xuống trung bình/);
  assert.match((await reader.get('/tin-tuc')).body, /Đo kiểm chất lượng dịch vụ di động/);
  assert.match((await reader.get('/tin-tuc/buu-chinh-vien-thong')).body, /Đo kiểm chất lượng dịch vụ di động/);
  for (const q of ['đo kiểm chất lượng', 'do kiem chat luong', 'DO KIEM']) {
    const api = JSON.parse((await reader.get(`/api/v1/search?q=${encodeURIComponent(q)}&type=article`)).body) as { total: number; results: { url: string }[] };
    assert.ok(api.results.some((r) => r.url === path), q);
  }
  assert.match((await reader.get('/tin-tuc/rss.xml')).body, new RegExp(slug));
  assert.match((await reader.get('/tin-tuc/buu-chinh-vien-thong/atom.xml')).body, new RegExp(slug));
  assert.match((await reader.get('/sitemap.xml')).body, new RegExp(slug));

  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'article').where('entity_id', '=', String(id)).orderBy('id').execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['newsroom.article_created', 'newsroom.article_submit', 'newsroom.article_return', 'newsroom.article_edited', 'newsroom.article_submit', 'newsroom.article_approve', 'newsroom.article_schedule', 'newsroom.article_published_on_schedule'],
  );
});

test('bad input in the article form: script is sanitised away, invalid date and missing alt are refused with the values kept', async (t) => {
  const { app, store } = await build(t);
  const writer = await signedIn(app, store, 'writer');
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  await writer.get('/quan-tri/tin-bai/moi');
  const bad = await writer.post('/quan-tri/tin-bai/moi', articleForm(cat, { title: '', event_date: '2008-02-30', body: '<p>Ảnh <img src="https://example.vn/a.png"></p>' }));
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Nhập tiêu đề/);
  assert.match(bad.body, /Ngày không hợp lệ/);
  assert.match(bad.body, /1 ảnh chưa có mô tả/);
  assert.match(bad.body, /value="2008-02-30"/);

  const csrf = await writer.post('/quan-tri/tin-bai/moi', { ...articleForm(cat), _csrf: 'forged' });
  assert.equal(csrf.status, 403);
  assert.match(csrf.body, /Hội nghị đánh giá chất lượng/);

  const evil = '<script>alert(1)</script>';
  const editor = await signedIn(app, store, 'editor');
  const id = await createDraft(editor, articleForm(cat, {
    title: `Tiêu đề ${evil}`,
    lead: `Sa-pô ${evil}`,
    author_byline: `Tác giả <b onmouseover="x()">`,
    body: `<p onclick="alert(1)">Nội dung <a href="javascript:alert(1)">liên kết</a> <img src="https://example.vn/a.png" alt="Ảnh" onerror="alert(1)"></p>${evil}<iframe src="https://evil.example"></iframe>`,
  }));
  for (const action of ['submit', 'approve', 'publish']) assert.equal((await step(editor, id, action)).status, 303);
  const row = await store.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
  const page = await new Client(app).get(`/tin-tuc/cong-nghe-thong-tin/${row.slug}`);
  assert.equal(page.status, 200);
  // Attribute values are escaped by the renderer and cannot open a tag: look at the markup only.
  const markup = page.body.replace(/="[^"]*"/g, '=""');
  assert.doesNotMatch(markup, /<script>alert|<[a-z][^>]*\son[a-z]+=|<iframe/);
  assert.doesNotMatch(page.body, /href="javascript:/);
  assert.match(page.body, /<h1>Tiêu đề &lt;script>alert\(1\)&lt;\/script><\/h1>/);
  assert.match(page.body, /<img src="https:\/\/example.vn\/a.png" alt="Ảnh" \/>|<img src="https:\/\/example.vn\/a.png" alt="Ảnh">/);
  const admin = await editor.get(`/quan-tri/tin-bai/${id}`);
  assert.doesNotMatch(admin.body.replace(/="[^"]*"/g, '=""'), /<script>alert/);
});

test('staff pages need an account with a newsroom role; writers see only their own articles', async (t) => {
  const { app, store } = await build(t);
  const anonymous = await new Client(app).get('/quan-tri/tin-bai');
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.location ?? '', /^\/dang-nhap\?next=/);
  const citizen = await signedIn(app, store, 'citizen');
  assert.equal((await citizen.get('/quan-tri/tin-bai')).status, 403);
  const editor = await signedIn(app, store, 'editor');
  const cat = await categoryId(store, 'cong-nghe-thong-tin');
  const id = await createDraft(editor, articleForm(cat, { title: 'Bài riêng của biên tập viên' }));
  const writer = await signedIn(app, store, 'writer');
  const list = await writer.get('/quan-tri/tin-bai');
  assert.doesNotMatch(list.body, /Bài riêng của biên tập viên/);
  assert.match(list.body, /Đoàn công tác của Bộ/);
  assert.equal((await writer.get(`/quan-tri/tin-bai/${id}`)).status, 403);
  const editorList = await editor.get('/quan-tri/tin-bai');
  assert.match(editorList.body, /Bài riêng của biên tập viên/);
  assert.match(editorList.body, /Lượt xem/);
});
