import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { signedIn } from './helpers.ts';

test('the week of 6/10/2008 shows the working session with the Ministry', async (t) => {
  const { app } = await build(t);
  const reader = new Client(app);
  const week = await reader.get('/lich-cong-tac?ngay=2008-10-08');
  assert.equal(week.status, 200);
  assert.match(week.body, /từ 06\/10\/2008 đến 12\/10\/2008/);
  assert.match(week.body, /thứ Hai 06\/10\/2008|Thứ Hai 06\/10\/2008/);
  assert.match(week.body, /Làm việc với Đoàn công tác của Bộ Thông tin và Truyền thông/);
  assert.match(week.body, /Thứ trưởng Bộ Thông tin và Truyền thông Trần Đức Lai/);
  assert.match(week.body, /Chưa thông báo giờ/);
  assert.match(week.body, /href="\/lich-cong-tac\?ngay=2008-10-13" rel="next"/);
  assert.doesNotMatch((await reader.get('/lich-cong-tac?ngay=2008-10-13')).body, /Đoàn công tác/);
  assert.equal((await reader.get('/lich-cong-tac?ngay=khong-phai-ngay')).status, 200, 'a bad date shows this week');
});

test('an editor records, publishes, withdraws and removes events; bad input is refused; only editors may', async (t) => {
  const { app, store } = await build(t);
  const editor = await signedIn(app, store, 'editor');
  await editor.get('/quan-tri/lich-cong-tac?ngay=2026-12-01');
  const bad = await editor.post('/quan-tri/lich-cong-tac', { date: '2026-02-30', start_time: '25:00', end_time: '07:00', content: '', leader: '', attendees: '', place: '' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Ngày không hợp lệ/);
  assert.match(bad.body, /Giờ không hợp lệ/);
  assert.match(bad.body, /Nhập người chủ trì/);
  const ok = await editor.post('/quan-tri/lich-cong-tac', { date: '2026-12-01', start_time: '08:00', end_time: '11:30', content: 'Họp giao ban <script>x</script>', leader: 'Giám đốc Sở', attendees: 'Các phòng', place: 'Phòng họp tầng 2' });
  assert.equal(ok.status, 303);
  const reader = new Client(app);
  assert.doesNotMatch((await reader.get('/lich-cong-tac?ngay=2026-12-01')).body, /Họp giao ban/, 'not before it is published');
  const id = (await store.db.selectFrom('work_schedule_events').select('id').where('event_date', '=', '2026-12-01').executeTakeFirstOrThrow()).id;
  await editor.get('/quan-tri/lich-cong-tac?ngay=2026-12-01');
  assert.equal((await editor.post(`/quan-tri/lich-cong-tac/${id}/cong-bo`, {})).status, 303);
  const shown = await reader.get('/lich-cong-tac?ngay=2026-12-01');
  assert.match(shown.body, /08:00–11:30/);
  assert.match(shown.body, /Họp giao ban &lt;script>x&lt;\/script>/);
  assert.equal((await editor.post(`/quan-tri/lich-cong-tac/${id}/rut`, {})).status, 303);
  assert.doesNotMatch((await reader.get('/lich-cong-tac?ngay=2026-12-01')).body, /Họp giao ban/);
  assert.equal((await editor.post(`/quan-tri/lich-cong-tac/${id}/xoa`, {})).status, 303);
  assert.equal((await store.db.selectFrom('work_schedule_events').select('id').where('id', '=', id).execute()).length, 0);
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'work_schedule_event').orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['newsroom.schedule_event_recorded', 'newsroom.schedule_event_publish', 'newsroom.schedule_event_withdraw', 'newsroom.schedule_event_remove']);
  const writer = await signedIn(app, store, 'writer');
  assert.equal((await writer.get('/quan-tri/lich-cong-tac')).status, 403);
});
