import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, hasHorizontalScroll, openSite } from '../helpers/browser.ts';

const PAGES = ['/', '/gioi-thieu', '/gioi-thieu/chuc-nang-nhiem-vu', '/gioi-thieu/co-cau-to-chuc', '/gioi-thieu/lanh-dao', '/gioi-thieu/danh-ba', '/gioi-thieu/lien-he'];

test('in Chromium: the home and introduction pages at 1280 and 320 px, with and without JavaScript, pass axe and reflow', async (t) => {
  const site = await openSite(t);
  for (const javaScript of [true, false]) {
    for (const width of [1280, 320]) {
      const page = await site.page({ javaScript, width });
      for (const path of PAGES) {
        const res = await page.goto(site.url(path));
        assert.equal(res?.status(), 200, path);
        assert.equal(await hasHorizontalScroll(page), false, `${path} scrolls sideways at ${width} px (JavaScript ${javaScript ? 'on' : 'off'})`);
        await checkA11y(page);
      }
      await page.close();
    }
  }
});

test('in Chromium: the language switch turns the shell and the introduction pages to English and back; the skip link moves focus to the content', async (t) => {
  const site = await openSite(t);
  const page = await site.page();
  await page.goto(site.url('/gioi-thieu/lanh-dao'));
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');

  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  assert.equal(await skip.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement), true, 'the skip link is the first stop');
  assert.equal(await skip.isVisible(), true, 'the focused skip link is visible');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id), 'main');

  await page.getByRole('link', { name: 'Switch to English' }).click();
  await page.waitForURL(/\/gioi-thieu\/lanh-dao$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getByRole('navigation', { name: 'Main navigation' }).isVisible(), true);
  await checkA11y(page);

  await page.getByRole('link', { name: 'Chuyển sang tiếng Việt' }).click();
  await page.waitForURL(/\/gioi-thieu\/lanh-dao$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible(), true);
});
