import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { importArticlesCommand } from '../../../src/modules/newsroom/cli-import.ts';

const JSONL = [
  JSON.stringify({ title: 'Triển khai Khung chính phủ điện tử tỉnh Lào Cai', body: 'Đoạn một.\n\nĐoạn hai.', lead: 'Tóm tắt.', author: 'Phòng CNTT', publishedAt: '2009-03-02T02:00:00Z', category: 'cong-nghe-thong-tin', tags: ['chính phủ điện tử'] }),
  '{ not json',
  JSON.stringify({ title: '', body: 'Không có tiêu đề', publishedAt: '2009-03-03T02:00:00Z', category: 'cong-nghe-thong-tin' }),
  JSON.stringify({ title: 'Bài nháp nhập từ cổng cũ', body: '<p onclick="x()">Nháp <script>alert(1)</script></p>', status: 'draft', category: 'tin-moi', categoryName: 'Tin mới' }),
  JSON.stringify({ title: 'Ngày đăng sai', body: 'Nội dung', publishedAt: 'hôm qua', category: 'cong-nghe-thong-tin' }),
  '',
].join('\n');

const WXR = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Cổng cũ</title>
<item>
  <title>Hội nghị tổng kết công tác bưu chính năm 2008</title>
  <dc:creator><![CDATA[Thùy Linh]]></dc:creator>
  <content:encoded><![CDATA[Toàn tỉnh có 277 điểm phục vụ bưu chính.

127 xã có điểm bưu điện văn hóa xã.]]></content:encoded>
  <excerpt:encoded><![CDATA[Tổng kết năm &amp; kế hoạch.]]></excerpt:encoded>
  <wp:post_date_gmt>2008-12-20 03:00:00</wp:post_date_gmt>
  <wp:post_name>hoi-nghi-tong-ket-buu-chinh-2008</wp:post_name>
  <wp:status>publish</wp:status>
  <wp:post_type>post</wp:post_type>
  <category domain="category" nicename="buu-chinh-vien-thong"><![CDATA[Bưu chính, viễn thông]]></category>
  <category domain="post_tag" nicename="buu-chinh"><![CDATA[bưu chính]]></category>
</item>
<item>
  <title>Giới thiệu</title>
  <content:encoded><![CDATA[Trang tĩnh]]></content:encoded>
  <wp:status>publish</wp:status>
  <wp:post_type>page</wp:post_type>
</item>
</channel>
</rss>`;

test('congso import articles: JSON Lines and WordPress exports, errors per item, repeatable', async (t) => {
  const { app, store, config, dataDir } = await build(t);
  const jsonl = path.join(dataDir, 'tin.jsonl');
  const wxr = path.join(dataDir, 'wordpress.xml');
  writeFileSync(jsonl, JSONL);
  writeFileSync(wxr, WXR);
  const errors: string[] = [];
  const logs: string[] = [];
  t.mock.method(console, 'error', (msg: string) => errors.push(msg));
  t.mock.method(console, 'log', (msg: string) => logs.push(msg));
  t.mock.method(process.stderr, 'write', () => true);

  const first = await importArticlesCommand.run([jsonl], config);
  assert.equal(first, 1, errors.join('\n'));
  assert.match(logs.at(-1)!, /imported 2, skipped 0 \(already there\), failed 3/);
  assert.ok(errors.some((e) => /^line 2: not valid JSON/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /^line 3: title/.test(e)));
  assert.ok(errors.some((e) => /^line 5: publication date/.test(e)));

  assert.equal(await importArticlesCommand.run([wxr], config), 0);
  assert.match(logs.at(-1)!, /imported 1, skipped 0/);
  assert.equal(await importArticlesCommand.run([wxr], config), 0);
  assert.match(logs.at(-1)!, /imported 0, skipped 1/, 'a second run skips what is there');
  assert.equal(await importArticlesCommand.run([], config), 2);

  const reader = new Client(app);
  const page = await reader.get('/tin-tuc/buu-chinh-vien-thong/hoi-nghi-tong-ket-buu-chinh-2008');
  assert.equal(page.status, 200);
  assert.match(page.body, /<p>Toàn tỉnh có 277 điểm phục vụ bưu chính\.<\/p>/);
  assert.match(page.body, /20\/12\/2008/);
  assert.match(page.body, /Tổng kết năm &amp; kế hoạch\./);
  const found = JSON.parse((await reader.get('/api/v1/search?q=%22trien+khai+khung%22')).body) as { total: number };
  assert.equal(found.total, 1);
  const draft = await store.db.selectFrom('articles as a').innerJoin('article_revisions as r', 'r.id', 'a.working_revision_id').innerJoin('news_categories as c', 'c.id', 'a.category_id').select(['a.status', 'a.is_public', 'r.body', 'c.name_vi']).where('a.slug', '=', 'bai-nhap-nhap-tu-cong-cu').executeTakeFirstOrThrow();
  assert.deepEqual([draft.status, draft.is_public, draft.name_vi], ['draft', 0, 'Tin mới']);
  assert.doesNotMatch(draft.body, /script|onclick/);
  const audited = await store.db.selectFrom('audit_log').select('action').where('action', '=', 'newsroom.article_imported').execute();
  assert.equal(audited.length, 3);
});
