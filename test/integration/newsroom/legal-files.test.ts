import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { signedIn } from './helpers.ts';

function multipartBody(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }): { payload: Buffer; contentType: string } {
  const boundary = `----congso${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file !== undefined) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
// A DOCX is a ZIP package naming its parts (ECMA-376); the sniffer reads the entry names.
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('\x14\x00\x00\x00[Content_Types].xml ... word/document.xml ...', 'latin1'), Buffer.alloc(200, 0)]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 1)]);
const SLUG = 'quy-che-phat-ngon-va-cung-cap-thong-tin-cho-bao-chi';

test('legal documents: PDF and DOCX attached by content, stored by hash, downloadable from the public page; bad files refused', async (t) => {
  const { app, store } = await build(t);
  const editor = await signedIn(app, store, 'editor');
  const doc = await store.db.selectFrom('legal_documents').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
  const upload = async (file?: { name: string; type: string; content: Buffer }, csrf?: string) => {
    await editor.get(`/quan-tri/van-ban/${doc.id}`);
    const { payload, contentType } = multipartBody({ _csrf: csrf ?? editor.lastCsrf }, file);
    return editor.raw({ method: 'POST', url: `/quan-tri/van-ban/${doc.id}/tep`, payload, headers: { 'content-type': contentType } });
  };

  const exe = await upload({ name: 'quyet-dinh.pdf', type: 'application/pdf', content: EXE });
  assert.equal(exe.status, 422);
  assert.match(exe.body, /Chỉ nhận tệp PDF hoặc DOCX \(kiểm tra theo nội dung tệp\)/);
  const empty = await upload();
  assert.equal(empty.status, 422);
  assert.match(empty.body, /Chọn một tệp để đính kèm/);
  const huge = await upload({ name: 'lon.pdf', type: 'application/pdf', content: Buffer.concat([PDF, Buffer.alloc(50 * 1024 * 1024)]) });
  assert.equal(huge.status, 413);
  assert.match(huge.body, /Tệp quá lớn \(tối đa 20 MB\)/);
  assert.equal((await upload({ name: 'a.pdf', type: 'application/pdf', content: PDF }, 'forged')).status, 403);
  assert.equal((await store.db.selectFrom('legal_document_files').select('id').execute()).length, 0, 'nothing half-written');

  const pdf = await upload({ name: '../../Quyết định 15-2008.pdf', type: 'application/octet-stream', content: PDF });
  assert.equal(pdf.status, 303);
  assert.equal(pdf.location, `/quan-tri/van-ban/${doc.id}?tep=them`);
  const docx = await upload({ name: 'Quy chế.docx', type: 'application/msword', content: DOCX });
  assert.equal(docx.status, 303);
  const rows = await store.db.selectFrom('legal_document_files').selectAll().orderBy('id').execute();
  assert.deepEqual(rows.map((r) => [r.file_name, r.media_type]), [
    ['Quyết định 15-2008.pdf', 'application/pdf'],
    ['Quy chế.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ]);
  assert.match(rows[0]!.sha256, /^[0-9a-f]{64}$/);
  const audit = await store.db.selectFrom('audit_log').select('action').where('action', '=', 'newsroom.legal_file_attached').execute();
  assert.equal(audit.length, 2);

  const reader = new Client(app);
  const page = await reader.get(`/van-ban/${SLUG}`);
  assert.match(page.body, /<h2 id="legal-files">Tệp đính kèm<\/h2>/);
  assert.match(page.body, new RegExp(`href="/van-ban/${SLUG}/tep/${rows[0]!.id}"`));
  assert.match(page.body, /Tải về Quyết định 15-2008.pdf \(PDF, 1 KB\)/);
  const download = await reader.get(`/van-ban/${SLUG}/tep/${rows[0]!.id}`);
  assert.equal(download.status, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.match(String(download.headers['content-disposition']), /^attachment; filename\*=UTF-8''Quy%E1%BA%BFt/);
  assert.equal(download.body, PDF.toString('latin1'));
  assert.equal((await reader.get(`/van-ban/${SLUG}/tep/99999`)).status, 404);
  assert.equal((await reader.get(`/van-ban/${SLUG}/tep/abc`)).status, 404);

  await editor.get(`/quan-tri/van-ban/${doc.id}`);
  const removed = await editor.post(`/quan-tri/van-ban/${doc.id}/tep/${rows[1]!.id}/go`, {});
  assert.equal(removed.status, 303);
  assert.equal((await reader.get(`/van-ban/${SLUG}/tep/${rows[1]!.id}`)).status, 404);
  assert.doesNotMatch((await reader.get(`/van-ban/${SLUG}`)).body, /Quy chế.docx/);

  // A writer is not an editor of the library.
  const writer = await signedIn(app, store, 'writer');
  const { payload, contentType } = multipartBody({ _csrf: writer.lastCsrf }, { name: 'a.pdf', type: 'application/pdf', content: PDF });
  const refused = await writer.raw({ method: 'POST', url: `/quan-tri/van-ban/${doc.id}/tep`, payload, headers: { 'content-type': contentType } });
  assert.equal(refused.status, 403);
});
