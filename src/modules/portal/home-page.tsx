import { Layout } from '../../ui/layout.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { inLocale } from '../../platform/site/settings.ts';

export function HomePage({ ctx }: { ctx: ViewContext }): JSX.Element {
  const name = inLocale(ctx.site.portal_name, ctx.locale);
  return (
    <Layout ctx={ctx} title={ctx.t('shell.home')}>
      <h1 safe>{name}</h1>
    </Layout>
  );
}
