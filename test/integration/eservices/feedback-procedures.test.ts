import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayInVietnam } from '../../../src/platform/text/format.ts';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { pageWindow, staffFeedbackHref } from '../../../src/modules/eservices/feedback/feedback-pages.tsx';
import { signedIn } from './helpers.ts';

/** Procedures received today, with their receiving agency. */
async function receivedProcedures(store: Awaited<ReturnType<typeof build>>['store']) {
  const today = todayInVietnam();
  return store.db
    .selectFrom('procedures as p')
    .innerJoin('procedure_agencies as pa', 'pa.procedure_id', 'p.id')
    .select(['p.id', 'p.code', 'pa.agency_id'])
    .where('pa.role', '=', 'receiving')
    .where('pa.valid_from', '<=', today)
    .where((eb) => eb.or([eb('pa.valid_to', 'is', null), eb('pa.valid_to', '>=', today)]))
    .where('p.published', '=', 1)
    .execute();
}

test('feedback about a procedure: chosen on the form (optional, must be the chosen agency\'s), listed once answered and published on the procedure\'s page, never with the sender', async (t) => {
  const { app, store } = await build(t);
  const procedures = await receivedProcedures(store);
  const publishing = procedures.find((p) => p.code === '1.003868');
  assert.ok(publishing !== undefined);
  const elsewhere = procedures.find((p) => p.agency_id !== publishing.agency_id);
  assert.ok(elsewhere !== undefined, 'a procedure received by another agency');
  const visitor = new Client(app);

  // The link from the procedure's page chooses the procedure and the agency that receives it.
  const detail = await visitor.get('/thu-tuc/1.003868');
  assert.match(detail.body, /Phản ánh, kiến nghị về thủ tục này/);
  assert.match(detail.body, /Chưa có phản ánh, kiến nghị nào về thủ tục này được trả lời công khai/);
  assert.match(detail.body, /href="\/phan-anh-kien-nghi\/gui\?thu-tuc=1\.003868"/);
  const form = await visitor.get('/phan-anh-kien-nghi/gui?thu-tuc=1.003868');
  assert.match(form.body, new RegExp(`<option value="${publishing.id}" selected`));
  assert.match(form.body, new RegExp(`<option value="${publishing.agency_id}" selected`));
  assert.match(form.body, /Không gắn với thủ tục cụ thể/);

  const base = { agency_id: String(publishing.agency_id), category: 'procedure', name: 'Lò Thị Mai', email: 'mai@example.vn', phone: '', dossier_code: '', subject: 'Mẫu tờ khai', body: 'Đề nghị có mẫu tờ khai điền sẵn.' };
  // Another agency's procedure, or one that does not exist: field errors, the input kept, nothing saved.
  const wrongAgency = await visitor.post('/phan-anh-kien-nghi/gui', { ...base, procedure_id: String(elsewhere.id) });
  assert.equal(wrongAgency.status, 422);
  assert.match(wrongAgency.body, /Thủ tục này do cơ quan khác tiếp nhận/);
  assert.match(wrongAgency.body, /value="Mẫu tờ khai"/);
  const unknown = await visitor.post('/phan-anh-kien-nghi/gui', { ...base, procedure_id: '999999' });
  assert.equal(unknown.status, 422);
  assert.match(unknown.body, /Vui lòng chọn một mục trong danh sách/);
  assert.equal((await store.db.selectFrom('feedback').select('id').execute()).length, 0);

  assert.equal((await visitor.post('/phan-anh-kien-nghi/gui', { ...base, procedure_id: String(publishing.id) })).status, 303);
  assert.equal((await visitor.post('/phan-anh-kien-nghi/gui', { ...base, procedure_id: String(publishing.id), subject: 'Không công khai', email: 'b@example.vn' })).status, 303);
  assert.equal((await visitor.post('/phan-anh-kien-nghi/gui', { ...base, procedure_id: '', subject: 'Chung chung' })).status, 303);
  const rows = await store.db.selectFrom('feedback').select(['id', 'procedure_id', 'subject']).orderBy('id').execute();
  assert.deepEqual(rows.map((r) => r.procedure_id), [publishing.id, publishing.id, null]);

  const officer = await signedIn(app, store, 'officer');
  const answer = async (id: number, publish: string, text: string) => {
    await officer.get(`/quan-tri/phan-anh/${id}`);
    return officer.post(`/quan-tri/phan-anh/${id}`, { action: 'answer', text, publish });
  };
  assert.equal((await answer(rows[0]!.id, '1', 'Mẫu điền sẵn đã có ở mục <biểu mẫu>.')).status, 303);
  assert.equal((await answer(rows[1]!.id, '0', 'Trả lời riêng.')).status, 303);
  assert.equal((await answer(rows[2]!.id, '1', 'Trả lời chung.')).status, 303);
  // The officer sees the procedure on the feedback.
  assert.match((await officer.get(`/quan-tri/phan-anh/${rows[0]!.id}`)).body, /href="\/thu-tuc\/1\.003868"/);

  const page = await visitor.get('/thu-tuc/1.003868');
  assert.match(page.body, /Mẫu tờ khai/);
  assert.match(page.body, /Mẫu điền sẵn đã có ở mục &lt;biểu mẫu>\./);
  assert.doesNotMatch(page.body, /Trả lời riêng|Chung chung|Lò Thị Mai|mai@example\.vn/);
  // Another procedure's page does not list it.
  assert.doesNotMatch((await visitor.get(`/thu-tuc/${encodeURIComponent(elsewhere.code)}`)).body, /Mẫu tờ khai/);
  // The public list filtered by the procedure.
  const filtered = await visitor.get('/phan-anh-kien-nghi?thu-tuc=1.003868');
  assert.match(filtered.body, /Mẫu tờ khai/);
  assert.doesNotMatch(filtered.body, /Chung chung/);
  assert.match(filtered.body, /1 phản ánh/);
  // An unknown code shows everything published, never an error.
  const unknownCode = await visitor.get('/phan-anh-kien-nghi?thu-tuc=%3Cscript%3E');
  assert.equal(unknownCode.status, 200);
  assert.match(unknownCode.body, /Chung chung/);
});

test('the officers\' feedback list: paginated (page size in the URL, accessible links, no JavaScript), filtered by status, procedure and deadline, deadlines shown with mark and word; other agencies\' feedback never listed', async (t) => {
  const { app, store } = await build(t);
  const officer = await signedIn(app, store, 'officer');
  const procedures = await receivedProcedures(store);
  const publishing = procedures.find((p) => p.code === '1.003868');
  assert.ok(publishing !== undefined);
  const agency = publishing.agency_id;
  const other = await store.db.selectFrom('agencies').select('id').where('id', '!=', agency).executeTakeFirstOrThrow();
  const today = todayInVietnam();
  const at = new Date().toISOString();
  let n = 0;
  const row = (agencyId: number, status: string, accept: string, answerDue: string, extra: Record<string, unknown> = {}) => ({
    code: `PA-T${String(++n).padStart(8, '0')}`,
    agency_id: agencyId,
    procedure_id: null as number | null,
    dossier_code: null,
    category: 'procedure',
    sender_name: 'Người gửi',
    sender_email: 'a@example.vn',
    sender_phone: '',
    subject: `Phản ánh số ${n}`,
    body: 'Nội dung',
    status,
    received_on: '2020-01-01',
    accept_due_on: accept,
    answer_due_on: answerDue,
    accepted_on: status === 'received' ? null : '2020-01-02',
    answered_on: status === 'answered' ? '2020-01-10' : null,
    answer: status === 'answered' ? 'Đã trả lời' : null,
    reject_reason: status === 'rejected' ? 'Không thuộc thẩm quyền' : null,
    handled_by: null,
    published: 0,
    created_at: at,
    updated_at: at,
    ...extra,
  });
  const rows = [
    ...Array.from({ length: 10 }, () => row(agency, 'received', '2020-01-03', '2020-01-22')),
    ...Array.from({ length: 5 }, () => row(agency, 'received', today, '2099-12-31')),
    ...Array.from({ length: 10 }, (_, i) => row(agency, 'accepted', '2099-01-01', '2099-12-31', i < 5 ? { procedure_id: publishing.id } : {})),
    ...Array.from({ length: 15 }, () => row(agency, 'answered', '2020-01-03', '2020-01-22')),
    ...Array.from({ length: 5 }, () => row(agency, 'rejected', '2020-01-03', '2020-01-22')),
    ...Array.from({ length: 3 }, () => row(other.id, 'received', '2020-01-03', '2020-01-22', { subject: 'Của cơ quan khác' })),
  ];
  await store.db.insertInto('feedback').values(rows).execute();
  const count = (body: string) => (body.match(/href="\/quan-tri\/phan-anh\/\d+"/g) ?? []).length;

  const first = await officer.get('/quan-tri/phan-anh');
  assert.equal(first.status, 200);
  assert.equal(count(first.body), 20);
  assert.match(first.body, /1–20 trong 45 phản ánh/);
  assert.doesNotMatch(first.body, /Của cơ quan khác/);
  assert.match(first.body, /<nav class="pagination" aria-label="[^"]+">/);
  assert.match(first.body, /href="\/quan-tri\/phan-anh" aria-current="page" aria-label="Trang 1"/);
  assert.match(first.body, /href="\/quan-tri\/phan-anh\?trang=2" rel="next"/);
  assert.match(first.body, /href="\/quan-tri\/phan-anh\?trang=3" aria-label="Trang 3"/);
  // The filter form is a GET form: it works without JavaScript.
  assert.match(first.body, /<form method="get" action="\/quan-tri\/phan-anh"/);
  // Overdue ones come first; the running deadline has its mark and word, not colour alone.
  const firstRow = /<tbody><tr class="([^"]+)">([\s\S]*?)<\/tr>/.exec(first.body);
  assert.equal(firstRow?.[1], 'urgency-late');
  assert.match(firstRow?.[2] ?? '', /<span>03\/01\/2020<\/span> <span class="urgency urgency-late"><span class="urgency-mark" aria-hidden="true">!<\/span> <span>Quá hạn<\/span>/);

  const third = await officer.get('/quan-tri/phan-anh?trang=3');
  assert.equal(count(third.body), 5);
  assert.match(third.body, /41–45 trong 45 phản ánh/);
  assert.match(third.body, /rel="prev"/);
  assert.doesNotMatch(third.body, /rel="next"/);
  // A page past the end shows the last page.
  assert.match((await officer.get('/quan-tri/phan-anh?trang=99')).body, /41–45 trong 45 phản ánh/);

  const fifty = await officer.get('/quan-tri/phan-anh?so-dong=50');
  assert.equal(count(fifty.body), 45);
  assert.doesNotMatch(fifty.body, /class="pagination"/);
  assert.match(fifty.body, /<option value="50" selected/);
  // Page links keep the filter and page size.
  const answered = await officer.get('/quan-tri/phan-anh?trang-thai=answered&so-dong=50');
  assert.equal(count(answered.body), 15);
  assert.match(answered.body, /Đã trả lời 10\/01\/2020/);
  assert.equal(staffFeedbackHref({ status: 'answered', procedureId: 3, due: 'late' }, 50, 2), '/quan-tri/phan-anh?trang-thai=answered&thu-tuc=3&han=late&so-dong=50&trang=2');
  assert.deepEqual(pageWindow(5, 10), [1, null, 3, 4, 5, 6, 7, null, 10]);

  const late = await officer.get('/quan-tri/phan-anh?han=late&so-dong=50');
  assert.equal(count(late.body), 10);
  const soon = await officer.get('/quan-tri/phan-anh?han=due_soon&so-dong=50');
  assert.equal(count(soon.body), 5);
  assert.match(soon.body, /<span class="urgency urgency-due_soon"><span class="urgency-mark" aria-hidden="true">◷<\/span> <span>Sắp đến hạn<\/span>/);
  const byProcedure = await officer.get(`/quan-tri/phan-anh?thu-tuc=${publishing.id}`);
  assert.equal(count(byProcedure.body), 5);
  assert.match(byProcedure.body, /<td>1\.003868<\/td>/);
  assert.match(byProcedure.body, /<span class="urgency urgency-on_time"><span class="urgency-mark" aria-hidden="true">✓<\/span> <span>Trong hạn<\/span>/);
  const combined = await officer.get(`/quan-tri/phan-anh?thu-tuc=${publishing.id}&han=late`);
  assert.equal(count(combined.body), 0);
  assert.match(combined.body, /0 phản ánh/);

  // Nonsense in the URL falls back to the defaults, never an error.
  const nonsense = await officer.get('/quan-tri/phan-anh?trang-thai=%3Cb%3E&so-dong=7&trang=abc&han=%3Cscript%3E&thu-tuc=x');
  assert.equal(nonsense.status, 200);
  assert.equal(count(nonsense.body), 20);
  assert.doesNotMatch(nonsense.body, /<script>|<b>/);

  // A citizen is refused.
  const citizen = await signedIn(app, store, 'citizen');
  assert.equal((await citizen.get('/quan-tri/phan-anh')).status, 403);
});
