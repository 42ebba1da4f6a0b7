/**
 * Reads entries of a ZIP archive (an .xlsx workbook) with the native zlib, so that an oversized sheet
 * is measured in milliseconds before the workbook is parsed (exceljs and JSZip inflate in JavaScript,
 * about a second for a 100,000-row sheet). Inflation is capped, which also stops decompression bombs.
 * Only what a workbook uses is supported: stored or deflated entries, no ZIP64, no encryption.
 * Layout from the PKWARE APPNOTE (end of central directory, central directory, local headers).
 */
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  readonly name: string;
  /** The entry's bytes, inflated; throws when inflated data would exceed `maxBytes`. */
  read(maxBytes: number): Buffer;
}

/** The archive's entries, or null when the bytes are not a ZIP archive this reader understands. */
export function zipEntries(zip: Buffer): ZipEntry[] | null {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return null;
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if ((flags & 1) === 1 || (method !== 0 && method !== 8) || compressedSize === 0xffffffff) return null;
    if (localAt + 30 > zip.length || zip.readUInt32LE(localAt) !== LOCAL) return null;
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    if (dataAt + compressedSize > zip.length) return null;
    const data = zip.subarray(dataAt, dataAt + compressedSize);
    entries.push({
      name,
      read(maxBytes: number): Buffer {
        if (method === 0) {
          if (data.length > maxBytes) throw new RangeError('zip entry too large');
          return data;
        }
        return inflateRawSync(data, { maxOutputLength: maxBytes });
      },
    });
  }
  return entries;
}
