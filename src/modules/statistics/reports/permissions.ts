/** Who may do what with periodic reports. */
import { hasRole } from '../../../platform/auth/guards.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';

/** Statisticians of the department review reports and open periods (administrators hold the role in their agency). */
export const canReviewReports = (user: CurrentUser | null): boolean => hasRole(user, 'statistician');

/**
 * Assigning reporters to a form, its periods' deadlines and reminders sent by hand: statisticians of
 * the agency that owns the form (any statistician while a form has no owner).
 */
export const canManageForm = (user: CurrentUser | null, ownerAgencyId: number | null): boolean =>
  ownerAgencyId === null ? hasRole(user, 'statistician') : hasRole(user, 'statistician', ownerAgencyId);

/**
 * Creating and renaming reporters and choosing their member accounts. A reporter belongs to the
 * enterprise or office that reports, not to the department, so there is no owning agency to narrow
 * the rule by: any statistician (and so any administrator, who holds the staff roles in their
 * agency) manages reporters. Which forms a reporter is given stays with the forms' owners (canManageForm).
 */
export const canManageReporters = (user: CurrentUser | null): boolean => hasRole(user, 'statistician');

/** An account as the member rule sees it: its type, whether it can sign in, and its role grants. */
export interface MemberCandidate {
  readonly accountType: 'citizen' | 'business' | 'staff';
  /** Not disabled, and its email address verified (reminders go to that address). */
  readonly active: boolean;
  readonly roles: readonly { readonly role: string; readonly agencyId: number | null }[];
}

/**
 * Whether an account may submit reports for a reporter, or why not. A member must be an active
 * account and either
 * - a business account holding the `enterprise` role: businesses register themselves, and their
 *   grant carries no agency (`user_roles.agency_id` is null), so the statistician who adds the
 *   account is the one who ties it to the enterprise; or
 * - a staff account holding a role in the reporter's own agency: a district office's staff are
 *   staff of that office, never of the department, so a statistician cannot make themselves or a
 *   colleague a member and then submit the figures they review.
 * Citizens' accounts are never members.
 */
export function memberRefusal(candidate: MemberCandidate, reporterAgencyId: number): 'inactive' | 'not_eligible' | null {
  if (!candidate.active) return 'inactive';
  if (candidate.accountType === 'business' && candidate.roles.some((g) => g.role === 'enterprise')) return null;
  if (candidate.accountType === 'staff' && candidate.roles.some((g) => g.agencyId === reporterAgencyId)) return null;
  return 'not_eligible';
}
