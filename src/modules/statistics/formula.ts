/**
 * Formulas of derived indicators, e.g. `(telecom.fixed_phone_subscriptions + telecom.mobile_subscriptions) / population * 100`.
 * A small parser of our own (numbers, indicator codes, + - * /, parentheses, unary minus): formulas are
 * data an administrator may edit, so they are never handed to eval or Function.
 */

export type Formula =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'ref'; readonly code: string }
  | { readonly kind: 'neg'; readonly operand: Formula }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Formula; readonly right: Formula };

export class FormulaError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at ${position}`);
    this.name = 'FormulaError';
  }
}

type Token = { kind: 'number'; value: number; pos: number } | { kind: 'ref'; code: string; pos: number } | { kind: 'op'; op: string; pos: number };

const MAX_LENGTH = 500;
const NUMBER = /^\d+(?:\.\d+)?/;
const CODE = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*/;

function tokenize(source: string): Token[] {
  if (source.length > MAX_LENGTH) throw new FormulaError('formula too long', MAX_LENGTH);
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const ch = source[i] ?? '';
    if (ch === ' ') {
      i += 1;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num !== null) {
      tokens.push({ kind: 'number', value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const code = CODE.exec(rest);
    if (code !== null) {
      tokens.push({ kind: 'ref', code: code[0], pos: i });
      i += code[0].length;
      continue;
    }
    if ('+-*/()'.includes(ch)) {
      tokens.push({ kind: 'op', op: ch, pos: i });
      i += 1;
      continue;
    }
    throw new FormulaError(`unexpected character '${ch}'`, i);
  }
  return tokens;
}

/** Parses a formula (precedence: unary minus, then * /, then + -, left to right); throws FormulaError. */
export function parseFormula(source: string): Formula {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (op: string): boolean => {
    const t = peek();
    return t !== undefined && t.kind === 'op' && t.op === op;
  };
  const position = (): number => peek()?.pos ?? source.length;

  const primary = (): Formula => {
    const t = peek();
    if (t === undefined) throw new FormulaError('unexpected end', source.length);
    at += 1;
    if (t.kind === 'number') return { kind: 'number', value: t.value };
    if (t.kind === 'ref') return { kind: 'ref', code: t.code };
    if (t.op === '-') return { kind: 'neg', operand: primary() };
    if (t.op === '(') {
      const inner = sum();
      if (!isOp(')')) throw new FormulaError("expected ')'", position());
      at += 1;
      return inner;
    }
    throw new FormulaError(`unexpected '${t.op}'`, t.pos);
  };
  const product = (): Formula => {
    let left = primary();
    while (isOp('*') || isOp('/')) {
      const op = (peek() as { op: '*' | '/' }).op;
      at += 1;
      left = { kind: 'binary', op, left, right: primary() };
    }
    return left;
  };
  const sum = (): Formula => {
    let left = product();
    while (isOp('+') || isOp('-')) {
      const op = (peek() as { op: '+' | '-' }).op;
      at += 1;
      left = { kind: 'binary', op, left, right: product() };
    }
    return left;
  };

  const result = sum();
  if (at < tokens.length) throw new FormulaError('unexpected input', position());
  return result;
}

/** The indicator codes a formula reads, each once, in order of appearance. */
export function formulaInputs(formula: Formula): string[] {
  const out: string[] = [];
  const walk = (f: Formula): void => {
    if (f.kind === 'ref') {
      if (!out.includes(f.code)) out.push(f.code);
    } else if (f.kind === 'neg') walk(f.operand);
    else if (f.kind === 'binary') {
      walk(f.left);
      walk(f.right);
    }
  };
  walk(formula);
  return out;
}

/**
 * Evaluates a formula; a missing input or a division by zero gives null (no figure) rather than
 * a misleading 0 or Infinity.
 */
export function evaluateFormula(formula: Formula, values: (code: string) => number | null | undefined): number | null {
  switch (formula.kind) {
    case 'number':
      return formula.value;
    case 'ref': {
      const v = values(formula.code);
      return v === undefined || v === null || !Number.isFinite(v) ? null : v;
    }
    case 'neg': {
      const v = evaluateFormula(formula.operand, values);
      return v === null ? null : -v;
    }
    case 'binary': {
      const l = evaluateFormula(formula.left, values);
      const r = evaluateFormula(formula.right, values);
      if (l === null || r === null) return null;
      if (formula.op === '+') return l + r;
      if (formula.op === '-') return l - r;
      if (formula.op === '*') return l * r;
      return r === 0 ? null : l / r;
    }
  }
}
