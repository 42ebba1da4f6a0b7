/** Portal module: the home page and the introduction pages every state agency portal publishes. */
import type { FastifyInstance } from 'fastify';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { HomePage } from './home-page.tsx';

export default async function portal(app: FastifyInstance): Promise<void> {
  app.deps.nav.push({ href: '/', label: 'shell.home', order: 0 });
  app.get('/', async (request, reply) => sendHtml(reply, HomePage({ ctx: await viewContext(request) })));
}
