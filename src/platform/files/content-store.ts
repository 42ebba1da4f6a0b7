/**
 * Uploaded files accepted by what their bytes are, not by their name or the browser's claim, and
 * stored once by content (SHA-256) under DATA_DIR/files/<2 hex>/<sha256>. Shared by the modules
 * that take documents (e-services dossiers, the newsroom's legal documents); each sets its own
 * size limit and the types it accepts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ACCEPTED_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[keyof typeof ACCEPTED_TYPES];

const startsWith = (buf: Buffer, bytes: readonly number[]): boolean => bytes.every((b, i) => buf[i] === b);

/**
 * The media type the content shows, or null. DOCX and XLSX are ZIP packages (ECMA-376) whose
 * entries name their main part: word/document.xml or xl/workbook.xml; entry names are stored
 * uncompressed in the local headers.
 */
export function sniffMediaType(buf: Buffer): AcceptedType | null {
  if (buf.length < 8) return null;
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return ACCEPTED_TYPES.pdf;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return ACCEPTED_TYPES.jpeg;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ACCEPTED_TYPES.png;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const names = buf.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return ACCEPTED_TYPES.docx;
    if (names.includes('xl/workbook.xml')) return ACCEPTED_TYPES.xlsx;
  }
  return null;
}

export const sha256Hex = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');

export const storedFilePath = (dataDir: string, sha256: string): string => path.join(dataDir, 'files', sha256.slice(0, 2), sha256);

/** Writes the content once (write to a temporary name, then rename: a reader never sees half a file). */
export function storeContent(dataDir: string, buf: Buffer): string {
  const sha256 = sha256Hex(buf);
  const target = storedFilePath(dataDir, sha256);
  if (!existsSync(target)) {
    mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, buf, { mode: 0o640 });
    renameSync(temp, target);
  }
  return sha256;
}

/** A file name safe to show and to send back: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim()].slice(0, 200).join('');
  return cleaned === '' ? 'tai-lieu' : cleaned;
}
