/** Helpers shared by the e-services tests: signing a demo user in without the sign-in pages. */
import type { FastifyInstance } from 'fastify';
import { createSession } from '../../../src/platform/auth/session.ts';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { Client } from '../../helpers/client.ts';

export async function signedIn(app: FastifyInstance, store: DbHandle, handle: string): Promise<Client> {
  const user = await store.db.selectFrom('users').select('id').where('email', '=', `${handle}@laocai.example.vn`).executeTakeFirstOrThrow();
  const { token } = await createSession(store.db, user.id, { mfaPending: false });
  const client = new Client(app);
  client.cookies.set('sid', token);
  return client;
}

/** Posts a multipart form with one file, the way a browser sends the upload form. */
export async function upload(client: Client, url: string, fields: Record<string, string>, file: { name: string; type: string; content: Buffer }) {
  const boundary = `----congso${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: client.lastCsrf, ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return client.raw({ method: 'POST', url, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

export const PDF = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** The complete form of the demo procedure 1.003868 (licence to publish non-commercial documents). */
export const PUBLISHING_FORM: Record<string, string> = {
  applicant_name: 'Hoàng Văn Đạt',
  applicant_phone: '0912 345 678',
  applicant_email: 'citizen@laocai.example.vn',
  org_name: 'Hội Nông dân tỉnh Lào Cai',
  org_address: 'Phường Cốc Lếu, Lào Cai',
  org_phone: '0214 3 840 111',
  org_document: 'Quyết định 123/QĐ-UBND',
  doc_title: 'Sổ tay kỹ thuật trồng chè Shan tuyết',
  doc_author: 'Hội Nông dân tỉnh Lào Cai',
  doc_form: 'print',
  doc_pages: '48',
  doc_size: '14,5 x 20,5',
  doc_copies: '500',
  doc_language: 'Tiếng Việt',
  printer: 'Công ty In Lào Cai, phường Kim Tân',
  purpose: 'Phát miễn phí cho hội viên',
  abstract: 'Hướng dẫn trồng, chăm sóc và chế biến chè Shan tuyết.',
};
