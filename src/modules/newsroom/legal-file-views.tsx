/** Attached files of a legal document: the editor's upload and removal, the readers' download list. */
import { CsrfField, fieldMessage } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import { formatNumber } from '../../platform/text/format.ts';
import type { LegalFileRow } from './legal-files.ts';

export const LEGAL_FILES_ADMIN = (documentId: number): string => `/quan-tri/van-ban/${documentId}/tep`;
export const legalFileUrl = (slug: string, fileId: number): string => `/van-ban/${slug}/tep/${fileId}`;

export function fileSize(bytes: number, ctx: ViewContext): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), ctx.locale, 1)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), ctx.locale)} KB`;
}

const kind = (f: LegalFileRow): string => (f.media_type === 'application/pdf' ? 'PDF' : 'DOCX');

export function LegalFilesPublic({ ctx, slug, files }: { ctx: ViewContext; slug: string; files: readonly LegalFileRow[] }): JSX.Element {
  if (files.length === 0) return <></>;
  return (
    <section aria-labelledby="legal-files">
      <h2 id="legal-files" safe>{ctx.t('newsroom.attachments')}</h2>
      <ul class="attachment-list">
        {files.map((f) => (
          <li>
            <a href={legalFileUrl(slug, f.id)} download={f.file_name} safe>{ctx.t('newsroom.attachment_download', { name: f.file_name, size: `${kind(f)}, ${fileSize(f.size_bytes, ctx)}` })}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LegalFilesAdmin({ ctx, documentId, slug, files, errors }: { ctx: ViewContext; documentId: number; slug: string; files: readonly LegalFileRow[]; errors?: FieldErrors | undefined }): JSX.Element {
  const t = ctx.t;
  const message = fieldMessage(t, errors, 'file');
  return (
    <section aria-labelledby="legal-files-admin" class="stack">
      <h2 id="legal-files-admin" safe>{t('newsroom.attachments')}</h2>
      {files.length === 0 ? <p class="muted" safe>{t('newsroom.attachment_none')}</p> : (
        <ul class="attachment-list">
          {files.map((f) => (
            <li>
              <a href={legalFileUrl(slug, f.id)} safe>{`${f.file_name} (${kind(f)}, ${fileSize(f.size_bytes, ctx)})`}</a>
              <form method="post" action={`${LEGAL_FILES_ADMIN(documentId)}/${f.id}/go`} class="inline-form">
                <CsrfField ctx={ctx} />
                <button type="submit" class="button-secondary" aria-label={`${t('newsroom.attachment_remove')}: ${f.file_name}`} safe>{t('newsroom.attachment_remove')}</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={LEGAL_FILES_ADMIN(documentId)} enctype="multipart/form-data" class="stack">
        <CsrfField ctx={ctx} />
        <div class={message === undefined ? 'field' : 'field field-error'}>
          <label for="f-file" safe>{t('newsroom.attachment_file')}</label>
          {message === undefined ? '' : <p class="error-message" id="f-file-error" safe>{message}</p>}
          <input type="file" id="f-file" name="file" accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={message === undefined ? undefined : 'f-file-error'} />
        </div>
        <div class="actions">
          <button type="submit" class="button-secondary" safe>{t('newsroom.attachment_upload')}</button>
        </div>
      </form>
    </section>
  );
}
