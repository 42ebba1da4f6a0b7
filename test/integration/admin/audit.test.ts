import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { build, ENGINE } from '../../helpers/build.ts';
import { agencyId, makeUser, signedIn } from './admin-helpers.ts';
import { recordAudit, systemActor } from '../../../src/platform/audit/audit.ts';
import { todayInVietnam } from '../../../src/platform/text/format.ts';

test('the audit log viewer shows changes field by field and filters them', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const editorId = (await db.selectFrom('users').select('id').where('email', '=', 'editor@laocai.example.vn').executeTakeFirstOrThrow()).id;
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  await admin.get(`/quan-tri/nguoi-dung/${editorId}`);
  assert.equal((await admin.post(`/quan-tri/nguoi-dung/${editorId}/xac-thuc-hai-lop`, { required: '1' })).status, 303);
  assert.equal((await admin.post(`/quan-tri/nguoi-dung/${editorId}/trang-thai`, { disabled: '1' })).status, 303);
  await recordAudit(db, systemActor('cli'), { action: 'user.created', entityType: 'user', entityId: 999, after: { email: 'x@example.vn' } });

  const all = await admin.get('/quan-tri/nhat-ky');
  assert.equal(all.status, 200);
  assert.match(all.body, /3 kết quả/);
  // Newest first, each with its before → after rows.
  const mfaEntry = /<article[^>]*aria-labelledby="entry-(\d+)"><h2[^>]*>Mục số \1: user\.mfa_required_set<\/h2>[\s\S]*?<\/article>/.exec(all.body)?.[0] ?? '';
  assert.match(mfaEntry, /Quản trị hệ thống &lt;admin@laocai\.example\.vn(&gt;|>)/);
  assert.match(mfaEntry, new RegExp(`user #${editorId}`));
  assert.match(mfaEntry, /<th scope="row">mfa_required<\/th><td><del>0<\/del><\/td><td><ins>1<\/ins><\/td>/);
  assert.ok(all.body.indexOf('user.created') < all.body.indexOf('user.disabled'));

  const byAction = await admin.get('/quan-tri/nhat-ky?hanh-dong=user.disabled');
  assert.match(byAction.body, /1 kết quả/);
  assert.match(byAction.body, /<th scope="row">disabled_at<\/th><td><del>\(không có\)<\/del><\/td><td><ins>\d{4}-/);
  const byActor = await admin.get(`/quan-tri/nhat-ky?nguoi=${encodeURIComponent('quan tri he thong')}`);
  assert.match(byActor.body, /2 kết quả/);
  const byCli = await admin.get('/quan-tri/nhat-ky?nguoi=cli');
  assert.match(byCli.body, /1 kết quả/);
  const byType = await admin.get('/quan-tri/nhat-ky?loai=agency');
  assert.match(byType.body, /0 kết quả/);
  const today = todayInVietnam();
  assert.match((await admin.get(`/quan-tri/nhat-ky?tu=${today}&den=${today}`)).body, /3 kết quả/);
  assert.match((await admin.get('/quan-tri/nhat-ky?den=2020-01-01')).body, /0 kết quả/);

  const editor = await signedIn(app, db, 'leader@laocai.example.vn');
  assert.equal((await editor.get('/quan-tri/nhat-ky')).status, 403);
});

test('entries about another agency stay hidden; the list pages', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const khcn = await agencyId(db, 'so-khcn-lao-cai');
  const home = await agencyId(db, 'so-tttt-lao-cai');
  for (let i = 0; i < 35; i++) await recordAudit(db, systemActor('cli'), { action: 'test.home', entityType: 'test', entityId: i, agencyId: home });
  await recordAudit(db, systemActor('cli'), { action: 'test.other', entityType: 'test', entityId: 1, agencyId: khcn, after: { secret: 'của sở khác' } });
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  const first = await admin.get('/quan-tri/nhat-ky');
  assert.match(first.body, /35 kết quả/);
  assert.doesNotMatch(first.body, /test\.other/);
  assert.match(first.body, /Trang 1\/2/);
  const second = await admin.get('/quan-tri/nhat-ky?trang=2');
  assert.equal((second.body.match(/<article/g) ?? []).length, 5);
  await makeUser(db, { email: 'admin.b@example.vn', name: 'Quản trị B', roles: ['administrator'], agencyCode: 'so-khcn-lao-cai' });
  const adminB = await signedIn(app, db, 'admin.b@example.vn');
  const seenByB = await adminB.get('/quan-tri/nhat-ky');
  assert.match(seenByB.body, /1 kết quả/);
  assert.match(seenByB.body, /của sở khác/);
});

test('the chain check reports an intact log, then the entry altered behind the triggers', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  for (let i = 1; i <= 4; i++) await recordAudit(db, systemActor('cli'), { action: 'test.entry', entityType: 'test', entityId: i, after: { n: i } });
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  const ok = await admin.get('/quan-tri/nhat-ky/kiem-tra');
  assert.match(ok.body, /Chuỗi nhật ký nguyên vẹn: đã kiểm tra 4 mục/);
  const third = await db.selectFrom('audit_log').select('id').orderBy('id').offset(2).limit(1).executeTakeFirstOrThrow();
  if (ENGINE === 'sqlite') await sql`drop trigger audit_log_no_update`.execute(db);
  else await sql`drop trigger audit_log_no_change on audit_log`.execute(db);
  await db.updateTable('audit_log').set({ after_json: '{"n":99}' }).where('id', '=', third.id).execute();
  const broken = await admin.get('/quan-tri/nhat-ky/kiem-tra');
  assert.match(broken.body, new RegExp(`Chuỗi nhật ký bị đứt tại mục số ${third.id}: nội dung mục này đã bị sửa`));
  assert.match(broken.body, /role="alert"/);
});
