/** Tables owned by the analytics module (migration 2026-11-29-0070). */
import type { Generated } from 'kysely';

export type Device = 'mobile' | 'tablet' | 'desktop';
export type RollupGrain = 'day' | 'month';
export type RollupDimension = 'total' | 'page' | 'referrer' | 'device';

export interface AnalyticsSaltsTable {
  /** Calendar day in Viet Nam, `YYYY-MM-DD`. */
  day: string;
  /** 16 random bytes, hex. */
  salt: string;
  created_at: string;
}

export interface AnalyticsHitsTable {
  id: Generated<number>;
  at: string;
  day: string;
  /** HMAC(SECRET, salt of the day ‖ address ‖ user agent), hex; never the address itself. */
  visitor: string;
  path: string;
  referrer_host: string | null;
  device: Device;
}

export interface AnalyticsRollupsTable {
  grain: RollupGrain;
  period: string;
  dimension: RollupDimension;
  key: string;
  visits: number;
  visitors: number;
  pageviews: number;
}

export interface AnalyticsTables {
  analytics_salts: AnalyticsSaltsTable;
  analytics_hits: AnalyticsHitsTable;
  analytics_rollups: AnalyticsRollupsTable;
}
