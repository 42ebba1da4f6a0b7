/**
 * Composite indices of the statistics module (indices defined as data with editions). The API part
 * is registered next to the other open data routes so that the OpenAPI document describes it.
 */
import type { FastifyInstance } from 'fastify';
import { registerIndexAdmin } from './admin-routes.ts';
import { registerIndexApi, registerIndexPages } from './public-routes.ts';

export { registerIndexApi };

export function registerCompositeIndices(app: FastifyInstance): void {
  registerIndexPages(app);
  registerIndexAdmin(app);
}
