/**
 * Who may do what to an article. A writer drafts and submits their own articles; an editor
 * returns, approves, publishes, schedules, unpublishes and archives (administrators act as editors).
 */
import { hasRole } from '../../platform/auth/guards.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import type { ArticleStatus } from './tables.ts';

export interface ArticleForPermission {
  readonly status: ArticleStatus;
  readonly created_by: number | null;
  readonly is_public: number;
}

export const isEditor = (user: CurrentUser | null): boolean => hasRole(user, 'editor');
export const isNewsStaff = (user: CurrentUser | null): boolean => hasRole(user, 'editor') || hasRole(user, 'writer');
const isOwnWriter = (user: CurrentUser | null, a: ArticleForPermission): boolean => hasRole(user, 'writer') && user !== null && a.created_by === user.id;

export const canCreateArticle = (user: CurrentUser | null): boolean => isNewsStaff(user);

/** Editors edit anything not archived; writers their own while it is not in review. */
export function canEditArticle(user: CurrentUser | null, a: ArticleForPermission): boolean {
  if (a.status === 'archived') return false;
  if (isEditor(user)) return true;
  return isOwnWriter(user, a) && ['draft', 'returned', 'published', 'unpublished'].includes(a.status);
}

export const canSubmitArticle = (user: CurrentUser | null, a: ArticleForPermission): boolean =>
  (a.status === 'draft' || a.status === 'returned') && (isEditor(user) || isOwnWriter(user, a));
export const canReturnArticle = (user: CurrentUser | null, a: ArticleForPermission): boolean =>
  isEditor(user) && (a.status === 'submitted' || a.status === 'approved' || a.status === 'scheduled');
export const canApproveArticle = (user: CurrentUser | null, a: ArticleForPermission): boolean => isEditor(user) && a.status === 'submitted';
export const canPublishArticle = (user: CurrentUser | null, a: ArticleForPermission): boolean =>
  isEditor(user) && (a.status === 'approved' || a.status === 'scheduled' || a.status === 'unpublished');
export const canScheduleArticle = (user: CurrentUser | null, a: ArticleForPermission): boolean => isEditor(user) && a.status === 'approved';
export const canUnpublishArticle = (user: CurrentUser | null, a: ArticleForPermission): boolean => isEditor(user) && a.is_public === 1;
export const canArchiveArticle = (user: CurrentUser | null, a: ArticleForPermission): boolean => isEditor(user) && a.status !== 'archived';
