/** /quan-tri/nguoi-dung: administrators manage the accounts in their scope (see users-queries.ts). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { requireAnyRolePage, requireUser } from '../../platform/auth/guards.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { isCsrfValid } from '../../platform/http/csrf.ts';
import { field, type FormValues } from '../../platform/http/form-body.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { agencySummaries } from './agencies-queries.ts';
import { idParam, pageParam, scopeOf } from './route-helpers.ts';
import { grantRole, revokeRole } from './services/grant-role.ts';
import { setAccountDisabled, setMfaRequired } from './services/update-account.ts';
import { userInScope, usersInScope, type UserDetail } from './users-queries.ts';
import { USERS_PATH, UserPage, UsersListPage } from './views/users-pages.tsx';

type Extra = { values?: Record<string, string>; errors?: FieldErrors; alert?: string; notice?: string };

const NOTICES = { 'vai-tro': 'admin.role_granted', 'thu-hoi': 'admin.role_revoked', 'tai-khoan': 'admin.account_updated' } as const;

export function registerUserRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const adminOnly = requireAnyRolePage('administrator');

  /** The user if the administrator may manage them; otherwise the account does not exist for them. */
  async function managedUser(request: FastifyRequest, rawId: string): Promise<UserDetail> {
    const user = await userInScope(store.db, scopeOf(request), idParam(rawId));
    if (user === undefined) throw new AppError('not_found');
    return user;
  }

  async function renderUser(request: FastifyRequest, reply: FastifyReply, user: UserDetail, extra: Extra = {}, status = 200) {
    const ctx = await viewContext(request);
    const all = await agencySummaries(store.db, todayInVietnam());
    const scope = new Set(scopeOf(request).agencyIds);
    return sendHtml(
      reply,
      UserPage({ ctx, adminNav: app.deps.adminNav, user, agencies: new Map(all.map((a) => [a.id, a])), grantable: all.filter((a) => scope.has(a.id)), ...extra }),
      status,
    );
  }

  app.get<{ Querystring: Record<string, string | undefined> }>(USERS_PATH, { preHandler: adminOnly }, async (request, reply) => {
    const query = (request.query.q ?? '').normalize('NFC').slice(0, 200);
    const page = pageParam(request.query.trang);
    const { rows, total } = await usersInScope(store.db, scopeOf(request), query, page);
    const ctx = await viewContext(request);
    return sendHtml(reply, UsersListPage({ ctx, adminNav: app.deps.adminNav, query, page, rows, total }));
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(`${USERS_PATH}/:id`, { preHandler: adminOnly }, async (request, reply) => {
    const user = await managedUser(request, request.params.id);
    const ok = request.query.ok;
    const notice = ok !== undefined && Object.hasOwn(NOTICES, ok) ? request.t(NOTICES[ok as keyof typeof NOTICES]) : undefined;
    return renderUser(request, reply, user, notice === undefined ? {} : { notice });
  });

  /** Parses the agency field: '' is "no agency"; another agency than the administrator's is refused. */
  function agencyField(request: FastifyRequest, raw: string): number | null | 'not-yours' {
    if (raw === '') return null;
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    return scopeOf(request).agencyIds.includes(id) ? id : 'not-yours';
  }

  app.post<{ Params: { id: string }; Body: FormValues }>(`${USERS_PATH}/:id/vai-tro`, { preHandler: adminOnly }, async (request, reply) => {
    const user = await managedUser(request, request.params.id);
    const body = request.body ?? {};
    const values = { role: field(body, 'role'), agency: field(body, 'agency') };
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderUser(request, reply, user, { values, alert: request.t('error.csrf_invalid') }, 403);
    const agencyId = agencyField(request, values.agency);
    if (agencyId === 'not-yours') return renderUser(request, reply, user, { values, errors: { agency: { key: 'admin.error_agency_not_yours' } } }, 422);
    try {
      await grantRole(store.db, actorOf(request), { userId: user.id, role: values.role, agencyId });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields !== undefined) return renderUser(request, reply, user, { values, errors: err.fields }, 422);
      throw err;
    }
    return reply.redirect(`${USERS_PATH}/${user.id}?ok=vai-tro`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${USERS_PATH}/:id/vai-tro/thu-hoi`, { preHandler: adminOnly }, async (request, reply) => {
    const user = await managedUser(request, request.params.id);
    const body = request.body ?? {};
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderUser(request, reply, user, { alert: request.t('error.csrf_invalid') }, 403);
    const role = field(body, 'role');
    const agencyId = agencyField(request, field(body, 'agency'));
    if (agencyId === 'not-yours') throw new AppError('forbidden');
    if (user.id === requireUser(request).id && role === 'administrator') return renderUser(request, reply, user, { alert: request.t('admin.error_self') }, 422);
    try {
      await revokeRole(store.db, actorOf(request), { userId: user.id, role, agencyId });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return renderUser(request, reply, user, { alert: request.t('admin.error_role_not_held') }, 422);
      throw err;
    }
    return reply.redirect(`${USERS_PATH}/${user.id}?ok=thu-hoi`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${USERS_PATH}/:id/xac-thuc-hai-lop`, { preHandler: adminOnly }, async (request, reply) => {
    const user = await managedUser(request, request.params.id);
    const body = request.body ?? {};
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderUser(request, reply, user, { alert: request.t('error.csrf_invalid') }, 403);
    await setMfaRequired(store.db, actorOf(request), user.id, field(body, 'required') === '1');
    return reply.redirect(`${USERS_PATH}/${user.id}?ok=tai-khoan`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>(`${USERS_PATH}/:id/trang-thai`, { preHandler: adminOnly }, async (request, reply) => {
    const user = await managedUser(request, request.params.id);
    const body = request.body ?? {};
    if (!isCsrfValid(request, field(body, '_csrf'), config.secret)) return renderUser(request, reply, user, { alert: request.t('error.csrf_invalid') }, 403);
    const disable = field(body, 'disabled') === '1';
    if (disable && user.id === requireUser(request).id) return renderUser(request, reply, user, { alert: request.t('admin.error_self') }, 422);
    await setAccountDisabled(store.db, actorOf(request), user.id, disable);
    return reply.redirect(`${USERS_PATH}/${user.id}?ok=tai-khoan`, 303);
  });
}
