import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { storedFilePath } from '../../../src/modules/eservices/file-store.ts';
import { WorkingCalendar } from '../../../src/platform/calendar/working-calendar.ts';
import { build } from '../../helpers/build.ts';
import { fieldParts, multipart, tokenOf, type Part } from './api-helpers.ts';
import { PDF, PUBLISHING_FORM } from './helpers.ts';

interface Receipt {
  code: string;
  procedure: { code: string; name: { vi: string; en: string } };
  status: string;
  nationalStatus: number;
  receivedOn: string;
  dueOn: string;
  submittedAt: string;
  documents: { component: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; componentName: { vi: string; en: string } }[];
  trackingUrl: string;
  timeline?: { action: string; nationalStatus: number | null }[];
}
interface ApiError {
  error: { code: string; reason?: string; message: string; messages?: { vi: string; en: string }; fields?: Record<string, { vi: string; en: string }> };
}
const json = <T>(body: string): T => JSON.parse(body) as T;

const DOCS: Part[] = [
  { name: 'don-de-nghi', file: { name: 'đơn đề nghị.pdf', type: 'application/pdf', content: PDF('don') } },
  { name: 'ban-thao', file: { name: 'ban-thao.pdf', type: 'application/pdf', content: PDF('ban thao') } },
];

function submit(app: FastifyInstance, token: string | null, parts: readonly Part[], headers: Record<string, string> = {}) {
  const { payload, contentType } = multipart(parts);
  return app.inject({ method: 'POST', url: '/api/v1/dossiers', payload, headers: { 'content-type': contentType, ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers } });
}

const countDossiers = async (store: DbHandle) => (await store.db.selectFrom('dossiers').select('id').execute()).length;

test('POST /api/v1/dossiers submits with documents and returns the receipt; the same Idempotency-Key makes one dossier', async (t) => {
  const { app, store, dataDir } = await build(t);
  const token = await tokenOf(store, 'citizen');
  const parts = [{ name: 'procedure', value: '1.003868' }, ...fieldParts(PUBLISHING_FORM), ...DOCS];
  const res = await submit(app, token, parts, { 'idempotency-key': 'order-42' });
  assert.equal(res.statusCode, 201, res.body);
  const receipt = json<Receipt>(res.body);
  assert.match(receipt.code, /^000\.00\.\d{2}\.H15-\d{6}-0001$/);
  assert.equal(res.headers.location, `/api/v1/dossiers/${encodeURIComponent(receipt.code)}`);
  assert.equal(receipt.procedure.code, '1.003868');
  assert.equal(receipt.status, 'submitted');
  assert.equal(receipt.nationalStatus, 1);
  const calendar = new WorkingCalendar();
  assert.equal(receipt.receivedOn, calendar.receiptDay(new Date(receipt.submittedAt), 17));
  assert.equal(receipt.dueOn, calendar.addWorkingDays(receipt.receivedOn, 10));
  assert.deepEqual(receipt.documents.map((d) => [d.component, d.fileName, d.mediaType]), [
    ['don-de-nghi', 'đơn đề nghị.pdf', 'application/pdf'],
    ['ban-thao', 'ban-thao.pdf', 'application/pdf'],
  ]);
  assert.match(receipt.documents[0]?.componentName.en ?? '', /application/i);
  for (const d of receipt.documents) assert.ok(existsSync(storedFilePath(dataDir, d.sha256)), 'the document is stored by its content');
  assert.equal(receipt.trackingUrl, `http://localhost:3000/tra-cuu?ma=${encodeURIComponent(receipt.code)}`);
  const row = await store.db.selectFrom('dossiers').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.applicant_phone, PUBLISHING_FORM.applicant_phone);
  assert.equal(row.summary, PUBLISHING_FORM.doc_title);
  assert.equal(row.channel, 2);
  const audit = await store.db.selectFrom('audit_log').select(['action', 'actor_label']).where('entity_type', '=', 'dossier').execute();
  assert.deepEqual(audit.map((a) => a.action), ['dossier.submitted']);
  assert.match(audit[0]?.actor_label ?? '', /citizen@laocai\.example\.vn/);

  // A retry (lost answer, timeout) with the same key answers with the same dossier.
  const retry = await submit(app, token, parts, { 'idempotency-key': 'order-42' });
  assert.equal(retry.statusCode, 200);
  assert.equal(retry.headers['idempotent-replayed'], 'true');
  assert.equal(json<Receipt>(retry.body).code, receipt.code);
  assert.equal(await countDossiers(store), 1);
  // The same key with another request is refused, not silently answered with the first dossier.
  const changed = await submit(app, token, [{ name: 'procedure', value: '1.003868' }, ...fieldParts({ ...PUBLISHING_FORM, doc_copies: '900' }), ...DOCS], { 'idempotency-key': 'order-42' });
  assert.equal(changed.statusCode, 422);
  assert.match(json<ApiError>(changed.body).error.fields?.['Idempotency-Key']?.en ?? '', /already used for another request/);
  assert.equal(await countDossiers(store), 1);
  // Two requests racing with one key: one dossier.
  const raced = await Promise.all([1, 2, 3].map(() => submit(app, token, parts, { 'idempotency-key': 'order-43' })));
  assert.ok(raced.every((r) => [200, 201, 409].includes(r.statusCode)), raced.map((r) => r.statusCode).join());
  assert.equal(await countDossiers(store), 2);
  // Another key is another dossier.
  assert.equal((await submit(app, token, parts, { 'idempotency-key': 'order-44' })).statusCode, 201);
  assert.equal(await countDossiers(store), 3);
  const badKey = await submit(app, token, parts, { 'idempotency-key': 'khóa có dấu' });
  assert.equal(badKey.statusCode, 422);
});

test('GET /api/v1/dossiers/{code}: status and timeline to the owner only; someone else’s dossier is 404', async (t) => {
  const { app, store } = await build(t);
  const token = await tokenOf(store, 'citizen');
  const made = json<Receipt>((await submit(app, token, [{ name: 'procedure', value: '1.003868' }, ...fieldParts(PUBLISHING_FORM), ...DOCS])).body);
  const url = `/api/v1/dossiers/${encodeURIComponent(made.code)}`;
  const own = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  assert.equal(own.statusCode, 200);
  const body = json<Receipt>(own.body);
  assert.equal(body.code, made.code);
  assert.equal(body.documents.length, 2);
  assert.deepEqual(body.timeline?.map((e) => [e.action, e.nationalStatus]), [['submitted', 1]]);

  const other = await tokenOf(store, 'enterprise');
  const foreign = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${other}` } });
  const unknown = await app.inject({ method: 'GET', url: '/api/v1/dossiers/000.00.99.H15-000101-0001', headers: { authorization: `Bearer ${other}` } });
  assert.equal(foreign.statusCode, 404);
  assert.equal(unknown.statusCode, 404);
  assert.equal(json<ApiError>(foreign.body).error.message, json<ApiError>(unknown.body).error.message, 'an existing dossier of someone else looks like an unknown code');
  assert.ok(!foreign.body.includes(PUBLISHING_FORM.doc_title ?? '?'));
});

test('bad, expired and revoked tokens get 401 with a clear message; nothing is written', async (t) => {
  const { app, store } = await build(t);
  const parts = [{ name: 'procedure', value: '1.003868' }, ...fieldParts(PUBLISHING_FORM), ...DOCS];
  const none = await submit(app, null, parts);
  assert.equal(none.statusCode, 401);
  assert.equal(none.headers['www-authenticate'], 'Bearer');
  const missing = json<ApiError>(none.body).error;
  assert.equal(missing.reason, 'missing');
  assert.match(missing.messages?.vi ?? '', /Authorization: Bearer/);
  assert.match(missing.messages?.en ?? '', /An access token is needed/);

  const forged = await submit(app, `csk_${'A'.repeat(43)}`, parts);
  assert.equal(forged.statusCode, 401);
  assert.equal(json<ApiError>(forged.body).error.reason, 'invalid');
  assert.equal((await submit(app, 'not-a-token', parts)).statusCode, 401);

  const expired = await tokenOf(store, 'citizen');
  await store.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
  const late = await submit(app, expired, parts);
  assert.equal(late.statusCode, 401);
  assert.equal(json<ApiError>(late.body).error.reason, 'expired');
  assert.match(json<ApiError>(late.body).error.messages?.en ?? '', /has expired/);

  const revoked = await tokenOf(store, 'citizen');
  const row = await store.db.selectFrom('api_tokens').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal((await submit(app, revoked, parts, { 'idempotency-key': 'k1' })).statusCode, 201);
  await store.db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', row.id).execute();
  const after = await submit(app, revoked, parts, { 'idempotency-key': 'k2' });
  assert.equal(after.statusCode, 401);
  assert.equal(json<ApiError>(after.body).error.reason, 'revoked');
  const read = await app.inject({ method: 'GET', url: '/api/v1/dossiers/x', headers: { authorization: `Bearer ${revoked}` } });
  assert.equal(read.statusCode, 401);
  assert.equal(await countDossiers(store), 1);

  // A staff member's token (made directly: the page refuses staff) is not an applicant's token.
  const staff = await tokenOf(store, 'officer');
  assert.equal((await submit(app, staff, parts)).statusCode, 401);
});

test('hostile submissions are refused field by field in Vietnamese and English, and write nothing', async (t) => {
  const { app, store, dataDir } = await build(t);
  const token = await tokenOf(store, 'citizen');
  const form = [{ name: 'procedure', value: '1.003868' }, ...fieldParts(PUBLISHING_FORM)];

  // An executable renamed to .pdf with a PDF content type: refused by its content.
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(512, 0x41)]);
  const disguised = await submit(app, token, [...form, { name: 'don-de-nghi', file: { name: 'don.pdf', type: 'application/pdf', content: exe } }, DOCS[1]!]);
  assert.equal(disguised.statusCode, 415);
  const dErr = json<ApiError>(disguised.body).error;
  assert.match(dErr.fields?.['doc-don-de-nghi']?.vi ?? '', /Tệp không phải PDF/);
  assert.match(dErr.fields?.['doc-don-de-nghi']?.en ?? '', /not a PDF/);

  // A file above the 10 MB limit.
  const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
  const oversized = await submit(app, token, [...form, { name: 'don-de-nghi', file: { name: 'don.pdf', type: 'application/pdf', content: big } }, DOCS[1]!]);
  assert.equal(oversized.statusCode, 413);
  assert.match(json<ApiError>(oversized.body).error.fields?.['doc-don-de-nghi']?.en ?? '', /larger than 10 MB/);

  // A required document missing, an invalid email, a required field empty, a component that does not exist.
  const incomplete = await submit(app, token, [
    { name: 'procedure', value: '1.003868' },
    ...fieldParts({ ...PUBLISHING_FORM, applicant_email: 'not-an-email', org_name: '' }),
    DOCS[0]!,
    { name: 'giay-to-la', file: { name: 'x.pdf', type: 'application/pdf', content: PDF('x') } },
  ]);
  assert.equal(incomplete.statusCode, 422);
  const fields = json<ApiError>(incomplete.body).error.fields ?? {};
  assert.match(fields['doc-ban-thao']?.vi ?? '', /^Vui lòng đính kèm “/);
  assert.match(fields['doc-ban-thao']?.en ?? '', /^Please attach “/);
  assert.ok(fields.applicant_email !== undefined);
  assert.match(fields.org_name?.vi ?? '', /Vui lòng nhập tên cơ quan, tổ chức/);
  assert.match(fields.org_name?.en ?? '', /organisation|organization/i);
  assert.ok(fields['doc-giay-to-la'] !== undefined);

  const unknown = await submit(app, token, [{ name: 'procedure', value: '9.999999' }, ...fieldParts(PUBLISHING_FORM), ...DOCS]);
  assert.equal(unknown.statusCode, 422);
  assert.ok(json<ApiError>(unknown.body).error.fields?.procedure !== undefined);
  const notMultipart = await app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: { procedure: '1.003868' }, headers: { authorization: `Bearer ${token}` } });
  assert.equal(notMultipart.statusCode, 415);

  assert.equal(await countDossiers(store), 0);
  assert.equal((await store.db.selectFrom('dossier_api_requests').select('id').execute()).length, 0);
  assert.ok(!existsSync(storedFilePath(dataDir, 'ff'.repeat(32))));
});

test('the OpenAPI document describes both routes with the bearer scheme', async (t) => {
  const { app } = await build(t);
  const doc = json<{ paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content: Record<string, unknown> } }>>; components: { securitySchemes: Record<string, { scheme: string }> } }>(
    (await app.inject({ method: 'GET', url: '/api/docs/json' })).body,
  );
  assert.equal(doc.components.securitySchemes.bearerAuth?.scheme, 'bearer');
  assert.ok(doc.paths['/api/v1/dossiers']?.post?.requestBody?.content['multipart/form-data'] !== undefined);
  assert.deepEqual(doc.paths['/api/v1/dossiers']?.post?.security, [{ bearerAuth: [] }]);
  assert.ok(doc.paths['/api/v1/dossiers/{code}']?.get !== undefined);
});
