/**
 * Periodic reports of the statistics module: report forms assigned to reporters per period, entry on
 * a form or by an Excel/CSV template, cell-level validation, review, and approved figures written
 * into stat_values. Registered by the statistics plugin as an encapsulated child, so its upload
 * parser applies to its own routes only.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { registerAssignmentRoutes } from './assignment-routes.ts';
import { MAX_UPLOAD_BYTES } from './read-upload.ts';
import { registerReporterAdminRoutes } from './reporter-admin-routes.ts';
import { sendReportReminders } from './remind.ts';
import { assignmentPath } from './reporter-pages.tsx';
import { registerReporterRoutes } from './reporter-routes.ts';
import { registerStaffRoutes } from './staff-routes.ts';

/** The server checks deadlines hourly; `congso statistics remind` does the same on demand. */
const REMIND_MS = 3600_000;

export default async function statisticsReports(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1000 } });
  registerReporterRoutes(app);
  registerStaffRoutes(app);
  registerAssignmentRoutes(app);
  registerReporterAdminRoutes(app);

  const { store, config } = app.deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      running = sendReportReminders(store.db, todayInVietnam(), (id) => new URL(assignmentPath(id), config.publicUrl).toString()).catch((err: unknown) =>
        app.log.error({ err }, 'statistics reports: reminders failed'),
      );
    }, REMIND_MS).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
