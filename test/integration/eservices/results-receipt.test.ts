import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectPdf } from '../../../src/platform/pdf/inspect-pdf.ts';
import { build } from '../../helpers/build.ts';
import { signedIn } from './helpers.ts';
import { download, submittedDossier } from './results-helpers.ts';

test('the applicant downloads the receipt as a PDF with the code, dates, documents and a QR code to tracking', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const { id, code } = await submittedDossier(app, store, citizen);
  const page = await citizen.get(`/ho-so/${id}/bien-nhan`);
  assert.ok(page.body.includes(`/ho-so/${id}/bien-nhan.pdf`), 'the receipt page links to the PDF');

  const pdf = await download(app, citizen, `/ho-so/${id}/bien-nhan.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
  const facts = inspectPdf(pdf.body);
  const text = facts.text.replace(/\n/g, ' ');
  assert.ok(text.includes('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'), text);
  assert.ok(text.includes(code));
  const row = await store.db.selectFrom('dossiers').select(['received_on', 'due_on']).where('id', '=', id).executeTakeFirstOrThrow();
  const vi = (d: string | null) => (d ?? '').split('-').reverse().join('/');
  assert.ok(text.includes(vi(row.received_on)) && text.includes(vi(row.due_on)), 'received and due dates');
  assert.ok(text.includes('Hoàng Văn Đạt'));
  assert.ok(text.includes('don-de-nghi.pdf') && text.includes('ban-thao.pdf'), 'the documents received');
  assert.ok(text.includes(`/tra-cuu?ma=${encodeURIComponent(code)}`), 'the tracking address beside the QR code');
  assert.ok(facts.rectangles > 50, 'the QR code, drawn as squares');
});

test('the receipt PDF is refused to another person and to the public, and given to the officers of the agency only', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const { id } = await submittedDossier(app, store, citizen);
  const other = await signedIn(app, store, 'editor');
  assert.equal((await download(app, other, `/ho-so/${id}/bien-nhan.pdf`)).status, 404);
  const anonymous = await download(app, null, `/ho-so/${id}/bien-nhan.pdf`);
  assert.notEqual(anonymous.status, 200);
  assert.notEqual(anonymous.type, 'application/pdf');

  const officer = await signedIn(app, store, 'officer');
  const staffPdf = await download(app, officer, `/quan-tri/ho-so/${id}/bien-nhan.pdf`);
  assert.equal(staffPdf.status, 200);
  assert.equal(staffPdf.type, 'application/pdf');
  assert.ok((await officer.get(`/quan-tri/ho-so/${id}`)).body.includes(`/quan-tri/ho-so/${id}/bien-nhan.pdf`));

  const science = await store.db.selectFrom('agencies').select('id').where('code', '=', 'so-tttt-lao-cai').executeTakeFirstOrThrow();
  const writer = await store.db.selectFrom('users').select('id').where('email', '=', 'writer@laocai.example.vn').executeTakeFirstOrThrow();
  await store.db.insertInto('user_roles').values({ user_id: writer.id, role: 'officer', agency_id: science.id, granted_at: new Date().toISOString(), granted_by: null }).execute();
  const outsider = await signedIn(app, store, 'writer');
  assert.equal((await download(app, outsider, `/quan-tri/ho-so/${id}/bien-nhan.pdf`)).status, 404);
  assert.equal((await download(app, officer, '/quan-tri/ho-so/999999/bien-nhan.pdf')).status, 404);
  assert.equal((await download(app, citizen, '/ho-so/abc/bien-nhan.pdf')).status, 404);
});
