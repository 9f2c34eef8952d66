// Finds places in a sentence and their role: "out of Sumy" is an origin, "into Poland" a destination.
import { matchPhraseEndingAt, type Token } from './tokens';
import type { NamedPlace, PlaceRef } from './types';

export interface PlaceMention {
  place: NamedPlace;
  role: 'origin' | 'destination' | null;
  first: number;
  last: number;
}

export interface PlaceMatcher {
  /** Known place whose name or alias starts at token i, with its length in tokens. */
  at(tokens: Token[], i: number): { ref: PlaceRef; length: number } | null;
}

/** Indexes names and aliases by first word so lookups stay fast on long reports. */
export function createPlaceMatcher(places: PlaceRef[]): PlaceMatcher {
  const byFirstWord = new Map<string, Array<{ words: string[]; ref: PlaceRef }>>();
  for (const ref of places) {
    for (const name of [ref.name, ...ref.aliases]) {
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

function stripPossessive(word: string): string {
  return word.replace(/['’]s$/, '');
}

const ORIGIN_CUES = ['from', 'out of', 'fled', 'flee', 'fleeing', 'left', 'leaving', 'leave', 'escaped', 'escaping', 'evacuated', 'departed'];
const DESTINATION_CUES = [
  'to', 'into', 'towards', 'toward', 'for', 'reached', 'reaching', 'reach', 'arrived in', 'arriving in', 'arrived at', 'entered',
  'entering', 'in',
];
const HOST_VERBS = ['has counted', 'counted', 'has taken in', 'have taken in', 'took in', 'has received', 'has registered', 'registered', 'received', 'hosts', 'is hosting', 'has welcomed', 'welcomed'];
const NOT_PLACES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'the', 'a', 'reuters', 'afp', 'ap', 'unhcr', 'un',
  'iom', 'unicef', 'telegram', 'facebook', 'twitter', 'i', 'we', 'they', 'he', 'she', 'mr', 'ms', 'mrs', 'dr', 'president',
  'minister', 'governor', 'mayor', 'it',
]);

function roleBefore(tokens: Token[], i: number): 'origin' | 'destination' | null {
  const previous = tokens[i - 1]?.lower;
  if (previous === undefined) return null;
  if (previous === 'to' && ['according', 'due', 'close', 'next', 'told', 'said'].includes(tokens[i - 2]?.lower ?? '')) return null;
  const origin = matchPhraseEndingAt(tokens, i - 1, ORIGIN_CUES);
  if (origin) return 'origin';
  if (matchPhraseEndingAt(tokens, i - 1, DESTINATION_CUES)) return 'destination';
  // "the Medyka crossing into Poland" has its cue further back; "Ukraine's western city of Lviv" none.
  return null;
}

// "Moldova, a country of 2.6 million, has taken in ...": a host country as subject.
function hostsAfter(tokens: Token[], last: number): boolean {
  let k = last + 1;
  if (tokens[k]?.text === ',') {
    const close = tokens.findIndex((t, index) => index > k && index <= k + 10 && t.text === ',');
    if (close < 0) return false;
    k = close + 1;
  } else if (tokens[k]?.lower === 'of' && tokens[k + 1]?.kind === 'number') {
    k += 2;
  }
  return HOST_VERBS.some((verb) => verb.split(' ').every((word, n) => tokens[k + n]?.lower === word));
}

/** Capitalised words after a cue ("from Nova Kakhovka") that are not in the place table. */
function unknownPlaceAt(tokens: Token[], i: number): number {
  let last = i - 1;
  for (let k = i; k < i + 3 && k < tokens.length; k++) {
    const token = tokens[k];
    if (token.kind !== 'word' || !/^[A-Z][a-zà-ÿ’'-]+$/.test(token.text) || NOT_PLACES.has(stripPossessive(token.lower))) break;
    last = k;
  }
  return last;
}

const PLACE_NOUNS = new Set(['country', 'city', 'town', 'capital', 'village', 'region']);

/**
 * Places in a sentence with their roles. "the country", "the city" as a destination or host
 * ("crossed into the country", "the city has received") refer back to the last place named,
 * here or in the previous sentence (previousPlace).
 */
export function findPlaces(tokens: Token[], matcher: PlaceMatcher, previousPlace: NamedPlace | null = null): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  let lastNamed = previousPlace;
  for (let i = 0; i < tokens.length; i++) {
    const known = matcher.at(tokens, i);
    if (known) {
      const last = i + known.length - 1;
      const role = roleBefore(tokens, i) ?? (hostsAfter(tokens, last) ? 'destination' : null);
      const place = { name: known.ref.name, placeId: known.ref.id };
      mentions.push({ place, role, first: i, last });
      if (role !== 'origin') lastNamed = place;
      i = last;
      continue;
    }
    if (tokens[i].lower === 'the' && PLACE_NOUNS.has(tokens[i + 1]?.lower ?? '') && lastNamed) {
      const destination = roleBefore(tokens, i) === 'destination' || hostsAfter(tokens, i + 1);
      if (destination) mentions.push({ place: lastNamed, role: 'destination', first: i, last: i + 1 });
      i += 1;
      continue;
    }
    const role = roleBefore(tokens, i);
    if (role === null || ['in', 'for', 'left', 'leaving', 'leave', 'reach', 'entered', 'entering'].includes(tokens[i - 1].lower)) continue;
    const last = unknownPlaceAt(tokens, i);
    if (last < i || tokens[i].start === 0) continue;
    const name = tokens.slice(i, last + 1).map((t) => t.text).join(' ').replace(/['’]s$/, '');
    mentions.push({ place: { name, placeId: null }, role, first: i, last });
    i = last;
  }
  return mentions;
}

/**
 * Origin and destination for a number. Prefers mentions inside the number's clause, then the
 * sentence (unless another figure has its own clause: two sources, two places); "in X" counts as a destination only after the number or at the sentence start.
 */
export function pickPlaces(
  mentions: PlaceMention[],
  tokens: Token[],
  number: { first: number; last: number },
  clause: [number, number],
  clauseOnly: boolean,
): { origin: NamedPlace | null; destination: NamedPlace | null } {
  const usable = mentions.filter((m) => {
    if (m.role !== 'destination' || tokens[m.first - 1]?.lower !== 'in') return m.role !== null;
    return m.first > number.last || m.first === 1 || tokens[m.last + 1]?.text === ',';
  });
  const pick = (role: 'origin' | 'destination') => {
    const ofRole = usable.filter((m) => m.role === role);
    const inClause = ofRole.filter((m) => m.first >= clause[0] && m.last < clause[1]);
    const pool = inClause.length > 0 || clauseOnly ? inClause : ofRole;
    const distance = (m: PlaceMention) => (m.last < number.first ? number.first - m.last : m.first - number.last);
    return pool.sort((a, b) => distance(a) - distance(b))[0]?.place ?? null;
  };
  return { origin: pick('origin'), destination: pick('destination') };
}
