import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, hasHorizontalScroll, openSite, watchCsp } from '../helpers/browser.ts';

test('in Chromium, at 1280 and 320 px: statistics pages work without JavaScript, pass axe, reflow and raise no CSP violation', async (t) => {
  const site = await openSite(t);
  for (const width of [1280, 320]) {
    // Without JavaScript: every step is a link or a GET form.
    const page = await site.page({ javaScript: false, width });
    page.setDefaultTimeout(30_000);
    const csp = watchCsp(page);
    const visited: string[] = [];
    const reflows = async (): Promise<void> => {
      visited.push(page.url());
      assert.equal(await hasHorizontalScroll(page), false, `${page.url()} reflows at ${width} px`);
    };

    await page.goto(site.url('/thong-ke'));
    await reflows();
    await page.fill('#f-q', 'diem phuc vu buu chinh');
    await Promise.all([page.waitForURL(/q=diem/), page.click('main form button[type=submit]')]);
    await Promise.all([page.waitForURL(/chi-tieu\/postal.service_points$/), page.click('a:has-text("Số điểm phục vụ bưu chính")')]);
    assert.equal(await page.textContent('h1'), 'Số điểm phục vụ bưu chính');
    // Each chart has a wide and a narrow rendition; the screen's width shows one of them.
    assert.equal(await page.locator('svg[role=img]:visible').count(), 2);
    assert.equal(await page.locator(`svg.chart--${width < 576 ? 'narrow' : 'wide'}[role=img]:visible`).count(), 2);
    // The chart's text keeps ECharts' size: presentation attributes, not inline styles the CSP would block.
    assert.equal(await page.locator('svg[role=img]:visible text').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize), '12px');
    await reflows();

    await page.fill('#f-period', '2010');
    await page.check('input[name=structure][value="2025"]');
    await Promise.all([page.waitForURL(/structure=2025/), page.click('main form.stat-choose button[type=submit]')]);
    assert.match((await page.textContent('main')) ?? '', /Cộng từ 2 tỉnh cũ/);
    await reflows();
    await page.fill('#f-period', '2010-13');
    await page.click('main form.stat-choose button[type=submit]');
    await page.waitForSelector('.error-summary');
    await reflows();

    await page.goto(site.url('/thong-ke/xep-hang/portal.visits_per_capita?period=2008'));
    assert.match((await page.textContent('tr.stat-own')) ?? '', /5\s*Lào Cai/);
    await reflows();

    await page.goto(site.url('/thong-ke/lao-cai-2008'));
    assert.match((await page.textContent('main')) ?? '', /trên 11\.900/);
    await reflows();
    await Promise.all([page.waitForURL(/chi-tieu\/it.state_agencies_with_lan/), page.click('a[href^="/thong-ke/chi-tieu/it.state_agencies_with_lan?"]')]);

    await page.goto(site.url('/thong-ke/nhung/postal.service_points?unit=10'));
    await reflows();
    assert.deepEqual(csp, [], `no CSP violation at ${width} px`);
    await page.close();

    // axe runs in a page with scripts on: in this Chromium, evaluating axe in a context with
    // JavaScript disabled never settles. The pages carry no script of their own, so the DOM is the same.
    const audited = await site.page({ width });
    const auditedCsp = watchCsp(audited);
    for (const url of visited) {
      await audited.goto(url);
      await checkA11y(audited);
    }
    assert.deepEqual(auditedCsp, [], `no CSP violation at ${width} px with scripts on`);
    await audited.close();
  }
});
