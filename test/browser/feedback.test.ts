import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, openSite } from '../helpers/browser.ts';

test('in Chromium without JavaScript: feedback about a procedure is sent from its page, the officer filters and pages the list, the answer shows on the procedure page; every page passes axe', async (t) => {
  const site = await openSite(t);
  const visitor = await site.page({ javaScript: false });
  await visitor.goto(site.url('/thu-tuc/1.003868'));
  await visitor.click('main a:has-text("Gửi phản ánh, kiến nghị về thủ tục này")');
  assert.match(await visitor.inputValue('#f-procedure_id'), /^\d+$/);
  await checkA11y(visitor);
  // The procedure is chosen but the required fields are empty: errors, choices kept.
  await visitor.click('main button:has-text("Gửi phản ánh")');
  await visitor.waitForSelector('.error-summary');
  assert.match(await visitor.inputValue('#f-procedure_id'), /^\d+$/);
  await checkA11y(visitor);
  await visitor.fill('#f-name', 'Lò Thị Mai');
  await visitor.fill('#f-email', 'mai@example.vn');
  await visitor.fill('#f-subject', 'Mẫu tờ khai điền sẵn');
  await visitor.fill('#f-body', 'Đề nghị có mẫu tờ khai điền sẵn trên cổng.');
  await visitor.click('main button:has-text("Gửi phản ánh")');
  await visitor.waitForURL(/\/phan-anh-kien-nghi\?ma=PA-/);

  // Many more, to page through.
  const first = await site.store.db.selectFrom('feedback').selectAll().executeTakeFirstOrThrow();
  const { id: _id, ...copy } = first;
  await site.store.db.insertInto('feedback').values(Array.from({ length: 30 }, (_, i) => ({ ...copy, code: `PA-B${String(i).padStart(8, '0')}`, subject: `Phản ánh ${i}`, procedure_id: null }))).execute();

  const officer = await site.page({ javaScript: false, signedInAs: 'officer@laocai.example.vn' });
  await officer.goto(site.url('/quan-tri/phan-anh'));
  await checkA11y(officer);
  await officer.click('nav.pagination a[rel="next"]');
  await officer.waitForURL(/trang=2/);
  await checkA11y(officer);
  await officer.selectOption('#f-thu-tuc', { index: 1 });
  await officer.selectOption('#f-trang-thai', 'received');
  await officer.click('main button:has-text("Lọc")');
  await officer.waitForURL(/thu-tuc=\d+/);
  await checkA11y(officer);
  await officer.click('main a:has-text("Mẫu tờ khai điền sẵn")');
  await officer.fill('#f-text', 'Mẫu điền sẵn đã có trong mục biểu mẫu của thủ tục.');
  await officer.click('main button[value="answer"]');
  await officer.waitForURL(/ok=1/);

  await visitor.goto(site.url('/thu-tuc/1.003868'));
  assert.match((await visitor.textContent('#procedure-feedback + ol')) ?? '', /Mẫu điền sẵn đã có trong mục biểu mẫu/);
  await checkA11y(visitor);
});
