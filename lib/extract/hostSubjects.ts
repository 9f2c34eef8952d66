// A host as the subject of its verb: "Hungary has received …", "Slovakia has seen …", "Moldova now has 100,000 refugees".
import { opensCount } from './numbers';
import type { Token } from './tokens';

export const HOST_VERBS = [
  'has counted', 'counted', 'has taken in', 'have taken in', 'had taken in', 'took in', 'has received', 'has registered', 'registered',
  'received', 'hosts', 'is hosting', 'now hosts', 'has welcomed', 'welcomed', 'has now taken in', 'has so far taken in',
  'has recorded', 'recorded', 'had recorded',
  // "Romania accounts for 560,000 of the arrivals": a host's share of a total.
  'accounts for', 'accounted for',
];
export const HOST_NOUNS = new Set(['destination', 'host', 'recipient']);
export const HOST_LEMMAS = new Set(['receive', 'register', 'host', 'welcome', 'count', 'record', 'admit', 'accept', 'shelter', 'see']);

export const HELD_PEOPLE = new Set(['refugees', 'ukrainians', 'arrivals', 'evacuees']);

// "Moldova, a country of 2.6 million, has taken in ...": a host country as subject.
export function hostsAfter(tokens: Token[], last: number): boolean {
  let k = last + 1;
  if (tokens[k]?.text === ',') {
    // An appositive or relative clause may be long: "Moldova, which borders Ukraine … 2.6 million, has received".
    const reach = ['which', 'a', 'an', 'the', 'home', 'where'].includes(tokens[k + 1]?.lower ?? '') ? 24 : 10;
    const close = tokens.findIndex((t, index) => index > k && index <= k + reach && t.text === ',');
    if (close < 0) return false;
    k = close + 1;
  } else if (tokens[k]?.lower === 'of' && tokens[k + 1]?.kind === 'number') {
    k += 2;
  }
  if (HOST_VERBS.some((verb) => verb.split(' ').every((word, n) => tokens[k + n]?.lower === word))) return true;
  // "has so far received", "has now taken in": auxiliaries and adverbs before a host verb, by lemma.
  let v = k;
  while (v < k + 4 && (tokens[v]?.pos === 'AUX' || tokens[v]?.pos === 'ADV' || tokens[v]?.pos === 'PART')) v++;
  const lemma = tokens[v]?.lemma ?? tokens[v]?.lower ?? '';
  // "Wroclaw is now home to roughly 160,000 refugees"
  if (v > k && tokens[v]?.lower === 'home' && tokens[v + 1]?.lower === 'to') return true;
  if (v === k || !tokens[v]) return false;
  // "Germany has become home to more than 300,000 Ukrainians"
  if (lemma === 'become' && tokens[v + 1]?.lower === 'home' && tokens[v + 2]?.lower === 'to') return true;
  if (lemma === 'take') return tokens[v + 1]?.lower === 'in';
  return HOST_LEMMAS.has(lemma);
}

/** The name opens its clause and a verb follows it: "Slovakia has seen", "Poland is now hosting". */
export function subjectOfVerb(tokens: Token[], first: number, last: number): boolean {
  const start = tokens[first - 1]?.lower === 'the' ? first - 1 : first;
  // A live blog's clock time may open the line ("14:20 Moldova says …").
  const clock = /^\d{1,2}[:.]\d{2}$/.test(tokens.slice(0, start).map((t) => t.text).join(''));
  const opens = start === 0 || clock || [',', ';', ':', 'and', 'while', '—', '–', '-'].includes(tokens[start - 1]?.lower ?? '');
  if (!opens) return false;
  for (let k = last + 1; k <= last + 4 && k < tokens.length; k++) {
    const pos = tokens[k].pos;
    if (pos === 'VERB') return true;
    // "Moldova now has over 100,000 refugees": "has" with a count after it.
    // Only for people who fled ("refugees", "Ukrainians"), never a population ("Moldova has 2.6 million inhabitants").
    if (['has', 'have', 'had'].includes(tokens[k].lower) && opensCount(tokens, k + 1)) {
      return tokens.slice(k + 1, k + 8).some((t) => HELD_PEOPLE.has(t.lower));
    }
    // "Poland has been the main destination", "Moldova is the largest host per head".
    if (tokens[k].lower === 'the' && tokens[k - 1]?.pos === 'AUX') {
      let n = k + 1;
      while (n < k + 4 && tokens[n]?.pos === 'ADJ') n++;
      return HOST_NOUNS.has(tokens[n]?.lower ?? '');
    }
    if (pos !== 'AUX' && pos !== 'ADV') return false;
  }
  return false;
}
