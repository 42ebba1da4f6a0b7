/** Tables of composite indices (migration 2026-11-29-0150). */
import type { Generated } from 'kysely';

export type Normalisation = 'goalposts' | 'minmax';
export const NORMALISATIONS: readonly Normalisation[] = ['goalposts', 'minmax'];
/** Scores run from 0 to the edition's scale. */
export const SCALES = [1, 10, 100] as const;

export interface StatIndicesTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  description_vi: string;
  description_en: string;
  source_vi: string;
  source_en: string;
  created_at: string;
}

export interface StatIndexEditionsTable {
  id: Generated<number>;
  index_id: number;
  label: string;
  first_year: number;
  last_year: number | null;
  scale: number;
  method_vi: string;
  method_en: string;
  illustrative: Generated<number>;
  copied_from: number | null;
  created_by: number | null;
  created_at: string;
}

export interface StatIndexPillarsTable {
  id: Generated<number>;
  edition_id: number;
  position: number;
  code: string;
  name_vi: string;
  name_en: string;
  weight: number;
}

export interface StatIndexIndicatorsTable {
  id: Generated<number>;
  pillar_id: number;
  position: number;
  indicator_id: number;
  weight: number;
  higher_is_better: number;
  normalisation: Normalisation;
  goal_min: number | null;
  goal_max: number | null;
}

export interface CompositeTables {
  stat_indices: StatIndicesTable;
  stat_index_editions: StatIndexEditionsTable;
  stat_index_pillars: StatIndexPillarsTable;
  stat_index_indicators: StatIndexIndicatorsTable;
}
