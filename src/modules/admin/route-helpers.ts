/** Parsing helpers shared by the administration routes. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { agenciesWithRole, requireUser } from '../../platform/auth/guards.ts';
import type { UserScope } from './users-queries.ts';

/** A route's numeric id; anything else is a 404, not a 500. */
export function idParam(raw: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
}

/** The page number of a `trang` query parameter (1 when absent or not a number). */
export function pageParam(raw: string | undefined): number {
  return raw !== undefined && /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
}

/** The agencies the signed-in administrator administers. */
export function scopeOf(request: FastifyRequest): UserScope {
  return { agencyIds: agenciesWithRole(requireUser(request), 'administrator') };
}
