/** The staff area: the portal shell with a side menu of the sections the user may open. */
import type { Children } from '@kitajs/html';
import { hasRole } from '../platform/auth/guards.ts';
import { Layout } from './layout.tsx';
import type { ViewContext } from './view-context.ts';
import type { AdminNavItem } from '../platform/http/context.ts';

export interface AdminLayoutProps {
  readonly ctx: ViewContext;
  readonly title: string;
  readonly adminNav: readonly AdminNavItem[];
  readonly children?: Children;
  readonly scripts?: readonly string[];
}

export function AdminLayout({ ctx, title, adminNav, children, scripts }: AdminLayoutProps): JSX.Element {
  const items = [...adminNav].filter((i) => i.roles.some((r) => hasRole(ctx.user, r))).sort((a, b) => a.order - b.order);
  return (
    <Layout ctx={ctx} title={title} scripts={scripts}>
      <div class="admin-layout">
        <nav class="admin-nav" aria-label={ctx.t('shell.admin')}>
          <ul>
            {items.map((item) => (
              <li>
                <a href={item.href} aria-current={ctx.path === item.href || ctx.path.startsWith(`${item.href}/`) ? 'page' : undefined} safe>
                  {ctx.t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="admin-content">{children ?? ''}</div>
      </div>
    </Layout>
  );
}
