/** Tables of the portal search index (migration 2026-11-28-0010). */
import type { Generated } from 'kysely';

export interface SearchDocumentsTable {
  id: Generated<number>;
  doc_type: string;
  doc_id: string;
  title: string;
  body: string;
  url: string;
  published_at: string | null;
  category_id: number | null;
  folded_title: string;
  folded_body: string;
  indexed_at: string;
}

export interface SearchTables {
  search_documents: SearchDocumentsTable;
}
