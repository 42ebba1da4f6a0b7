/** Cover upload for editors (multipart) and the public image variants. */
import { createReadStream, existsSync } from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { requireAnyRolePage } from '../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { COVER_WIDTHS, MAX_COVER_BYTES, setArticleCover, storeCoverImage, variantPath } from './cover-image.ts';

const VARIANT = /^([0-9a-f]{64})-(\d{3,4})\.webp$/;

export async function registerCoverRoutes(app: FastifyInstance, renderEdit: (request: FastifyRequest, reply: FastifyReply, id: number, status: number, extra: { errors?: FieldErrors; alert?: string }) => Promise<FastifyReply>): Promise<void> {
  const { store, config } = app.deps;
  const staffOnly = requireAnyRolePage('editor', 'writer');

  // @fastify/multipart adds hooks to every route of the context it is registered in; only the upload has it.
  await app.register(async (uploads) => {
    await uploads.register(multipart, { limits: { fileSize: MAX_COVER_BYTES, files: 1, fields: 4, fieldSize: 2000 } });
    uploads.post<{ Params: { id: string } }>('/quan-tri/tin-bai/:id/anh-bia', { preHandler: staffOnly }, async (request, reply) => {
      if (!/^\d{1,9}$/.test(request.params.id)) throw new AppError('not_found');
      const id = Number(request.params.id);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const fields: Record<string, string> = {};
      let content: Buffer | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') content = await part.toBuffer();
        else if (typeof part.value === 'string') fields[part.fieldname] = part.value.normalize('NFC');
      }
      if (!isCsrfValid(request, fields._csrf, config.secret)) return renderEdit(request, reply, id, 403, { alert: request.t('error.csrf_invalid') });
      const remove = fields.remove === '1';
      if (!remove && (content === undefined || content.length === 0)) return renderEdit(request, reply, id, 422, { errors: { cover: { key: 'newsroom.cover_error_missing' } } });
      try {
        const sha256 = remove ? null : await storeCoverImage(config.dataDir, content!);
        await setArticleCover(store.db, actorOf(request), request.user!, id, sha256, fields.cover_alt ?? '');
      } catch (err) {
        if (err instanceof AppError && err.fields !== undefined) return renderEdit(request, reply, id, err.status, { errors: err.fields });
        throw err;
      }
      return reply.redirect(`/quan-tri/tin-bai/${id}?ok=luu`, 303);
    });
  });

  app.get<{ Params: { file: string } }>('/tin-tuc/anh/:file', async (request, reply) => {
    const m = VARIANT.exec(request.params.file);
    if (m === null || !(COVER_WIDTHS as readonly number[]).includes(Number(m[2]))) throw new AppError('not_found');
    const file = variantPath(config.dataDir, m[1]!, Number(m[2]));
    if (!existsSync(file)) throw new AppError('not_found');
    // Named by content: the bytes behind a name never change.
    return reply.type('image/webp').header('cache-control', 'public, max-age=31536000, immutable').send(createReadStream(file));
  });
}
