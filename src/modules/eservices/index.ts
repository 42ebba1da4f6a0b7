/** Online public services: the procedure catalogue, applying online, receipts, tracking and one-stop-shop processing. */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { registerCatalogueRoutes } from './catalogue-routes.ts';
import { registerDossierRoutes } from './dossier-routes.ts';
import { registerStaffRoutes } from './staff-routes.ts';
import { registerLicenceApi } from './results/licence-api.ts';
import { registerLicenceRoutes } from './results/licence-routes.ts';
import { MAX_FILE_BYTES } from './file-store.ts';
import { registerFeedbackRoutes } from './feedback/feedback-routes.ts';
import { registerPayments } from './payments/index.ts';
import { registerEservicesApi } from './api.ts';
import { registerServiceIndexRoutes } from './service-index/index-routes.ts';

export default async function eservices(app: FastifyInstance): Promise<void> {
  app.deps.nav.push({ href: '/thu-tuc', label: 'eservices.nav', order: 40 });
  // Uploads are read here only, with their own limits (the app-wide body limit is for forms).
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1000 } });
  registerCatalogueRoutes(app);
  registerDossierRoutes(app);
  registerStaffRoutes(app);
  registerLicenceRoutes(app);
  registerLicenceApi(app);
  registerFeedbackRoutes(app);
  registerPayments(app);
  registerEservicesApi(app);
  registerServiceIndexRoutes(app);
}
