/**
 * A statistician makes a new edition of an index by copying one and changing its years, scale,
 * method notes, weights, directions and normalisation. Checks per field (weights above 0 and at most
 * 1, adding up to 1 within 0.001 for the pillars and within each pillar; goalposts needed and lower
 * below upper for fixed goalposts); the edition and its rows are written in one transaction, audited.
 */
import type { Locale } from '../../../config/index.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { formatNumber } from '../../../platform/text/format.ts';
import type { Edition, IndexRow } from './queries.ts';
import { SCALES, type Normalisation } from './tables.ts';

/** Weights are entered with a few decimals (0.3333 × 3); the computation divides by their actual sum. */
export const WEIGHT_TOLERANCE = 0.001;
const LABEL = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;
const NUMBER = /^-?\d{1,12}(?:[.,]\d{1,6})?$/;
const METHOD_MAX = 4000;

/** Names of the form's fields for pillar p and its indicator i. */
export const names = {
  pillarWeight: (p: number) => `pw-${p}`,
  pillarSum: 'pw',
  indicatorSum: (p: number) => `iw-${p}`,
  weight: (p: number, i: number) => `iw-${p}-${i}`,
  direction: (p: number, i: number) => `dir-${p}-${i}`,
  normalisation: (p: number, i: number) => `norm-${p}-${i}`,
  min: (p: number, i: number) => `min-${p}-${i}`,
  max: (p: number, i: number) => `max-${p}-${i}`,
};

export type EditionForm = Record<string, string>;

const num = (v: number | null): string => (v === null ? '' : String(v));

/** The form filled from an existing edition: the starting point of a copy. */
export function formFromEdition(e: Edition): EditionForm {
  const form: EditionForm = {
    from: e.row.label,
    label: '',
    first_year: '',
    last_year: '',
    scale: String(e.row.scale),
    method_vi: e.row.method_vi,
    method_en: e.row.method_en,
  };
  e.pillars.forEach((p, pi) => {
    form[names.pillarWeight(pi)] = num(p.weight);
    p.indicators.forEach((x, ii) => {
      form[names.weight(pi, ii)] = num(x.weight);
      form[names.direction(pi, ii)] = x.higherIsBetter ? 'higher' : 'lower';
      form[names.normalisation(pi, ii)] = x.normalisation;
      form[names.min(pi, ii)] = num(x.goalMin);
      form[names.max(pi, ii)] = num(x.goalMax);
    });
  });
  return form;
}

/** The submitted values, trimmed and bounded, for the fields of the source edition's shape. */
export function formFromBody(body: FormValues, e: Edition): EditionForm {
  const take = (name: string, max = 40): string => field(body, name).trim().slice(0, max);
  const form: EditionForm = {
    from: e.row.label,
    label: take('label'),
    first_year: take('first_year'),
    last_year: take('last_year'),
    scale: take('scale'),
    method_vi: field(body, 'method_vi').trim().slice(0, METHOD_MAX + 1),
    method_en: field(body, 'method_en').trim().slice(0, METHOD_MAX + 1),
  };
  e.pillars.forEach((p, pi) => {
    form[names.pillarWeight(pi)] = take(names.pillarWeight(pi));
    p.indicators.forEach((_x, ii) => {
      for (const n of [names.weight(pi, ii), names.direction(pi, ii), names.normalisation(pi, ii), names.min(pi, ii), names.max(pi, ii)]) form[n] = take(n);
    });
  });
  return form;
}

const parseNumber = (s: string): number | null => (NUMBER.test(s) ? Number(s.replace(',', '.')) : null);

export interface ValidEdition {
  readonly label: string;
  readonly firstYear: number;
  readonly lastYear: number | null;
  readonly scale: number;
  readonly methodVi: string;
  readonly methodEn: string;
  readonly pillars: readonly { weight: number; indicators: readonly { weight: number; higherIsBetter: boolean; normalisation: Normalisation; goalMin: number | null; goalMax: number | null }[] }[];
}

/** Checks every field; returns the edition or the field errors. */
export function validateEdition(form: EditionForm, source: Edition, takenLabels: readonly string[], locale: Locale): { edition: ValidEdition } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const get = (n: string): string => form[n] ?? '';
  const label = get('label');
  if (!LABEL.test(label)) errors.label = { key: 'statistics.composite.err.label' };
  else if (takenLabels.includes(label)) errors.label = { key: 'statistics.composite.err.label_taken', params: { label } };
  const year = (n: string): number | null => (/^\d{4}$/.test(get(n)) && Number(get(n)) >= 1945 && Number(get(n)) <= 2100 ? Number(get(n)) : null);
  const firstYear = year('first_year');
  if (firstYear === null) errors.first_year = { key: 'statistics.composite.err.year' };
  const lastYear = get('last_year') === '' ? null : year('last_year');
  if (get('last_year') !== '' && lastYear === null) errors.last_year = { key: 'statistics.composite.err.year' };
  else if (lastYear !== null && firstYear !== null && lastYear < firstYear) errors.last_year = { key: 'statistics.composite.err.last_year' };
  const scale = Number(get('scale'));
  if (!(SCALES as readonly number[]).includes(scale) || !/^\d+$/.test(get('scale'))) errors.scale = { key: 'statistics.composite.err.scale' };
  for (const n of ['method_vi', 'method_en'] as const) {
    if (get(n) === '') errors[n] = { key: 'shell.field_required', params: { field: n === 'method_vi' ? 'ghi chú phương pháp' : 'method notes' } };
    else if ([...get(n)].length > METHOD_MAX) errors[n] = { key: 'shell.field_too_long', params: { field: n, max: METHOD_MAX } };
  }

  const weight = (n: string): number | null => {
    const w = parseNumber(get(n));
    if (w === null || w <= 0 || w > 1) {
      errors[n] = { key: 'statistics.composite.err.weight' };
      return null;
    }
    return w;
  };
  const checkSum = (n: string, ws: readonly (number | null)[]): void => {
    if (ws.some((w) => w === null)) return;
    const total = ws.reduce<number>((s, w) => s + (w ?? 0), 0);
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) errors[n] = { key: 'statistics.composite.err.weights_sum', params: { sum: formatNumber(total, locale) } };
  };

  const pillarWeights = source.pillars.map((_p, pi) => weight(names.pillarWeight(pi)));
  checkSum(names.pillarSum, pillarWeights);
  const pillars = source.pillars.map((p, pi) => {
    const indicatorWeights = p.indicators.map((_x, ii) => weight(names.weight(pi, ii)));
    checkSum(names.indicatorSum(pi), indicatorWeights);
    const indicators = p.indicators.map((_x, ii) => {
      const dir = get(names.direction(pi, ii));
      if (dir !== 'higher' && dir !== 'lower') errors[names.direction(pi, ii)] = { key: 'statistics.composite.err.choice' };
      const norm = get(names.normalisation(pi, ii));
      if (norm !== 'goalposts' && norm !== 'minmax') errors[names.normalisation(pi, ii)] = { key: 'statistics.composite.err.choice' };
      let goalMin: number | null = null;
      let goalMax: number | null = null;
      if (norm === 'goalposts') {
        for (const [n, set] of [
          [names.min(pi, ii), (v: number) => (goalMin = v)],
          [names.max(pi, ii), (v: number) => (goalMax = v)],
        ] as const) {
          if (get(n) === '') errors[n] = { key: 'statistics.composite.err.goal_required' };
          else {
            const v = parseNumber(get(n));
            if (v === null) errors[n] = { key: 'statistics.composite.err.number' };
            else set(v);
          }
        }
        if (goalMin !== null && goalMax !== null && !(goalMin < goalMax)) errors[names.max(pi, ii)] = { key: 'statistics.composite.err.goal_order' };
      }
      return { weight: indicatorWeights[ii] ?? 0, higherIsBetter: dir !== 'lower', normalisation: (norm === 'minmax' ? 'minmax' : 'goalposts') as Normalisation, goalMin, goalMax };
    });
    return { weight: pillarWeights[pi] ?? 0, indicators };
  });
  if (Object.keys(errors).length > 0 || firstYear === null) return { errors };
  return { edition: { label, firstYear, lastYear, scale, methodVi: get('method_vi'), methodEn: get('method_en'), pillars } };
}

/** Writes the new edition (same pillars and indicators as the source, new figures), audited in the same transaction. */
export async function createEdition(db: Db, actor: AuditActor, index: IndexRow, source: Edition, e: ValidEdition): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('stat_index_editions').select('id').where('index_id', '=', index.id).where('label', '=', e.label).executeTakeFirst();
    if (taken !== undefined) throw new AppError('validation', { label: { key: 'statistics.composite.err.label_taken', params: { label: e.label } } });
    const row = await trx
      .insertInto('stat_index_editions')
      .values({ index_id: index.id, label: e.label, first_year: e.firstYear, last_year: e.lastYear, scale: e.scale, method_vi: e.methodVi, method_en: e.methodEn, illustrative: source.row.illustrative, copied_from: source.row.id, created_by: actor.id, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [pi, p] of source.pillars.entries()) {
      const v = e.pillars[pi];
      if (v === undefined) continue;
      const pillar = await trx
        .insertInto('stat_index_pillars')
        .values({ edition_id: row.id, position: pi, code: p.code, name_vi: p.nameVi, name_en: p.nameEn, weight: v.weight })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('stat_index_indicators')
        .values(
          p.indicators.map((x, ii) => {
            const n = v.indicators[ii] as ValidEdition['pillars'][number]['indicators'][number];
            return { pillar_id: pillar.id, position: ii, indicator_id: x.indicatorId, weight: n.weight, higher_is_better: n.higherIsBetter ? 1 : 0, normalisation: n.normalisation, goal_min: n.goalMin, goal_max: n.goalMax };
          }),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'statistics.index_edition.create',
      entityType: 'stat_index_edition',
      entityId: row.id,
      after: {
        index: index.code,
        label: e.label,
        copiedFrom: source.row.label,
        years: [e.firstYear, e.lastYear],
        scale: e.scale,
        pillars: source.pillars.map((p, pi) => ({ code: p.code, weight: e.pillars[pi]?.weight, indicators: p.indicators.map((x, ii) => ({ code: x.code, ...e.pillars[pi]?.indicators[ii] })) })),
      },
    });
    return row.id;
  });
}
