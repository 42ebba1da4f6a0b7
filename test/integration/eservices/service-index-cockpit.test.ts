import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayInVietnam } from '../../../src/platform/text/format.ts';
import { build } from '../../helpers/build.ts';
import { signedIn } from './helpers.ts';
import { returned, submitted } from './inbox-helpers.ts';

test('the cockpit computes the service-index rates from the dossiers, ratings and feedback of the period, and shows how', async (t) => {
  const { app, store } = await build(t);
  const onTime = await returned(app, store);
  await onTime.citizen.get(`/ho-so/${onTime.id}/danh-gia`);
  assert.equal((await onTime.citizen.post(`/ho-so/${onTime.id}/danh-gia`, { score: '2' })).status, 303);
  const late = await submitted(app, store);
  await store.db.updateTable('dossiers').set({ due_on: '2026-01-05' }).where('id', '=', late.id).execute();
  await store.db.updateTable('dossier_files').set({ reused: 1 }).where('dossier_id', '=', late.id).execute();

  const year = todayInVietnam().slice(0, 4);
  const officer = await signedIn(app, store, 'officer');
  const page = await officer.get(`/quan-tri/chi-so-phuc-vu?tu=${year}-01-01&den=${year}-12-31`);
  assert.equal(page.status, 200);
  const row = (label: RegExp): string => {
    const m = new RegExp(`<tr><th scope="row"><span>${label.source}.*?</tr>`).exec(page.body);
    assert.ok(m, label.source);
    return m[0];
  };
  // 2.1: one of two on time; 3.3: both online; 4.3: one reused; 4.2: the returned one's licence is its electronic result.
  assert.match(row(/2\.1 /), /<td class="num">1<\/td><td class="num">2<\/td><td class="num">50,0%<\/td>/);
  assert.match(row(/3\.3 /), /<td class="num">2<\/td><td class="num">2<\/td><td class="num">100,0%<\/td><td class="num">50%<\/td><td class="num">100,0%<\/td>/);
  assert.match(row(/4\.3 /), /<td class="num">1<\/td><td class="num">2<\/td><td class="num">50,0%<\/td><td class="num">80%<\/td><td class="num">62,5%<\/td>/);
  assert.match(row(/4\.2 /), /<td class="num">1<\/td><td class="num">2<\/td><td class="num">50,0%<\/td>/);
  // 5.4: 100% − (late 50% + dissatisfied 50%) = 0.
  assert.match(row(/5\.4 /), /<td class="num">0<\/td><td class="num">2<\/td><td class="num">0,0%<\/td>/);
  assert.match(row(/5\.2 /), /Chưa có dữ liệu/);
  assert.match(page.body, /1 lượt, điểm trung bình 2,0\/5/);
  assert.match(page.body, /Thời gian chờ bổ sung không tính/);
  assert.match(page.body, /Tiến độ giải quyết \(20\)<\/th><td class="num">10,00 \/ 20<\/td>/);

  // Another period has nothing; a reversed period is refused clearly; the public cannot see the page.
  const empty = await officer.get('/quan-tri/chi-so-phuc-vu?tu=2008-01-01&den=2008-12-31');
  assert.match(empty.body, /Chưa có đánh giá nào/);
  const reversed = await officer.get('/quan-tri/chi-so-phuc-vu?tu=2026-12-31&den=2026-01-01');
  assert.equal(reversed.status, 422);
  assert.match(reversed.body, /ngày bắt đầu phải trước ngày kết thúc/);
  assert.equal((await onTime.citizen.get('/quan-tri/chi-so-phuc-vu')).status, 403);
});
