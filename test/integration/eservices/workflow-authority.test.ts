import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createSession } from '../../../src/platform/auth/session.ts';
import type { Role } from '../../../src/platform/auth/roles.ts';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { nowIso } from '../../../src/platform/db/dialect.ts';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { signedIn } from './helpers.ts';
import { act } from './inbox-helpers.ts';
import { ISSUE_FORM, SITE, submittedDossier } from './results-helpers.ts';

const agencyId = async (store: DbHandle, code: string): Promise<number> => (await store.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

/** A staff member holding one role in one agency only, signed in. */
async function staffOf(app: FastifyInstance, store: DbHandle, email: string, role: Role, agencyCode: string): Promise<Client> {
  const at = nowIso();
  const { id } = await store.db
    .insertInto('users')
    .values({ email, password_hash: 'x', full_name: email, account_type: 'staff', email_verified_at: at, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.db.insertInto('user_roles').values({ user_id: id, role, agency_id: await agencyId(store, agencyCode), granted_at: at, granted_by: null }).execute();
  const { token } = await createSession(store.db, id, { mfaPending: false });
  const client = new Client(app);
  client.cookies.set('sid', token);
  return client;
}

const dossierRow = (store: DbHandle, id: number) => store.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const refusals = async (store: DbHandle, id: number) =>
  (await store.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_type', '=', 'dossier').where('entity_id', '=', String(id)).where('action', '=', 'dossier.action_refused').orderBy('id').execute()).map(
    (r) => (JSON.parse(r.after_json ?? '{}') as { action: string }).action,
  );

test("the e-information-site licence: the department receives and appraises, its leader submits it to the provincial People's Committee, whose leader decides; on the timeline, in the authority's inbox, audited", async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const officer = await signedIn(app, store, 'officer');
  const director = await staffOf(app, store, 'giam.doc@laocai.example.vn', 'leader', 'so-vhttdl-lao-cai');
  const chair = await staffOf(app, store, 'chu.tich@laocai.example.vn', 'leader', 'ubnd-lao-cai');
  const ubnd = await agencyId(store, 'ubnd-lao-cai');
  const { id, code } = await submittedDossier(app, store, citizen, SITE);
  assert.equal((await act(officer, id, 'accept')).status, 303);
  assert.equal((await act(officer, id, 'propose')).status, 303);

  // The department's leader is offered the submission, not a decision of their own.
  const page = await director.get(`/quan-tri/ho-so/${id}`);
  assert.match(page.body, /value="submit_to_authority"/);
  assert.doesNotMatch(page.body, /value="approve"/);
  assert.match(page.body, /Cơ quan có thẩm quyền quyết định<\/dt><dd>Ủy ban nhân dân tỉnh Lào Cai/);
  const ownDecision = await act(director, id, 'approve');
  assert.equal(ownDecision.status, 409);
  assert.match(ownDecision.body, /không thực hiện được ở bước hiện tại/);
  assert.equal((await dossierRow(store, id)).status, 'awaiting_decision');
  // The authority sees nothing before the dossier is submitted to it.
  assert.equal((await chair.get(`/quan-tri/ho-so/${id}`)).status, 404);

  assert.equal((await act(director, id, 'submit_to_authority')).status, 303);
  let row = await dossierRow(store, id);
  assert.deepEqual([row.status, row.national_status, row.deciding_agency_id], ['awaiting_authority', 4, ubnd]);

  // Neither the department's leader nor its officer decides for the authority; nothing is returned yet.
  const before = await dossierRow(store, id);
  assert.equal((await act(director, id, 'authority_approve')).status, 403);
  assert.equal((await act(officer, id, 'return_result')).status, 409);
  assert.deepEqual(await dossierRow(store, id), before);
  assert.deepEqual(await refusals(store, id), ['approve', 'authority_approve', 'return_result']);

  // The authority's inbox lists it, from the department that submitted it.
  const inbox = await chair.get('/quan-tri/ho-so');
  assert.equal(inbox.status, 200);
  assert.match(inbox.body, /Hồ sơ trình cơ quan mình quyết định/);
  assert.ok(inbox.body.includes(`>${code}</a>`));
  assert.match(inbox.body, /Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai/);
  const officerInbox = await officer.get('/quan-tri/ho-so?trang-thai=awaiting_authority');
  assert.ok(officerInbox.body.includes(`>${code}</a>`));
  assert.match(officerInbox.body, /Đã trình cơ quan có thẩm quyền quyết định/);

  const noReason = await act(chair, id, 'authority_reject');
  assert.equal(noReason.status, 422);
  assert.match(noReason.body, /Vui lòng nhập nội dung, lý do/);
  assert.equal((await act(chair, id, 'authority_approve')).status, 303);
  row = await dossierRow(store, id);
  assert.deepEqual([row.status, row.national_status], ['decided', 9]);

  const events = await store.db.selectFrom('dossier_events').select(['action', 'national_status', 'agency_id']).where('dossier_id', '=', id).orderBy('id').execute();
  assert.deepEqual(
    events.slice(-4).map((e) => [e.action, e.national_status, e.agency_id]),
    [['accept', 2, null], ['propose', 4, null], ['submit_to_authority', 4, ubnd], ['authority_approve', 9, ubnd]],
  );
  const audit = await store.db.selectFrom('audit_log').select(['action', 'agency_id']).where('entity_type', '=', 'dossier').where('entity_id', '=', String(id)).where('action', 'like', 'dossier.authority%').execute();
  assert.deepEqual(audit, [{ action: 'dossier.authority_approve', agency_id: ubnd }]);

  // The public timeline names the authority at its steps.
  const tracker = new Client(app);
  await tracker.get('/tra-cuu');
  const tracked = await tracker.post('/tra-cuu', { code, contact: 'citizen@laocai.example.vn' });
  assert.match(tracked.body, /Trình cơ quan có thẩm quyền quyết định – Ủy ban nhân dân tỉnh Lào Cai/);
  assert.match(tracked.body, /Cơ quan có thẩm quyền quyết định cấp – Ủy ban nhân dân tỉnh Lào Cai/);
  // So does the JSON tracking API, with the agency on the steps it took.
  const api = await new Client(app).get(`/api/v1/dossiers/${encodeURIComponent(code)}/status?contact=citizen%40laocai.example.vn`);
  assert.equal(api.status, 200);
  const steps = (JSON.parse(api.body) as { timeline: { action: string; agency: { vi: string; en: string } | null }[] }).timeline;
  assert.ok(steps.some((e) => e.agency?.vi === 'Ủy ban nhân dân tỉnh Lào Cai'), JSON.stringify(steps));
  assert.ok(steps.some((e) => e.agency === null), 'steps of the receiving department carry no agency');

  // The department's officer issues the licence in the authority's name and series, then returns it.
  await officer.get(`/quan-tri/ho-so/${id}/giay-phep`);
  const issued = await officer.post(`/quan-tri/ho-so/${id}/giay-phep`, { holder_name: 'Công ty TNHH Truyền thông Sa Pa', holder_address: 'Sa Pa, Lào Cai', title: 'tintuc-sapa.example.vn', valid_until: `${new Date().getFullYear() + 5}-12-31`, ...ISSUE_FORM });
  assert.equal(issued.status, 303);
  const licence = await store.db.selectFrom('licences').select(['number', 'agency_id']).where('dossier_id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(licence, { number: '01/GP-UBND', agency_id: ubnd });
  assert.equal((await act(officer, id, 'return_result')).status, 303);
  assert.equal((await dossierRow(store, id)).status, 'returned');
});

test('the competent authority refuses with a reason: processing stops and the applicant is told', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const officer = await signedIn(app, store, 'officer');
  const leader = await signedIn(app, store, 'leader');
  const { id, code } = await submittedDossier(app, store, citizen, SITE);
  for (const [who, action] of [[officer, 'accept'], [officer, 'propose'], [leader, 'submit_to_authority']] as const) assert.equal((await act(who, id, action)).status, 303);
  assert.equal((await act(leader, id, 'authority_reject', { note: 'Đề án chưa có phương án quản lý nội dung' })).status, 303);
  const row = await dossierRow(store, id);
  assert.deepEqual([row.status, row.national_status, row.finished_on === null], ['stopped', 8, false]);
  const mail = await store.db.selectFrom('mail_outbox').select('text_body').where('subject', 'like', `%${code}%`).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.match(mail.text_body, /Đề án chưa có phương án quản lý nội dung/);
});

test('who decides is data with validity periods: when the department is the deciding agency on the date of receipt, its leader decides and nothing goes to the authority', async (t) => {
  const { app, store } = await build(t);
  const site = await store.db.selectFrom('procedures').select('id').where('code', '=', SITE.code).executeTakeFirstOrThrow();
  const department = await agencyId(store, 'so-vhttdl-lao-cai');
  // A later decision of the province: from 2026 the department decides these licences itself.
  await store.db.updateTable('procedure_agencies').set({ valid_to: '2025-12-31' }).where('procedure_id', '=', site.id).where('role', '=', 'deciding').where('valid_to', 'is', null).execute();
  await store.db.insertInto('procedure_agencies').values({ procedure_id: site.id, agency_id: department, role: 'deciding', valid_from: '2026-01-01', valid_to: null }).execute();

  const citizen = await signedIn(app, store, 'citizen');
  const officer = await signedIn(app, store, 'officer');
  const leader = await signedIn(app, store, 'leader');
  const { id } = await submittedDossier(app, store, citizen, SITE);
  await act(officer, id, 'accept');
  await act(officer, id, 'propose');
  const page = await leader.get(`/quan-tri/ho-so/${id}`);
  assert.match(page.body, /value="approve"/);
  assert.doesNotMatch(page.body, /value="submit_to_authority"/);
  assert.doesNotMatch(page.body, /Cơ quan có thẩm quyền quyết định<\/dt>/);
  assert.equal((await act(leader, id, 'submit_to_authority')).status, 409);
  assert.equal((await act(leader, id, 'approve')).status, 303);
  const row = await dossierRow(store, id);
  assert.deepEqual([row.status, row.deciding_agency_id], ['decided', null]);
});
