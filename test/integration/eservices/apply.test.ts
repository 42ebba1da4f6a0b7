import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { WorkingCalendar } from '../../../src/platform/calendar/working-calendar.ts';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { PDF, PUBLISHING_FORM, signedIn, upload } from './helpers.ts';

async function startDraft(client: Client): Promise<string> {
  await client.get('/thu-tuc/1.003868');
  const started = await client.post('/thu-tuc/1.003868/nop-truc-tuyen', {});
  assert.equal(started.status, 303);
  assert.match(started.location ?? '', /^\/ho-so\/\d+$/);
  return started.location ?? '';
}

test('a citizen saves a draft, comes back to it, attaches documents and submits; the receipt carries code and due date', async (t) => {
  const { app, store, dataDir } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const draftUrl = await startDraft(citizen);
  const draft = await citizen.get(draftUrl);
  assert.equal(draft.status, 200);
  assert.match(draft.body, /value="Hoàng Văn Đạt"/);
  assert.match(draft.body, /<legend>Tài liệu đề nghị cấp phép<\/legend>/);

  const partial = await citizen.post(draftUrl, { applicant_name: 'Hoàng Văn Đạt', applicant_phone: '0912 345 678', doc_title: 'Sổ tay kỹ thuật trồng chè' });
  assert.equal(partial.status, 303);
  assert.equal(partial.location, `${draftUrl}?ok=luu`);
  const again = await citizen.get(partial.location ?? '');
  assert.match(again.body, /Đã lưu nháp/);
  assert.match(again.body, /value="Sổ tay kỹ thuật trồng chè"/);

  const incomplete = await citizen.post(`${draftUrl}/nop`, {});
  assert.equal(incomplete.status, 422);
  assert.match(incomplete.body, /Vui lòng nhập tên cơ quan, tổ chức/);
  assert.match(incomplete.body, /Vui lòng đính kèm “Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh \(Mẫu số 04\)”/);
  assert.equal((await store.db.selectFrom('dossiers').select('status').executeTakeFirstOrThrow()).status, 'draft');

  assert.equal((await citizen.post(draftUrl, PUBLISHING_FORM)).status, 303);
  await citizen.get(draftUrl);
  assert.equal((await upload(citizen, `${draftUrl}/tai-lieu`, { component: 'don-de-nghi' }, { name: 'don.pdf', type: 'application/pdf', content: PDF('don') })).status, 303);
  await citizen.get(draftUrl);
  const two = await upload(citizen, `${draftUrl}/tai-lieu`, { component: 'ban-thao' }, { name: 'bản thảo.pdf', type: 'application/pdf', content: PDF('ban thao') });
  assert.equal(two.status, 303);
  const withFiles = await citizen.get(draftUrl);
  assert.match(withFiles.body, /bản thảo\.pdf/);

  const submitted = await citizen.post(`${draftUrl}/nop`, {});
  assert.equal(submitted.status, 303);
  assert.equal(submitted.location, `${draftUrl}/bien-nhan`);
  const receipt = await citizen.get(submitted.location ?? '');
  assert.equal(receipt.status, 200);
  const row = await store.db.selectFrom('dossiers').selectAll().executeTakeFirstOrThrow();
  assert.match(row.code ?? '', /^000\.00\.\d{2}\.H15-\d{6}-0001$/);
  assert.equal(row.national_status, 1);
  const calendar = new WorkingCalendar();
  assert.equal(row.received_on, calendar.receiptDay(new Date(row.submitted_at ?? ''), 17));
  assert.equal(row.due_on, calendar.addWorkingDays(row.received_on ?? '', 10));
  assert.ok(receipt.body.includes(row.code ?? '?'));
  const [y, m, d] = (row.due_on ?? '').split('-');
  assert.ok(receipt.body.includes(`${d}/${m}/${y}`));
  assert.match(receipt.body, /Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai/);
  assert.match(receipt.body, /don\.pdf/);

  const files = readdirSync(path.join(dataDir, 'files'), { recursive: true }).filter((f) => String(f).length > 3);
  assert.equal(files.length, 2);
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'dossier').execute();
  assert.deepEqual(audit.map((a) => a.action), ['dossier.submitted']);
});

test('submitting twice (double click, retry) makes one dossier with one code', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const draftUrl = await startDraft(citizen);
  await citizen.get(draftUrl);
  await citizen.post(draftUrl, PUBLISHING_FORM);
  await citizen.get(draftUrl);
  for (const component of ['don-de-nghi', 'ban-thao']) await upload(citizen, `${draftUrl}/tai-lieu`, { component }, { name: `${component}.pdf`, type: 'application/pdf', content: PDF(component) });
  await citizen.get(draftUrl);
  const [first, second] = await Promise.all([citizen.post(`${draftUrl}/nop`, {}), citizen.post(`${draftUrl}/nop`, {})]);
  assert.equal(first.status, 303);
  assert.equal(second.status, 303);
  const third = await citizen.post(`${draftUrl}/nop`, {});
  assert.equal(third.location, `${draftUrl}/bien-nhan`);
  const rows = await store.db.selectFrom('dossiers').select(['code', 'status']).execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.status, 'submitted');
  const events = await store.db.selectFrom('dossier_events').select('action').where('action', '=', 'submitted').execute();
  assert.equal(events.length, 1);
  const editAfter = await citizen.post(draftUrl, { ...PUBLISHING_FORM, doc_title: 'Đổi sau khi nộp' });
  assert.equal(editAfter.status, 303);
  assert.equal((await store.db.selectFrom('dossiers').select('summary').executeTakeFirstOrThrow()).summary, PUBLISHING_FORM.doc_title);
});

test('documents are checked by content and size; a disguised file is refused and nothing is stored', async (t) => {
  const { app, store, dataDir } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const draftUrl = await startDraft(citizen);
  await citizen.get(draftUrl);
  const disguised = await upload(citizen, `${draftUrl}/tai-lieu`, { component: 'don-de-nghi' }, { name: 'don.pdf', type: 'application/pdf', content: Buffer.from('MZ\x90\x00 this is a Windows program, not a PDF') });
  assert.equal(disguised.status, 415);
  assert.match(disguised.body, /kiểm tra theo nội dung tệp/);
  const big = Buffer.concat([PDF('lớn'), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
  const tooBig = await upload(citizen, `${draftUrl}/tai-lieu`, { component: 'don-de-nghi' }, { name: 'lon.pdf', type: 'application/pdf', content: big });
  assert.equal(tooBig.status, 413);
  assert.match(tooBig.body, /lớn quá 10 MB/);
  const unknown = await upload(citizen, `${draftUrl}/tai-lieu`, { component: 'khong-co' }, { name: 'a.pdf', type: 'application/pdf', content: PDF('a') });
  assert.equal(unknown.status, 422);
  const forged = await upload(citizen, `${draftUrl}/tai-lieu`, { component: 'don-de-nghi', _csrf: 'forged' }, { name: 'a.pdf', type: 'application/pdf', content: PDF('a') });
  assert.equal(forged.status, 403);
  assert.equal((await store.db.selectFrom('dossier_files').select('id').execute()).length, 0);
  assert.equal(existsSync(path.join(dataDir, 'files')), false);

  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  assert.equal((await upload(citizen, `${draftUrl}/tai-lieu`, { component: 'don-de-nghi' }, { name: 'scan.png', type: 'application/octet-stream', content: png })).status, 303);
  const stored = await store.db.selectFrom('dossier_files').select(['media_type', 'sha256']).executeTakeFirstOrThrow();
  assert.equal(stored.media_type, 'image/png');
  assert.ok(existsSync(path.join(dataDir, 'files', stored.sha256.slice(0, 2), stored.sha256)));
});

test('a document given in an earlier dossier is flagged as reused', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const firstUrl = await startDraft(citizen);
  await citizen.get(firstUrl);
  await citizen.post(firstUrl, PUBLISHING_FORM);
  await citizen.get(firstUrl);
  for (const component of ['don-de-nghi', 'ban-thao']) await upload(citizen, `${firstUrl}/tai-lieu`, { component }, { name: `${component}.pdf`, type: 'application/pdf', content: PDF(component) });
  await citizen.get(firstUrl);
  assert.equal((await citizen.post(`${firstUrl}/nop`, {})).status, 303);
  const secondUrl = await startDraft(citizen);
  await citizen.get(secondUrl);
  await upload(citizen, `${secondUrl}/tai-lieu`, { component: 'don-de-nghi' }, { name: 'lai.pdf', type: 'application/pdf', content: PDF('don-de-nghi') });
  const page = await citizen.get(secondUrl);
  assert.match(page.body, /đã dùng ở hồ sơ trước/);
  const flags = await store.db.selectFrom('dossier_files').select(['file_name', 'reused']).orderBy('id').execute();
  assert.deepEqual(flags.map((f) => f.reused), [0, 0, 1]);
});

test('another person cannot open, change or submit a dossier; visitors are sent to sign in', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const draftUrl = await startDraft(citizen);
  const other = await signedIn(app, store, 'writer');
  await other.get('/thu-tuc');
  assert.equal((await other.get(draftUrl)).status, 404);
  assert.equal((await other.post(draftUrl, { doc_title: 'x' })).status, 404);
  assert.equal((await other.post(`${draftUrl}/nop`, {})).status, 404);
  const visitor = await new Client(app).get(draftUrl);
  assert.equal(visitor.status, 303);
  assert.match(visitor.location ?? '', /^\/dang-nhap/);
  const visitorStart = await new Client(app).post('/thu-tuc/1.003868/nop-truc-tuyen', {});
  assert.equal(visitorStart.status, 303);
  assert.equal((await store.db.selectFrom('dossiers').select('id').execute()).length, 1);
});

test('invalid values are refused with field messages while everything typed is kept', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const draftUrl = await startDraft(citizen);
  await citizen.get(draftUrl);
  const bad = await citizen.post(draftUrl, { ...PUBLISHING_FORM, applicant_email: 'không phải email', doc_pages: 'bốn mươi', doc_form: 'papyrus' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Địa chỉ thư điện tử không hợp lệ/);
  assert.match(bad.body, /Số trang không hợp lệ/);
  assert.match(bad.body, /value="bốn mươi"/);
  assert.match(bad.body, /value="Sổ tay kỹ thuật trồng chè Shan tuyết"/);
  const forged = await citizen.post(draftUrl, { ...PUBLISHING_FORM, _csrf: 'forged' });
  assert.equal(forged.status, 403);
  assert.match(forged.body, /value="Hội Nông dân tỉnh Lào Cai"/);
  const saved = JSON.parse((await store.db.selectFrom('dossiers').select('form_json').executeTakeFirstOrThrow()).form_json);
  assert.equal(saved.doc_title, undefined);
});
