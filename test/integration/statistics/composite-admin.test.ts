import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { build, dropTemplates } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { signedIn } from '../eservices/helpers.ts';

after(dropTemplates);

const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&quot;|&#34;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const FORM = '/quan-tri/chi-so/ict-readiness/an-ban-moi';

/** The form's fields as the page fills them (inputs, text areas and the selected options). */
function formValues(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) out[m[1]!] = m[2]!.replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[m[1]!] = m[2]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;|&#34;/g, '"');
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) out[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
  return out;
}

test('a statistician copies the 2008 edition, changes weights and goalposts, and the new edition ranks its years', async (t) => {
  const { app, store } = await build(t);
  const client = await signedIn(app, store, 'statistician');
  const list = await client.get('/quan-tri/chi-so');
  assert.equal(list.status, 200);
  assert.match(list.body, /href="\/quan-tri\/chi-so\/ict-readiness\/an-ban-moi\?tu=2008"/);
  const page = await client.get(`${FORM}?tu=2008`);
  assert.equal(page.status, 200);
  const { _csrf: _token, ...values } = formValues(page.body);
  assert.equal(values['pw-0'], '0.4');
  assert.equal(values['max-0-1'], '150');
  assert.equal(values['norm-1-1'], 'minmax');

  // Bad input everywhere: each field gets its own message, the input is kept, nothing is written.
  const bad = await client.post(FORM, {
    ...values,
    label: '2008',
    first_year: '20x8',
    last_year: '2001',
    scale: '7',
    method_vi: '',
    'pw-0': '0.5',
    'iw-0-0': '0,6',
    'min-0-1': '150',
    'max-0-1': '150',
    'iw-1-0': 'abc',
    'norm-2-0': 'guess',
    'dir-2-1': 'sideways',
    'norm-1-1': 'goalposts',
    'min-1-1': '',
  });
  assert.equal(bad.status, 422);
  const shown = text(bad.body);
  assert.match(shown, /Chỉ số này đã có ấn bản "2008"/);
  assert.match(shown, /Nhập năm từ 1945 đến 2100/);
  assert.match(shown, /Chọn thang 1, 10 hoặc 100/);
  assert.match(shown, /Trọng số các trụ cột \(tổng bằng 1\): Tổng trọng số phải bằng 1 \(hiện là 1,1\)/, 'pillar weights 0.5 + 0.3 + 0.3');
  assert.match(shown, /Hạ tầng kỹ thuật: các chỉ tiêu \(tổng trọng số bằng 1\): Tổng trọng số phải bằng 1 \(hiện là 1,1\)/, 'indicator weights 0,6 + 0,5');
  assert.match(shown, /Ngưỡng dưới phải nhỏ hơn ngưỡng trên/);
  assert.match(shown, /Nhập trọng số lớn hơn 0 và không quá 1/);
  assert.match(shown, /Cần nhập ngưỡng khi chuẩn hóa theo ngưỡng cố định/);
  assert.match(shown, /Chọn một trong các lựa chọn/);
  assert.match(bad.body, /<a href="#f-pw">/, 'the summary links to the pillar weights group');
  assert.match(bad.body, /<fieldset id="f-pw"/);
  assert.match(bad.body, /id="f-iw-1-0"[^>]*value="abc"|name="iw-1-0"[^>]*value="abc"/, 'the input is kept');
  assert.equal((await store.db.selectFrom('stat_index_editions').select('id').execute()).length, 2);

  const en = await signedIn(app, store, 'statistician');
  await en.get(`${FORM}?tu=2008`);
  const enBad = await en.post(FORM, { ...values, label: 'x y', first_year: '2010' }, { cookie: `${[...en.cookies].map(([k, v]) => `${k}=${v}`).join('; ')}; lang=en` });
  assert.equal(enBad.status, 422);
  assert.match(text(enBad.body), /An edition name has letters, digits, full stops or hyphens/);

  // A stale token keeps the input (403), a good form creates the edition, audited.
  const stale = await client.post(FORM, { ...values, _csrf: 'stale', label: '2010-b' });
  assert.equal(stale.status, 403);
  assert.match(stale.body, /value="2010-b"/);
  await client.get(`${FORM}?tu=2008`);
  const ok = await client.post(FORM, { ...values, label: '2010-b', first_year: '2010', last_year: '2012', 'pw-0': '0.2', 'pw-1': '0.4', 'pw-2': '0.4', 'max-0-1': '100', 'dir-0-0': 'higher' });
  assert.equal(ok.status, 303, ok.body);
  assert.equal(ok.location, '/quan-tri/chi-so?ok=2010-b');
  assert.match(text((await client.get(ok.location!)).body), /Đã tạo ấn bản 2010-b/);
  const audit = await store.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'statistics.index_edition.create').executeTakeFirstOrThrow();
  assert.match(String(audit.after_json), /"label":"2010-b"/);

  const api = JSON.parse((await new Client(app).get('/api/v1/indices/ict-readiness/rankings?period=2011&edition=2010-b')).body) as { edition: { label: string; pillars: { weight: number; indicators: { goalposts: { max: number } | null }[] }[] }; total: number };
  assert.equal(api.edition.label, '2010-b');
  assert.deepEqual(
    api.edition.pillars.map((p) => p.weight),
    [0.2, 0.4, 0.4],
  );
  assert.equal(api.edition.pillars[0]!.indicators[1]!.goalposts!.max, 100);
  assert.equal(api.total, 63);
  // For 2011 without an edition, the most recent covering edition is the new one (it starts later).
  const auto = JSON.parse((await new Client(app).get('/api/v1/indices/ict-readiness/rankings?period=2011')).body) as { edition: { label: string } };
  assert.equal(auto.edition.label, '2010-b');
  const published = JSON.parse((await new Client(app).get('/api/v1/indices/ict-readiness/rankings?period=2011&edition=2008')).body) as { edition: { pillars: { weight: number }[] } };
  assert.deepEqual(
    published.edition.pillars.map((p) => p.weight),
    [0.4, 0.3, 0.3],
    'the copied edition is unchanged',
  );
});

test('only statisticians reach the edition form; an unknown source edition is a 404', async (t) => {
  const { app, store } = await build(t);
  const anonymous = new Client(app);
  const res = await anonymous.get(FORM);
  assert.ok([302, 303, 401].includes(res.status), String(res.status));
  const enterprise = await signedIn(app, store, 'enterprise');
  assert.equal((await enterprise.get(FORM)).status, 403);
  assert.equal((await enterprise.post(FORM, { label: 'x' })).status, 403);
  const statistician = await signedIn(app, store, 'statistician');
  assert.equal((await statistician.get(`${FORM}?tu=1999`)).status, 404);
  assert.equal((await statistician.get('/quan-tri/chi-so/khong-co/an-ban-moi')).status, 404);
  assert.equal((await store.db.selectFrom('stat_index_editions').select('id').execute()).length, 2);
});
