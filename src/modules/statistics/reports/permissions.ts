/** Who may do what with periodic reports. */
import { hasRole } from '../../../platform/auth/guards.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';

/** Statisticians of the department review reports and open periods (administrators hold the role in their agency). */
export const canReviewReports = (user: CurrentUser | null): boolean => hasRole(user, 'statistician');
