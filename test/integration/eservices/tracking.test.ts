import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { PDF, PUBLISHING_FORM, signedIn, upload } from './helpers.ts';

async function submittedDossierCode(client: Client): Promise<string> {
  await client.get('/thu-tuc/1.003868');
  const draftUrl = (await client.post('/thu-tuc/1.003868/nop-truc-tuyen', {})).location ?? '';
  await client.get(draftUrl);
  await client.post(draftUrl, PUBLISHING_FORM);
  await client.get(draftUrl);
  for (const component of ['don-de-nghi', 'ban-thao']) await upload(client, `${draftUrl}/tai-lieu`, { component }, { name: `${component}.pdf`, type: 'application/pdf', content: PDF(component) });
  await client.get(draftUrl);
  const receipt = await client.get((await client.post(`${draftUrl}/nop`, {})).location ?? '');
  const code = /<strong>([^<]+)<\/strong>/.exec(receipt.body)?.[1];
  assert.ok(code !== undefined);
  const qr = /<img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(receipt.body)?.[1] ?? '';
  assert.match(Buffer.from(qr, 'base64').toString(), /^<svg/);
  return code;
}

test('anyone tracks a dossier by its code and the phone or email given; the timeline shows the national status', async (t) => {
  const { app, store } = await build(t);
  const code = await submittedDossierCode(await signedIn(app, store, 'citizen'));
  const visitor = new Client(app);
  const fromQr = await visitor.get(`/tra-cuu?ma=${encodeURIComponent(code)}`);
  assert.ok(fromQr.body.includes(`name="code" type="text" value="${code}"`));
  const byPhone = await visitor.post('/tra-cuu', { code, contact: '0912345678' });
  assert.equal(byPhone.status, 200);
  assert.match(byPhone.body, /Cấp giấy phép xuất bản tài liệu không kinh doanh/);
  assert.match(byPhone.body, /Nộp hồ sơ trực tuyến \(Mới đăng ký\)/);
  assert.match(byPhone.body, /Tạo hồ sơ nháp/);
  const byEmail = await visitor.post('/tra-cuu', { code, contact: 'CITIZEN@laocai.example.vn' });
  assert.equal(byEmail.status, 200);
  assert.match(byEmail.body, /Quá trình xử lý/);
});

test('a wrong contact or code finds nothing and says so the same way', async (t) => {
  const { app, store } = await build(t);
  const code = await submittedDossierCode(await signedIn(app, store, 'citizen'));
  const visitor = new Client(app);
  await visitor.get('/tra-cuu');
  const wrongPhone = await visitor.post('/tra-cuu', { code, contact: '0999 999 999' });
  assert.equal(wrongPhone.status, 404);
  assert.match(wrongPhone.body, /Không tìm thấy hồ sơ với mã và thông tin liên hệ này/);
  assert.doesNotMatch(wrongPhone.body, /Quá trình xử lý/);
  const wrongCode = await visitor.post('/tra-cuu', { code: `${code}9`, contact: '0912345678' });
  assert.equal(wrongCode.status, 404);
  const empty = await visitor.post('/tra-cuu', { code: '', contact: '' });
  assert.equal(empty.status, 422);
  assert.match(empty.body, /Vui lòng nhập mã hồ sơ/);
  const forged = await visitor.post('/tra-cuu', { _csrf: 'x', code, contact: '0912345678' });
  assert.equal(forged.status, 403);
});

test('the applicant lists their dossiers: drafts to continue, submitted ones with their receipt', async (t) => {
  const { app, store } = await build(t);
  const citizen = await signedIn(app, store, 'citizen');
  const code = await submittedDossierCode(citizen);
  await citizen.get('/thu-tuc/LC-TTDT-01');
  await citizen.post('/thu-tuc/LC-TTDT-01/nop-truc-tuyen', {});
  const list = await citizen.get('/ho-so');
  assert.equal(list.status, 200);
  assert.ok(list.body.includes(code));
  assert.match(list.body, /Tiếp tục/);
  assert.match(list.body, /Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp/);
  assert.match(list.body, /Sổ tay kỹ thuật trồng chè Shan tuyết/);
});
