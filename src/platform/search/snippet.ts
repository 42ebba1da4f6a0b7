/**
 * Snippets cut from the original text around the first match, with every match of the query's
 * words wrapped in <mark>. Matching runs on the folded text; the offsets map it back to the
 * original, so "doan" highlights "Đoàn". The result is HTML: everything else is escaped here.
 */
import { foldWithOffsets } from '../text/fold.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

interface Span {
  start: number;
  end: number;
  /** Index of the query word matched (before merging). */
  word: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && (c < '\x80' ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') : WORD_CHAR.test(c));

/** Word-boundary matches of any of `words` in the folded text, as original-text spans, in order and merged where they overlap. */
function matches(folded: string, offsets: ArrayLike<number>, words: readonly string[]): Span[] {
  const spans: Span[] = [];
  let word = 0;
  for (const w of new Set(words)) {
    if (w !== '') {
      for (let i = folded.indexOf(w); i !== -1; i = folded.indexOf(w, i + 1)) {
        if (isWordChar(folded[i - 1]) || isWordChar(folded[i + w.length])) continue;
        spans.push({ start: offsets[i]!, end: offsets[i + w.length]!, word });
      }
    }
    word++;
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  return merged;
}

/**
 * Where the window holding the most different query words begins (the first match when all are
 * equal). Spans are in order and do not overlap, so the spans inside the window that starts at one
 * are the ones after it up to the window's end.
 */
function bestStart(spans: readonly Span[], length: number): number {
  let best = spans[0]?.start ?? 0;
  let bestCount = 0;
  const candidates = Math.min(spans.length, 200);
  const seen = new Set<number>();
  for (let i = 0; i < candidates; i++) {
    const limit = spans[i]!.start + (length * 2) / 3;
    seen.clear();
    for (let j = i; j < candidates && spans[j]!.end <= limit; j++) seen.add(spans[j]!.word);
    if (seen.size > bestCount) {
      bestCount = seen.size;
      best = spans[i]!.start;
    }
  }
  return best;
}

/** Highlights `words` everywhere in `text` (for titles). Returns escaped HTML. */
export function highlight(text: string, words: readonly string[]): string {
  const { source, folded, offsets } = foldWithOffsets(text);
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
  const { source, folded, offsets } = foldWithOffsets(text);
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
