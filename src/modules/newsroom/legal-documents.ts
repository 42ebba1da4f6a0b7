/**
 * The legal documents library: queries, validation and the editor's save (create or update),
 * audited, with published documents kept in the portal search as type 'document'.
 */
import type { Db } from '../../platform/db/index.ts';
import { countAll, nowIso } from '../../platform/db/dialect.ts';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { indexDocument, removeDocument } from '../../platform/search/engine.ts';
import { slugify, uniqueSlug } from '../../platform/text/slug.ts';
import { LEGAL_DOC_STATUSES, LEGAL_DOC_TYPES, type LegalDocStatus, type LegalDocType } from './tables.ts';
import { isRealDate } from './validate-article.ts';

export const LEGAL_DOC_TYPE = 'document';

export interface LegalDocumentRow {
  id: number;
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
  is_published: number;
  updated_at: string;
}

const COLUMNS = ['id', 'slug', 'number_symbol', 'doc_type', 'title', 'issuing_body', 'signer', 'issued_on', 'effective_on', 'expires_on', 'status', 'replaced_by', 'summary', 'is_published', 'updated_at'] as const;

export const legalDocumentBySlug = (db: Db, slug: string): Promise<LegalDocumentRow | undefined> => db.selectFrom('legal_documents').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();
export const legalDocumentById = (db: Db, id: number): Promise<LegalDocumentRow | undefined> => db.selectFrom('legal_documents').select(COLUMNS).where('id', '=', id).executeTakeFirst();

export interface LegalDocumentFilter {
  readonly type?: LegalDocType | undefined;
  readonly status?: LegalDocStatus | undefined;
  readonly year?: number | undefined;
  readonly onlyPublished: boolean;
  readonly page: number;
  readonly pageSize: number;
}

/** Documents newest first, filtered by type, status and year of issue. */
export async function legalDocuments(db: Db, f: LegalDocumentFilter): Promise<{ total: number; items: LegalDocumentRow[] }> {
  let q = db.selectFrom('legal_documents');
  if (f.onlyPublished) q = q.where('is_published', '=', 1);
  if (f.type !== undefined) q = q.where('doc_type', '=', f.type);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.year !== undefined) q = q.where('issued_on', '>=', `${f.year}-01-01`).where('issued_on', '<=', `${f.year}-12-31`);
  const { n } = await q.select(countAll().as('n')).executeTakeFirstOrThrow();
  const items = await q.select(COLUMNS).orderBy('issued_on', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { total: n, items };
}

export interface LegalDocumentInput {
  readonly numberSymbol: string;
  readonly docType: string;
  readonly title: string;
  readonly issuingBody: string;
  readonly signer: string;
  readonly issuedOn: string;
  readonly effectiveOn: string;
  readonly expiresOn: string;
  readonly status: string;
  readonly replacedBy: string;
  readonly summary: string;
  readonly isPublished: boolean;
}

const chars = (s: string): number => [...s].length;

export function validateLegalDocument(i: LegalDocumentInput): FieldErrors {
  const e: FieldErrors = {};
  if (!/^[\p{L}\p{N}][\p{L}\p{N}/.\-–&]{0,59}$/u.test(i.numberSymbol)) e.number_symbol = { key: 'newsroom.legal_error_number' };
  if (!(LEGAL_DOC_TYPES as readonly string[]).includes(i.docType)) e.doc_type = { key: 'newsroom.legal_error_type' };
  if (i.title === '') e.title = { key: 'newsroom.error_title' };
  else if (chars(i.title) > 500) e.title = { key: 'shell.field_too_long', params: { field: 'title', max: 500 } };
  if (i.issuingBody === '') e.issuing_body = { key: 'newsroom.legal_error_required' };
  else if (chars(i.issuingBody) > 200) e.issuing_body = { key: 'shell.field_too_long', params: { field: 'issuing body', max: 200 } };
  if (i.signer === '') e.signer = { key: 'newsroom.legal_error_required' };
  else if (chars(i.signer) > 200) e.signer = { key: 'shell.field_too_long', params: { field: 'signer', max: 200 } };
  if (!isRealDate(i.issuedOn)) e.issued_on = { key: 'newsroom.error_date' };
  if (i.effectiveOn !== '' && !isRealDate(i.effectiveOn)) e.effective_on = { key: 'newsroom.error_date' };
  else if (i.effectiveOn !== '' && isRealDate(i.issuedOn) && i.effectiveOn < i.issuedOn) e.effective_on = { key: 'newsroom.legal_error_effective' };
  if (i.expiresOn !== '' && !isRealDate(i.expiresOn)) e.expires_on = { key: 'newsroom.error_date' };
  if (!(LEGAL_DOC_STATUSES as readonly string[]).includes(i.status)) e.status = { key: 'newsroom.legal_error_status' };
  else if (i.status === 'replaced' && i.replacedBy === '') e.replaced_by = { key: 'newsroom.legal_error_replaced_by' };
  if (chars(i.replacedBy) > 60) e.replaced_by = { key: 'shell.field_too_long', params: { field: 'replaced by', max: 60 } };
  if (chars(i.summary) > 5000) e.summary = { key: 'shell.field_too_long', params: { field: 'summary', max: 5000 } };
  return e;
}

/** Indexes a published document for search, or removes it from the index. */
export async function syncLegalDocumentIndex(db: Db, id: number): Promise<void> {
  const d = await legalDocumentById(db, id);
  if (d === undefined || d.is_published !== 1) {
    await removeDocument(db, LEGAL_DOC_TYPE, id);
    return;
  }
  await indexDocument(db, {
    type: LEGAL_DOC_TYPE,
    id,
    title: `${d.number_symbol} ${d.title}`,
    body: [d.issuing_body, d.signer, d.summary].join('\n'),
    url: `/van-ban/${d.slug}`,
    // Documents are dated by their day of issue (midnight in Viet Nam).
    publishedAt: new Date(`${d.issued_on}T00:00:00+07:00`).toISOString(),
  });
}

/** Creates (id null) or updates a document; returns its slug. */
export async function saveLegalDocument(db: Db, actor: AuditActor, id: number | null, input: LegalDocumentInput): Promise<string> {
  const errors = validateLegalDocument(input);
  if (Object.keys(errors).length > 0) throw new AppError('validation', errors);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('legal_documents').select('id').where('number_symbol', '=', input.numberSymbol).executeTakeFirst();
    if (taken !== undefined && taken.id !== id) throw new AppError('validation', { number_symbol: { key: 'newsroom.legal_error_number_taken' } });
    const at = nowIso();
    const row = {
      number_symbol: input.numberSymbol,
      doc_type: input.docType as LegalDocType,
      title: input.title,
      issuing_body: input.issuingBody,
      signer: input.signer,
      issued_on: input.issuedOn,
      effective_on: input.effectiveOn === '' ? null : input.effectiveOn,
      expires_on: input.expiresOn === '' ? null : input.expiresOn,
      status: input.status as LegalDocStatus,
      replaced_by: input.replacedBy === '' ? null : input.replacedBy,
      summary: input.summary,
      is_published: input.isPublished ? 1 : 0,
      updated_at: at,
    };
    let docId: number;
    let slug: string;
    if (id === null) {
      slug = await uniqueSlug(slugify(`${input.numberSymbol} ${input.title}`, 100), async (s) => (await trx.selectFrom('legal_documents').select('id').where('slug', '=', s).executeTakeFirst()) !== undefined);
      docId = (await trx.insertInto('legal_documents').values({ ...row, slug, created_by: actor.id, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
      await recordAudit(trx, actor, { action: 'newsroom.legal_document_created', entityType: 'legal_document', entityId: docId, after: row });
    } else {
      const before = await legalDocumentById(trx, id);
      if (before === undefined) throw new AppError('not_found');
      await trx.updateTable('legal_documents').set(row).where('id', '=', id).execute();
      docId = id;
      slug = before.slug;
      await recordAudit(trx, actor, { action: 'newsroom.legal_document_updated', entityType: 'legal_document', entityId: id, before, after: row });
    }
    await syncLegalDocumentIndex(trx, docId);
    return slug;
  });
}
