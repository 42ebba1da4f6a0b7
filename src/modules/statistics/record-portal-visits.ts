/**
 * Figures computed by the system itself rather than reported on a form: monthly portal visits from the
 * analytics rollups and the number of online services by level from the e-services catalogue.
 * Written idempotently (one row per indicator, unit and period with no reporting enterprise); a figure
 * entered from another source (a statistician's, an import, the demo) is kept, never overwritten.
 */
import type { Db } from '../../platform/db/index.ts';
import { parsePeriod } from './period.ts';

export interface SystemFigure {
  readonly code: string;
  readonly unitId: number;
  readonly period: string;
  readonly value: number;
  /** Where the figure comes from, e.g. 'analytics' or 'catalogue'. */
  readonly source: string;
}

export type FigureOutcome = 'inserted' | 'updated' | 'unchanged' | 'kept' | 'unknown_indicator';

export async function recordSystemFigure(db: Db, figure: SystemFigure): Promise<FigureOutcome> {
  const period = parsePeriod(figure.period);
  if (period === null) throw new Error(`recordSystemFigure: bad period ${figure.period}`);
  return db.transaction().execute(async (trx) => {
    const indicator = await trx.selectFrom('stat_indicators').select('id').where('code', '=', figure.code).executeTakeFirst();
    if (indicator === undefined) return 'unknown_indicator';
    const existing = await trx
      .selectFrom('stat_values')
      .select(['id', 'value', 'source'])
      .where('indicator_id', '=', indicator.id)
      .where('admin_unit_id', '=', figure.unitId)
      .where('period', '=', period.code)
      .where('reporter_agency_id', 'is', null)
      .executeTakeFirst();
    const at = new Date().toISOString();
    if (existing === undefined) {
      await trx
        .insertInto('stat_values')
        .values({
          indicator_id: indicator.id,
          admin_unit_id: figure.unitId,
          period: period.code,
          period_kind: period.kind,
          period_start: period.start,
          period_end: period.end,
          reporter_agency_id: null,
          value: figure.value,
          status: 'reported',
          source: figure.source,
          note: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return 'inserted';
    }
    if (existing.source !== figure.source) return 'kept';
    if (Number(existing.value) === figure.value) return 'unchanged';
    await trx.updateTable('stat_values').set({ value: figure.value, updated_at: at }).where('id', '=', existing.id).execute();
    return 'updated';
  });
}
