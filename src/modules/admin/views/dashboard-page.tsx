/** /quan-tri: the sections of the staff area the user may open. */
import { hasRole } from '../../../platform/auth/guards.ts';
import type { AdminNavItem } from '../../../platform/http/context.ts';
import { AdminLayout } from '../../../ui/admin-layout.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';

export function DashboardPage({ ctx, adminNav }: { ctx: ViewContext; adminNav: readonly AdminNavItem[] }): JSX.Element {
  const t = ctx.t;
  const items = adminNav.filter((i) => i.roles.some((r) => hasRole(ctx.user, r))).sort((a, b) => a.order - b.order);
  return (
    <AdminLayout ctx={ctx} title={t('admin.dashboard_title')} adminNav={adminNav}>
      <h1 safe>{t('admin.dashboard_title')}</h1>
      <p class="prose" safe>{t('admin.dashboard_intro')}</p>
      <ul class="cards">
        {items.map((i) => (
          <li class="card">
            <a href={i.href} safe>{t(i.label)}</a>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
