/**
 * A composite index for an edition and a period: the provinces in the structure valid at the end of
 * the period, each indicator resolved from stored and derived figures exactly as the indicator pages
 * do (figures.ts, rounded to the published precision), then scored by compute.ts. Also the choice of
 * edition and period from a request, shared by the pages, the files and the API.
 */
import type { Db } from '../../../platform/db/index.ts';
import type { FieldErrors } from '../../../platform/errors.ts';
import { resolverFor, roundTo } from '../figures.ts';
import { parsePeriod, type Period } from '../period.ts';
import { breakdownUnder2025, REFORM_2025, type MappedRow } from '../public-data.ts';
import { allIndicators, provincesValidOn } from '../queries.ts';
import { computeIndex, editionCodes, type IndexResult, type ProvinceFigures } from './compute.ts';
import { editionContent, editionCovers, editionDef, editionsOf, type Edition, type EditionRow, type IndexRow } from './queries.ts';
import type { ValueStatus } from '../tables.ts';

export interface IndexRanking {
  readonly index: IndexRow;
  readonly edition: Edition;
  readonly period: Period;
  readonly result: IndexResult;
  /** Provinces of the structure valid at the end of the period. */
  readonly provinces: number;
  /** Every province's raw figures, ranked or not (what the province page shows). */
  readonly figures: readonly ProvinceFigures[];
  readonly illustrative: boolean;
  /** True when a period before the 2025 reform is viewed under the 2025 provinces. */
  readonly under2025: boolean;
  /** Under the 2025 view: per province code, per indicator code, how the figure was obtained or why it is empty. */
  readonly mapped: ReadonlyMap<string, ReadonlyMap<string, MappedRow>>;
}

export async function rankIndex(db: Db, index: IndexRow, edition: Edition, period: Period, structure2025 = false): Promise<IndexRanking> {
  if (structure2025 && period.end < REFORM_2025) return rankUnder2025(db, index, edition, period);
  const provinces = await provincesValidOn(db, period.end);
  const def = editionDef(edition);
  const codes = editionCodes(def);
  const decimals = new Map(edition.pillars.flatMap((p) => p.indicators.map((i) => [i.code, i.decimals] as const)));
  const resolver = await resolverFor(
    db,
    codes,
    provinces.map((p) => p.id),
    `${period.year}-01-01`,
    `${period.year}-12-31`,
  );
  let anyIllustrative = false;
  const figures: ProvinceFigures[] = provinces.map((unit) => {
    const values = new Map<string, { value: number; status: ValueStatus }>();
    for (const code of codes) {
      const r = resolver.resolve(code, unit.id, period);
      if (r === null) continue;
      if (r.status === 'illustrative') anyIllustrative = true;
      values.set(code, { value: roundTo(r.value, decimals.get(code) ?? 0), status: r.status });
    }
    return { unitCode: unit.code, unitName: unit.name, values };
  });
  const result = computeIndex(def, figures);
  return { index, edition, period, result, provinces: provinces.length, figures, illustrative: edition.row.illustrative === 1 || anyIllustrative, under2025: false, mapped: new Map() };
}

/**
 * A period before the reform viewed under the 2025 provinces: each indicator's figures are those of
 * the indicator pages' 2025 view (breakdownUnder2025: sums of former provinces merged whole, empty
 * with the reason for a partial succession, a former province without a figure, or a share).
 */
async function rankUnder2025(db: Db, index: IndexRow, edition: Edition, period: Period): Promise<IndexRanking> {
  const def = editionDef(edition);
  const indicators = new Map((await allIndicators(db)).map((i) => [i.code, i]));
  const byUnit = new Map<string, { name: string; values: Map<string, { value: number; status: ValueStatus }>; notes: Map<string, MappedRow> }>();
  for (const code of editionCodes(def)) {
    const indicator = indicators.get(code);
    if (indicator === undefined) continue;
    for (const row of await breakdownUnder2025(db, indicator, period)) {
      const unit = byUnit.get(row.unitCode) ?? { name: row.unitName, values: new Map(), notes: new Map() };
      byUnit.set(row.unitCode, unit);
      unit.notes.set(code, row);
      if (row.value !== null && row.status !== null) unit.values.set(code, { value: row.value, status: row.status });
    }
  }
  const figures: ProvinceFigures[] = [...byUnit].map(([unitCode, u]) => ({ unitCode, unitName: u.name, values: u.values }));
  const illustrative = edition.row.illustrative === 1 || figures.some((f) => [...f.values.values()].some((v) => v.status === 'illustrative'));
  return {
    index,
    edition,
    period,
    result: computeIndex(def, figures),
    provinces: figures.length,
    figures,
    illustrative,
    under2025: true,
    mapped: new Map([...byUnit].map(([code, u]) => [code, u.notes])),
  };
}

/** The latest year with a yearly figure stored, for the default period. */
async function latestYear(db: Db): Promise<number | null> {
  const row = await db.selectFrom('stat_values').select((eb) => eb.fn.max('period_start').as('last')).where('period_kind', '=', 'year').executeTakeFirst();
  const last = row?.last;
  return last === null || last === undefined ? null : Number(String(last).slice(0, 4));
}

export interface Choice {
  readonly editions: readonly EditionRow[];
  readonly edition: EditionRow;
  readonly period: Period;
}

/**
 * The edition and period a request asks for. An edition given by its label must exist and cover the
 * period; without one, the most recent edition covering the period is used. Without a period: the
 * latest year with figures within the edition's years (its first year when none).
 */
export async function chooseEdition(db: Db, index: IndexRow, input: { edition: string; period: string }): Promise<Choice | { errors: FieldErrors; editions: readonly EditionRow[] }> {
  const editions = await editionsOf(db, [index.id]);
  const errors: FieldErrors = {};
  const period = input.period === '' ? null : parsePeriod(input.period);
  if (input.period !== '' && period === null) errors.period = { key: 'statistics.error.bad_period', params: { period: input.period.slice(0, 64) } };
  let edition: EditionRow | undefined;
  if (input.edition !== '') {
    edition = editions.find((e) => e.label === input.edition);
    if (edition === undefined) errors.edition = { key: 'statistics.composite.error.unknown_edition', params: { edition: input.edition.slice(0, 64) } };
  } else if (period !== null) {
    edition = editions.find((e) => editionCovers(e, period.year));
    if (edition === undefined) errors.period = { key: 'statistics.composite.error.no_edition', params: { period: period.code } };
  } else edition = editions[0];
  if (edition !== undefined && period !== null && !editionCovers(edition, period.year))
    errors.period = { key: 'statistics.composite.error.not_covered', params: { period: period.code, edition: edition.label, years: editionYears(edition) } };
  if (Object.keys(errors).length > 0 || edition === undefined) {
    if (edition === undefined && Object.keys(errors).length === 0) errors.edition = { key: 'statistics.composite.error.no_editions' };
    return { errors, editions };
  }
  if (period !== null) return { editions, edition, period };
  return { editions, edition, period: await defaultPeriod(db, index, edition) };
}

/** How many years back from the latest figures the default period looks for a year with a ranking. */
const LOOK_BACK = 5;

/**
 * The latest year within the edition with at least one province ranked (figures of the newest year
 * are often incomplete, e.g. only a population figure), looking back a few years from the latest
 * year with figures; the edition's first year when there is none.
 */
async function defaultPeriod(db: Db, index: IndexRow, row: EditionRow): Promise<Period> {
  const latest = await latestYear(db);
  const first = row.first_year;
  const top = latest === null ? first : Math.max(first, Math.min(row.last_year ?? latest, latest));
  const edition = await editionContent(db, row);
  for (let year = top; year >= Math.max(first, top - LOOK_BACK); year -= 1) {
    const period = parsePeriod(String(year)) as Period;
    if ((await rankIndex(db, index, edition, period)).result.rows.length > 0) return period;
  }
  return parsePeriod(String(top)) as Period;
}

/** "2008–2012" or "2013–". */
export const editionYears = (e: EditionRow): string => `${e.first_year}–${e.last_year ?? ''}`;

