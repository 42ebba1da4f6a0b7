import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectPdf } from '../../../src/platform/pdf/inspect-pdf.ts';
import { todayInVietnam } from '../../../src/platform/text/format.ts';
import { build } from '../../helpers/build.ts';
import { signedIn } from './helpers.ts';
import { decidedDossier, download, ISSUE_FORM, SITE } from './results-helpers.ts';

const YEAR = Number(todayInVietnam().slice(0, 4));

test('after the decision the officer issues the licence: numbered, audited, a PDF in Vietnamese with a QR link that verifies it', async (t) => {
  const { app, store } = await build(t);
  const { citizen, officer, id, code } = await decidedDossier(app, store);
  assert.ok((await officer.get(`/quan-tri/ho-so/${id}`)).body.includes(`/quan-tri/ho-so/${id}/giay-phep`));
  const form = await officer.get(`/quan-tri/ho-so/${id}/giay-phep`);
  assert.equal(form.status, 200);
  assert.ok(form.body.includes('Sổ tay kỹ thuật trồng chè Shan tuyết') && form.body.includes('Hội Nông dân tỉnh Lào Cai'), 'prefilled from the dossier');
  const issued = await officer.post(`/quan-tri/ho-so/${id}/giay-phep`, { holder_name: 'Hội Nông dân tỉnh Lào Cai', holder_address: 'Phường Cốc Lếu, Lào Cai', title: 'Sổ tay kỹ thuật trồng chè Shan tuyết', quantity: '500', ...ISSUE_FORM });
  assert.equal(issued.status, 303);
  const licence = await store.db.selectFrom('licences').selectAll().where('dossier_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(licence.number, '01/GP-SVHTTDL');
  assert.equal(licence.year, YEAR);
  assert.equal(licence.quantity, 500);
  assert.match(licence.token, /^[A-Za-z0-9_-]{22}$/);
  const page = await officer.get(issued.location ?? '');
  assert.match(page.body, /Đã cấp giấy phép số 01\/GP-SVHTTDL/);

  const audit = await store.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'licence').execute();
  assert.deepEqual(audit.map((a) => [a.action, String(a.entity_id)]), [['licence.issued', String(licence.id)]]);
  const event = await store.db.selectFrom('dossier_events').select(['action', 'note']).where('dossier_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.deepEqual(event, { action: 'issue_licence', note: '01/GP-SVHTTDL' });
  const mail = await store.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(mail.to_address, 'citizen@laocai.example.vn');
  assert.ok(mail.text_body.includes(`01/GP-SVHTTDL – http`) && mail.text_body.includes(`/xac-thuc/giay-phep/${licence.token}`), mail.text_body);

  // The applicant finds it from the receipt page; it leads to the public verification page.
  const receipt = await citizen.get(`/ho-so/${id}/bien-nhan`);
  assert.ok(receipt.body.includes(`/ho-so/${id}/giay-phep`));
  const toVerify = await citizen.get(`/ho-so/${id}/giay-phep`);
  assert.equal(toVerify.location, `/xac-thuc/giay-phep/${licence.token}`);
  const verify = await new (await import('../../helpers/client.ts')).Client(app).get(toVerify.location ?? '');
  assert.equal(verify.status, 200);
  assert.match(verify.body, /01\/GP-SVHTTDL/);
  assert.match(verify.body, /đang còn hiệu lực/);
  assert.match(verify.body, /Sổ tay kỹ thuật trồng chè Shan tuyết/);

  const pdf = await download(app, null, `/xac-thuc/giay-phep/${licence.token}/giay-phep.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  const facts = inspectPdf(pdf.body);
  const text = facts.text.replace(/\n/g, ' ');
  for (const s of ['GIẤY PHÉP XUẤT BẢN TÀI LIỆU KHÔNG KINH DOANH', 'Số: 01/GP-SVHTTDL', 'Sổ tay kỹ thuật trồng chè Shan tuyết', 'Hội Nông dân tỉnh Lào Cai', 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH LÀO CAI', 'Nguyễn Thị Lan', `/xac-thuc/giay-phep/${licence.token}`]) {
    assert.ok(text.includes(s), `${s} in ${text}`);
  }
  for (const ch of text.replace(/\s/g, '')) assert.ok(facts.codePoints.has(ch.codePointAt(0) ?? 0), `embedded fonts lack ${ch}`);
  assert.ok(!text.includes('\uFFFD'));

  // One licence per dossier; the result is then returned as usual.
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/giay-phep`, { holder_name: 'x', holder_address: 'x', title: 'x', quantity: '1', ...ISSUE_FORM })).status, 409);
  await officer.get(`/quan-tri/ho-so/${id}`);
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/xu-ly`, { action: 'return_result' })).status, 303);
  assert.equal(await store.db.selectFrom('licences').select('id').where('dossier_id', '=', id).execute().then((r) => r.length), 1);
  assert.ok(code !== '');
});

test('issuing with missing or wrong fields re-renders with Vietnamese messages and keeps the input; before the decision it is refused', async (t) => {
  const { app, store } = await build(t);
  const { officer, id } = await decidedDossier(app, store);
  await officer.get(`/quan-tri/ho-so/${id}/giay-phep`);
  const bad = await officer.post(`/quan-tri/ho-so/${id}/giay-phep`, { holder_name: 'Hội Nông dân tỉnh Lào Cai', holder_address: '', title: 'Sổ tay', quantity: 'năm trăm', signer_title: 'Giám đốc', signer_name: '' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /Vui lòng nhập thông tin này/);
  assert.match(bad.body, /Số lượng phải là số nguyên dương/);
  assert.ok(bad.body.includes('value="năm trăm"'));
  const stale = await officer.post(`/quan-tri/ho-so/${id}/giay-phep`, { _csrf: 'forged', holder_name: 'A', holder_address: 'B', title: 'C', quantity: '1', ...ISSUE_FORM });
  assert.equal(stale.status, 403);
  assert.equal((await store.db.selectFrom('licences').select('id').where('dossier_id', '=', id).execute()).length, 0);

  const early = await decidedDossier(app, store).catch(() => undefined);
  assert.ok(early !== undefined);
  // A dossier only accepted (not decided) cannot get a licence.
  await store.db.updateTable('dossiers').set({ status: 'accepted', national_status: 2 }).where('id', '=', early.id).execute();
  await officer.get(`/quan-tri/ho-so/${early.id}/giay-phep`);
  const refused = await officer.post(`/quan-tri/ho-so/${early.id}/giay-phep`, { holder_name: 'A', holder_address: 'B', title: 'C', quantity: '1', ...ISSUE_FORM });
  assert.equal(refused.status, 409);
  assert.match(refused.body, /Chỉ cấp giấy phép cho hồ sơ đã được phê duyệt/);
});

test('an officer of another agency cannot issue, and the public cannot reach the staff page', async (t) => {
  const { app, store } = await build(t);
  const { id } = await decidedDossier(app, store);
  const other = await store.db.selectFrom('agencies').select('id').where('code', '=', 'so-tttt-lao-cai').executeTakeFirstOrThrow();
  const writer = await store.db.selectFrom('users').select('id').where('email', '=', 'writer@laocai.example.vn').executeTakeFirstOrThrow();
  await store.db.insertInto('user_roles').values({ user_id: writer.id, role: 'officer', agency_id: other.id, granted_at: new Date().toISOString(), granted_by: null }).execute();
  const outsider = await signedIn(app, store, 'writer');
  assert.equal((await outsider.get(`/quan-tri/ho-so/${id}/giay-phep`)).status, 404);
  await outsider.get('/quan-tri/ho-so');
  assert.equal((await outsider.post(`/quan-tri/ho-so/${id}/giay-phep`, { holder_name: 'A', holder_address: 'B', title: 'C', quantity: '1', ...ISSUE_FORM })).status, 404);
  const citizen = await signedIn(app, store, 'citizen');
  assert.equal((await citizen.get(`/quan-tri/ho-so/${id}/giay-phep`)).status, 403);
  assert.equal((await store.db.selectFrom('licences').select('id').where('dossier_id', '=', id).execute()).length, 0);
});

test('two licences issued at the same moment get two distinct consecutive numbers', async (t) => {
  const { app, store } = await build(t);
  const a = await decidedDossier(app, store);
  const b = await decidedDossier(app, store);
  await a.officer.get(`/quan-tri/ho-so/${a.id}/giay-phep`);
  await b.leader.get(`/quan-tri/ho-so/${b.id}/giay-phep`);
  const values = { holder_name: 'Hội Nông dân tỉnh Lào Cai', holder_address: 'Lào Cai', title: 'Sổ tay', quantity: '100', ...ISSUE_FORM };
  const [ra, rb] = await Promise.all([a.officer.post(`/quan-tri/ho-so/${a.id}/giay-phep`, values), b.leader.post(`/quan-tri/ho-so/${b.id}/giay-phep`, values)]);
  assert.equal(ra.status, 303);
  assert.equal(rb.status, 303);
  const numbers = (await store.db.selectFrom('licences').select('number').where('year', '=', YEAR).execute()).map((r) => r.number).sort();
  assert.deepEqual(numbers, ['01/GP-SVHTTDL', '02/GP-SVHTTDL']);

  // The same dossier issued twice at once (double click, two officers): one licence, the next number.
  const c = await decidedDossier(app, store);
  await c.officer.get(`/quan-tri/ho-so/${c.id}/giay-phep`);
  await c.leader.get(`/quan-tri/ho-so/${c.id}/giay-phep`);
  const twice = await Promise.all([c.officer.post(`/quan-tri/ho-so/${c.id}/giay-phep`, values), c.leader.post(`/quan-tri/ho-so/${c.id}/giay-phep`, values)]);
  assert.deepEqual(twice.map((r) => r.status).sort(), [303, 409]);
  const forC = await store.db.selectFrom('licences').select('number').where('dossier_id', '=', c.id).execute();
  assert.deepEqual(forC, [{ number: '03/GP-SVHTTDL' }]);
});

test('a leader revokes a licence with a reason and verification shows it; an officer cannot; forged tokens get a Vietnamese 404', async (t) => {
  const { app, store } = await build(t);
  const { officer, leader, id } = await decidedDossier(app, store);
  await officer.get(`/quan-tri/ho-so/${id}/giay-phep`);
  await officer.post(`/quan-tri/ho-so/${id}/giay-phep`, { holder_name: 'Hội Nông dân tỉnh Lào Cai', holder_address: 'Lào Cai', title: 'Sổ tay', quantity: '100', ...ISSUE_FORM });
  const licence = await store.db.selectFrom('licences').selectAll().where('dossier_id', '=', id).executeTakeFirstOrThrow();

  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/giay-phep/thu-hoi`, { reason: 'Sai nội dung' })).status, 403);
  await leader.get(`/quan-tri/ho-so/${id}/giay-phep`);
  assert.equal((await leader.post(`/quan-tri/ho-so/${id}/giay-phep/thu-hoi`, { reason: '' })).status, 422);
  assert.equal((await leader.post(`/quan-tri/ho-so/${id}/giay-phep/thu-hoi`, { reason: 'Tài liệu in sai nội dung được cấp phép' })).status, 303);
  const verify = await download(app, null, `/xac-thuc/giay-phep/${licence.token}`);
  const html = verify.body.toString('utf8');
  assert.match(html, /đã bị thu hồi/);
  assert.match(html, /Tài liệu in sai nội dung được cấp phép/);
  const audit = await store.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'licence').orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['licence.issued', 'licence.revoked']);
  const api = JSON.parse((await download(app, null, `/api/v1/licences/${encodeURIComponent(licence.number)}?year=${YEAR}`)).body.toString('utf8')) as { licence: { status: string; revokeReason: string } };
  assert.equal(api.licence.status, 'revoked');

  for (const url of ['/xac-thuc/giay-phep/AAAAAAAAAAAAAAAAAAAAAA', `/xac-thuc/giay-phep/${String(licence.id)}`, `/xac-thuc/giay-phep/${licence.token}x`, '/xac-thuc/giay-phep/AAAAAAAAAAAAAAAAAAAAAA/giay-phep.pdf']) {
    const res = await download(app, null, url);
    assert.equal(res.status, 404, url);
    assert.match(res.body.toString('utf8'), /Không tìm thấy trang bạn yêu cầu/);
  }
});

test('an e-information site licence carries the domain and an end date of at most 10 years', async (t) => {
  const { app, store } = await build(t);
  const { officer, id } = await decidedDossier(app, store, SITE);
  const form = await officer.get(`/quan-tri/ho-so/${id}/giay-phep`);
  assert.match(form.body, /Giấy phép thiết lập trang thông tin điện tử tổng hợp/);
  assert.ok(form.body.includes('value="tintuc-sapa.example.vn"'));
  assert.ok(form.body.includes('name="valid_until"') && !form.body.includes('name="quantity"'));
  const values = { holder_name: 'Công ty TNHH Truyền thông Sa Pa', holder_address: 'Sa Pa, Lào Cai', title: 'tintuc-sapa.example.vn', ...ISSUE_FORM };
  const tooLong = await officer.post(`/quan-tri/ho-so/${id}/giay-phep`, { ...values, valid_until: `${YEAR + 11}-01-01` });
  assert.equal(tooLong.status, 422);
  assert.match(tooLong.body, /không quá 10 năm/);
  assert.equal((await officer.post(`/quan-tri/ho-so/${id}/giay-phep`, { ...values, valid_until: `${YEAR + 5}-12-31` })).status, 303);
  const licence = await store.db.selectFrom('licences').selectAll().where('dossier_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(licence.kind, 'e_information_site');
  // Decided by the provincial People's Committee: the licence is numbered in its series.
  assert.equal(licence.number, '01/GP-UBND');
  assert.equal(licence.valid_until, `${YEAR + 5}-12-31`);
  assert.equal(licence.quantity, null);
  const verify = (await download(app, null, `/xac-thuc/giay-phep/${licence.token}`)).body.toString('utf8');
  assert.match(verify, new RegExp(`31/12/${YEAR + 5}`));
  const text = inspectPdf((await download(app, null, `/xac-thuc/giay-phep/${licence.token}/giay-phep.pdf`)).body).text.replace(/\n/g, ' ');
  assert.ok(text.includes('GIẤY PHÉP THIẾT LẬP TRANG THÔNG TIN ĐIỆN TỬ TỔNG HỢP') && text.includes('tintuc-sapa.example.vn') && text.includes(`31/12/${YEAR + 5}`), text);
});
