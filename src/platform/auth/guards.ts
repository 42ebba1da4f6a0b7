/**
 * Route guards and role checks. Permissions are plain functions: modules write their own
 * (`canApproveArticle(user, article)`) on top of `hasRole` and filter their queries by `agenciesWhere`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { CurrentUser } from '../http/context.ts';
import type { Role } from './roles.ts';

/** True when the user holds `role` (in `agencyId`, when given). Administrators hold every staff role in their agency. */
export function hasRole(user: CurrentUser | null, role: Role, agencyId?: number | null): boolean {
  if (user === null) return false;
  return user.roles.some(
    (g) => (g.role === role || (g.role === 'administrator' && role !== 'citizen' && role !== 'enterprise')) && (agencyId === undefined || g.agencyId === agencyId),
  );
}

/** The agencies in which the user holds `role` (administrators: those they administer). */
export function agenciesWithRole(user: CurrentUser | null, role: Role): number[] {
  if (user === null) return [];
  const ids = user.roles.filter((g) => g.role === role || (g.role === 'administrator' && role !== 'citizen' && role !== 'enterprise')).map((g) => g.agencyId);
  return [...new Set(ids.filter((id): id is number => id !== null))];
}

export const isStaff = (user: CurrentUser | null): boolean => user?.accountType === 'staff';

/** The signed-in user, or a 401 (HTML pages redirect to sign-in instead: see `requireUserPage`). */
export function requireUser(request: FastifyRequest): CurrentUser {
  if (request.user === null) throw new AppError('unauthenticated');
  return request.user;
}

export function requireRole(request: FastifyRequest, role: Role, agencyId?: number | null): CurrentUser {
  const user = requireUser(request);
  if (!hasRole(user, role, agencyId)) throw new AppError('forbidden');
  return user;
}

/**
 * preHandler for HTML pages that need a signed-in user: sends visitors to the sign-in page
 * with a return path instead of an error page.
 */
export async function requireUserPage(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.user === null) {
    await reply.redirect(`/dang-nhap?next=${encodeURIComponent(request.url)}`, 303);
  }
}

/** preHandler factory: signed in (else redirect) and holding one of `roles` (else 403). */
export function requireAnyRolePage(...roles: Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.user === null) {
      await reply.redirect(`/dang-nhap?next=${encodeURIComponent(request.url)}`, 303);
      return;
    }
    if (!roles.some((r) => hasRole(request.user, r))) throw new AppError('forbidden');
  };
}
