import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { build, dropTemplates } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { demoAssignment, downloadTemplate, fill, plausible, problems, signedIn, upload, uploadWorkbook } from './reports-helpers.ts';

after(dropTemplates);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read arbitrary JSON bodies
const json = (body: string): Record<string, any> => JSON.parse(body);

test('an enterprise downloads its Excel template, fills and uploads it; the statistician approves and the figures reach the API; a correction is version 2', async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  assert.ok(a.units.length >= 8, 'the old Lào Cai districts');
  const enterprise = await signedIn(app, store, 'enterprise');

  const list = await enterprise.get('/bao-cao-thong-ke');
  assert.equal(list.status, 200);
  assert.match(list.body, /BC-VT-01/);
  assert.match(list.body, /Quý 2\/2025/);
  assert.match(list.body, /Chưa nộp/);

  const wb = await downloadTemplate(app, enterprise, a.path);
  assert.equal(wb.worksheets.length, 1);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.getCell('A2').value, `congso:BC-VT-01:v1:2025-Q2:a${a.id}`);
  assert.equal(ws.getCell('A5').value, a.units[0]!.code);
  assert.equal(ws.getCell('C5').protection?.locked, false, 'input cells are unlocked');
  assert.equal(ws.getCell('C5').dataValidation?.type, 'whole');
  assert.notEqual(ws.getCell('A5').protection?.locked, false, 'unit codes stay locked');

  fill(wb, a.units.length, plausible);
  const res = await uploadWorkbook(enterprise, a.path, wb);
  assert.equal(res.status, 303, problems(res.body).join('\n'));
  const page = await enterprise.get(res.location!);
  assert.match(page.body, /Đã nộp báo cáo \(lần 1\)/);
  assert.match(page.body, /Tải lên tệp Excel \(BC-VT-01\.xlsx\)/);

  // The figures are not published before approval.
  const unit = a.units[0]!.code;
  const apiUrl = `/api/v1/indicators/telecom.mobile_subscriptions/values?unit=${unit}&from=2025-Q2&to=2025-Q2`;
  assert.deepEqual(json((await new Client(app).get(apiUrl)).body).values, []);

  const statistician = await signedIn(app, store, 'statistician');
  const staff = await statistician.get('/quan-tri/bao-cao-thong-ke');
  assert.equal(staff.status, 200);
  const link = /href="(\/quan-tri\/bao-cao-thong-ke\/nop\/\d+)"/.exec(staff.body)?.[1];
  assert.ok(link);
  const review = await statistician.get(link);
  assert.match(review.body, /40\.000/);
  const approved = await statistician.post(`${link}/quyet-dinh`, { decision: 'approve', comment: '' });
  assert.equal(approved.status, 303);
  assert.match((await statistician.get(approved.location!)).body, /Đã duyệt; số liệu đã được ghi/);

  const values = json((await new Client(app).get(apiUrl)).body).values;
  assert.deepEqual(values, [{ period: '2025-Q2', value: 40_000, status: 'approved' }]);
  const stored = await store.db.selectFrom('stat_values').select(['source', 'status', 'reporter_agency_id']).where('period', '=', '2025-Q2').execute();
  // Each district's figures, plus the enterprise's total for the province (figures that add up).
  assert.equal(stored.length, a.units.length * 4 + 4);
  assert.ok(stored.every((s) => s.source === 'report:BC-VT-01:2025-Q2:v1' && s.status === 'approved' && s.reporter_agency_id !== null));

  const provinceTotal = a.units.reduce((sum, _, k) => sum + plausible(k, 1), 0);
  const ranking = async () => json((await new Client(app).get('/api/v1/rankings/telecom.mobile_subscriptions?period=2025-Q2')).body);
  const before = await ranking();
  assert.deepEqual(before.rows.find((r: { unitCode: string }) => r.unitCode === '10'), { rank: 1, unitCode: '10', unitName: 'Lào Cai', value: provinceTotal, status: 'approved' });

  // A correction: the template comes back filled with the approved figures; one value changes.
  const again = await downloadTemplate(app, enterprise, a.path);
  assert.equal(again.worksheets[0]!.getCell('D5').value, 40_000);
  again.worksheets[0]!.getCell('D5').value = 41_000;
  assert.equal((await uploadWorkbook(enterprise, a.path, again)).status, 303);
  const link2 = /href="(\/quan-tri\/bao-cao-thong-ke\/nop\/\d+)"/.exec((await statistician.get('/quan-tri/bao-cao-thong-ke')).body)?.[1];
  assert.ok(link2 && link2 !== link);
  const history = await statistician.get(link2);
  assert.match(history.body, /Xem 1/);
  assert.match(history.body, /Xem 2/);
  assert.equal((await statistician.post(`${link2}/quyet-dinh`, { decision: 'approve', comment: 'Đã đối chiếu' })).status, 303);
  assert.deepEqual(json((await new Client(app).get(apiUrl)).body).values, [{ period: '2025-Q2', value: 41_000, status: 'approved' }]);
  assert.equal((await ranking()).rows.find((r: { unitCode: string }) => r.unitCode === '10').value, provinceTotal + 1_000);
  // The first version stays visible with its own figures.
  assert.match((await statistician.get(link)).body, /40\.000/);

  const audit = await store.db.selectFrom('audit_log').select('action').where('action', 'like', 'statistics.report%').orderBy('id').execute();
  assert.deepEqual(audit.map((r) => r.action), ['statistics.report.submit', 'statistics.report.approve', 'statistics.report.submit', 'statistics.report.approve']);
});

test('entry on the HTML form keeps the typed values with a message at the cell, then submits; CSV upload works the same way', async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  const enterprise = await signedIn(app, store, 'enterprise');
  const page = await enterprise.get(a.path);
  assert.match(page.body, /<label for="c-C5" class="visually-hidden">C5: /);
  const form: Record<string, string> = {};
  a.units.forEach((_, k) => [0, 1, 2, 3].forEach((i) => (form[`c_${String.fromCharCode(67 + i)}${5 + k}`] = String(plausible(k, i)))));
  form.c_D6 = 'nhiều';
  const refused = await enterprise.post(`${a.path}/nhap`, form);
  assert.equal(refused.status, 422);
  assert.deepEqual(problems(refused.body), ['Ô D6: "nhiều" không phải là số.']);
  assert.match(refused.body, /id="c-D6" name="c_D6" type="text" inputmode="decimal" value="nhiều"[^>]*aria-invalid="true"/);
  assert.match(refused.body, /id="c-C5" name="c_C5" type="text" inputmode="decimal" value="500"/);
  assert.equal((await store.db.selectFrom('stat_report_submissions').select('id').execute()).length, 0);

  // The same refusal in English.
  enterprise.cookies.set('lang', 'en');
  const english = await enterprise.post(`${a.path}/nhap`, form);
  assert.equal(english.status, 422);
  assert.deepEqual(problems(english.body), ['Cell D6: "nhiều" is not a number.']);
  enterprise.cookies.delete('lang');

  form.c_D6 = '40 010';
  const ok = await enterprise.post(`${a.path}/nhap`, form);
  assert.equal(ok.status, 303, problems(ok.body).join('\n'));

  const csv = await enterprise.get(`${a.path}/mau.csv`);
  assert.equal(csv.status, 200);
  const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(lines[0], 'ma_dvhc,ten_dvhc,telecom.fixed_phone_subscriptions,telecom.mobile_subscriptions,telecom.mobile_broadband_subscriptions,internet.fixed_broadband_subscriptions,giai_trinh');
  assert.equal(lines.length, a.units.length + 1);
  const edited = lines.map((l, n) => (n === 1 ? l.replace(/,500,/, ',510,') : l)).join('\r\n');
  const up = await upload(enterprise, `${a.path}/tai-len`, {}, { name: 'bao-cao.csv', type: 'text/csv', content: Buffer.from(edited) });
  assert.equal(up.status, 303, problems(up.body).join('\n'));
  const versions = await store.db.selectFrom('stat_report_submissions').select(['version', 'status', 'channel']).orderBy('version').execute();
  assert.deepEqual(versions, [
    { version: 1, status: 'superseded', channel: 'form' },
    { version: 2, status: 'submitted', channel: 'csv' },
  ]);
  void ExcelJS;
});

test('two submissions at the same moment become versions 1 and 2; only the newer one awaits review', async (t) => {
  const { app, store } = await build(t);
  const a = await demoAssignment(store);
  const enterprise = await signedIn(app, store, 'enterprise');
  await enterprise.get(a.path);
  const form: Record<string, string> = {};
  a.units.forEach((_, k) => [0, 1, 2, 3].forEach((i) => (form[`c_${String.fromCharCode(67 + i)}${5 + k}`] = String(plausible(k, i)))));
  const [one, two] = await Promise.all([enterprise.post(`${a.path}/nhap`, form), enterprise.post(`${a.path}/nhap`, form)]);
  assert.deepEqual([one.status, two.status], [303, 303]);
  const versions = await store.db.selectFrom('stat_report_submissions').select(['version', 'status']).orderBy('version').execute();
  assert.deepEqual(versions, [
    { version: 1, status: 'superseded' },
    { version: 2, status: 'submitted' },
  ]);
});
