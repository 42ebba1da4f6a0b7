/**
 * Reads back what a PDF made by VietnamesePdf says: its text (through each font's ToUnicode map)
 * and the code points its embedded fonts can show. A reader for our own output (pdfkit's layout of
 * objects, Flate streams, two-byte glyph codes), used by tests to check what a user would see.
 */
import { inflateSync } from 'node:zlib';

export interface PdfFacts {
  readonly version: string;
  readonly pages: number;
  /** The text of every text-showing operator, one line per operator group at a new position. */
  readonly text: string;
  /** Every code point that some embedded font maps a glyph to. */
  readonly codePoints: ReadonlySet<number>;
  readonly embeddedFonts: number;
  /** Rectangles drawn (`re` operators): a QR code is drawn as one per run of dark modules. */
  readonly rectangles: number;
}

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  const latin = pdf.toString('latin1');
  const re = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(latin)) !== null) {
    const start = m.index + m[0].length;
    const end = latin.indexOf('endobj', start);
    if (end < 0) break;
    const body = latin.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + (body[streamAt + 6] === '\r' ? 8 : 7);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? '0');
      const raw = pdf.subarray(dataStart, dataStart + length);
      stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

/** CID → text, from a ToUnicode CMap's bfrange and bfchar sections. */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const from = parseInt(m[1] ?? '0', 16);
    [...(m[3] ?? '').matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(from + i, utf16(d[1] ?? '')));
  }
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (section[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1] ?? '0', 16), utf16(m[2] ?? ''));
  }
  return map;
}

export function inspectPdf(pdf: Buffer): PdfFacts {
  const head = pdf.subarray(0, 16).toString('latin1');
  const version = /^%PDF-(\d\.\d)/.exec(head)?.[1];
  if (version === undefined || !pdf.subarray(-64).toString('latin1').includes('%%EOF')) throw new Error('not a PDF');
  const objs = objects(pdf);
  const fontMaps = new Map<string, Map<number, string>>();
  const codePoints = new Set<number>();
  let pages = 0;
  let embeddedFonts = 0;
  for (const o of objs.values()) {
    if (/\/Type \/Page\b/.test(o.dict)) pages++;
    if (o.dict.includes('/FontFile2')) embeddedFonts++;
    for (const m of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objs.get(Number(m[2]));
      const ref = font === undefined ? undefined : /\/ToUnicode (\d+) 0 R/.exec(font.dict)?.[1];
      const cmap = ref === undefined ? undefined : objs.get(Number(ref))?.stream;
      if (cmap === undefined || cmap === null || fontMaps.has(m[1] ?? '')) continue;
      const map = toUnicodeMap(cmap.toString('latin1'));
      fontMaps.set(m[1] ?? '', map);
      for (const s of map.values()) for (const ch of s) codePoints.add(ch.codePointAt(0) ?? 0);
    }
  }
  const lines: string[] = [];
  let rectangles = 0;
  for (const o of objs.values()) {
    const content = o.stream?.toString('latin1') ?? '';
    if (!o.dict.includes('/Subtype') && !o.dict.includes('/Length1')) rectangles += (content.match(/ re\n/g) ?? []).length;
    if (!content.includes('BT')) continue;
    let font = new Map<number, string>();
    let line = '';
    let lastY = '';
    for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|1 0 0 -?1 [\d.-]+ ([\d.-]+) Tm|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (m[1] !== undefined) font = fontMaps.get(m[1]) ?? new Map();
      else if (m[2] !== undefined) {
        if (m[2] !== lastY && line !== '') {
          lines.push(line);
          line = '';
        }
        lastY = m[2];
      } else {
        const hexes = m[3] !== undefined ? [...m[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? '') : [m[4] ?? ''];
        for (const hex of hexes) for (const code of hex.match(/.{4}/g) ?? []) line += font.get(parseInt(code, 16)) ?? '\uFFFD';
      }
    }
    if (line !== '') lines.push(line);
  }
  return { version, pages, text: lines.join('\n'), codePoints, embeddedFonts, rectangles };
}
