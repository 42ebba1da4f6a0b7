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

/**
 * Folds text keeping a map from each folded UTF-16 index to the index in the NFC original,
 * so that matches found in folded text can be highlighted in the original.
 */
export function foldWithOffsets(original: string): { folded: string; offsets: number[] } {
  const source = nfc(original);
  let folded = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of source) {
    const f = fold(char);
    for (let i = 0; i < f.length; i++) offsets.push(index);
    folded += f;
    index += char.length;
  }
  offsets.push(index);
  return { folded, offsets };
}

/** Lower-cases Vietnamese text keeping its diacritics (locale-independent). */
export function lower(text: string): string {
  return nfc(text).toLowerCase();
}
