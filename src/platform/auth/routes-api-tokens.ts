/** /tai-khoan/khoa-api: the signed-in applicant's API access tokens (make, list, revoke). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../errors.ts';
import { isCsrfValid } from '../http/csrf.ts';
import { field } from '../http/form-body.ts';
import { requireText } from '../../ui/forms.tsx';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { API_TOKENS_PATH, ApiTokensPage } from './api-token-pages.tsx';
import { apiTokensOf, createApiToken, mayHoldApiTokens, revokeApiToken, TOKEN_DAYS_MAX, TOKEN_DAYS_MIN, TOKEN_NAME_MAX } from './api-tokens.ts';
import { requireUser, requireUserPage } from './guards.ts';
import type { FormState } from './sign-in-pages.tsx';
import { formOf, keptValues, POST_RATE_LIMIT } from './web.ts';

export function registerApiTokenRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;
  const guard = { preHandler: requireUserPage };

  const render = async (request: FastifyRequest, reply: FastifyReply, extra: { created?: string; form?: FormState; notice?: string } = {}, status = 200) => {
    const user = requireUser(request);
    const page = ApiTokensPage({ ctx: await viewContext(request), tokens: await apiTokensOf(db, user.id), allowed: mayHoldApiTokens(user), ...extra });
    // The page may carry a token shown once: never kept by a cache or the browser's history.
    return sendHtml(reply.header('cache-control', 'no-store'), page, status);
  };

  app.get<{ Querystring: { ok?: string } }>(API_TOKENS_PATH, guard, async (request, reply) =>
    render(request, reply, request.query.ok === 'thu-hoi' ? { notice: request.t('apitoken.revoked') } : {}),
  );

  app.post(API_TOKENS_PATH, { ...guard, config: POST_RATE_LIMIT }, async (request, reply) => {
    const user = requireUser(request);
    const values = formOf(request.body);
    const kept = keptValues(values, ['name', 'days']);
    if (!isCsrfValid(request, field(values, '_csrf'), config.secret)) return render(request, reply, { form: { values: kept, alert: request.t('error.csrf_invalid') } }, 403);
    if (!mayHoldApiTokens(user)) return render(request, reply, { form: { values: kept, alert: request.t('apitoken.not_applicant') } }, 403);
    const name = (kept.name ?? '').trim();
    const errors: FieldErrors = {};
    requireText(errors, 'name', name, request.t('apitoken.name'), TOKEN_NAME_MAX);
    const days = /^\d{1,3}$/.test((kept.days ?? '').trim()) ? Number(kept.days) : NaN;
    if (!(days >= TOKEN_DAYS_MIN && days <= TOKEN_DAYS_MAX)) errors.days = { key: 'apitoken.error_days', params: { min: TOKEN_DAYS_MIN, max: TOKEN_DAYS_MAX } };
    if (Object.keys(errors).length > 0) return render(request, reply, { form: { values: kept, errors } }, 422);
    const { token } = await createApiToken(db, user.id, name, days);
    return render(request, reply, { created: token }, 201);
  });

  app.post<{ Params: { id: string } }>(`${API_TOKENS_PATH}/:id/thu-hoi`, { ...guard, config: POST_RATE_LIMIT }, async (request, reply) => {
    const user = requireUser(request);
    if (!isCsrfValid(request, field(formOf(request.body), '_csrf'), config.secret)) return render(request, reply, { form: { alert: request.t('error.csrf_invalid') } }, 403);
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    // Someone else's token, or one already revoked: the list shows the state either way.
    if (!Number.isNaN(id)) await revokeApiToken(db, user.id, id);
    return reply.redirect(`${API_TOKENS_PATH}?ok=thu-hoi`, 303);
  });
}
