/**
 * Error and not-found handling: every error becomes a page in the user's language (or JSON under /api),
 * with the right status and never a stack trace or an internal message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, codeForStatus, errorMessageKey, type ErrorCode } from '../errors.ts';
import { ErrorPage } from '../../ui/error-page.tsx';
import { sendHtml, viewContext } from '../../ui/view-context.ts';

const wantsJson = (request: FastifyRequest): boolean =>
  request.url.startsWith('/api/') || (request.headers.accept?.includes('application/json') === true && !request.headers.accept.includes('text/html'));

export async function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, status: number, fields?: AppError['fields']): Promise<FastifyReply> {
  const message = request.t(errorMessageKey(code));
  if (wantsJson(request)) {
    const body: Record<string, unknown> = { error: { code, message, requestId: request.id } };
    if (fields !== undefined) {
      (body.error as Record<string, unknown>).fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, request.t(v.key, v.params)]));
    }
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  }
  const ctx = await viewContext(request);
  return sendHtml(reply, ErrorPage({ ctx, status, message }), status);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'application error');
      return sendError(request, reply, error.code, error.status, error.fields);
    }
    let status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (error.validation !== undefined) status = 400;
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: error.code, status }, 'request refused');
    const code = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : codeForStatus(status);
    return sendError(request, reply, code, status);
  });
}
