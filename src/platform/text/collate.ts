/** Vietnamese collation: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư, tones after the base letter (ICU "vi"). */
const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

export const compareVi = (a: string, b: string): number => collator.compare(a, b);

/** Sorts a copy of `items` by a Vietnamese key. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}
