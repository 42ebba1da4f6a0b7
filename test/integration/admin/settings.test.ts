import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { signedIn } from './admin-helpers.ts';
import { SETTING_KEYS, saveSiteSettings, SiteSettingsCache, siteSettings } from '../../../src/platform/site/settings.ts';

async function currentForm(db: Parameters<typeof siteSettings>[0]): Promise<Record<string, string>> {
  const s = await siteSettings(db);
  return Object.fromEntries(SETTING_KEYS.flatMap((k) => [[`${k}_vi`, s[k].vi], [`${k}_en`, s[k].en]]));
}

test('saving the portal identity shows at once on the portal and is audited', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const visitor = new Client(app);
  assert.match((await visitor.get('/')).body, /Sở Thông tin và Truyền thông tỉnh Lào Cai/);
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  const form = await admin.get('/quan-tri/thong-tin-cong');
  assert.match(form.body, /name="agency_name_vi"[^>]*value="Sở Thông tin và Truyền thông tỉnh Lào Cai"|value="Sở Thông tin và Truyền thông tỉnh Lào Cai"[^>]*name="agency_name_vi"|id="f-agency_name_vi" name="agency_name_vi" type="text" value="Sở Thông tin và Truyền thông tỉnh Lào Cai"/);
  const values = await currentForm(db);
  const saved = await admin.post('/quan-tri/thong-tin-cong', {
    ...values,
    agency_name_vi: 'Sở Khoa học và Công nghệ tỉnh Lào Cai',
    agency_name_en: 'Lào Cai Department of Science and Technology',
  });
  assert.equal(saved.status, 303);
  assert.match((await admin.get(saved.location ?? '')).body, /Đã lưu thay đổi/);
  assert.match((await visitor.get('/')).body, /Sở Khoa học và Công nghệ tỉnh Lào Cai/);
  const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'site.identity_saved').executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(entry.before_json ?? '{}'), { agency_name_en: 'Lào Cai Department of Information and Communications', agency_name_vi: 'Sở Thông tin và Truyền thông tỉnh Lào Cai' });
  assert.deepEqual(JSON.parse(entry.after_json ?? '{}'), { agency_name_en: 'Lào Cai Department of Science and Technology', agency_name_vi: 'Sở Khoa học và Công nghệ tỉnh Lào Cai' });
});

test('identity errors are shown by field with the values kept; a forged form changes nothing', async (t) => {
  const { app, store } = await build(t);
  const db = store.db;
  const admin = await signedIn(app, db, 'admin@laocai.example.vn');
  await admin.get('/quan-tri/thong-tin-cong');
  const values = await currentForm(db);
  const bad = await admin.post('/quan-tri/thong-tin-cong', { ...values, portal_name_vi: '', emblem_url_vi: 'javascript:alert(1)', address_vi: 'Số 1 đường Hoàng Liên' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /id="f-portal_name_vi-error"[^>]*>Vui lòng nhập nội dung này bằng tiếng Việt/);
  assert.match(bad.body, /id="f-emblem_url_vi-error"[^>]*>Đường dẫn phải bắt đầu bằng \/ hoặc https:\/\//);
  assert.match(bad.body, /value="Số 1 đường Hoàng Liên"/);
  const forged = await admin.post('/quan-tri/thong-tin-cong', { ...values, _csrf: 'nope', address_vi: 'Địa chỉ giả' });
  assert.equal(forged.status, 403);
  assert.match(forged.body, /value="Địa chỉ giả"/);
  assert.equal((await siteSettings(db)).address.vi, values.address_vi);
  const editor = await signedIn(app, db, 'editor@laocai.example.vn');
  assert.equal((await editor.get('/quan-tri/thong-tin-cong')).status, 403);
});

test('the settings cache hands out the same object while the content is unchanged, a new one when it changes', async (t) => {
  const { store } = await build(t);
  const db = store.db;
  // A negative lifetime: every get() reads the database again.
  const cache = new SiteSettingsCache(db, -1);
  const first = await cache.get();
  assert.equal(await cache.get(), first, 'read again, unchanged: the same object (pages kept with it stay valid)');
  await saveSiteSettings(db, { phone: { vi: '0214 3 999 999', en: '+84 214 3 999 999' } });
  const changed = await cache.get();
  assert.notEqual(changed, first);
  assert.equal(changed.phone.vi, '0214 3 999 999');
  assert.equal(changed.agency_name.vi, first.agency_name.vi);
  cache.clear();
  assert.equal(await cache.get(), changed, 'cleared and read again, unchanged: still the same object');
});
