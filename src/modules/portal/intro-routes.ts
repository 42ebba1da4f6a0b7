/** Public routes of the introduction pages under /gioi-thieu. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { agencyDutyHistory, agencyHistory } from '../../platform/org/queries.ts';
import type { VisitorPageCache } from '../../platform/http/visitor-page-cache.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import { directoryOfAgency, introPageBySlug, introPages, isIntroSlug, leadersOfAgency, type IntroSlug, orgTree, orgUnitsOfAgency, type IntroPage } from './intro-queries.ts';
import { ContactPage, DirectoryPage, FunctionsPage, INTRO_PATH, IntroIndexPage, LeadersPage, OrgChartPage } from './intro-pages.tsx';

export function registerIntroRoutes(app: FastifyInstance, pages: VisitorPageCache): void {
  const { store } = app.deps;
  const db = store.db;

  app.get(INTRO_PATH, async (request, reply) => pages.send(request, reply, async (ctx) => IntroIndexPage({ ctx, pages: await introPages(db) })));

  app.get<{ Params: { slug: string }; Querystring: { q?: string } }>(`${INTRO_PATH}/:slug`, async (request, reply) => {
    const { slug } = request.params;
    if (!isIntroSlug(slug)) throw new AppError('not_found');
    const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
    return pages.send(request, reply, (ctx) => renderIntroPage(ctx, slug, query));
  });

  async function renderIntroPage(ctx: ViewContext, slug: IntroSlug, query: string): Promise<string> {
    const [page, all] = await Promise.all([introPageBySlug(db, slug), introPages(db)]);
    if (page === undefined) throw new AppError('not_found');
    const agencyId = page.agency_id ?? -1;
    const common = { ctx, pages: all, page: page satisfies IntroPage };
    switch (slug) {
      case 'chuc-nang-nhiem-vu': {
        const [versions, duties] = await Promise.all([agencyHistory(db, agencyId), agencyDutyHistory(db, agencyId)]);
        return FunctionsPage({ ...common, versions, duties: [...duties].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.duty.localeCompare(b.duty)) });
      }
      case 'co-cau-to-chuc': {
        const [versions, units] = await Promise.all([agencyHistory(db, agencyId), orgUnitsOfAgency(db, agencyId)]);
        const last = versions.at(-1);
        const agencyName = last === undefined ? '' : ctx.locale === 'en' ? last.nameEn : last.nameVi;
        return OrgChartPage({ ...common, agencyName, tree: orgTree(units) });
      }
      case 'lanh-dao':
        return LeadersPage({ ...common, leaders: await leadersOfAgency(db, agencyId) });
      case 'danh-ba': {
        return DirectoryPage({ ...common, entries: await directoryOfAgency(db, agencyId, query), query });
      }
      case 'lien-he': {
        const versions = await agencyHistory(db, agencyId);
        return ContactPage({ ...common, agency: versions.at(-1) ?? null });
      }
    }
  }
}
