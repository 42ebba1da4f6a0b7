/**
 * The administration area under /quan-tri: the dashboard, agencies over time, user accounts,
 * the audit log and the portal identity. Other modules add their own sections to the menu.
 */
import type { FastifyInstance } from 'fastify';
import { ROLE_NAMES, isStaffRole } from '../../platform/auth/roles.ts';
import { requireAnyRolePage } from '../../platform/auth/guards.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { registerAgencyRoutes } from './agencies-routes.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { registerSettingsRoutes } from './settings-routes.ts';
import { registerUserRoutes } from './users-routes.ts';
import { AGENCIES_PATH } from './views/agencies-pages.tsx';
import { AUDIT_PATH } from './views/audit-page.tsx';
import { DashboardPage } from './views/dashboard-page.tsx';
import { SETTINGS_PATH } from './views/settings-page.tsx';
import { USERS_PATH } from './views/users-pages.tsx';

export const ADMIN_HOME = '/quan-tri';

export default async function adminPlugin(app: FastifyInstance): Promise<void> {
  const staffRoles = ROLE_NAMES.filter(isStaffRole);
  // The dashboard itself is not a menu entry: the header links to it, and as a prefix of every
  // section's path it would mark itself as the current page everywhere in the staff area.
  app.deps.adminNav.push(
    { href: USERS_PATH, label: 'admin.nav_users', roles: ['administrator'], order: 80 },
    { href: AGENCIES_PATH, label: 'admin.nav_agencies', roles: ['administrator'], order: 81 },
    { href: SETTINGS_PATH, label: 'admin.nav_settings', roles: ['administrator'], order: 82 },
    { href: AUDIT_PATH, label: 'admin.nav_audit', roles: ['administrator'], order: 95 },
  );

  app.get(ADMIN_HOME, { preHandler: requireAnyRolePage(...staffRoles) }, async (request, reply) => {
    const ctx = await viewContext(request);
    return sendHtml(reply, DashboardPage({ ctx, adminNav: app.deps.adminNav }));
  });

  registerUserRoutes(app);
  registerAgencyRoutes(app);
  registerAuditRoutes(app);
  registerSettingsRoutes(app);
}
