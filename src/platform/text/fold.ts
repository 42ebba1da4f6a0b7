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
 * Folds text keeping a map from each folded UTF-16 index to the index in its NFC form (`source`,
 * returned too), so that matches found in folded text can be highlighted in the original. Each
 * character is folded on its own (ASCII by lower-casing, the rest through fold(), remembered); the
 * folded text is built in one array and decoded once, so that a 2,000-character body costs two
 * arrays and a string rather than a string and a number for every character (search snippets fold
 * every hit). After NFC no character folds longer than itself (checked over all of Unicode); the
 * arrays have room for twice that.
 */
export function foldWithOffsets(original: string): { source: string; folded: string; offsets: Uint32Array } {
  const source = nfc(original);
  const n = source.length;
  const units = new Uint16Array(2 * n);
  const offsets = new Uint32Array(2 * n + 1);
  let out = 0;
  for (let i = 0; i < n; ) {
    const c = source.charCodeAt(i);
    if (c < 0x80) {
      units[out] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      offsets[out++] = i++;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const f = foldChar(source.slice(i, i + width));
    for (let k = 0; k < f.length; k++) {
      units[out] = f.charCodeAt(k);
      offsets[out++] = i;
    }
    i += width;
  }
  offsets[out] = n;
  return { source, folded: utf16.decode(units.subarray(0, out)), offsets: offsets.subarray(0, out + 1) };
}

/** Lower-cases Vietnamese text keeping its diacritics (locale-independent). */
export function lower(text: string): string {
  return nfc(text).toLowerCase();
}
