/** The kinds of documents in the search index, with their names; each module registers its own. */
import type { MessageKey } from '../i18n/index.ts';

const types = new Map<string, MessageKey>();

/** Called by a module's plugin: `registerSearchType('article', 'newsroom.search_type')`. */
export function registerSearchType(type: string, label: MessageKey): void {
  types.set(type, label);
}

export const searchTypes = (): readonly [string, MessageKey][] => [...types.entries()];
export const isSearchType = (type: string): boolean => types.has(type);
