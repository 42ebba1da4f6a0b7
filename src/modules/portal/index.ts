/** Portal module: the home page and the introduction pages every state agency portal publishes. */
import type { FastifyInstance } from 'fastify';
import { VisitorPageCache } from '../../platform/http/visitor-page-cache.ts';
import { homeNews, type HomeNews } from '../newsroom/home-news.ts';
import { HomePage } from './home-page.tsx';
import { registerIntroAdminRoutes } from './intro-admin-routes.ts';
import { INTRO_ADMIN_PATH } from './intro-admin-views.tsx';
import { INTRO_PATH } from './intro-pages.tsx';
import { registerIntroRoutes } from './intro-routes.ts';

/**
 * The home page is the most requested page and its news changes at most when an article is
 * published: the query result is kept for a few seconds per process (a scheduled article shows up
 * within that delay), while the page itself is rendered per request for the reader's language and session.
 */
const HOME_NEWS_TTL_MS = 5_000;

export default async function portal(app: FastifyInstance): Promise<void> {
  app.deps.nav.push({ href: '/', label: 'shell.home', order: 0 }, { href: INTRO_PATH, label: 'portal.nav_intro', order: 5 });
  app.deps.adminNav.push({ href: INTRO_ADMIN_PATH, label: 'portal.admin_nav', roles: ['administrator'], order: 83 });

  let cached: { at: number; news: Promise<HomeNews> } | undefined;
  const news = (): Promise<HomeNews> => {
    const now = Date.now();
    if (cached === undefined || now - cached.at > HOME_NEWS_TTL_MS) {
      const pending = homeNews(app.deps.store.db, { now: new Date(now).toISOString() });
      cached = { at: now, news: pending };
      pending.catch(() => {
        if (cached?.news === pending) cached = undefined;
      });
    }
    return cached.news;
  };

  // Visitors share the rendered home and introduction pages for a few seconds; an edit of the
  // introduction pages in this process clears them at once.
  const pages = new VisitorPageCache(HOME_NEWS_TTL_MS);
  app.addHook('onResponse', async (request) => {
    if (request.method === 'POST' && request.url.startsWith(INTRO_ADMIN_PATH)) pages.clear();
  });
  app.get('/', async (request, reply) => pages.send(request, reply, async (ctx) => HomePage({ ctx, news: await news() })));
  registerIntroRoutes(app, pages);
  registerIntroAdminRoutes(app);
}
