/**
 * The OpenAPI document and its viewer at /api/docs, registered on the root instance before the
 * modules so that it describes every module's tagged JSON routes (a plugin registered inside one
 * module only sees that module's routes). Untagged routes (HTML pages) are left out.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

async function apiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'congso open data API',
        version: '1.0.0',
        description: 'Sector statistics (indicators, figures, rankings), the catalogue of administrative procedures, dossier status, licences and the working-day calendar.',
      },
      // Applicants' personal access tokens (account area, /tai-khoan/khoa-api), for the routes that name it.
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API access token made under Account › API access tokens' } } },
    },
    hideUntagged: true,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

export default fp(apiDocs, { name: 'api-docs' });
