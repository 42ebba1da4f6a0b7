/**
 * Demo statistics: the article's Lào Cai figures for 30/9/2008, a Lào Cai population series, and
 * illustrative figures for every province and year 2008–2024, generated deterministically in
 * proportion to an illustrative population and stored with status "illustrative". The 2008 portal
 * figures are placed so that Lào Cai ranks as the article says (5th and 12th of 56 reporting provinces).
 */
import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { nowIso, countAll } from '../../platform/db/dialect.ts';
import type { DemoSeeder } from '../../platform/seed/demo.ts';
import { parsePeriod } from './period.ts';
import type { StatValuesTable, ValueStatus } from './tables.ts';
import { ARTICLE_PERIOD, ARTICLE_SOURCE, ASSUMED_GROWTH, CENSUS_2019, LAO_CAI_OLD_CODE, NEW_LAO_CAI_2025 } from './lao-cai-2008.ts';

const FIRST_YEAR = 2008;
const LAST_YEAR = 2024;
const ILLUSTRATIVE = 'Dữ liệu minh họa sinh tự động cho bản demo, không phải số liệu thống kê thật';
const REPORTING_2008 = 56;

/** A stable number in [0, 1) for a key: the demo must be the same on every install and in every test. */
function unitRandom(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x1_0000_0000;
}
const spread = (key: string, low: number, high: number): number => low + (high - low) * unitRandom(key);

type Row = Insertable<StatValuesTable>;

class Rows {
  readonly list: Row[] = [];
  constructor(
    private readonly indicators: ReadonlyMap<string, number>,
    private readonly at: string,
  ) {}
  add(code: string, unitId: number, periodCode: string, value: number, status: ValueStatus, source: string | null, note: string | null = null): void {
    const indicatorId = this.indicators.get(code);
    const period = parsePeriod(periodCode);
    if (indicatorId === undefined || period === null) throw new Error(`demo statistics: unknown ${code} or ${periodCode}`);
    this.list.push({
      indicator_id: indicatorId,
      admin_unit_id: unitId,
      period: period.code,
      period_kind: period.kind,
      period_start: period.start,
      period_end: period.end,
      reporter_agency_id: null,
      value,
      status,
      source,
      note,
      created_at: this.at,
      updated_at: this.at,
    });
  }
}

interface Province {
  readonly id: number;
  readonly code: string;
  readonly communes: number;
}

async function preReformProvinces(db: Db): Promise<Province[]> {
  const provinces = await db.selectFrom('admin_units').select(['id', 'code']).where('structure', '=', 'pre2025').where('level', '=', 'province').orderBy('code').execute();
  const counts = await db
    .selectFrom('admin_units as c')
    .innerJoin('admin_units as d', 'd.id', 'c.parent_id')
    .select(['d.parent_id', countAll().as('n')])
    .where('c.structure', '=', 'pre2025')
    .where('c.level', '=', 'commune')
    .groupBy('d.parent_id')
    .execute();
  const byProvince = new Map(counts.map((c) => [c.parent_id, Number(c.n)]));
  return provinces.map((p) => ({ id: p.id, code: p.code, communes: byProvince.get(p.id) ?? 0 }));
}

/** Illustrative population: about 8,500 inhabitants per commune (communes as of 2025), growing 1.2% a year. */
const illustrativePopulation = (p: Province, year: number): number =>
  Math.round(Math.max(p.communes, 20) * 8_500 * spread(`pop:${p.code}`, 0.8, 1.25) * 1.012 ** (year - FIRST_YEAR));

/** Lào Cai's population: the census figure for 2019, estimates for the other years. */
const laoCaiPopulation = (year: number): number => Math.round(CENSUS_2019.value * (1 + ASSUMED_GROWTH) ** (year - CENSUS_2019.year));

/** Per-inhabitant levels in 2008 and yearly growth of the illustrative series (rough orders of magnitude of the period). */
const PER_CAPITA: Record<string, { base: number; growth: number; cap?: number; from?: number }> = {
  'postal.service_points': { base: 0.00045, growth: 1.01 },
  'postal.commune_cultural_post_offices': { base: 0.0002, growth: 0.997 },
  'telecom.fixed_phone_subscriptions': { base: 0.095, growth: 0.93 },
  'telecom.mobile_subscriptions': { base: 0.23, growth: 1.13, cap: 1.45 },
  'telecom.mobile_broadband_subscriptions': { base: 0.02, growth: 1.32, cap: 0.95, from: 2010 },
  'internet.subscribers': { base: 0.02, growth: 1.15, cap: 0.35 },
  'internet.fixed_broadband_subscriptions': { base: 0.012, growth: 1.18, cap: 0.25 },
  'it.state_agencies_with_lan': { base: 0.00007, growth: 1.05 },
  'portal.visits': { base: 0.45, growth: 1.22 },
};
const SHARES: Record<string, { base: number; step: number; cap: number }> = {
  'press.district_centres_same_day_newspaper_pct': { base: 88, step: 1.5, cap: 100 },
  'internet.users_pct': { base: 20, step: 4, cap: 82 },
  'internet.households_with_internet_pct': { base: 8, step: 4, cap: 78 },
};
/** Online public services by level: a base count and a yearly increase; levels 3 and 4 start later. */
const SERVICES: Record<number, { base: number; step: number; from: number }> = {
  1: { base: 120, step: 25, from: 2008 },
  2: { base: 40, step: 30, from: 2008 },
  3: { base: 5, step: 20, from: 2010 },
  4: { base: 1, step: 12, from: 2013 },
};

/** `anchor` is a known 2008 figure (Lào Cai's) that the later illustrative years grow from. */
function illustrativeStock(code: string, p: Province, year: number, population: number, anchor?: number): number | null {
  const rule = PER_CAPITA[code];
  if (rule === undefined || year < (rule.from ?? FIRST_YEAR)) return null;
  const k = year - (rule.from ?? FIRST_YEAR);
  const base = anchor === undefined ? rule.base * spread(`${code}:${p.code}`, 0.55, 1.6) : anchor / laoCaiPopulation(FIRST_YEAR);
  const perCapita = Math.min(base * rule.growth ** k, rule.cap ?? Infinity);
  return Math.max(1, Math.round(population * perCapita * spread(`${code}:${p.code}:${year}`, 0.97, 1.03)));
}

function illustrativeShare(code: string, p: Province, year: number): number | null {
  const rule = SHARES[code];
  if (rule === undefined) return null;
  const value = rule.base * spread(`${code}:${p.code}`, 0.7, 1.3) + rule.step * (year - FIRST_YEAR);
  return Math.round(Math.min(rule.cap, value) * 10) / 10;
}

function illustrativeServices(level: number, p: Province, year: number, population: number): number | null {
  const rule = SERVICES[level];
  if (rule === undefined || year < rule.from) return null;
  const scale = Math.sqrt(population / 1_000_000);
  return Math.round((rule.base * scale + rule.step * (year - rule.from)) * spread(`svc${level}:${p.code}`, 0.6, 1.5));
}

/**
 * Places a value so that exactly `rank - 1` of the others are above it, widening the gap between the
 * neighbours by `minGap` when they are too close for a distinct value in between.
 */
export function valueForRank(others: number[], rank: number, minGap: number): { value: number; others: number[] } {
  const sorted = [...others].sort((a, b) => b - a);
  const above = sorted[rank - 2];
  const below = sorted[rank - 1];
  if (above === undefined || below === undefined) throw new Error('demo statistics: not enough provinces for the rank');
  const lift = above - below < 2 * minGap ? 2 * minGap : 0;
  const adjusted = others.map((v) => (v >= above ? v + lift : v));
  return { value: (above + lift + below) / 2, others: adjusted };
}

export const statisticsDemo: DemoSeeder = async ({ db }) => {
  const indicators = new Map((await db.selectFrom('stat_indicators').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
  const rows = new Rows(indicators, nowIso());
  const provinces = await preReformProvinces(db);
  const laoCai = provinces.find((p) => p.code === LAO_CAI_OLD_CODE);
  if (laoCai === undefined) throw new Error('demo statistics: Lào Cai (10) is missing from admin_units');
  const others = provinces.filter((p) => p !== laoCai);
  // The article counts 56 provinces in the 2008 portal ranking: the 7 others did not report.
  const reporting2008 = new Set([...others].sort((a, b) => unitRandom(`report:${a.code}`) - unitRandom(`report:${b.code}`)).slice(0, REPORTING_2008 - 1));

  const estimateNote = `Ước tính từ Tổng điều tra 2019 với tốc độ tăng dân số giả định ${ASSUMED_GROWTH * 100}%/năm`;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    if (year === CENSUS_2019.year) rows.add('population', laoCai.id, String(year), CENSUS_2019.value, 'reported', CENSUS_2019.source);
    else rows.add('population', laoCai.id, String(year), laoCaiPopulation(year), 'estimate', CENSUS_2019.source, estimateNote);
  }
  const newLaoCai = await db.selectFrom('admin_units').select('id').where('structure', '=', '2025').where('level', '=', 'province').where('code', '=', NEW_LAO_CAI_2025.code).executeTakeFirst();
  if (newLaoCai !== undefined) rows.add('population', newLaoCai.id, String(NEW_LAO_CAI_2025.year), NEW_LAO_CAI_2025.value, 'reported', NEW_LAO_CAI_2025.source);

  // The article's figures as of 30/9/2008. Telephone subscriptions are not in the article, only the
  // density: they are computed back from it and the estimated population, and stored as estimates.
  const pop2008 = laoCaiPopulation(2008);
  const phones = Math.round(0.32 * pop2008);
  const fixed = Math.round(phones * 0.3);
  const phoneNote = 'Tính ngược từ mật độ 32 máy/100 dân của bài viết và dân số ước tính';
  rows.add('postal.service_points', laoCai.id, ARTICLE_PERIOD, 277, 'reported', ARTICLE_SOURCE);
  rows.add('postal.commune_cultural_post_offices', laoCai.id, ARTICLE_PERIOD, 127, 'reported', ARTICLE_SOURCE);
  rows.add('press.district_centres_same_day_newspaper_pct', laoCai.id, ARTICLE_PERIOD, 100, 'reported', ARTICLE_SOURCE, 'Tất cả trung tâm các huyện, thành phố đã có báo đến trong ngày');
  rows.add('internet.subscribers', laoCai.id, ARTICLE_PERIOD, 11_900, 'reported', ARTICLE_SOURCE, 'Bài viết ghi "trên 11.900 thuê bao"');
  rows.add('it.state_agencies_with_lan', laoCai.id, ARTICLE_PERIOD, 42, 'reported', ARTICLE_SOURCE);
  rows.add('telecom.fixed_phone_subscriptions', laoCai.id, ARTICLE_PERIOD, fixed, 'estimate', ARTICLE_SOURCE, phoneNote);
  rows.add('telecom.mobile_subscriptions', laoCai.id, ARTICLE_PERIOD, phones - fixed, 'estimate', ARTICLE_SOURCE, phoneNote);
  rows.add('postal.communes_total', laoCai.id, ARTICLE_PERIOD, 164, 'illustrative', ILLUSTRATIVE);

  // 2008 portal figures of the other reporting provinces, then Lào Cai's placed at the article's ranks.
  const reporters = others.filter((p) => reporting2008.has(p));
  const visitsPerCapita = reporters.map((p) => Math.round(spread(`visits:${p.code}`, 0.15, 1.2) * 1000) / 1000);
  const visits = valueForRank(visitsPerCapita, 5, 0.005);
  const level1 = valueForRank(
    reporters.map((p) => illustrativeServices(1, p, 2008, illustrativePopulation(p, 2008)) ?? 0),
    12,
    1,
  );
  reporters.forEach((p, i) => {
    const population = illustrativePopulation(p, 2008);
    rows.add('portal.visits', p.id, '2008', Math.round((visits.others[i] ?? 0) * population), 'illustrative', ILLUSTRATIVE);
    rows.add('eservices.online_services_level1', p.id, '2008', Math.round(level1.others[i] ?? 0), 'illustrative', ILLUSTRATIVE);
  });
  rows.add('portal.visits', laoCai.id, '2008', Math.round(visits.value * pop2008), 'illustrative', ILLUSTRATIVE, 'Đặt để Lào Cai xếp thứ 5/56 như bài viết');
  rows.add('eservices.online_services_level1', laoCai.id, '2008', Math.round(level1.value), 'illustrative', ILLUSTRATIVE, 'Đặt để Lào Cai xếp thứ 12/56 như bài viết');
  rows.add('eservices.online_services_level2', laoCai.id, '2008', 46, 'illustrative', ILLUSTRATIVE);

  const anchors = new Map<string, number>([
    ['postal.service_points', 277],
    ['postal.commune_cultural_post_offices', 127],
    ['internet.subscribers', 11_900],
    ['it.state_agencies_with_lan', 42],
    ['telecom.fixed_phone_subscriptions', fixed],
    ['telecom.mobile_subscriptions', phones - fixed],
  ]);
  for (const p of provinces) {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      const isLaoCai = p === laoCai;
      if (isLaoCai && year === FIRST_YEAR) continue;
      const population = isLaoCai ? laoCaiPopulation(year) : illustrativePopulation(p, year);
      const period = String(year);
      if (!isLaoCai) rows.add('population', p.id, period, population, 'illustrative', ILLUSTRATIVE);
      rows.add('postal.communes_total', p.id, period, isLaoCai ? 164 : p.communes, 'illustrative', ILLUSTRATIVE);
      for (const code of Object.keys(PER_CAPITA)) {
        if (year === FIRST_YEAR && code === 'portal.visits') continue;
        const v = illustrativeStock(code, p, year, population, isLaoCai ? anchors.get(code) : undefined);
        if (v !== null) rows.add(code, p.id, period, v, 'illustrative', ILLUSTRATIVE);
      }
      for (const code of Object.keys(SHARES)) {
        const v = isLaoCai && code === 'press.district_centres_same_day_newspaper_pct' ? 100 : illustrativeShare(code, p, year);
        if (v !== null) rows.add(code, p.id, period, v, 'illustrative', ILLUSTRATIVE);
      }
      for (const level of [1, 2, 3, 4]) {
        if (year === FIRST_YEAR && (level === 1 || isLaoCai)) continue;
        if (year === FIRST_YEAR && !reporting2008.has(p)) continue;
        const v = illustrativeServices(level, p, year, population);
        if (v !== null) rows.add(`eservices.online_services_level${level}`, p.id, period, v, 'illustrative', ILLUSTRATIVE);
      }
    }
  }

  // Batches keep the statement under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < rows.list.length; i += 1000) await db.insertInto('stat_values').values(rows.list.slice(i, i + 1000)).execute();
};
