/** Personal API access tokens (migration 2026-11-29-0120). */
import type { Generated } from 'kysely';

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 (base64url) of the token; the token itself is shown once and never stored. */
  token_hash: string;
  token_prefix: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokenTables {
  api_tokens: ApiTokensTable;
}
