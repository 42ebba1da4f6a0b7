/** Tables owned by the statistics module (migrations 2026-11-28-0030 and 0031). */
import type { Generated } from 'kysely';

export type Periodicity = 'month' | 'quarter' | 'half' | 'year';
export type UnitAggregation = 'sum' | 'average';
export type TimeAggregation = 'sum' | 'latest' | 'average';
export const VALUE_STATUSES = ['reported', 'approved', 'estimate', 'illustrative'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export interface StatIndicatorsTable {
  id: Generated<number>;
  code: string;
  category: string;
  name_vi: string;
  name_en: string;
  definition_vi: string;
  definition_en: string;
  unit_vi: string;
  unit_en: string;
  source_vi: string;
  source_en: string;
  itu_code: string | null;
  periodicity: Periodicity;
  unit_aggregation: UnitAggregation;
  time_aggregation: TimeAggregation;
  /** For a derived indicator: a formula over other indicator codes (formula.ts). */
  formula: string | null;
  decimals: Generated<number>;
  higher_is_better: Generated<number>;
  sort_order: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface StatValuesTable {
  id: Generated<number>;
  indicator_id: number;
  admin_unit_id: number;
  period: string;
  period_kind: Periodicity;
  period_start: string;
  period_end: string;
  reporter_agency_id: number | null;
  value: number;
  status: ValueStatus;
  source: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface StatisticsTables {
  stat_indicators: StatIndicatorsTable;
  stat_values: StatValuesTable;
}
