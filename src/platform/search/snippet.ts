/**
 * Snippets cut from the original text around the first match, with every match of the query's
 * words wrapped in <mark>. Matching runs on the folded text; the offsets map it back to the
 * original, so "doan" highlights "Đoàn". The result is HTML: everything else is escaped here.
 */
import { fold, nfc } from '../text/fold.ts';

// fold() of one character, remembered: a text uses few distinct characters, and snippets are cut
// for every result of every search.
const foldedChars = new Map<string, string>();
const foldChar = (c: string): string => {
  let f = foldedChars.get(c);
  if (f === undefined) {
    f = fold(c);
    if (foldedChars.size < 10_000) foldedChars.set(c, f);
  }
  return f;
};

/** Same result as foldWithOffsets() in platform/text (folded text and a map back to the original). */
function foldWithOffsets(original: string): { folded: string; offsets: number[] } {
  const source = nfc(original);
  const parts: string[] = [];
  const offsets: number[] = [];
  let index = 0;
  for (const char of source) {
    const f = foldChar(char);
    for (let i = 0; i < f.length; i++) offsets.push(index);
    parts.push(f);
    index += char.length;
  }
  offsets.push(index);
  return { folded: parts.join(''), offsets };
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Span {
  start: number;
  end: number;
  /** Index of the query word matched (before merging). */
  word: number;
}

/** Word-boundary matches of any of `words` in the folded text, as original-text spans. */
function matches(folded: string, offsets: number[], words: readonly string[]): Span[] {
  const spans: Span[] = [];
  [...new Set(words)].forEach((w, word) => {
    if (w === '') return;
    let from = 0;
    for (;;) {
      const i = folded.indexOf(w, from);
      if (i === -1) break;
      from = i + 1;
      const before = folded[i - 1];
      const after = folded[i + w.length];
      const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
      if (isWordChar(before) || isWordChar(after)) continue;
      spans.push({ start: offsets[i]!, end: offsets[i + w.length]!, word });
    }
  });
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Where the window holding the most different query words begins (the first match when all are equal). */
function bestStart(spans: readonly Span[], length: number): number {
  let best = spans[0]?.start ?? 0;
  let bestCount = 0;
  const candidates = spans.slice(0, 200);
  for (const s of candidates) {
    const seen = new Set<number>();
    for (const o of candidates) if (o.start >= s.start && o.end <= s.start + (length * 2) / 3) seen.add(o.word);
    if (seen.size > bestCount) {
      bestCount = seen.size;
      best = s.start;
    }
  }
  return best;
}

/** Highlights `words` everywhere in `text` (for titles). Returns escaped HTML. */
export function highlight(text: string, words: readonly string[]): string {
  const { folded, offsets } = foldWithOffsets(text);
  const source = text.normalize('NFC');
  return render(source, matches(folded, offsets, words), 0, source.length);
}

function render(source: string, spans: readonly Span[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    out += escapeHtml(source.slice(at, start)) + '<mark>' + escapeHtml(source.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeHtml(source.slice(at, to));
}

/** A window of about `length` characters around the first match, highlighted; the start of the text when nothing matches. */
export function snippet(text: string, words: readonly string[], length = 240): string {
  const source = text.normalize('NFC');
  const { folded, offsets } = foldWithOffsets(source);
  const spans = matches(folded, offsets, words);
  const first = bestStart(spans, length);
  let from = Math.max(0, first - Math.floor(length / 3));
  // Start and end on word boundaries so no word is cut in half.
  if (from > 0) {
    const space = source.indexOf(' ', from);
    from = space === -1 || space > first ? from : space + 1;
  }
  let to = Math.min(source.length, from + length);
  if (to < source.length) {
    const space = source.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  return (from > 0 ? '… ' : '') + render(source, spans, from, to) + (to < source.length ? ' …' : '');
}
