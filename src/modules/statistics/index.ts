/** Statistics module: the indicator dictionary, figures by unit and period, rankings, open data. */
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { registerApi } from './api.ts';
import { registerCompositeIndices, registerIndexApi } from './composite/index.ts';
import statisticsReports from './reports/index.ts';
import { registerPublicRoutes } from './public-routes.ts';

export default async function statistics(app: FastifyInstance): Promise<void> {
  app.deps.nav.push({ href: '/thong-ke', label: 'statistics.nav', order: 60 });
  // The OpenAPI document describes the routes registered after it in this plugin: the open data API.
  if (!app.hasDecorator('swagger')) {
    await app.register(swagger, {
      openapi: {
        info: { title: 'congso open data API', version: '1.0.0', description: 'Sector statistics: indicators, figures by administrative unit and period, rankings.' },
      },
      hideUntagged: true,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  }
  registerApi(app);
  registerIndexApi(app);
  await app.register(statisticsReports);
  registerPublicRoutes(app);
  registerCompositeIndices(app);
}
