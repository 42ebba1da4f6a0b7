/**
 * The report in Chromium: passes axe (WCAG 2.2 AA), reflows at 320 px, and works without JavaScript.
 * (Chromium here is headless, so its own visits are not counted: hits are recorded directly.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, hasHorizontalScroll, openSite } from '../../helpers/browser.ts';

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
];

test('in Chromium: the analytics report is accessible, works without JavaScript and reflows at 320 px', async (t) => {
  const site = await openSite(t);
  const recorder = site.app.analytics.recorder;
  for (const [i, ua] of UAS.entries()) {
    for (const path of ['/', '/tin-tuc', '/tin-tuc/mot-bai-viet-rat-dai-de-kiem-tra-xuong-dong-tren-man-hinh-hep']) {
      await recorder.record({ path, referrerHost: i === 0 ? 'google.com' : null, device: i === 0 ? 'desktop' : 'mobile', address: `192.0.2.${i}`, userAgent: ua });
    }
  }
  await site.app.analytics.rollup();

  // axe needs scripts in the page; the run without JavaScript checks that the form still works.
  for (const options of [{ javaScript: true }, { javaScript: true, width: 320 }, { javaScript: false }]) {
    const page = await site.page({ ...options, signedInAs: 'statistician@laocai.example.vn' });
    await page.goto(site.url('/quan-tri/thong-ke-truy-cap'));
    assert.equal(await page.textContent('[data-figure="pageviews"]'), '6');
    if (options.javaScript) await checkA11y(page);
    if (options.width === 320) assert.equal(await hasHorizontalScroll(page), false);
    await page.check('input[name=theo][value=month]');
    await Promise.all([page.waitForURL(/theo=month/), page.click('main button[type=submit]')]);
    assert.equal(await page.textContent('[data-figure="visits"]'), '2');
    if (options.javaScript) await checkA11y(page);
  }
});
