/** Translation: `translator(locale)` returns `t(key, params)` over the merged catalogue. */
import type { Locale } from '../../config/index.ts';
import { catalogue, type MessageKey } from './catalogue.ts';

export type { MessageKey };
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogue[locale][key] ?? catalogue.vi[key] ?? key;
  if (params === undefined) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export const isMessageKey = (key: string): key is MessageKey => key in catalogue.vi;
