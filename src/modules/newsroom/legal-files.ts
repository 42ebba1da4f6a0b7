/**
 * Files attached to legal documents: the signed PDF or a DOCX, accepted by their content (not
 * their name) and stored once by SHA-256 in the platform's content store; a row per attachment
 * keeps the name it was uploaded under. Every change is audited.
 */
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { ACCEPTED_TYPES, cleanFileName, sniffMediaType, storeContent } from '../../platform/files/content-store.ts';

export const MAX_LEGAL_FILE_BYTES = 20 * 1024 * 1024;
const LEGAL_FILE_TYPES: readonly string[] = [ACCEPTED_TYPES.pdf, ACCEPTED_TYPES.docx];
const MAX_FILES_PER_DOCUMENT = 10;

export interface LegalFileRow {
  id: number;
  document_id: number;
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  created_at: string;
}

export const filesOfLegalDocument = (db: Db, documentId: number): Promise<LegalFileRow[]> =>
  db.selectFrom('legal_document_files').select(['id', 'document_id', 'sha256', 'file_name', 'media_type', 'size_bytes', 'created_at']).where('document_id', '=', documentId).orderBy('id').execute();

export const legalFileById = (db: Db, documentId: number, fileId: number): Promise<LegalFileRow | undefined> =>
  db.selectFrom('legal_document_files').select(['id', 'document_id', 'sha256', 'file_name', 'media_type', 'size_bytes', 'created_at']).where('document_id', '=', documentId).where('id', '=', fileId).executeTakeFirst();

export async function attachLegalFile(db: Db, dataDir: string, actor: AuditActor, documentId: number, content: Buffer | undefined, uploadedName: string): Promise<number> {
  if (content === undefined || content.length === 0) throw new AppError('validation', { file: { key: 'newsroom.attachment_error_missing' } });
  if (content.length > MAX_LEGAL_FILE_BYTES) throw new AppError('validation', { file: { key: 'newsroom.attachment_error_size' } });
  const mediaType = sniffMediaType(content);
  if (mediaType === null || !LEGAL_FILE_TYPES.includes(mediaType)) throw new AppError('validation', { file: { key: 'newsroom.attachment_error_type' } });
  // Content first: a stored file without a row is harmless (and reused by the next upload of the same bytes).
  const sha256 = storeContent(dataDir, content);
  const extension = mediaType === ACCEPTED_TYPES.pdf ? '.pdf' : '.docx';
  const cleaned = cleanFileName(uploadedName);
  const fileName = cleaned.toLowerCase().endsWith(extension) ? cleaned : `${cleaned}${extension}`;
  return db.transaction().execute(async (trx) => {
    const doc = await trx.selectFrom('legal_documents').select(['id', 'number_symbol']).where('id', '=', documentId).executeTakeFirst();
    if (doc === undefined) throw new AppError('not_found');
    const existing = await trx.selectFrom('legal_document_files').select('id').where('document_id', '=', documentId).execute();
    if (existing.length >= MAX_FILES_PER_DOCUMENT) throw new AppError('validation', { file: { key: 'newsroom.attachment_error_count', params: { max: MAX_FILES_PER_DOCUMENT } } });
    const { id } = await trx
      .insertInto('legal_document_files')
      .values({ document_id: documentId, sha256, file_name: fileName, media_type: mediaType, size_bytes: content.length, created_by: actor.id, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'newsroom.legal_file_attached', entityType: 'legal_document', entityId: documentId, after: { file: id, name: fileName, sha256, bytes: content.length } });
    return id;
  });
}

export async function removeLegalFile(db: Db, actor: AuditActor, documentId: number, fileId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const file = await legalFileById(trx, documentId, fileId);
    if (file === undefined) throw new AppError('not_found');
    await trx.deleteFrom('legal_document_files').where('id', '=', fileId).execute();
    // The content stays in the store: other attachments (or dossiers) may share the same bytes.
    await recordAudit(trx, actor, { action: 'newsroom.legal_file_removed', entityType: 'legal_document', entityId: documentId, before: { file: fileId, name: file.file_name, sha256: file.sha256 } });
  });
}
