/** Routes of the public catalogue. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { CatalogueListPage, ProcedureDetailPage } from './catalogue-pages.tsx';
import {
  procedureAgencyHistory,
  procedureByCode,
  procedureComponents,
  procedureFees,
  procedureLevels,
  publishedProcedures,
  receivingAgencies,
  receivingAgency,
  type CatalogueFilter,
} from './catalogue-queries.ts';
import { PROCEDURE_PAGE_ITEMS, publishedFeedback } from './feedback/feedback-queries.ts';

export function registerCatalogueRoutes(app: FastifyInstance): void {
  const { db } = app.deps.store;

  app.get<{ Querystring: Record<string, string | undefined> }>('/thu-tuc', async (request, reply) => {
    const q = request.query;
    const agencyId = /^\d{1,9}$/.test(q['co-quan'] ?? '') ? Number(q['co-quan']) : undefined;
    const filter: CatalogueFilter = { q: (q.q ?? '').normalize('NFC').slice(0, 200), field: q['linh-vuc'] ?? '', level: q['muc-do'] ?? '', ...(agencyId === undefined ? {} : { agencyId }) };
    const today = todayInVietnam();
    const [entries, agencies] = await Promise.all([publishedProcedures(db, filter, today), receivingAgencies(db, today)]);
    return sendHtml(reply, CatalogueListPage({ ctx: await viewContext(request), entries, filter, agencies }));
  });

  app.get<{ Params: { code: string } }>('/thu-tuc/:code', async (request, reply) => {
    const procedure = await procedureByCode(db, request.params.code);
    if (procedure === undefined) throw new AppError('not_found');
    const [agencies, levels, fees, components, current, feedback] = await Promise.all([
      procedureAgencyHistory(db, procedure.id),
      procedureLevels(db, procedure.id),
      procedureFees(db, procedure.id),
      procedureComponents(db, procedure.id),
      receivingAgency(db, procedure.id, todayInVietnam()),
      publishedFeedback(db, 1, procedure.id, PROCEDURE_PAGE_ITEMS),
    ]);
    const canApplyOnline = procedure.online_available === 1 && current !== undefined;
    return sendHtml(reply, ProcedureDetailPage({ ctx: await viewContext(request), procedure, agencies, levels, fees, components, canApplyOnline, feedback }));
  });
}
