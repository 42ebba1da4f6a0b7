/**
 * Portal analytics: counts public page views on the server (no cookie, no stored address), rolls them
 * up by day and month, shows a staff report and feeds `portal.visits` to the statistics module.
 * It hears of every response through the platform's `shortcuts.onAnswered`.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { deviceOf, countedPath, isBot, referrerHost } from './classify.ts';
import { HitRecorder } from './recorder.ts';
import { daysWithHits, pruneHits, rollupDays } from './rollup.ts';
import { publishPortalVisits, type ProvinceCodes } from './publish-figures.ts';
import { registerReportRoutes } from './report-routes.ts';
import { REPORT_PATH } from './report-page.tsx';

const FLUSH_MS = 2_000;
const ROLLUP_MS = 60_000;

export interface AnalyticsService {
  readonly recorder: HitRecorder;
  /** Writes buffered hits. */
  flush(): Promise<void>;
  /** Writes buffered hits, recomputes the days written since the last rollup, publishes their months. */
  rollup(): Promise<string[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    analytics: AnalyticsService;
  }
}

/** Rolls up every day with raw hits, publishes the months, then prunes raw hits older than `keepDays`. */
export async function rollupAndPrune(db: FastifyInstance['deps']['store']['db'], codes: ProvinceCodes, keepDays: number, today: string): Promise<{ days: number; months: string[]; pruned: number }> {
  const days = await daysWithHits(db);
  const months = await rollupDays(db, days);
  await publishPortalVisits(db, codes, months);
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - keepDays * 86_400_000).toISOString().slice(0, 10);
  return { days: days.length, months, pruned: await pruneHits(db, cutoff) };
}

async function analytics(app: FastifyInstance): Promise<void> {
  const { config, store } = app.deps;
  const dirty = new Set<string>();
  const recorder = new HitRecorder(store.db, {
    secret: config.secret,
    onWritten: (days) => days.forEach((d) => dirty.add(d)),
    onError: (err) => app.log.error({ err }, 'analytics: writing page views failed; kept in memory for the next try'),
  });
  let rolling: Promise<string[]> = Promise.resolve([]);
  const rollup = (): Promise<string[]> => {
    rolling = rolling.catch(() => []).then(async () => {
      await recorder.flush();
      const days = [...dirty];
      dirty.clear();
      if (days.length === 0) return [];
      const months = await rollupDays(store.db, days);
      await publishPortalVisits(store.db, config.analyticsProvince, months);
      return months;
    });
    return rolling;
  };
  app.decorate('analytics', { recorder, flush: () => recorder.flush(), rollup } satisfies AnalyticsService);

  const ownHosts = new Set([config.publicUrl.hostname.toLowerCase()]);
  // Every response, the framework's and the kept pages answered before it (shortcuts.ts).
  app.deps.shortcuts.onAnswered((answered) => {
    if (answered.method !== 'GET' || answered.statusCode !== 200) return;
    if (answered.contentType === undefined || !answered.contentType.startsWith('text/html')) return;
    const userAgent = answered.headers['user-agent'];
    if (isBot(userAgent)) return;
    const path = countedPath(answered.url);
    if (path === null) return;
    const referer = answered.headers.referer;
    const host = referer === undefined ? undefined : answered.host.split(':')[0]?.toLowerCase();
    recorder
      .record({ path, referrerHost: referrerHost(referer, ownHosts, host), device: deviceOf(userAgent ?? ''), address: answered.ip, userAgent: userAgent ?? '' })
      .catch((err: unknown) => app.log.error({ err }, 'analytics: recording a page view failed'));
  });

  let flushTimer: NodeJS.Timeout | undefined;
  let rollupTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    flushTimer = setInterval(() => void recorder.flush(), FLUSH_MS).unref();
    rollupTimer = setInterval(() => void rollup().catch((err: unknown) => app.log.error({ err }, 'analytics: rollup failed')), ROLLUP_MS).unref();
  });
  // Runs before the database is closed: the last hits are written and rolled up, and nothing touches
  // the database afterwards.
  app.addHook('onClose', async () => {
    clearInterval(flushTimer);
    clearInterval(rollupTimer);
    await rolling.catch(() => []);
    await rollup().catch((err: unknown) => app.log.error({ err }, 'analytics: final rollup failed'));
  });

  app.deps.adminNav.push({ href: REPORT_PATH, label: 'analytics.nav', roles: ['administrator', 'statistician'], order: 72 });
  registerReportRoutes(app);
}

export default fp(analytics, { name: 'analytics' });
