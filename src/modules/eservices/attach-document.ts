/** Attaching a document to a draft's component, and removing it. */
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import { isContentReused, type DossierRow } from './dossier-queries.ts';
import { cleanFileName, MAX_FILE_BYTES, sniffMediaType, storeContent, type AcceptedType } from './file-store.ts';

/** The media type of a document's content; throws AppError (field `file`) when it is empty, too large or not an accepted type. */
export function checkDocumentContent(content: Buffer): AcceptedType {
  if (content.length === 0) throw new AppError('validation', { file: { key: 'eservices.error_file_empty' } });
  if (content.length > MAX_FILE_BYTES) throw new AppError('payload_too_large', { file: { key: 'eservices.error_file_size', params: { mb: MAX_FILE_BYTES / 1024 / 1024 } } });
  const mediaType = sniffMediaType(content);
  if (mediaType === null) throw new AppError('unsupported_media_type', { file: { key: 'eservices.error_file_type' } });
  return mediaType;
}

/** Checks the content and size, stores the bytes by hash and links them; returns the new row's id. */
export async function attachDocument(db: Db, dataDir: string, dossier: DossierRow, componentCode: string, fileName: string, content: Buffer): Promise<number> {
  // Documents are added while drafting, and again when the agency asks for supplements.
  if (dossier.status !== 'draft' && dossier.status !== 'supplement_requested') throw new AppError('conflict', { file: { key: 'eservices.error_not_draft' } });
  const component = await db.selectFrom('procedure_components').select('code').where('procedure_id', '=', dossier.procedure_id).where('code', '=', componentCode).executeTakeFirst();
  if (component === undefined) throw new AppError('validation', { file: { key: 'eservices.error_component' } });
  const mediaType = checkDocumentContent(content);
  const sha256 = storeContent(dataDir, content);
  const reused = await isContentReused(db, dossier.applicant_id, sha256, dossier.id);
  const { id } = await db
    .insertInto('dossier_files')
    .values({ dossier_id: dossier.id, component_code: component.code, sha256, file_name: cleanFileName(fileName), media_type: mediaType, size_bytes: content.length, reused: reused ? 1 : 0, uploaded_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function removeDocument(db: Db, dossier: DossierRow, fileId: number): Promise<void> {
  if (dossier.status !== 'draft') throw new AppError('conflict', { file: { key: 'eservices.error_not_draft' } });
  const result = await db.deleteFrom('dossier_files').where('id', '=', fileId).where('dossier_id', '=', dossier.id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError('not_found');
}
