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
