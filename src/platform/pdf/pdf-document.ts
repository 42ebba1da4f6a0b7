/**
 * PDF documents in Vietnamese (receipts, licences) on pdfkit, in the portal's own font.
 *
 * Be Vietnam Pro (SIL OFL 1.1) comes from @fontsource split by Unicode subset: `latin` lacks most
 * Vietnamese letters with tone marks, which sit in the `vietnamese` subset, and `latin-ext` holds
 * the rest. So each word is cut into runs by the first subset that has the glyph (fontkit's
 * `hasGlyphForCodePoint`), and lines are laid out here rather than by pdfkit: pdfkit's own wrapping
 * could break a line between two runs of one word ("S|ở"). Every subset used is embedded (pdfkit
 * subsets it again to the glyphs used) with a ToUnicode map, so the text can be searched and copied.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type * as fontkit from 'fontkit';
import type PDFDocumentClass from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);
/**
 * pdfkit and fontkit are loaded with the first document, not at start-up: together they hold about
 * 35 MB of the server's memory, which a server that issues no PDF need not pay.
 */
/**
 * Text is set without ligatures: a ligature glyph ("ff", "fi") maps back to no or the wrong
 * characters when the text is copied or searched, which garbled random tokens in verification
 * links (fontkit takes an object of feature switches; pdfkit passes it through).
 */
const NO_LIGATURES = { liga: false, clig: false, dlig: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

let pdfkitLib: typeof PDFDocumentClass | undefined;
let fontkitLib: typeof fontkit | undefined;
const PDFDocument = (): typeof PDFDocumentClass => (pdfkitLib ??= require('pdfkit') as typeof PDFDocumentClass);
const fontkitModule = (): typeof fontkit => (fontkitLib ??= require('fontkit') as typeof fontkit);
const FONT_DIR = path.join(path.dirname(require.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
/** The order in which subsets are tried: most text is plain Latin, then Vietnamese letters. */
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;
const WEIGHTS = { regular: 400, bold: 700 } as const;
type Weight = keyof typeof WEIGHTS;

interface LoadedFont {
  readonly name: string;
  readonly data: Buffer;
  readonly font: fontkit.Font;
}

let fonts: Record<Weight, LoadedFont[]> | undefined;
const widths = new Map<string, number>();
function loadFonts(): Record<Weight, LoadedFont[]> {
  fonts ??= {
    regular: SUBSETS.map((s) => loadFont('regular', s)),
    bold: SUBSETS.map((s) => loadFont('bold', s)),
  };
  return fonts;
}
function loadFont(weight: Weight, subset: string): LoadedFont {
  const data = woffToSfnt(readFileSync(path.join(FONT_DIR, `be-vietnam-pro-${subset}-${WEIGHTS[weight]}-normal.woff`)));
  return { name: `BeVietnamPro-${weight}-${subset}`, data, font: fontkitModule().create(data) };
}

/**
 * Unpacks a WOFF 1.0 file (W3C, 2012) into the TrueType font it wraps, once per process: pdfkit
 * parses each font again for every document, and inflating the WOFF tables each time made a
 * licence PDF take several times longer.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: Buffer; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : raw });
  }
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const head = Buffer.alloc(12 + numTables * 16);
  woff.copy(head, 0, 4, 8);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(entrySelector, 8);
  head.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    t.tag.copy(head, rec);
    head.writeUInt32BE(t.checksum, rec + 4);
    head.writeUInt32BE(offset, rec + 8);
    head.writeUInt32BE(t.data.length, rec + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** Shown for a character none of the subsets has (emoji, rare symbols), so nothing is silently dropped. */
const MISSING = '?';

interface Run {
  readonly font: string;
  readonly text: string;
}

/** Cuts text into runs of one font each. Exported for tests. */
export function fontRuns(text: string, weight: Weight = 'regular'): Run[] {
  const set = loadFonts()[weight];
  const runs: { font: string; text: string }[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    const found = set.find((f) => f.font.hasGlyphForCodePoint(cp));
    const font = found ?? set[0];
    const out = found === undefined ? MISSING : ch;
    if (font === undefined) continue;
    const last = runs.at(-1);
    if (last !== undefined && last.font === font.name) last.text += out;
    else runs.push({ font: font.name, text: out });
  }
  return runs;
}

export interface TextOptions {
  readonly size?: number;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  /** Left edge; the page's left margin by default. */
  readonly x?: number;
  /** Box width; up to the right margin by default. */
  readonly width?: number;
  /** Space after the paragraph, in points. */
  readonly gapAfter?: number;
}

export interface PdfMeta {
  readonly title: string;
  readonly subject?: string;
  readonly author?: string;
}

/** An A4 document that writes Vietnamese text, rules and QR codes top to bottom. */
export class VietnamesePdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  y: number;

  constructor(meta: PdfMeta) {
    const Document = PDFDocument();
    this.doc = new Document({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 64, right: 56 },
      lang: 'vi-VN',
      displayTitle: true,
      info: { Title: meta.title, Subject: meta.subject ?? '', Author: meta.author ?? '', Creator: 'congso' },
    });
    // The parsed fontkit fonts are shared by all documents (pdfkit accepts a font object): parsing
    // them and their layout tables again for every document was most of a PDF's time.
    for (const set of Object.values(loadFonts())) for (const f of set) this.doc.registerFont(f.name, f.font as unknown as Buffer);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.y = this.doc.page.margins.top;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when fewer than `height` points are left. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.addPage();
      this.y = this.doc.page.margins.top;
    }
  }

  private measure(runs: readonly Run[], size: number): number {
    let w = 0;
    for (const r of runs) w += this.runWidth(r) * size;
    return w;
  }

  /** The width of a run at 1 pt, remembered across documents (widths scale with the size). */
  private runWidth(r: Run): number {
    const key = `${r.font}\u0000${r.text}`;
    let w = widths.get(key);
    if (w === undefined) {
      w = this.doc.font(r.font).fontSize(1000).widthOfString(r.text, { features: NO_LIGATURES }) / 1000;
      if (widths.size >= 50_000) widths.clear();
      widths.set(key, w);
    }
    return w;
  }

  /** Breaks text into lines of words at spaces (a newline starts a new line), each word measured. */
  private wrap(text: string, weight: Weight, size: number, width: number): { runs: Run[]; width: number }[][] {
    const spaceWidth = this.measure(fontRuns(' ', weight), size);
    const lines: { runs: Run[]; width: number }[][] = [];
    for (const paragraph of text.replace(/\t/g, ' ').split(/\r?\n/)) {
      const words = paragraph.split(/ +/).filter((w) => w !== '').map((w) => {
        const runs = fontRuns(w, weight);
        return { runs, width: this.measure(runs, size) };
      });
      let line: typeof words = [];
      let lineWidth = 0;
      for (const w of words) {
        const needed = line.length === 0 ? w.width : lineWidth + spaceWidth + w.width;
        if (line.length > 0 && needed > width) {
          lines.push(line);
          line = [w];
          lineWidth = w.width;
        } else {
          line.push(w);
          lineWidth = needed;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  private box(options: TextOptions): { size: number; weight: Weight; x: number; width: number } {
    const size = options.size ?? 11;
    const x = options.x ?? this.left;
    return { size, weight: options.bold === true ? 'bold' : 'regular', x, width: options.width ?? this.left + this.contentWidth - x };
  }

  /** The height `text` would take with these options, without writing it. */
  heightOf(text: string, options: TextOptions = {}): number {
    const { size, weight, width } = this.box(options);
    return this.wrap(text, weight, size, width).length * size * 1.4;
  }

  /** Writes a paragraph wrapped at spaces; a newline starts a new line. Returns the height used. */
  text(text: string, options: TextOptions = {}): number {
    const { size, weight, x, width } = this.box(options);
    const lineHeight = size * 1.4;
    const spaceWidth = this.measure(fontRuns(' ', weight), size);
    const start = this.y;
    const lines = this.wrap(text, weight, size, width);
    for (const l of lines) {
      this.ensureSpace(lineHeight);
      const used = l.reduce((sum, w) => sum + w.width, 0) + spaceWidth * Math.max(0, l.length - 1);
      let cx = options.align === 'center' ? x + (width - used) / 2 : options.align === 'right' ? x + width - used : x;
      // Consecutive runs in one font are drawn together, with the spaces between words, so that
      // copied text keeps its spaces and a line takes a few drawing calls rather than one per run.
      const segments: { font: string; text: string; x: number }[] = [];
      l.forEach((w, wi) => {
        w.runs.forEach((r, ri) => {
          const last = segments.at(-1);
          const text = wi < l.length - 1 && ri === w.runs.length - 1 ? `${r.text} ` : r.text;
          if (last !== undefined && last.font === r.font && (ri > 0 || last.text.endsWith(' '))) last.text += text;
          else segments.push({ font: r.font, text, x: cx });
          cx += this.runWidth(r) * size;
        });
        cx += spaceWidth;
      });
      for (const seg of segments) this.doc.font(seg.font).fontSize(size).text(seg.text, seg.x, this.y + (lineHeight - size) / 2, { lineBreak: false, features: NO_LIGATURES });
      this.y += lineHeight;
    }
    this.y += options.gapAfter ?? 0;
    return this.y - start;
  }

  /** Label and value side by side (the value wraps in its column); both start on the same line. */
  row(label: string, value: string, options: { size?: number; labelWidth?: number; width?: number } = {}): void {
    const size = options.size ?? 11;
    const labelWidth = options.labelWidth ?? 150;
    const label_ = { size, x: this.left, width: labelWidth - 8 };
    const value_ = { size, bold: true, x: this.left + labelWidth, width: (options.width ?? this.contentWidth) - labelWidth };
    // Label and value start on the same page: the taller of the two decides whether a new one is needed.
    this.ensureSpace(Math.max(this.heightOf(label, label_), this.heightOf(value, value_)));
    const top = this.y;
    this.text(label, label_);
    const afterLabel = this.y;
    this.y = top;
    this.text(value, value_);
    this.y = Math.max(this.y, afterLabel) + 2;
  }

  /** A thin horizontal line across the text width. */
  rule(gap = 8): void {
    this.y += gap / 2;
    this.doc.moveTo(this.left, this.y).lineTo(this.left + this.contentWidth, this.y).lineWidth(0.5).strokeColor('#555555').stroke();
    this.y += gap / 2;
  }

  /** A QR code drawn as vector squares (sharp at any zoom, no image to decode) with a one-module quiet zone; does not move the text position. */
  qr(data: string, at: { x: number; y: number; size: number }): void {
    const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
    const n = modules.size;
    const cell = at.size / (n + 2);
    this.doc.save();
    this.doc.rect(at.x, at.y, at.size, at.size).fill('#ffffff');
    for (let row = 0; row < n; row++) {
      // One rectangle per horizontal run of dark modules keeps the content stream small.
      for (let col = 0; col < n; col++) {
        if (!modules.get(row, col)) continue;
        let end = col;
        while (end + 1 < n && modules.get(row, end + 1)) end++;
        this.doc.rect(at.x + (col + 1) * cell, at.y + (row + 1) * cell, (end - col + 1) * cell, cell);
        col = end;
      }
    }
    this.doc.fill('#000000');
    this.doc.restore();
  }

  /** Ends the document and returns its bytes. */
  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
