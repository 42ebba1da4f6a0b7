/**
 * The done-means journey of online public services, in one run of real Chromium: a citizen registers
 * and signs in, applies for the licence to publish non-commercial documents with a PDF and an image,
 * reception asks for a supplement, the citizen supplements, the fee is paid through the sandbox VNPay
 * gateway (redirect, payment, IPN), the officer appraises and the leader approves, the licence is
 * issued, its PDF's QR code is decoded and leads to the verification page, the citizen rates the
 * service and the service-index cockpit (Decision 766) counts the dossier. axe on every page.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { checkA11y, hasHorizontalScroll, openSite } from '../helpers/browser.ts';
import { applyForPublishing, submit, tinyPdf } from '../helpers/eservices-browser.ts';
import { readPdfQrCodes } from '../helpers/pdf-qr.ts';
import { signedIn } from '../integration/eservices/helpers.ts';
import { act } from '../integration/eservices/inbox-helpers.ts';
import { SITE, submittedDossier } from '../integration/eservices/results-helpers.ts';

const EMAIL = 'lo.thi.hoa@example.vn';
const PASSWORD = 'một mật khẩu dài 2026';

/** The cockpit's table row of one indicator (its code first, as the page writes it). */
async function indicatorRow(page: Page, code: string): Promise<string[]> {
  const row = page.locator('main tr', { has: page.locator(`th[scope=row] span:text-matches("^${code.replace('.', '\\.')} ")`) });
  return (await row.locator('td.num').allTextContents()).map((s) => s.trim());
}

test('in Chromium: register, apply with attachments, supplement, pay through the VNPay sandbox, approval, licence PDF with a QR code that verifies, rating, counted by the cockpit; axe on every page', async (t) => {
  const site = await openSite(t);
  const dir = await mkdtemp(path.join(tmpdir(), 'congso-journey-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const files = { pdf: path.join(dir, 'don-de-nghi.pdf'), draft: path.join(dir, 'ban-thao.pdf'), image: path.join(dir, 'xac-nhan.png') };
  await writeFile(files.pdf, tinyPdf());
  await writeFile(files.draft, tinyPdf());
  // A real PNG image (a QR code rendered by the qrcode package stands in for a scanned confirmation).
  await writeFile(files.image, await QRCode.toBuffer('Văn bản xác nhận của Hội Nông dân tỉnh Lào Cai', { type: 'png', width: 120 }));
  const db = site.store.db;

  // 1. The citizen registers, confirms the e-mail address by the link the platform mails, and signs in.
  const citizen = await site.page();
  citizen.setDefaultTimeout(20_000);
  await citizen.goto(site.url('/dang-ky'));
  await checkA11y(citizen);
  await citizen.fill('#f-full_name', 'Lò Thị Hoa');
  await citizen.fill('#f-email', EMAIL);
  await citizen.check('#f-account_type-citizen');
  await citizen.fill('#f-password', PASSWORD);
  await citizen.fill('#f-password_confirm', PASSWORD);
  await Promise.all([citizen.waitForURL(/\/dang-ky\/kiem-tra-thu$/), citizen.click('button[type=submit]:has-text("Đăng ký")')]);
  const mail = await db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', EMAIL).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const link = /https?:\/\/[^/\s]+(\/xac-thuc-email\?token=[\w-]+)/.exec(mail.text_body)?.[1];
  assert.ok(link, mail.text_body);
  await citizen.goto(site.url(link));
  await checkA11y(citizen);
  await citizen.goto(site.url('/dang-nhap'));
  await checkA11y(citizen);
  await citizen.fill('#f-email', EMAIL);
  await citizen.fill('#f-password', PASSWORD);
  await Promise.all([citizen.waitForURL(site.url('/')), citizen.click('main button[type=submit]')]);

  // 2. Applies with the application (PDF) and the stamped draft (PDF).
  const code = await applyForPublishing(site, citizen, {
    files: { 'don-de-nghi': files.pdf, 'ban-thao': files.draft },
    fields: { applicant_name: 'Lò Thị Hoa', applicant_email: EMAIL },
    check: (page) => checkA11y(page),
  });
  const dossier = await db.selectFrom('dossiers').select(['id', 'received_on']).where('code', '=', code).executeTakeFirstOrThrow();
  const receiptUrl = site.url(`/ho-so/${dossier.id}/bien-nhan`);

  // 3. Reception asks for a supplement.
  const officer = await site.page({ signedInAs: 'officer@laocai.example.vn' });
  officer.setDefaultTimeout(20_000);
  const staffDossier = site.url(`/quan-tri/ho-so/${dossier.id}`);
  await officer.goto(site.url('/quan-tri/ho-so'));
  await checkA11y(officer);
  await submit(officer, `main a:has-text("${code}")`);
  await checkA11y(officer);
  await officer.fill('#f-note', 'Bổ sung văn bản xác nhận của Hội Nông dân tỉnh');
  await submit(officer, 'button[name=action][value=request_supplement]');
  assert.match((await officer.textContent('main dl.facts')) ?? '', /Chờ bổ sung hồ sơ/);
  await checkA11y(officer);

  // 4. The citizen supplements with an image.
  await citizen.goto(receiptUrl);
  assert.match((await citizen.textContent('main')) ?? '', /Bổ sung văn bản xác nhận của Hội Nông dân tỉnh/);
  await checkA11y(citizen);
  await citizen.setInputFiles('#file-xac-nhan', files.image);
  await submit(citizen, 'form:has(#file-xac-nhan) button[type=submit]');
  assert.ok((await citizen.locator('main td:has-text("xac-nhan.png")').count()) >= 1, 'the image is listed');
  await citizen.fill('#f-note', 'Đã bổ sung văn bản xác nhận');
  await submit(citizen, 'button:has-text("Gửi bổ sung")');
  await checkA11y(citizen);
  const stored = await db.selectFrom('dossier_files').select(['component_code', 'media_type']).where('dossier_id', '=', dossier.id).orderBy('id').execute();
  assert.deepEqual(stored.map((f) => [f.component_code, f.media_type]), [['don-de-nghi', 'application/pdf'], ['ban-thao', 'application/pdf'], ['xac-nhan', 'image/png']]);

  // 5. Reception accepts and asks for the appraisal fee: 48 standard pages × 15,000 VND.
  await officer.goto(staffDossier);
  await submit(officer, 'button[name=action][value=accept]');
  const fee = await db
    .selectFrom('procedure_fees as f')
    .innerJoin('procedures as p', 'p.id', 'f.procedure_id')
    .select('f.id')
    .where('p.code', '=', '1.003868')
    .where('f.amount_vnd', '=', 15_000)
    .executeTakeFirstOrThrow();
  await officer.goto(site.url(`/quan-tri/ho-so/${dossier.id}/phi`));
  await checkA11y(officer);
  await officer.fill(`#f-qty_${fee.id}`, '48');
  await submit(officer, 'main button:has-text("Gửi yêu cầu nộp phí")');
  assert.equal((await db.selectFrom('dossiers').select('status').where('id', '=', dossier.id).executeTakeFirstOrThrow()).status, 'fee_requested');

  // 6. The citizen pays through the sandbox gateway: redirect there, pay, back; the IPN marks it paid.
  await citizen.goto(site.url(`/ho-so/${dossier.id}/phi`));
  assert.match((await citizen.textContent('main')) ?? '', /720\.000 đồng/);
  await checkA11y(citizen);
  await citizen.click('main button:has-text("qua VNPay")');
  await citizen.waitForURL(/\/sandbox\/vnpay\/vpcpay\.html\?/);
  await checkA11y(citizen);
  await citizen.click('main button[value="pay"]');
  await citizen.waitForURL(/\/thanh-toan\/vnpay\/ket-qua\?/);
  assert.match((await citizen.textContent('main')) ?? '', /Thanh toán đã được xác nhận/);
  await checkA11y(citizen);
  const paid = await db
    .selectFrom('fee_payments as fp')
    .innerJoin('fee_requests as fr', 'fr.id', 'fp.fee_request_id')
    .select(['fp.method', 'fp.status', 'fr.total_vnd'])
    .where('fr.dossier_id', '=', dossier.id)
    .execute();
  assert.deepEqual(paid, [{ method: 'vnpay', status: 'paid', total_vnd: 720_000 }]);

  // 7. The officer appraises and proposes; the leader approves.
  await officer.goto(staffDossier);
  await submit(officer, 'button[name=action][value=propose]');
  const leader = await site.page({ signedInAs: 'leader@laocai.example.vn' });
  leader.setDefaultTimeout(20_000);
  await leader.goto(site.url('/quan-tri/ho-so'));
  await checkA11y(leader);
  await leader.goto(staffDossier);
  assert.equal(await leader.locator('button[name=action][value=submit_to_authority]').count(), 0, 'the department decides this licence itself');
  await submit(leader, 'button[name=action][value=approve]');
  assert.match((await leader.textContent('main dl.facts')) ?? '', /Đã có kết quả, chờ trả/);
  await checkA11y(leader);

  // 8. The result cannot be returned before the licence exists; the officer issues it, then returns it.
  await officer.goto(staffDossier);
  assert.equal(await officer.locator('button[name=action][value=return_result]').count(), 0);
  await officer.goto(site.url(`/quan-tri/ho-so/${dossier.id}/giay-phep`));
  await checkA11y(officer);
  await officer.fill('#f-signer_name', 'Nguyễn Thị Lan');
  await submit(officer, 'main button:has-text("Cấp giấy phép")');
  await checkA11y(officer);
  const licence = await db.selectFrom('licences').select(['number', 'token', 'status']).where('dossier_id', '=', dossier.id).executeTakeFirstOrThrow();
  assert.match(licence.number, /^\d{2}\/GP-SVHTTDL$/);
  await officer.goto(staffDossier);
  await submit(officer, 'button[name=action][value=return_result]');
  assert.match((await officer.textContent('main dl.facts')) ?? '', /Đã trả kết quả/);

  // 9. The citizen opens the licence PDF; its QR code holds the verification address, which says "valid".
  await citizen.goto(receiptUrl);
  await Promise.all([citizen.waitForURL(/\/xac-thuc\/giay-phep\//), citizen.click(`main a[href="/ho-so/${dossier.id}/giay-phep"]`)]);
  const pdfHref = await citizen.getAttribute('main a[href$="/giay-phep.pdf"]', 'href');
  assert.ok(pdfHref !== null);
  const pdfResponse = await citizen.request.get(site.url(pdfHref));
  assert.equal(pdfResponse.headers()['content-type'], 'application/pdf');
  const codes = readPdfQrCodes(await pdfResponse.body());
  const verifyUrl = new URL(`/xac-thuc/giay-phep/${licence.token}`, site.config.publicUrl).toString();
  assert.deepEqual(codes, [verifyUrl]);
  const scanner = await site.page({ width: 375 });
  await scanner.goto(site.url(new URL(codes[0] ?? '').pathname));
  assert.match((await scanner.textContent('main')) ?? '', /đang còn hiệu lực/);
  assert.match((await scanner.textContent('main')) ?? '', new RegExp(licence.number.replace('/', '\\/')));
  await checkA11y(scanner);

  // 10. The citizen rates the service.
  await citizen.goto(receiptUrl);
  await checkA11y(citizen);
  await submit(citizen, `main a[href="/ho-so/${dossier.id}/danh-gia"]`);
  await checkA11y(citizen);
  await citizen.check('#f-score-5');
  await citizen.fill('#f-comment', 'Nhanh, rõ ràng');
  await submit(citizen, 'main button:has-text("Gửi đánh giá")');
  assert.match((await citizen.textContent('main')) ?? '', /đã đánh giá hồ sơ này: Rất hài lòng/);
  await checkA11y(citizen);

  // 11. The cockpit counts it: on time, online, paid online, rated, electronic result.
  const year = (dossier.received_on ?? '').slice(0, 4);
  await officer.goto(site.url(`/quan-tri/chi-so-phuc-vu?tu=${year}-01-01&den=${year}-12-31`));
  await checkA11y(officer);
  assert.deepEqual((await indicatorRow(officer, '2.1')).slice(0, 3), ['1', '1', '100,0%']);
  assert.deepEqual((await indicatorRow(officer, '3.3')).slice(0, 3), ['1', '1', '100,0%']);
  assert.deepEqual((await indicatorRow(officer, '3.6')).slice(0, 3), ['1', '1', '100,0%']);
  assert.deepEqual((await indicatorRow(officer, '4.2')).slice(0, 3), ['1', '1', '100,0%']);
  assert.match((await officer.textContent('main')) ?? '', /1 lượt, điểm trung bình 5,0\/5/);
});

test("in Chromium: the e-information-site licence goes from the department's leader to the provincial People's Committee; the authority's inbox, the dossier and the public timeline pass axe", async (t) => {
  const site = await openSite(t);
  const citizen = await signedIn(site.app, site.store, 'citizen');
  const officer = await signedIn(site.app, site.store, 'officer');
  const { id, code } = await submittedDossier(site.app, site.store, citizen, SITE);
  await act(officer, id, 'accept');
  await act(officer, id, 'propose');

  // The demo leader leads both the culture department and, as the demo's competent authority, the People's Committee.
  const leader = await site.page({ signedInAs: 'leader@laocai.example.vn' });
  leader.setDefaultTimeout(20_000);
  await leader.goto(site.url(`/quan-tri/ho-so/${id}`));
  assert.match((await leader.textContent('main dl.facts')) ?? '', /Cơ quan có thẩm quyền quyết định\s*Ủy ban nhân dân tỉnh Lào Cai/);
  assert.equal(await leader.locator('button[name=action][value=approve]').count(), 0);
  await checkA11y(leader);
  await submit(leader, 'button[name=action][value=submit_to_authority]');
  assert.match((await leader.textContent('main dl.facts')) ?? '', /Đã trình cơ quan có thẩm quyền quyết định/);
  await checkA11y(leader);
  await leader.goto(site.url('/quan-tri/ho-so'));
  const section = leader.locator('main section[aria-labelledby=authority-title]');
  assert.match((await section.textContent()) ?? '', new RegExp(`${code.replace(/\./g, '\\.')}[^]*Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai`));
  await checkA11y(leader);
  await submit(leader, `main section[aria-labelledby=authority-title] a:has-text("${code}")`);
  await submit(leader, 'button[name=action][value=authority_approve]');
  assert.match((await leader.textContent('main dl.facts')) ?? '', /Đã có kết quả, chờ trả/);
  assert.match((await leader.textContent('main .timeline')) ?? '', /Cơ quan có thẩm quyền quyết định cấp – Ủy ban nhân dân tỉnh Lào Cai/);

  const visitor = await site.page({ javaScript: false, width: 320 });
  await visitor.goto(site.url('/tra-cuu'));
  await visitor.fill('#f-code', code);
  await visitor.fill('#f-contact', 'citizen@laocai.example.vn');
  await submit(visitor, 'form[action="/tra-cuu"] button[type=submit]');
  assert.match((await visitor.textContent('main')) ?? '', /Trình cơ quan có thẩm quyền quyết định – Ủy ban nhân dân tỉnh Lào Cai/);
  assert.equal(await hasHorizontalScroll(visitor), false);
  await checkA11y(visitor);
});
