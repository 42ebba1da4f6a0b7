/**
 * application/x-www-form-urlencoded parser that refuses invalid UTF-8 (instead of silently
 * replacing it, as URLSearchParams does) and normalises every value to NFC.
 */
import { isUtf8 } from 'node:buffer';
import { AppError } from '../errors.ts';

export type FormValues = Record<string, string | string[]>;

const HEX = /^[0-9a-fA-F]{2}$/;

function decodeComponent(raw: string): string {
  const text = raw.replace(/\+/g, ' ');
  if (!text.includes('%')) {
    return text;
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '%' && HEX.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    }
  }
  const buffer = Buffer.from(bytes);
  if (!isUtf8(buffer)) throw new AppError('invalid_utf8');
  return buffer.toString('utf8');
}

export function parseFormBody(body: Buffer): FormValues {
  if (!isUtf8(body)) throw new AppError('invalid_utf8');
  const values: FormValues = Object.create(null) as FormValues;
  const text = body.toString('utf8');
  if (text === '') return values;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq)).normalize('NFC');
    const value = decodeComponent(eq === -1 ? '' : pair.slice(eq + 1)).normalize('NFC');
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const existing = values[key];
    if (existing === undefined) values[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else values[key] = [existing, value];
  }
  return values;
}

/** The single value of a field (the first when repeated), trimmed; '' when absent. */
export function field(values: FormValues, name: string): string {
  const v = values[name];
  const one = Array.isArray(v) ? v[0] : v;
  return (one ?? '').trim();
}

/** All values of a repeated field (checkboxes, multi-selects). */
export function fieldList(values: FormValues, name: string): string[] {
  const v = values[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}
