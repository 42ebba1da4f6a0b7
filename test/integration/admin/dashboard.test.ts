import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { signedIn } from './admin-helpers.ts';

test('the dashboard links to the sections the user may open', async (t) => {
  const { app, store } = await build(t);
  const admin = await signedIn(app, store.db, 'admin@laocai.example.vn');
  const page = await admin.get('/quan-tri');
  assert.equal(page.status, 200);
  const cards = page.body.slice(page.body.indexOf('<ul class="cards">'));
  for (const href of ['/quan-tri/nguoi-dung', '/quan-tri/co-quan', '/quan-tri/nhat-ky', '/quan-tri/thong-tin-cong']) assert.match(cards, new RegExp(`href="${href}"`));
  const writer = await signedIn(app, store.db, 'writer@laocai.example.vn');
  const limited = await writer.get('/quan-tri');
  assert.equal(limited.status, 200);
  for (const href of ['/quan-tri/nguoi-dung', '/quan-tri/co-quan', '/quan-tri/nhat-ky', '/quan-tri/thong-tin-cong']) assert.doesNotMatch(limited.body, new RegExp(`href="${href}"`));
  await admin.get('/ngon-ngu/en?next=%2Fquan-tri');
  const en = await admin.get('/quan-tri');
  assert.match(en.body, /<h1>Administration<\/h1>/);
  assert.match(en.body, />User accounts</);
});
