/** Reading the parameters shared by the API and the pages; each failure is an AppError with a field message. */
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { parsePeriod, type Period } from './period.ts';
import { indicatorByCode, unitByCode, type Indicator, type UnitRef } from './queries.ts';

const MAX_PARAM = 64;

export async function requireIndicator(db: Db, code: string): Promise<Indicator> {
  const indicator = code.length <= MAX_PARAM ? await indicatorByCode(db, code) : undefined;
  if (indicator === undefined) throw new AppError('not_found', { code: { key: 'statistics.error.unknown_indicator', params: { code: code.slice(0, MAX_PARAM) } } });
  return indicator;
}

/** A period parameter: null when absent and optional; 400 when malformed or required and absent. */
export function periodParam(name: string, value: unknown, required: boolean): Period | null {
  if (value === undefined || value === '') {
    if (required) throw new AppError('bad_request', { [name]: { key: 'statistics.error.period_required' } });
    return null;
  }
  const period = typeof value === 'string' ? parsePeriod(value) : null;
  if (period === null) throw new AppError('bad_request', { [name]: { key: 'statistics.error.bad_period', params: { period: String(value).slice(0, MAX_PARAM) } } });
  return period;
}

export function rangeParams(from: unknown, to: unknown): { from: Period | null; to: Period | null } {
  const range = { from: periodParam('from', from, false), to: periodParam('to', to, false) };
  if (range.from !== null && range.to !== null && range.from.start > range.to.end) throw new AppError('bad_request', { from: { key: 'statistics.error.bad_range' } });
  return range;
}

/** The unit with that GSO code in the structure valid during the range. */
export async function requireUnit(db: Db, code: unknown, from: Period | null, to: Period | null): Promise<UnitRef> {
  if (typeof code !== 'string' || code === '') throw new AppError('bad_request', { unit: { key: 'statistics.error.unit_required' } });
  const unit = /^\d{2,5}$/.test(code) ? await unitByCode(db, code, from?.start ?? '1900-01-01', to?.end ?? '2100-12-31') : undefined;
  if (unit === undefined) throw new AppError('not_found', { unit: { key: 'statistics.error.unknown_unit', params: { code: code.slice(0, MAX_PARAM) } } });
  return unit;
}
