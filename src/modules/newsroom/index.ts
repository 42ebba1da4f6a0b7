/**
 * Newsroom module: articles with their editorial workflow, readers' pages, ratings, view counts,
 * feeds and the sitemap. Search itself is the platform's (platform/search); articles are indexed
 * when they go live and removed when they go offline.
 */
import type { FastifyInstance } from 'fastify';
import { registerSearchType } from '../../platform/search/types.ts';
import { registerAdminRoutes } from './admin-routes.ts';
import { RATING_ROUTE, registerPublicRoutes } from './public-routes.ts';
import { registerScheduleRoutes } from './schedule-routes.ts';
import { registerLegalRoutes } from './legal-routes.ts';
import { registerCategoryRoutes } from './category-routes.ts';
import { registerEditorAssets } from './editor-assets.ts';
import { startScheduler } from './scheduler.ts';
import { countersByDb, ViewCounter } from './view-counter.ts';
import { PageCache } from './page-cache.ts';
import { CategoryTree } from './queries.ts';

const VIEW_FLUSH_MS = 10_000;
const SCHEDULER_POLL_MS = 15_000;

export default async function newsroom(app: FastifyInstance): Promise<void> {
  const db = app.deps.store.db;
  app.deps.nav.push({ href: '/tin-tuc', label: 'newsroom.news', order: 10 });
  registerSearchType('article', 'newsroom.search_type');

  const views = new ViewCounter(db);
  countersByDb.set(db, views);
  const pages = app.deps.config.newsroomPageCache ? new PageCache() : undefined;
  const tree = new CategoryTree(db);
  registerPublicRoutes(app, views, pages, tree);
  // Any change made through the newsroom's forms (an edit, a publication, a category renamed) may
  // show on any article page (related articles, breadcrumbs): this process drops its kept pages and
  // category tree at once. A rating drops only its article's pages (in its route).
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400 || request.routeOptions.url === RATING_ROUTE) return;
    tree.clear();
    pages?.clear();
  });
  await registerAdminRoutes(app);
  registerScheduleRoutes(app);
  registerLegalRoutes(app);
  registerCategoryRoutes(app);
  registerEditorAssets(app);

  let stopScheduler: (() => Promise<void>) | undefined;
  let flushTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    stopScheduler = startScheduler(db, SCHEDULER_POLL_MS, (err) => app.log.error({ err }, 'scheduled publishing failed'), () => pages?.clear());
    flushTimer = setInterval(() => void views.flush().catch((err: unknown) => app.log.error({ err }, 'view count flush failed')), VIEW_FLUSH_MS);
    flushTimer.unref();
  });
  app.addHook('onClose', async () => {
    await stopScheduler?.();
    if (flushTimer !== undefined) clearInterval(flushTimer);
    await views.flush().catch((err: unknown) => app.log.error({ err }, 'view count flush failed'));
  });
}
