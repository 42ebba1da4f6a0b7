/** Tables owned by the working-day calendar (migration 2026-11-28-0020-calendar). */
import type { Generated } from 'kysely';
import type { OverrideKind } from './working-calendar.ts';

export interface CalendarOverridesTable {
  id: Generated<number>;
  day: string;
  kind: OverrideKind;
  note: string;
  legal_basis: string | null;
  created_at: string;
  created_by: number | null;
}

export interface CalendarTables {
  calendar_overrides: CalendarOverridesTable;
}
