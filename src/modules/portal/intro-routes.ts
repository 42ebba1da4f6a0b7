/** Public routes of the introduction pages under /gioi-thieu. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { agencyDutyHistory, agencyHistory } from '../../platform/org/queries.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { directoryOfAgency, introPageBySlug, introPages, isIntroSlug, leadersOfAgency, orgTree, orgUnitsOfAgency, type IntroPage } from './intro-queries.ts';
import { ContactPage, DirectoryPage, FunctionsPage, INTRO_PATH, IntroIndexPage, LeadersPage, OrgChartPage } from './intro-pages.tsx';

export function registerIntroRoutes(app: FastifyInstance): void {
  const { store } = app.deps;
  const db = store.db;

  app.get(INTRO_PATH, async (request, reply) => {
    const ctx = await viewContext(request);
    return sendHtml(reply, IntroIndexPage({ ctx, pages: await introPages(db) }));
  });

  app.get<{ Params: { slug: string }; Querystring: { q?: string } }>(`${INTRO_PATH}/:slug`, async (request, reply) => {
    const { slug } = request.params;
    if (!isIntroSlug(slug)) throw new AppError('not_found');
    const [page, pages] = await Promise.all([introPageBySlug(db, slug), introPages(db)]);
    if (page === undefined) throw new AppError('not_found');
    const agencyId = page.agency_id ?? -1;
    const ctx = await viewContext(request);
    const common = { ctx, pages, page: page satisfies IntroPage };
    switch (slug) {
      case 'chuc-nang-nhiem-vu': {
        const [versions, duties] = await Promise.all([agencyHistory(db, agencyId), agencyDutyHistory(db, agencyId)]);
        return sendHtml(reply, FunctionsPage({ ...common, versions, duties: [...duties].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.duty.localeCompare(b.duty)) }));
      }
      case 'co-cau-to-chuc': {
        const [versions, units] = await Promise.all([agencyHistory(db, agencyId), orgUnitsOfAgency(db, agencyId)]);
        const last = versions.at(-1);
        const agencyName = last === undefined ? '' : ctx.locale === 'en' ? last.nameEn : last.nameVi;
        return sendHtml(reply, OrgChartPage({ ...common, agencyName, tree: orgTree(units) }));
      }
      case 'lanh-dao':
        return sendHtml(reply, LeadersPage({ ...common, leaders: await leadersOfAgency(db, agencyId) }));
      case 'danh-ba': {
        const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
        return sendHtml(reply, DirectoryPage({ ...common, entries: await directoryOfAgency(db, agencyId, query), query }));
      }
      case 'lien-he': {
        const versions = await agencyHistory(db, agencyId);
        return sendHtml(reply, ContactPage({ ...common, agency: versions.at(-1) ?? null }));
      }
    }
  });
}
