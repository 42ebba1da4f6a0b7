/** `congso analytics rollup` and `congso analytics catalogue`: the analytics jobs from the command line. */
import type { Command } from '../../cli/commands.ts';
import { createDb } from '../../platform/db/index.ts';
import { todayInVietnam } from '../../platform/text/format.ts';
import { rollupAndPrune } from './index.ts';
import { publishOnlineServiceLevels } from './publish-figures.ts';

export const analyticsRollupCommand: Command = {
  name: 'analytics rollup',
  summary: 'recompute the daily and monthly analytics rollups, publish portal.visits, prune old page views',
  help: `Usage: congso analytics rollup

Recomputes the rollups of every day that still has raw page views (and of their months), writes
each month's visits as the indicator portal.visits of the province ANALYTICS_PROVINCE_CODE (or
ANALYTICS_PROVINCE_CODE_PRE2025 for months before July 2025) (source
"analytics"; a figure from another source is kept), then deletes raw page views older than
ANALYTICS_RAW_DAYS days. Safe to run at any time and as often as wanted; the server also rolls up
the days it records every minute.

Exit status: 0 on success.`,
  async run(_args, config) {
    const store = createDb(config.database);
    try {
      const r = await rollupAndPrune(store.db, config.analyticsProvince, config.analyticsRawDays, todayInVietnam());
      console.log(`rolled up ${r.days} day(s) in ${r.months.length} month(s)${r.months.length > 0 ? ` (${r.months.join(', ')})` : ''}; pruned ${r.pruned} raw page view(s)`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

export const analyticsCatalogueCommand: Command = {
  name: 'analytics catalogue',
  summary: 'write the number of online services by level from the catalogue into the statistics',
  help: `Usage: congso analytics catalogue [--year YYYY]

Counts the published procedures of the e-services catalogue by online level (Decree 43/2011/ND-CP,
levels 1–4) as valid at the end of the year (today for the current year) and writes them as
eservices.online_services_level1..4 for the year and the province ANALYTICS_PROVINCE_CODE, or
ANALYTICS_PROVINCE_CODE_PRE2025 for years before 2025 (source
"catalogue"; a figure from another source is kept). Years after July 2022 use the levels of
Decree 42/2022/ND-CP, for which the dictionary has no indicators: nothing is written for them.

Options:
  --year YYYY   the year (default: the current year)

Exit status: 0 on success; 2 for a bad year.`,
  async run(args, config) {
    const i = args.indexOf('--year');
    const raw = i === -1 ? todayInVietnam().slice(0, 4) : (args[i + 1] ?? '');
    if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) {
      console.error('congso analytics catalogue: --year must be a year from 2000 to 2100');
      return 2;
    }
    const store = createDb(config.database);
    try {
      const written = await publishOnlineServiceLevels(store.db, config.analyticsProvince, Number(raw));
      if (written.length === 0) console.log(`nothing written for ${raw}: no province ${config.analyticsProvince.current}/${config.analyticsProvince.pre2025} then, or no procedure with a Decree 43/2011 level`);
      for (const w of written) console.log(w.outcome === "kept" ? `${w.code} ${w.period}: catalogue counts ${w.value}; a figure from another source is kept` : `${w.code} ${w.period} = ${w.value} (${w.outcome})`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
