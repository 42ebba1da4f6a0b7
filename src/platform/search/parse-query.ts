/**
 * Turns whatever a reader typed into a safe list of terms and phrases. Nothing of the input
 * reaches the FTS engine as syntax: only folded runs of letters and digits survive, and the
 * engines receive them quoted (FTS5) or joined by our own operators (tsquery).
 */
import { fold } from '../text/fold.ts';

/** Longest query text considered; the rest is ignored (a 10,000-character paste is not an error). */
export const MAX_QUERY_CHARS = 500;
/** At most this many terms and phrases; more would only slow the engine without changing results. */
export const MAX_TERMS = 12;
const MAX_TERM_CHARS = 60;

export interface ParsedQuery {
  /** Each entry is one term (a single word) or a phrase (several words in order). */
  readonly groups: readonly (readonly string[])[];
  /** True when the input was cut (too long or too many terms). */
  readonly truncated: boolean;
}

const words = (text: string): string[] =>
  (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, MAX_TERM_CHARS));

export function parseQuery(input: string): ParsedQuery {
  let truncated = input.length > MAX_QUERY_CHARS;
  const text = input.slice(0, MAX_QUERY_CHARS);
  const groups: string[][] = [];
  // Split on double quotes: odd pieces are inside quotes. An unbalanced last quote just opens a phrase to the end.
  const pieces = text.split(/["“”„]/);
  pieces.forEach((piece, i) => {
    const ws = words(piece);
    if (ws.length === 0) return;
    if (i % 2 === 1 && ws.length > 1) groups.push(ws);
    else for (const w of ws) groups.push([w]);
  });
  const unique = new Map<string, string[]>();
  for (const g of groups) unique.set(g.join(' '), g);
  let result = [...unique.values()];
  if (result.length > MAX_TERMS) {
    result = result.slice(0, MAX_TERMS);
    truncated = true;
  }
  return { groups: result, truncated };
}

/** FTS5 MATCH expression: every group a quoted string (implicit AND); quotes cannot occur inside. */
export function toFts5(query: ParsedQuery): string {
  return query.groups.map((g) => `"${g.join(' ')}"`).join(' ');
}

/** PostgreSQL tsquery text: terms joined by &, phrase words by <->; words are letters and digits only. */
export function toTsquery(query: ParsedQuery): string {
  return query.groups.map((g) => (g.length === 1 ? g[0]! : `(${g.join(' <-> ')})`)).join(' & ');
}
