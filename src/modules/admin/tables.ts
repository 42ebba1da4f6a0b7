/** Tables owned by the administration area (migration 2026-11-28-0003-admin). */

export interface UserSearchNamesTable {
  user_id: number;
  /** The "full name email" text the folded form was made from; a mismatch means it must be refreshed. */
  source: string;
  folded: string;
}

export interface AdminTables {
  user_search_names: UserSearchNamesTable;
}
