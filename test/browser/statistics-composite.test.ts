import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, hasHorizontalScroll, openSite, watchCsp } from '../helpers/browser.ts';

test('in Chromium, at 1280 and 320 px: composite index pages and the edition form work without JavaScript, pass axe and reflow', async (t) => {
  const site = await openSite(t);
  for (const width of [1280, 320]) {
    const page = await site.page({ javaScript: false, width });
    page.setDefaultTimeout(30_000);
    const csp = watchCsp(page);
    const visited: string[] = [];
    const reflows = async (): Promise<void> => {
      visited.push(page.url());
      assert.equal(await hasHorizontalScroll(page), false, `${page.url()} reflows at ${width} px`);
    };

    await page.goto(site.url('/thong-ke'));
    await Promise.all([page.waitForURL(/\/thong-ke\/chi-so$/), page.click('a[href="/thong-ke/chi-so"]')]);
    await reflows();
    await Promise.all([page.waitForURL(/ict-readiness\?edition=2008&period=2008/), page.click('a:has-text("Ấn bản 2008")')]);
    assert.match((await page.textContent('h1')) ?? '', /Năm 2008/);
    assert.equal(await page.locator(`svg.chart--${width < 576 ? 'narrow' : 'wide'}[role=img]:visible`).count(), 1);
    await reflows();
    // A wrong period: the form comes back with the message and the input.
    await page.fill('#f-period', '2016');
    await page.click('main form.stat-choose button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert.equal(await page.inputValue('#f-period'), '2016');
    await reflows();
    await page.selectOption('#f-edition', '');
    await Promise.all([page.waitForURL(/period=2016/), page.click('main form.stat-choose button[type=submit]')]);
    assert.match((await page.textContent('main')) ?? '', /ấn bản 2013/);
    await page.goto(site.url('/thong-ke/chi-so/ict-readiness?period=2008'));
    await Promise.all([page.waitForURL(/tinh\/10\?/), page.click('tr.stat-own a')]);
    assert.match((await page.textContent('main')) ?? '', /Cách tính điểm/);
    await reflows();
    // The 2025 view: the radio of the GET form, then a merged province's computation with its notes.
    await page.goto(site.url('/thong-ke/chi-so/ict-readiness?period=2008'));
    await page.check('input[name=structure][value="2025"]');
    await Promise.all([page.waitForURL(/structure=2025/), page.click('main form.stat-choose button[type=submit]')]);
    assert.match((await page.textContent('main')) ?? '', /trên 34 tỉnh, thành phố được xếp hạng/);
    await reflows();
    await Promise.all([page.waitForURL(/tinh\/15\?.*structure=2025/), page.click('tr.stat-own a')]);
    assert.match((await page.textContent('main')) ?? '', /Cộng từ 2 tỉnh cũ/);
    await reflows();
    assert.deepEqual(csp, [], `no CSP violation at ${width} px`);
    await page.close();

    const staff = await site.page({ javaScript: false, width, signedInAs: 'statistician@laocai.example.vn' });
    staff.setDefaultTimeout(30_000);
    await staff.goto(site.url('/quan-tri/chi-so'));
    assert.equal(await hasHorizontalScroll(staff), false, `admin list reflows at ${width} px`);
    visited.push(staff.url());
    await Promise.all([staff.waitForURL(/an-ban-moi\?tu=2008/), staff.click('a[href$="tu=2008"]')]);
    await staff.fill('#f-label', `w${width}`);
    await staff.fill('#f-first_year', '2010');
    await staff.fill('#f-pw-0', '0.9');
    await staff.click('main form button[type=submit]');
    await staff.waitForSelector('.error-summary');
    assert.equal(await staff.inputValue('#f-pw-0'), '0.9');
    assert.equal(await hasHorizontalScroll(staff), false, `edition form with errors reflows at ${width} px`);
    await staff.fill('#f-pw-0', '0.4');
    await Promise.all([staff.waitForURL(/quan-tri\/chi-so\?ok=/), staff.click('main form button[type=submit]')]);
    assert.match((await staff.textContent('main')) ?? '', new RegExp(`Đã tạo ấn bản w${width}`));
    await staff.close();

    const audited = await site.page({ width });
    for (const url of visited) {
      await audited.goto(url);
      await checkA11y(audited);
    }
    await audited.close();
    const form = await site.page({ width, signedInAs: 'statistician@laocai.example.vn' });
    await form.goto(site.url('/quan-tri/chi-so/ict-readiness/an-ban-moi?tu=2013'));
    await checkA11y(form);
    await form.fill('#f-label', 'x y');
    await form.click('main form button[type=submit]');
    await form.waitForSelector('.error-summary');
    await checkA11y(form);
    await form.close();
  }
});
