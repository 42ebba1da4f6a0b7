/**
 * Article cover images. An upload is accepted by what its bytes are (JPEG, PNG, WebP, GIF magic
 * numbers), never by its name or the browser's claim; it is decoded by sharp (a file that only
 * starts like an image fails there), stored once by SHA-256 under DATA_DIR/newsroom/images, and
 * re-encoded as WebP at fixed widths: what readers download is always our own re-encoding, without
 * the original's metadata (camera, GPS).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Sharp from 'sharp';

/** sharp (libvips), loaded with the first cover image: about 15 MB a server need not hold until then. */
let sharpLib: Promise<typeof Sharp> | undefined;
const loadSharp = (): Promise<typeof Sharp> => (sharpLib ??= import('sharp').then((m) => m.default));
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { articleById, revisionById } from './queries.ts';
import { canEditArticle } from './permissions.ts';

export const MAX_COVER_BYTES = 5 * 1024 * 1024;
export const COVER_WIDTHS = [640, 1280] as const;
// Beyond this many pixels decoding is refused (a small file can declare a huge image).
const MAX_PIXELS = 40_000_000;

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0): boolean => bytes.every((b, i) => buf[at + i] === b);

/** 'jpeg' | 'png' | 'webp' | 'gif' from the first bytes, or null. */
export function sniffImage(buf: Buffer): 'jpeg' | 'png' | 'webp' | 'gif' | null {
  if (buf.length < 12) return null;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (buf.subarray(0, 6).toString('latin1') === 'GIF87a' || buf.subarray(0, 6).toString('latin1') === 'GIF89a') return 'gif';
  return null;
}

const imagesDir = (dataDir: string): string => path.join(dataDir, 'newsroom', 'images');
/** The file of a variant: `<sha256>-<width>.webp`. */
export const variantPath = (dataDir: string, sha256: string, width: number): string => path.join(imagesDir(dataDir), sha256.slice(0, 2), `${sha256}-${width}.webp`);
export const variantUrl = (sha256: string, width: number): string => `/tin-tuc/anh/${sha256}-${width}.webp`;

function writeOnce(target: string, content: Buffer): void {
  if (existsSync(target)) return;
  mkdirSync(path.dirname(target), { recursive: true });
  // Write then rename, so a reader never sees half a file.
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, content, { mode: 0o640 });
  renameSync(temp, target);
}

/** Checks, stores and resizes an upload; returns its content hash. Throws unsupported_media_type. */
export async function storeCoverImage(dataDir: string, buf: Buffer): Promise<string> {
  if (sniffImage(buf) === null) throw new AppError('unsupported_media_type', { cover: { key: 'newsroom.cover_error_type' } });
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const sharp = await loadSharp();
  try {
    for (const width of COVER_WIDTHS) {
      const target = variantPath(dataDir, sha256, width);
      if (existsSync(target)) continue;
      const out = await sharp(buf, { limitInputPixels: MAX_PIXELS, animated: false }).rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
      writeOnce(target, out);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('unsupported_media_type', { cover: { key: 'newsroom.cover_error_type' } }, { cause: err });
  }
  return sha256;
}

/** Sets (or removes, sha256 null) the cover of the working revision as a new revision, audited. */
export async function setArticleCover(db: Db, actor: AuditActor, user: CurrentUser, id: number, sha256: string | null, alt: string): Promise<void> {
  const text = alt.trim();
  if (sha256 !== null && text === '') throw new AppError('validation', { cover_alt: { key: 'newsroom.cover_error_alt' } });
  if ([...text].length > 300) throw new AppError('validation', { cover_alt: { key: 'shell.field_too_long', params: { field: 'alt', max: 300 } } });
  await db.transaction().execute(async (trx) => {
    const article = await articleById(trx, id);
    if (article === undefined) throw new AppError('not_found');
    if (!canEditArticle(user, article)) throw new AppError('forbidden');
    const working = await revisionById(trx, article.working_revision_id);
    if (working === undefined) throw new AppError('not_found');
    const last = await trx.selectFrom('article_revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', id).executeTakeFirstOrThrow();
    const number = Number(last.n ?? 0) + 1;
    const { id: revisionId } = await trx
      .insertInto('article_revisions')
      .values({ ...working, id: undefined, number, cover_sha256: sha256, cover_alt: sha256 === null ? null : text, note: null, created_by: user.id, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const status = article.status === 'returned' ? 'returned' : 'draft';
    await trx.updateTable('articles').set({ working_revision_id: revisionId, status, scheduled_at: null, version: article.version + 1, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: sha256 === null ? 'newsroom.cover_removed' : 'newsroom.cover_set', entityType: 'article', entityId: id, agencyId: article.agency_id, before: { cover: working.cover_sha256 }, after: { cover: sha256, alt: text, revision: number } });
  });
}
