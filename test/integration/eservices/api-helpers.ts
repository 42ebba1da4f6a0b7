/** Shared by the dossier API tests and the submission benchmark's check: a token, and a multipart request. */
import { randomBytes } from 'node:crypto';
import type { DbHandle } from '../../../src/platform/db/index.ts';
import { createApiToken } from '../../../src/platform/auth/api-tokens.ts';

export async function tokenOf(store: DbHandle, handle: string, days = 30): Promise<string> {
  const user = await store.db.selectFrom('users').select('id').where('email', '=', `${handle}@laocai.example.vn`).executeTakeFirstOrThrow();
  return (await createApiToken(store.db, user.id, `test ${handle}`, days)).token;
}

export interface Part {
  readonly name: string;
  readonly value?: string;
  readonly file?: { readonly name: string; readonly type: string; readonly content: Buffer };
}

/** A multipart/form-data body and its content type. */
export function multipart(parts: readonly Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----congso${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if (p.file === undefined) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value ?? ''}\r\n`));
    else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.file.name}"\r\nContent-Type: ${p.file.type}\r\n\r\n`));
      chunks.push(p.file.content, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const fieldParts = (form: Record<string, string>): Part[] => Object.entries(form).map(([name, value]) => ({ name, value }));
