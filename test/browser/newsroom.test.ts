import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, hasHorizontalScroll, openSite, type PageOptions, type SiteEnv } from '../helpers/browser.ts';
import { publishDueArticles } from '../../src/modules/newsroom/scheduler.ts';

const WRITER = 'writer@laocai.example.vn';
const EDITOR = 'editor@laocai.example.vn';
const TITLE = 'Lào Cai mở rộng mạng băng rộng đến các xã vùng cao';

/**
 * A page whose own scripts are blocked: the DOM and behaviour of the site without JavaScript
 * (the pages use no <noscript>), while axe, which does not finish in a context with JavaScript
 * switched off, can still run through the DevTools protocol.
 */
async function scriptsBlocked(site: SiteEnv, options: PageOptions = {}): Promise<Page> {
  const page = await site.page(options);
  await page.route(/\.js(\?.*)?$/, (route) => route.abort());
  return page;
}

/** axe on what a browser without JavaScript shows at the URL the page is on. */
async function checkA11yWithoutScripts(site: SiteEnv, page: Page, options: PageOptions = {}): Promise<void> {
  const twin = await scriptsBlocked(site, options);
  await twin.goto(page.url());
  await checkA11y(twin);
  await twin.close();
}

/** The first whole minute at or after `ms`. */
const nextMinute = (ms: number): number => Math.ceil(ms / 60_000) * 60_000;

/** A datetime-local value in Vietnam time (UTC+7, no daylight saving). */
const vietnamLocal = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);

/** Clicks a submit button and waits for the page it leads to. */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

test('in Chromium: draft with the editor, return with comments, fix without JavaScript, approve and schedule; on time it is on the home page, in its category, in search, RSS and the sitemap; readers rate with and without JavaScript; axe and 320 px reflow', async (t) => {
  const site = await openSite(t, { demo: true });
  const scriptErrors: string[] = [];

  // The writer drafts with the rich-text editor.
  const writer = await site.page({ signedInAs: WRITER });
  writer.on('pageerror', (e) => scriptErrors.push(String(e)));
  await writer.goto(site.url('/quan-tri/tin-bai/moi'));
  await writer.waitForSelector('[data-rich-area]:not([hidden])');
  assert.equal(await writer.isVisible('#f-body'), false, 'the textarea gives way to the editor');
  await checkA11y(writer);
  await writer.fill('#f-title', TITLE);
  await writer.selectOption('#f-category_id', { label: 'Bưu chính, viễn thông' });
  await writer.fill('#f-lead', 'Sở Thông tin và Truyền thông đưa cáp quang đến 20 xã.');
  await writer.click('[data-rich-area]');
  await writer.keyboard.type('Hạ tầng mới');
  await writer.click('[data-command="h2"]');
  await writer.keyboard.press('End');
  await writer.keyboard.press('Enter');
  await writer.keyboard.type('Năm nay có thêm ');
  await writer.click('[data-command="bold"]');
  assert.equal(await writer.getAttribute('[data-command="bold"]', 'aria-pressed'), 'true');
  await writer.keyboard.type('20 xã');
  await writer.click('[data-command="bold"]');
  await writer.keyboard.type(' có cáp quang.');
  // An image without a description is refused by the editor itself.
  await writer.click('[data-command="image"]');
  await writer.fill('#f-body-image-url', site.url('/assets/emblem.svg'));
  await writer.click('[data-rich-apply="image"]');
  assert.equal(await writer.isVisible('[data-rich-alt-error]'), true);
  await checkA11y(writer);
  await writer.fill('#f-body-image-alt', 'Quốc huy');
  await writer.click('[data-rich-apply="image"]');
  await writer.fill('#f-tags', 'băng rộng, vùng cao');
  await submit(writer, 'form[method=post][action="/quan-tri/tin-bai/moi"] button[type=submit]');
  assert.match(writer.url(), /\/quan-tri\/tin-bai\/\d+\?ok=tao$/);
  const id = Number(/tin-bai\/(\d+)/.exec(writer.url())![1]);
  const saved = await site.store.db.selectFrom('articles as a').innerJoin('article_revisions as r', 'r.id', 'a.working_revision_id').select('r.body').where('a.id', '=', id).executeTakeFirstOrThrow();
  assert.match(saved.body, /<h2>Hạ tầng mới<\/h2>/);
  assert.match(saved.body, /<b>20 xã<\/b>/);
  assert.match(saved.body, /<img src="[^"]*emblem.svg" alt="Quốc huy"/);
  await checkA11y(writer);
  await submit(writer, 'form:has(input[value="submit"]) button');
  await checkA11y(writer);

  // The editor returns it with a comment.
  const editor = await site.page({ signedInAs: EDITOR });
  await editor.goto(site.url('/quan-tri/tin-bai'));
  await checkA11y(editor);
  await editor.goto(site.url(`/quan-tri/tin-bai/${id}`));
  await editor.fill('#f-comment', 'Ghi rõ số xã theo từng huyện.');
  await submit(editor, 'form:has(input[value="return"]) button');
  await checkA11y(editor);

  // The writer fixes it without JavaScript: the textarea holds the HTML the editor wrote.
  const plain = await site.page({ signedInAs: WRITER, javaScript: false });
  await plain.goto(site.url(`/quan-tri/tin-bai/${id}`));
  assert.match((await plain.textContent('.alert-error')) ?? '', /Ghi rõ số xã theo từng huyện/);
  assert.equal(await plain.isVisible('#f-body'), true);
  assert.equal(await plain.isVisible('[data-rich-toolbar]'), false);
  await checkA11yWithoutScripts(site, plain, { signedInAs: WRITER });
  const body = await plain.inputValue('#f-body');
  assert.match(body, /<h2>Hạ tầng mới<\/h2>/);
  await plain.fill('#f-body', `${body}\n<p>Bát Xát 5 xã, Mường Khương 6 xã, Si Ma Cai 9 xã.</p>`);
  await submit(plain, `form[method=post][action="/quan-tri/tin-bai/${id}"] button[type=submit]`);
  assert.match(plain.url(), /ok=luu/);
  await submit(plain, 'form:has(input[value="submit"]) button');

  // The editor approves and schedules it for the next whole minute (Vietnam time, as the form asks).
  await editor.goto(site.url(`/quan-tri/tin-bai/${id}`));
  await submit(editor, 'form:has(input[value="approve"]) button');
  const at = nextMinute(Date.now() + 5_000);
  await editor.fill('#f-at', vietnamLocal(at));
  await submit(editor, 'form:has(input[value="schedule"]) button');
  await checkA11y(editor);
  await editor.goto(site.url(`/quan-tri/tin-bai/${id}/phien-ban`));
  await checkA11y(editor);
  const row = await site.store.db.selectFrom('articles').select(['slug', 'status', 'scheduled_at']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'scheduled');
  assert.equal(Date.parse(row.scheduled_at!), at);
  const path = `/tin-tuc/buu-chinh-vien-thong/${row.slug}`;

  // Before its time a reader finds it nowhere.
  const visitor = await scriptsBlocked(site);
  const shows = async (p: string): Promise<boolean> => {
    const res = await visitor.goto(site.url(p));
    return (await res!.text()).includes(TITLE);
  };
  assert.equal((await visitor.goto(site.url(path)))?.status(), 404);
  for (const p of ['/tin-tuc/buu-chinh-vien-thong', '/tim-kiem?q=mo+rong+mang+bang+rong', '/tin-tuc/rss.xml']) assert.equal(await shows(p), false, `${p} before its time`);

  // On time, the scheduler publishes it (the app polls; the test runs the same step as soon as the minute has come).
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now() + 250)));
  await publishDueArticles(site.store.db);
  const live = await site.store.db.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(live.status, 'published');
  assert.equal(Date.parse(live.published_at!), at, 'published with its scheduled time');
  // The home page is shared by visitors for a few seconds: it shows the article within that time.
  const deadline = Date.now() + 7_000;
  while (!(await shows('/')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(await shows('/'), true, 'on the home page');
  assert.equal(await shows('/tin-tuc/buu-chinh-vien-thong'), true, 'in its category');
  assert.equal(await shows('/tim-kiem?q=mo+rong+mang+bang+rong'), true, 'found without diacritics');
  assert.equal(await shows('/tim-kiem?q=M%E1%BB%9F+r%E1%BB%99ng+m%E1%BA%A1ng+b%C4%83ng+r%E1%BB%99ng'), true, 'found with diacritics');
  assert.equal(await shows('/tin-tuc/rss.xml'), true, 'in the RSS feed');
  const sitemapXml = await (await visitor.goto(site.url('/sitemap.xml')))!.text();
  assert.match(sitemapXml, new RegExp(`<loc>[^<]*${path}</loc>`), 'in the sitemap');
  await visitor.close();

  // A reader without JavaScript (page scripts blocked) at 320 px reads and rates it.
  const reader = await scriptsBlocked(site, { width: 320 });
  for (const p of [path, '/tin-tuc', '/tin-tuc/buu-chinh-vien-thong', '/tin-tuc/the/bang-rong', '/van-ban', '/van-ban/quy-che-phat-ngon-va-cung-cap-thong-tin-cho-bao-chi', `${path}/ban-in`]) {
    const res = await reader.goto(site.url(p));
    assert.equal(res?.status(), 200, p);
    assert.equal(await hasHorizontalScroll(reader), false, `${p} scrolls sideways at 320 px`);
    await checkA11y(reader);
  }
  await reader.goto(site.url(path));
  assert.equal(await reader.textContent('main h1'), TITLE);
  assert.match((await reader.textContent('.prose')) ?? '', /Si Ma Cai 9 xã/);
  assert.equal(await reader.getAttribute('.prose img', 'alt'), 'Quốc huy');
  await reader.click('a[rel=tag]:has-text("băng rộng")');
  assert.match((await reader.textContent('main')) ?? '', new RegExp(TITLE));
  await reader.goto(site.url(path));
  await reader.check('#stars-4');
  await submit(reader, '.rating-form button[type=submit]');
  assert.match(reader.url(), /danh-gia=ok/);
  assert.match((await reader.textContent('.rating .alert-success')) ?? '', /Cảm ơn bạn đã đánh giá/);
  assert.match((await reader.textContent('[data-rating-summary]')) ?? '', /4,0/);
  await checkA11y(reader);

  // A signed-in reader with JavaScript rates in place, without leaving the page.
  const citizen = await site.page({ signedInAs: 'citizen@laocai.example.vn', width: 320 });
  citizen.on('pageerror', (e) => scriptErrors.push(String(e)));
  await citizen.goto(site.url(path));
  await citizen.check('#stars-2');
  await citizen.click('.rating-form button[type=submit]');
  await citizen.waitForSelector('[data-rating-summary]:has-text("Cảm ơn")');
  assert.equal(new URL(citizen.url()).pathname, path);
  assert.match((await citizen.textContent('#rating-title')) ?? '', /\(2\)/);
  assert.equal(await hasHorizontalScroll(citizen), false);
  await checkA11y(citizen);
  const rated = await site.store.db.selectFrom('articles').select(['rating_count', 'rating_sum']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(rated, { rating_count: 2, rating_sum: 6 });
  assert.deepEqual(scriptErrors, []);
});

test('in Chromium: the related-articles picker searches in place and fills the field; staff pages pass axe', async (t) => {
  const site = await openSite(t, { demo: true });
  const editor = await site.page({ signedInAs: EDITOR });
  await editor.goto(site.url('/quan-tri/tin-bai/moi'));
  await editor.fill('#f-title', 'Bài để thử bài liên quan');
  await editor.fill('#f-related-q', 'doan cong tac bo thong tin');
  await editor.click('[data-related-search] button[type=submit]');
  await editor.waitForSelector('[data-related-add]:not([hidden])');
  assert.equal(await editor.inputValue('#f-title'), 'Bài để thử bài liên quan', 'the search did not reload the form');
  const id = await editor.getAttribute('[data-related-add]', 'data-related-add');
  await editor.click('[data-related-add]');
  assert.equal(await editor.inputValue('#f-related'), id);
  await checkA11y(editor);
  for (const p of ['/quan-tri/van-ban', '/quan-tri/van-ban/moi', '/quan-tri/lich-cong-tac', '/quan-tri/chuyen-muc']) {
    const res = await editor.goto(site.url(p));
    assert.equal(res?.status(), 200, p);
    await checkA11y(editor);
  }
});
