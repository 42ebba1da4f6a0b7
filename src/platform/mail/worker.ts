/**
 * Starts the outbox worker with the app and stops it on close. Without SMTP_URL the mail stays
 * queued (logged once), so a fresh install works and sends everything once SMTP is configured.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createMailTransport, flushOutbox } from './outbox.ts';

const POLL_MS = 5_000;

async function mailWorker(app: FastifyInstance): Promise<void> {
  const { config, store } = app.deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let closed = false;
  const transport = config.smtpUrl === '' ? null : createMailTransport(config.smtpUrl);

  const tick = (): void => {
    if (closed || transport === null) return;
    running = flushOutbox(store.db, transport, config.mailFrom)
      .then((r) => {
        if (r.failed > 0) app.log.warn({ failed: r.failed }, 'some mail could not be sent; will retry');
      })
      .catch((err: unknown) => app.log.error({ err }, 'mail outbox flush failed'))
      .finally(() => {
        if (!closed) timer = setTimeout(tick, POLL_MS);
      });
  };

  app.addHook('onReady', async () => {
    if (transport === null) {
      app.log.warn('SMTP_URL is not set: mail stays queued in the outbox until it is');
      return;
    }
    timer = setTimeout(tick, 0);
  });
  app.addHook('onClose', async () => {
    closed = true;
    if (timer !== undefined) clearTimeout(timer);
    await running;
    transport?.close();
  });
}

export default fp(mailWorker, { name: 'mail-worker' });
