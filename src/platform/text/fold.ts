/**
 * Vietnamese text folding for search, slugs and comparisons.
 * Unicode does not decompose đ/Đ (U+0111/U+0110) into d + mark, so they are mapped explicitly;
 * SQLite's `remove_diacritics 2` and PostgreSQL's unaccent under a C locale do not agree on them.
 */

const D_STROKE = /[đĐÐ]/g;
const MARKS = /\p{M}/gu;

/** Normalises user input to NFC (composed), the form stored everywhere. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Folds one string for matching: lower case, no diacritics, đ→d. "Đoàn Thị Hà" → "doan thi ha". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(D_STROKE, 'd').toLowerCase().normalize('NFC');
}

// fold() of one character, remembered: a text uses few distinct characters.
const foldedChars = new Map<string, string>();
const foldChar = (c: string): string => {
  let f = foldedChars.get(c);
  if (f === undefined) {
    f = fold(c);
    if (foldedChars.size < 10_000) foldedChars.set(c, f);
  }
  return f;
};
const utf16 = new TextDecoder('utf-16le');

/**
 * Folds text keeping a map from each folded UTF-16 index to the index in the NFC original,
 * so that matches found in folded text can be highlighted in the original. Each character is
 * folded on its own (ASCII by lower-casing, the rest through fold(), remembered); the folded text
 * is built in one array and decoded once, so that a 2,000-character body costs two arrays and a
 * string rather than a string and a number for every character (search snippets fold every hit).
 */
export function foldWithOffsets(original: string): { folded: string; offsets: Uint32Array } {
  const source = nfc(original);
  const n = source.length;
  // A folded character is rarely longer than the original (a ligature); grow if one is.
  let units = new Uint16Array(n + 8);
  let offsets = new Uint32Array(n + 9);
  let out = 0;
  for (let i = 0; i < n; ) {
    const c = source.charCodeAt(i);
    if (c < 0x80) {
      if (out + 1 > units.length) [units, offsets] = grow(units, offsets, out + 1);
      units[out] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      offsets[out++] = i++;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const f = foldChar(source.slice(i, i + width));
    if (out + f.length > units.length) [units, offsets] = grow(units, offsets, out + f.length);
    for (let k = 0; k < f.length; k++) {
      units[out] = f.charCodeAt(k);
      offsets[out++] = i;
    }
    i += width;
  }
  offsets[out] = n;
  return { folded: utf16.decode(units.subarray(0, out)), offsets: offsets.subarray(0, out + 1) };
}

function grow(units: Uint16Array<ArrayBuffer>, offsets: Uint32Array<ArrayBuffer>, need: number): [Uint16Array<ArrayBuffer>, Uint32Array<ArrayBuffer>] {
  const size = Math.max(need + 8, units.length * 2);
  const u = new Uint16Array(size);
  u.set(units);
  const o = new Uint32Array(size + 1);
  o.set(offsets);
  return [u, o];
}

/** Lower-cases Vietnamese text keeping its diacritics (locale-independent). */
export function lower(text: string): string {
  return nfc(text).toLowerCase();
}
