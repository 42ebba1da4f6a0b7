/**
 * Reads the QR code of a PDF made by VietnamesePdf.qr, as a phone would after rendering the page:
 * the code is drawn as vector rectangles (one per run of dark modules), so this renders those
 * rectangles onto a bitmap with a quiet zone and hands the bitmap to a real QR decoder (jsQR).
 */
import { inflateSync } from 'node:zlib';
import jsqrModule from 'jsqr';

// jsqr is CommonJS with an ES-style default export in its types: take the function either way.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = (jsqrModule as unknown as { default?: Decode }).default ?? (jsqrModule as unknown as Decode);

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The content streams of the PDF, inflated. */
function contentStreams(pdf: Buffer): string[] {
  const latin = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of latin.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const dict = m[1] ?? '';
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? '-1');
    if (length < 0 || /\/Subtype|\/Length1|\/Type \/XRef/.test(dict)) continue;
    const start = (m.index ?? 0) + m[0].length;
    const raw = pdf.subarray(start, start + length);
    try {
      out.push((dict.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1'));
    } catch {
      // Not a content stream (fonts are skipped above; anything else undecodable is not ours).
    }
  }
  return out;
}

/** Runs of `re` operators filled together, each as its rectangles. */
function filledGroups(stream: string): Rect[][] {
  const groups: Rect[][] = [];
  let current: Rect[] = [];
  const tokens = stream.split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const op = tokens[i];
    if (op === 're') {
      const [x, y, w, h] = tokens.slice(i - 4, i).map(Number);
      if ([x, y, w, h].every((v) => v !== undefined && Number.isFinite(v))) current.push({ x: x!, y: y!, w: w!, h: h! });
    } else if (op === 'f' || op === 'f*' || op === 'F') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else if (op === 'n' || op === 'S' || op === 'B') {
      current = [];
    }
  }
  return groups;
}

/** Decodes the QR codes drawn in the PDF; returns their texts (empty when none is found). */
export function readPdfQrCodes(pdf: Buffer): string[] {
  const found: string[] = [];
  for (const stream of contentStreams(pdf)) {
    for (const rects of filledGroups(stream)) {
      // A QR code: many rectangles all one module high.
      const cell = Math.min(...rects.map((r) => r.h));
      if (rects.length < 21 || !rects.every((r) => Math.abs(r.h - cell) < 1e-3)) continue;
      const minX = Math.min(...rects.map((r) => r.x));
      const minY = Math.min(...rects.map((r) => r.y));
      const n = Math.round((Math.max(...rects.map((r) => r.x + r.w)) - minX) / cell);
      const scale = 6;
      const quiet = 4;
      const side = (n + 2 * quiet) * scale;
      const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
      for (const r of rects) {
        const col0 = Math.round((r.x - minX) / cell);
        const cols = Math.round(r.w / cell);
        const row = Math.round((r.y - minY) / cell);
        for (let c = col0; c < col0 + cols; c++) {
          for (let dy = 0; dy < scale; dy++) {
            for (let dx = 0; dx < scale; dx++) {
              const px = (quiet + c) * scale + dx;
              const py = (quiet + row) * scale + dy;
              const at = (py * side + px) * 4;
              pixels[at] = 0;
              pixels[at + 1] = 0;
              pixels[at + 2] = 0;
            }
          }
        }
      }
      const code = jsQR(pixels, side, side);
      if (code !== null) found.push(code.data);
    }
  }
  return found;
}
