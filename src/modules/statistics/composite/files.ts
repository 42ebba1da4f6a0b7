/**
 * An index ranking as data: the JSON shape shared by the open data API and the JSON download, and
 * the CSV (UTF-8 with a byte-order mark, numbers with a full stop, as the indicator downloads).
 */
import type { MessageKey, Translate } from '../../../platform/i18n/index.ts';
import { csvCell } from '../../../platform/text/csv.ts';
import { roundTo } from '../figures.ts';
import { mappedNoteText } from '../public-data.ts';
import { SHARE_DECIMALS } from './compute.ts';
import type { EditionRow, IndexRow } from './queries.ts';
import type { IndexRanking } from './rankings.ts';

export function editionJson(e: EditionRow): Record<string, unknown> {
  return { label: e.label, firstYear: e.first_year, lastYear: e.last_year, scale: e.scale, illustrative: e.illustrative === 1, method: { vi: e.method_vi, en: e.method_en } };
}

export function indexJson(i: IndexRow, editions: readonly EditionRow[]): Record<string, unknown> {
  return {
    code: i.code,
    name: { vi: i.name_vi, en: i.name_en },
    description: { vi: i.description_vi, en: i.description_en },
    source: { vi: i.source_vi, en: i.source_en },
    editions: editions.map(editionJson),
  };
}

const share = (v: number): number => roundTo(v, SHARE_DECIMALS);

/** Under the 2025 view, why a province's figure for an indicator is empty. */
function mappedNote(r: IndexRanking, unitCode: string, code: string, t: Translate): string | null {
  const row = r.mapped.get(unitCode)?.get(code);
  return row === undefined ? null : mappedNoteText(t, row);
}

/** The missing indicators' names in a language, for the reason a province is not ranked. */
export function missingNames(r: IndexRanking, locale: 'vi' | 'en', missing: readonly string[]): string {
  const names = new Map(r.edition.pillars.flatMap((p) => p.indicators.map((i) => [i.code, locale === 'en' ? i.nameEn : i.nameVi] as const)));
  return missing.map((c) => names.get(c) ?? c).join(', ');
}

/** The ranking with every step of the computation, so that a reader can recompute each score. */
export function rankingJson(r: IndexRanking, t: Translate, locale: 'vi' | 'en'): Record<string, unknown> {
  const { edition, result } = r;
  const reason = (missing: readonly string[]): string => t('statistics.composite.missing', { indicators: missingNames(r, locale, missing) });
  return {
    index: r.index.code,
    edition: { ...editionJson(edition.row), pillars: edition.pillars.map((p) => ({ code: p.code, name: { vi: p.nameVi, en: p.nameEn }, weight: p.weight, indicators: p.indicators.map((i) => ({ code: i.code, weight: i.weight, higherIsBetter: i.higherIsBetter, normalisation: i.normalisation, goalposts: i.normalisation === 'goalposts' ? { min: i.goalMin, max: i.goalMax } : null, bounds: result.bounds.get(i.code) ?? null })) })) },
    period: r.period.code,
    structure: r.under2025 ? '2025' : null,
    scale: edition.row.scale,
    provinces: r.provinces,
    total: result.rows.length,
    illustrative: r.illustrative,
    rows: result.rows.map((row) => ({
      rank: row.rank,
      unitCode: row.unitCode,
      unitName: row.unitName,
      score: row.score,
      status: row.status,
      pillars: row.pillars.map((p) => ({
        code: p.code,
        score: roundTo(p.score, result.decimals),
        indicators: p.indicators.map((i) => ({ code: i.code, value: i.raw, status: i.status, normalised: share(i.normalised), weight: share(i.effectiveWeight), contribution: roundTo(i.contribution, result.decimals + 2) })),
      })),
    })),
    notRanked: result.notRanked.map((n) => ({ unitCode: n.unitCode, unitName: n.unitName, missing: n.missing, reason: reason(n.missing), ...(r.under2025 ? { notes: Object.fromEntries(n.missing.map((c) => [c, mappedNote(r, n.unitCode, c, t)])) } : {}) })),
  };
}

export function rankingCsv(r: IndexRanking, t: Translate, locale: 'vi' | 'en'): string {
  const pillars = r.edition.pillars;
  const header = [
    t('statistics.col.rank'),
    t('statistics.col.code'),
    t('statistics.col.area'),
    t('statistics.col.period'),
    t('statistics.composite.edition'),
    t('statistics.composite.col_score'),
    ...pillars.map((p) => (locale === 'en' ? p.nameEn : p.nameVi)),
    t('statistics.col.status'),
    t('statistics.composite.col_reason'),
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const row of r.result.rows) {
    lines.push([row.rank, row.unitCode, row.unitName, r.period.code, r.edition.row.label, row.score, ...row.pillars.map((p) => roundTo(p.score, r.result.decimals)), t(`statistics.status.${row.status}` as MessageKey), ''].map(csvCell).join(','));
  }
  for (const n of r.result.notRanked) {
    lines.push(['', n.unitCode, n.unitName, r.period.code, r.edition.row.label, '', ...pillars.map(() => ''), '', t('statistics.composite.missing', { indicators: missingNames(r, locale, n.missing) })].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
