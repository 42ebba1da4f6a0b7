/** Online public services: the procedure catalogue, applying online, receipts and tracking. */
import type { FastifyInstance } from 'fastify';
import { registerCatalogueRoutes } from './catalogue-routes.ts';

export default async function eservices(app: FastifyInstance): Promise<void> {
  app.deps.nav.push({ href: '/thu-tuc', label: 'eservices.nav', order: 40 });
  registerCatalogueRoutes(app);
}
