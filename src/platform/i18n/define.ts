/** Message catalogues: each area defines its messages in Vietnamese and English with the same keys. */

export type Catalogue<K extends string> = { readonly vi: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> };

/** Declares an area's messages; the English side must have exactly the Vietnamese keys. */
export function defineMessages<const V extends Record<string, string>>(messages: {
  vi: V;
  en: { [K in keyof V]: string };
}): Catalogue<Extract<keyof V, string>> {
  return messages as Catalogue<Extract<keyof V, string>>;
}
