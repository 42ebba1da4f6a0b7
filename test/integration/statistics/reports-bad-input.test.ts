import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { build, dropTemplates, type TestEnv } from '../../helpers/build.ts';
import type { Client } from '../../helpers/client.ts';
import { XLSX_TYPE, demoAssignment, downloadTemplate, fill, plausible, problems, signedIn, upload, uploadWorkbook } from './reports-helpers.ts';

after(dropTemplates);

/** Every refused upload leaves no submission, no cell and no figure behind. */
async function nothingWritten(env: TestEnv): Promise<void> {
  assert.equal((await env.store.db.selectFrom('stat_report_submissions').select('id').execute()).length, 0);
  assert.equal((await env.store.db.selectFrom('stat_report_cells').select('id').execute()).length, 0);
  assert.equal((await env.store.db.selectFrom('stat_values').select('id').where('period', '=', '2025-Q2').execute()).length, 0);
}

async function setup(t: Parameters<typeof build>[0]) {
  const env = await build(t);
  const a = await demoAssignment(env.store);
  const client = await signedIn(env.app, env.store, 'enterprise');
  const template = async () => {
    const wb = await downloadTemplate(env.app, client, a.path);
    fill(wb, a.units.length, plausible);
    return wb;
  };
  return { env, a, client, template };
}

const refusedWith = async (client: Client, path: string, wb: ExcelJS.Workbook) => {
  const res = await uploadWorkbook(client, path, wb);
  assert.equal(res.status, 422, `expected a refusal, got ${res.status}`);
  return problems(res.body);
};

test('cell values: text in a number cell, a negative, a fraction in a count, an absurd figure, an empty cell and a formula each get a message at their cell; nothing is imported', async (t) => {
  const { env, a, client, template } = await setup(t);
  const wb = await template();
  const ws = wb.worksheets[0]!;
  ws.getCell('C5').value = 'khoảng 500';
  ws.getCell('D6').value = -40;
  ws.getCell('E7').value = 12.5;
  ws.getCell('F8').value = 5_000_000_000;
  ws.getCell('C9').value = null;
  ws.getCell('D10').value = { formula: 'D9*2', result: 80_000 };
  assert.deepEqual(await refusedWith(client, a.path, wb), [
    'Ô C5: "khoảng 500" không phải là số.',
    'Ô D6: giá trị -40 âm; số liệu phải từ 0 trở lên.',
    'Ô E7: giá trị 12.5 phải là số nguyên (đây là số lượng).',
    'Ô F8: giá trị 5000000000 vượt giới hạn hợp lý (1000000000).',
    'Ô C9: chưa nhập giá trị.',
    'Ô D10: chứa công thức (=D9*2); hãy dán giá trị (Paste Values) thay cho công thức.',
  ]);
  await nothingWritten(env);
});

test('merged cells and a hidden sheet are refused before any value is read', async (t) => {
  const { env, a, client, template } = await setup(t);
  const merged = await template();
  merged.worksheets[0]!.mergeCells('C6:D6');
  assert.deepEqual(await refusedWith(client, a.path, merged), ['Ô C6:D6 bị gộp; hãy bỏ gộp ô để mỗi giá trị nằm trong một ô.']);

  const hidden = await template();
  const extra = hidden.addWorksheet('Số liệu thật');
  extra.getCell('A1').value = 123;
  extra.state = 'hidden';
  assert.deepEqual(await refusedWith(client, a.path, hidden), ['Tệp có trang tính ẩn "Số liệu thật"; hãy hiện hoặc xóa trang tính đó rồi tải lên lại.']);
  await nothingWritten(env);
});

test('a sheet of 100,000 rows is refused quickly with a message', async (t) => {
  const { env, a, client, template } = await setup(t);
  const wb = await template();
  const ws = wb.worksheets[0]!;
  for (let r = 20; r < 100_020; r += 1) ws.getRow(r).getCell(3).value = r;
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  await client.get(a.path);
  const started = performance.now();
  const res = await upload(client, `${a.path}/tai-len`, {}, { name: 'lon.xlsx', type: XLSX_TYPE, content });
  const ms = performance.now() - started;
  assert.ok(content.length < 2 * 1024 * 1024, 'small enough to reach the row count');
  assert.equal(res.status, 422);
  const [message] = problems(res.body);
  const m = /^Tệp có (\d+) dòng, quá số dòng của biểu \((\d+)\); hãy dùng mẫu tải từ hệ thống\.$/.exec(message ?? '');
  assert.ok(m, message);
  assert.ok(Number(m[1]) >= 100_000);
  assert.equal(Number(m[2]), a.units.length + 25);
  t.diagnostic(`100,000-row workbook (${Math.round(content.length / 1024)} KB) refused in ${Math.round(ms)} ms`);
  assert.ok(ms < 3000, `refused in ${Math.round(ms)} ms`);

  // Over the size limit: refused while the upload is read.
  const big = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2 * 1024 * 1024 + 10, 1)]);
  const tooBig = await upload(client, `${a.path}/tai-len`, {}, { name: 'lon.xlsx', type: XLSX_TYPE, content: big });
  assert.equal(tooBig.status, 413);
  assert.deepEqual(problems(tooBig.body), ['Tệp lớn quá 2048 KB.']);
  await nothingWritten(env);
});

test('a template of another version, another form or another period is refused; so is a renamed non-xlsx file and a file without the identification line', async (t) => {
  const { env, a, client, template } = await setup(t);
  const old = await template();
  old.worksheets[0]!.getCell('A2').value = `congso:BC-VT-01:v0:2025-Q2:a${a.id}`;
  assert.deepEqual(await refusedWith(client, a.path, old), ['Tệp được tạo từ mẫu phiên bản 0, biểu hiện hành là phiên bản 1; hãy tải mẫu mới.']);

  const other = await template();
  other.worksheets[0]!.getCell('A2').value = `congso:BC-BC-01:v1:2025:a${a.id}`;
  assert.deepEqual(await refusedWith(client, a.path, other), ['Tệp là mẫu của biểu BC-BC-01, không phải biểu BC-VT-01.']);

  const period = await template();
  period.worksheets[0]!.getCell('A2').value = `congso:BC-VT-01:v1:2025-Q1:a${a.id}`;
  assert.match((await refusedWith(client, a.path, period))[0] ?? '', /mẫu của kỳ hoặc đơn vị báo cáo khác \(2025-Q1\)/);

  const blank = new ExcelJS.Workbook();
  blank.addWorksheet('Sheet1').getCell('A1').value = 1;
  assert.deepEqual(await refusedWith(client, a.path, blank), ['Tệp không phải mẫu của hệ thống (thiếu dòng nhận dạng ở ô A2); hãy tải mẫu của biểu này.']);

  await client.get(a.path);
  for (const content of [Buffer.from('ma_dvhc,ten_dvhc\n080,x\n'), Buffer.from('%PDF-1.4 not a workbook'), Buffer.from('PK\u0003\u0004 broken zip body')]) {
    const res = await upload(client, `${a.path}/tai-len`, {}, { name: 'bao-cao.xlsx', type: XLSX_TYPE, content });
    assert.equal(res.status, 422);
    assert.deepEqual(problems(res.body), ['Tệp "bao-cao.xlsx" không phải bảng tính Excel (.xlsx) hay CSV đọc được.']);
  }
  await nothingWritten(env);
});

test('a row for a unit the reporter does not report for, a duplicated and a missing unit are row-level problems', async (t) => {
  const { env, a, client, template } = await setup(t);
  const wb = await template();
  const ws = wb.worksheets[0]!;
  ws.getCell('A5').value = '001'; // Ba Đình (Hà Nội): another province's district
  ws.getCell('A6').value = a.units[2]!.code;
  const messages = await refusedWith(client, a.path, wb);
  assert.ok(messages.includes('Dòng 5: đơn vị hành chính mã "001" không thuộc phạm vi báo cáo của đơn vị bạn.'), messages.join('\n'));
  assert.ok(messages.includes(`Dòng 7: đơn vị hành chính mã "${a.units[2]!.code}" xuất hiện hai lần.`), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith(`Thiếu dòng cho đơn vị hành chính ${a.units[0]!.code}`)), messages.join('\n'));
  await nothingWritten(env);
});

test('a period closed by the statistician accepts nothing, by upload or by form', async (t) => {
  const { env, a, client, template } = await setup(t);
  const wb = await template();
  const statistician = await signedIn(env.app, env.store, 'statistician');
  const staff = await statistician.get('/quan-tri/bao-cao-thong-ke');
  const action = /action="(\/quan-tri\/bao-cao-thong-ke\/ky\/\d+\/trang-thai)"/.exec(staff.body)?.[1];
  assert.ok(action);
  assert.equal((await statistician.post(action, { status: 'closed' })).status, 303);
  const page = await client.get(a.path);
  assert.match(page.body, /Kỳ báo cáo này đã đóng/);
  assert.deepEqual(await refusedWith(client, a.path, wb), ['Kỳ báo cáo 2025-Q2 không mở để nhận số liệu.']);
  const form = await client.post(`${a.path}/nhap`, { c_C5: '1' });
  assert.equal(form.status, 422);
  assert.deepEqual(problems(form.body), ['Kỳ báo cáo 2025-Q2 không mở để nhận số liệu.']);
  await nothingWritten(env);
});

test('a jump over half of the previous period is flagged and needs a reason; with a reason it is accepted and shown flagged to the statistician', async (t) => {
  const { env, a, client, template } = await setup(t);
  // The previous quarter's figures of this enterprise, as an approved report would have written them.
  const agency = await env.store.db.selectFrom('agencies').select('id').where('code', '=', 'vnpt-lao-cai').executeTakeFirstOrThrow();
  const indicator = await env.store.db.selectFrom('stat_indicators').select('id').where('code', '=', 'telecom.mobile_subscriptions').executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  await env.store.db
    .insertInto('stat_values')
    .values({ indicator_id: indicator.id, admin_unit_id: a.units[1]!.id, period: '2025-Q1', period_kind: 'quarter', period_start: '2025-01-01', period_end: '2025-03-31', reporter_agency_id: agency.id, value: 20_000, status: 'approved', source: 'report:BC-VT-01:2025-Q1:v1', note: null, created_at: at, updated_at: at })
    .execute();
  const wb = await template();
  // Row 6 (second unit): 40,010 mobile subscriptions against 20,000 → +100%.
  assert.deepEqual(await refusedWith(client, a.path, wb), ['Ô D6: thay đổi 100% so với kỳ trước (20000); cần ghi giải trình ở ô G6.']);
  wb.worksheets[0]!.getCell('G6').value = 'Khai trương trạm BTS mới tại trung tâm huyện';
  const ok = await uploadWorkbook(client, a.path, wb);
  assert.equal(ok.status, 303, problems(ok.body).join('\n'));
  const cell = await env.store.db.selectFrom('stat_report_cells').select(['flagged', 'reason', 'previous_value']).where('indicator_id', '=', indicator.id).where('admin_unit_id', '=', a.units[1]!.id).executeTakeFirstOrThrow();
  assert.equal(cell.flagged, 1);
  assert.equal(Number(cell.previous_value), 20_000);
  const statistician = await signedIn(env.app, env.store, 'statistician');
  const link = /href="(\/quan-tri\/bao-cao-thong-ke\/nop\/\d+)"/.exec((await statistician.get('/quan-tri/bao-cao-thong-ke')).body)?.[1];
  const review = await statistician.get(link!);
  assert.match(review.body, /Biến động lớn/);
  assert.match(review.body, /Khai trương trạm BTS mới/);
});

test('units of another administrative structure than the period’s are left out of the template; a reporter with none is told so and can submit nothing', async (t) => {
  const { env, a, client } = await setup(t);
  const db = env.store.db;
  const formReporter = await db
    .selectFrom('stat_form_reporters as fr')
    .innerJoin('stat_form_reporter_units as fu', 'fu.form_reporter_id', 'fr.id')
    .select('fr.id')
    .where('fu.admin_unit_id', '=', a.units[0]!.id)
    .executeTakeFirstOrThrow();
  // Two communes of the 2025 structure join the pre-2025 districts of the assignment; the period is 2025-Q2.
  const communes = await db.selectFrom('admin_units').select(['id', 'code']).where('structure', '=', '2025').where('level', '=', 'commune').orderBy('code').limit(2).execute();
  assert.equal(communes.length, 2);
  await db.insertInto('stat_form_reporter_units').values(communes.map((c) => ({ form_reporter_id: formReporter.id, admin_unit_id: c.id }))).execute();
  const wb = await downloadTemplate(env.app, client, a.path);
  const codes: string[] = [];
  wb.worksheets[0]!.eachRow((row, n) => {
    if (n >= 5) codes.push(String(row.getCell(1).value));
  });
  assert.deepEqual(codes, a.units.map((u) => u.code), 'only the districts that exist on 30/6/2025');

  // Only the communes left: nothing of this reporter exists in 2025-Q2.
  await db.deleteFrom('stat_form_reporter_units').where('form_reporter_id', '=', formReporter.id).where('admin_unit_id', 'not in', communes.map((c) => c.id)).execute();
  const page = await client.get(a.path);
  assert.equal(page.status, 200);
  assert.deepEqual(problems(page.body), ['Đơn vị báo cáo chưa được giao đơn vị hành chính nào tồn tại trong kỳ 2025-Q2 (cơ cấu hành chính của kỳ này). Xin liên hệ Sở để được giao.']);
  const form = await client.post(`${a.path}/nhap`, { c_C5: '1' });
  assert.equal(form.status, 422);
  assert.deepEqual(problems(form.body), ['Đơn vị báo cáo chưa được giao đơn vị hành chính nào tồn tại trong kỳ 2025-Q2 (cơ cấu hành chính của kỳ này). Xin liên hệ Sở để được giao.']);
  await nothingWritten(env);
});
