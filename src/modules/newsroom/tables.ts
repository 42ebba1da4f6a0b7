/** Tables owned by the newsroom (migration 2026-11-28-0011). */
import type { Generated } from 'kysely';

export const ARTICLE_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'scheduled', 'published', 'unpublished', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface NewsCategoriesTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  name_vi: string;
  name_en: string;
  sort_order: Generated<number>;
}

export interface NewsTagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  category_id: number;
  slug: string;
  status: ArticleStatus;
  working_revision_id: number;
  live_revision_id: number | null;
  is_public: Generated<number>;
  is_featured: Generated<number>;
  published_at: string | null;
  scheduled_at: string | null;
  review_comment: string | null;
  version: Generated<number>;
  view_count: Generated<number>;
  rating_sum: Generated<number>;
  rating_count: Generated<number>;
  agency_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  number: number;
  title: string;
  lead: string;
  body: string;
  author_byline: string;
  source: string | null;
  event_date: string | null;
  /** Tag names, comma-separated, as the writer typed them. */
  tags: string;
  note: string | null;
  /** Cover image by content hash (files under DATA_DIR/newsroom/images), with its alt text. */
  cover_sha256: string | null;
  cover_alt: string | null;
  /** Related articles chosen by the editor: ids, comma-separated, in order (migration 2026-11-29-0110). */
  related_ids: Generated<string>;
  created_by: number | null;
  created_at: string;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface ArticleRatingsTable {
  id: Generated<number>;
  article_id: number;
  rater_key: string;
  stars: number;
  created_at: string;
}

export interface RatingSaltsTable {
  day: string;
  salt: string;
}

export interface WorkScheduleEventsTable {
  id: Generated<number>;
  event_date: string;
  start_time: string | null;
  end_time: string | null;
  place: string;
  leader: string;
  attendees: string;
  content: string;
  is_published: Generated<number>;
  agency_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export const LEGAL_DOC_TYPES = ['luat', 'nghi-dinh', 'quyet-dinh', 'chi-thi', 'thong-tu', 'nghi-quyet', 'ke-hoach', 'cong-van', 'quy-che', 'thong-bao'] as const;
export type LegalDocType = (typeof LEGAL_DOC_TYPES)[number];
export const LEGAL_DOC_STATUSES = ['in_force', 'not_yet', 'amended', 'replaced', 'expired'] as const;
export type LegalDocStatus = (typeof LEGAL_DOC_STATUSES)[number];

export interface LegalDocumentsTable {
  id: Generated<number>;
  slug: string;
  number_symbol: string;
  doc_type: LegalDocType;
  title: string;
  issuing_body: string;
  signer: string;
  issued_on: string;
  effective_on: string | null;
  expires_on: string | null;
  status: LegalDocStatus;
  replaced_by: string | null;
  summary: string;
  is_published: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface NewsroomTables {
  legal_documents: LegalDocumentsTable;
  legal_document_files: LegalDocumentFilesTable;
  work_schedule_events: WorkScheduleEventsTable;
  news_categories: NewsCategoriesTable;
  news_tags: NewsTagsTable;
  articles: ArticlesTable;
  article_revisions: ArticleRevisionsTable;
  article_tags: ArticleTagsTable;
  article_ratings: ArticleRatingsTable;
  rating_salts: RatingSaltsTable;
}

/** Files attached to legal documents, by content hash (migration 2026-11-29-0111). */
export interface LegalDocumentFilesTable {
  id: Generated<number>;
  document_id: number;
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  created_by: number | null;
  created_at: string;
}
