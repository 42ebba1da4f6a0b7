/** Reads of composite indices: the index, its editions, and an edition's pillars and indicators. */
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import type { EditionDef, IndicatorDef, PillarDef } from './compute.ts';
import type { StatIndexEditionsTable, StatIndicesTable } from './tables.ts';

export type IndexRow = Selectable<StatIndicesTable>;
export type EditionRow = Selectable<StatIndexEditionsTable>;

/** An indicator of an edition: what the computation needs, and its names and unit from the dictionary. */
export interface EditionIndicator extends IndicatorDef {
  readonly indicatorId: number;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unitVi: string;
  readonly unitEn: string;
  readonly decimals: number;
}

export interface EditionPillar extends PillarDef {
  readonly nameVi: string;
  readonly nameEn: string;
  readonly indicators: readonly EditionIndicator[];
}

export interface Edition {
  readonly row: EditionRow;
  readonly pillars: readonly EditionPillar[];
}

export async function allIndices(db: Db): Promise<IndexRow[]> {
  return db.selectFrom('stat_indices').selectAll().orderBy('code').execute();
}

export async function indexByCode(db: Db, code: string): Promise<IndexRow | undefined> {
  return db.selectFrom('stat_indices').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Editions of some indices, the most recent first (by first year, then by creation). */
export async function editionsOf(db: Db, indexIds: readonly number[]): Promise<EditionRow[]> {
  if (indexIds.length === 0) return [];
  const rows = await db.selectFrom('stat_index_editions').selectAll().where('index_id', 'in', indexIds).orderBy('first_year', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ ...r, first_year: Number(r.first_year), last_year: r.last_year === null ? null : Number(r.last_year), scale: Number(r.scale) }));
}

/** The pillars and indicators of an edition, in their order. */
export async function editionContent(db: Db, row: EditionRow): Promise<Edition> {
  const pillars = await db.selectFrom('stat_index_pillars').selectAll().where('edition_id', '=', row.id).orderBy('position').execute();
  const items =
    pillars.length === 0
      ? []
      : await db
          .selectFrom('stat_index_indicators as x')
          .innerJoin('stat_indicators as i', 'i.id', 'x.indicator_id')
          .select(['x.pillar_id', 'x.weight', 'x.higher_is_better', 'x.normalisation', 'x.goal_min', 'x.goal_max', 'i.id', 'i.code', 'i.name_vi', 'i.name_en', 'i.unit_vi', 'i.unit_en', 'i.decimals'])
          .where(
            'x.pillar_id',
            'in',
            pillars.map((p) => p.id),
          )
          .orderBy('x.pillar_id')
          .orderBy('x.position')
          .execute();
  const num = (v: number | null): number | null => (v === null ? null : Number(v));
  return {
    row,
    pillars: pillars.map((p) => ({
      code: p.code,
      nameVi: p.name_vi,
      nameEn: p.name_en,
      weight: Number(p.weight),
      indicators: items
        .filter((x) => x.pillar_id === p.id)
        .map((x) => ({
          code: x.code,
          indicatorId: x.id,
          nameVi: x.name_vi,
          nameEn: x.name_en,
          unitVi: x.unit_vi,
          unitEn: x.unit_en,
          decimals: Number(x.decimals),
          weight: Number(x.weight),
          higherIsBetter: x.higher_is_better === 1,
          normalisation: x.normalisation,
          goalMin: num(x.goal_min),
          goalMax: num(x.goal_max),
        })),
    })),
  };
}

/** The computation's view of an edition. */
export const editionDef = (e: Edition): EditionDef => ({ scale: e.row.scale, pillars: e.pillars });

/** True when the edition applies to a year. */
export const editionCovers = (e: EditionRow, year: number): boolean => e.first_year <= year && (e.last_year === null || year <= e.last_year);
