/** The sandbox gateway's page: the order and two buttons, working without JavaScript. */
import { formatNumber } from '../../../platform/text/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';

export interface SandboxOrder {
  readonly tmnCode: string;
  readonly txnRef: string;
  readonly amountVnd: number;
  readonly orderInfo: string;
  readonly expiresAt: string;
}

export function SandboxPayPage({ ctx, order, query, error }: { ctx: ViewContext; order: SandboxOrder | undefined; query: string; error?: string }): JSX.Element {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('sandbox.title')}>
      <h1 safe>{t('sandbox.title')}</h1>
      <p class="alert" role="note" safe>{t('sandbox.warning')}</p>
      {order === undefined ? <p class="alert alert-error" role="alert" safe>{error ?? ''}</p> : (
        <>
          <dl class="facts">
            <dt safe>{t('sandbox.merchant')}</dt>
            <dd safe>{order.tmnCode}</dd>
            <dt safe>{t('payments.txn_ref')}</dt>
            <dd safe>{order.txnRef}</dd>
            <dt safe>{t('sandbox.order_info')}</dt>
            <dd safe>{order.orderInfo}</dd>
            <dt safe>{t('payments.amount')}</dt>
            <dd><strong safe>{`${formatNumber(order.amountVnd, ctx.locale)} ${t('payments.currency')}`}</strong></dd>
            <dt safe>{t('sandbox.expires')}</dt>
            <dd safe>{order.expiresAt}</dd>
          </dl>
          {/* The form carries the merchant's signed order: the gateway is a separate site, with no session to protect. */}
          <form method="post" action="/sandbox/vnpay/vpcpay.html" class="actions">
            <input type="hidden" name="order" value={query} />
            <button type="submit" name="choice" value="pay" safe>{t('sandbox.pay')}</button>
            <button type="submit" name="choice" value="cancel" class="button-secondary" safe>{t('sandbox.cancel')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
