import { Layout } from './layout.tsx';
import type { ViewContext } from './view-context.ts';

export function ErrorPage({ ctx, status, message }: { ctx: ViewContext; status: number; message: string }): JSX.Element {
  return (
    <Layout ctx={ctx} title={ctx.t('error.title', { status })}>
      <h1 safe>{ctx.t('error.title', { status })}</h1>
      <p safe>{message}</p>
      <p>
        <a href="/" safe>{ctx.t('error.back_home')}</a>
      </p>
      <p class="muted" safe>
        {ctx.t('error.request_id', { id: ctx.requestId })}
      </p>
    </Layout>
  );
}
