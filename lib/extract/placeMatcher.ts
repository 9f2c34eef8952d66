// Finds the place table's names and aliases in a sentence's tokens.
import { stripPossessive } from './countries';
import type { Token } from './tokens';
import type { PlaceRef } from './types';

// Other names a country goes by in reporting, so a table that lists it once still finds it ("the Slovak Republic").
const OTHER_NAMES: Record<string, string[]> = {
  slovakia: ['slovak republic'],
  'czech republic': ['czechia'],
  czechia: ['czech republic'],
  turkey: ['türkiye'],
  türkiye: ['turkey'],
  'united kingdom': ['britain', 'great britain'],
  netherlands: ['holland'],
};

export interface PlaceMatcher {
  /** Known place whose name or alias starts at token i, with its length in tokens. */
  at(tokens: Token[], i: number): { ref: PlaceRef; length: number } | null;
}

/** Indexes names and aliases by first word so lookups stay fast on long reports. */
export function createPlaceMatcher(places: PlaceRef[]): PlaceMatcher {
  const byFirstWord = new Map<string, Array<{ words: string[]; ref: PlaceRef }>>();
  for (const ref of places) {
    const other = OTHER_NAMES[ref.name.toLowerCase()] ?? [];
    for (const name of [ref.name, ...ref.aliases, ...other]) {
      const words = name.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      const list = byFirstWord.get(words[0]) ?? [];
      list.push({ words, ref });
      byFirstWord.set(words[0], list);
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {
    at(tokens, i) {
      const candidates = byFirstWord.get(stripPossessive(tokens[i].lower));
      if (!candidates) return null;
      for (const { words, ref } of candidates) {
        const matches = words.every((word, k) => stripPossessive(tokens[i + k]?.lower ?? '') === word);
        if (matches) return { ref, length: words.length };
      }
      return null;
    },
  };
}
