/** Tables owned by the feedback part of e-services (migration 2026-11-29-0100). */
import type { Generated } from 'kysely';

export interface DossierRatingsTable {
  id: Generated<number>;
  dossier_id: number;
  applicant_id: number;
  /** 1 (very dissatisfied) … 5 (very satisfied); 1 and 2 count as "not satisfied" in the service index. */
  score: number;
  comment: string;
  created_at: string;
}

export interface FeedbackTable {
  id: Generated<number>;
  code: string;
  agency_id: number;
  procedure_id: number | null;
  dossier_code: string | null;
  /** `procedure` (regulations, procedures) or `staff` (behaviour of officers): Decision 766, indicator 5.1. */
  category: string;
  sender_name: string;
  sender_email: string;
  sender_phone: string;
  subject: string;
  body: string;
  /** received → accepted → answered, or received → rejected. */
  status: string;
  received_on: string;
  accept_due_on: string;
  answer_due_on: string;
  accepted_on: string | null;
  answered_on: string | null;
  answer: string | null;
  reject_reason: string | null;
  handled_by: number | null;
  published: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface FeedbackTables {
  dossier_ratings: DossierRatingsTable;
  feedback: FeedbackTable;
}
