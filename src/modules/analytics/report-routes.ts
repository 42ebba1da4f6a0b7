/** GET /quan-tri/thong-ke-truy-cap: the analytics report for administrators and statisticians. */
import type { FastifyInstance } from 'fastify';
import { requireAnyRolePage } from '../../platform/auth/guards.ts';
import { addDays, isIsoDate } from '../../platform/calendar/dates.ts';
import type { Db } from '../../platform/db/index.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../ui/view-context.ts';
import { observationsFor } from '../statistics/queries.ts';
import { parsePeriod } from '../statistics/period.ts';
import { provinceFor, type ProvinceCodes } from './publish-figures.ts';
import { REPORT_PATH, ReportPage, type PerCapita } from './report-page.tsx';
import { seriesFor, topFor, totalsFor } from './report-queries.ts';

/** Ten years: the longest range a report covers. */
export const MAX_RANGE_DAYS = 3660;
const TOP = 20;

type Query = Record<string, string | undefined>;

/** The province's population for the latest year up to the range's end (a yearly figure). */
async function populationFor(db: Db, codes: ProvinceCodes, from: string, to: string): Promise<PerCapita | null> {
  const unit = await provinceFor(db, codes, from, to);
  if (unit === undefined) return null;
  const obs = await observationsFor(db, ['population'], [unit.id], '1900-01-01', `${to.slice(0, 4)}-12-31`);
  const yearly = obs.filter((o) => parsePeriod(o.period)?.kind === 'year' && o.reporterId === null && o.value > 0).sort((a, b) => (a.period < b.period ? 1 : -1));
  const latest = yearly[0];
  return latest === undefined ? null : { unitName: unit.fullName, year: Number(latest.period), population: latest.value };
}

export function registerReportRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  app.get<{ Querystring: Query }>(REPORT_PATH, { preHandler: requireAnyRolePage('administrator', 'statistician') }, async (request, reply) => {
    const today = todayInVietnam();
    const q = request.query;
    const form = {
      tu: (q.tu ?? addDays(today, -29)).trim().slice(0, 10),
      den: (q.den ?? today).trim().slice(0, 10),
      theo: q.theo === 'month' ? ('month' as const) : ('day' as const),
    };
    const ctx = await viewContext(request);
    const valid = isIsoDate(form.tu) && isIsoDate(form.den) && form.tu <= form.den && addDays(form.tu, MAX_RANGE_DAYS) >= form.den;
    if (!valid) {
      return sendHtml(reply, ReportPage({ ctx, adminNav: app.deps.adminNav, form, error: ctx.t('analytics.bad_range', { days: String(MAX_RANGE_DAYS) }) }), 422);
    }
    const { tu: from, den: to } = form;
    const [totals, series, pages, referrers, devices, perCapita] = await Promise.all([
      totalsFor(store.db, from, to),
      seriesFor(store.db, form.theo, from, to),
      topFor(store.db, 'page', from, to, TOP),
      topFor(store.db, 'referrer', from, to, TOP),
      topFor(store.db, 'device', from, to, 3),
      populationFor(store.db, config.analyticsProvince, from, to),
    ]);
    return sendHtml(reply, ReportPage({ ctx, adminNav: app.deps.adminNav, form, report: { from, to, totals, series, pages, referrers, devices, perCapita } }));
  });
}
