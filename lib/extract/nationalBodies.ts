// National bodies of a country ("Polish border guards", "the Government of Poland", "Poland's tally") and a speaker's seat.
import { FORMAL_HEADS } from './placeRoles';
import type { Token } from './tokens';

export const COUNT_WORDS = new Set(['tally', 'count', 'total', 'figures', 'population']);
// A national agency's count is for its country: "Romania's interior ministry", "Poland's border guard".
export const AGENCY_WORDS = new Set([
  'interior', 'ministry', 'border', 'police', 'government', 'authorities', 'migration', 'office', 'statistics', 'guard', 'guards', 'officials',
  'minister', 'president', 'premier', 'spokesman', 'spokeswoman', 'spokesperson', 'inspectorate', 'immigration',
]);
// Words of a title before its agency word: "Polish Deputy Interior Minister", "Moldovan Prime Minister".
export const TITLE_WORDS = new Set(['deputy', 'prime', 'foreign', 'national', 'state', 'general', 'chief', 'head', 'vice', 'first', 'county', 'regional', 'local']);

export const SEAT_WORDS = new Set(['government', 'ministry', 'parliament', 'officials', 'authorities', 'reporters', 'journalists', 'conference', 'briefing']);
export const SPEECH_LEMMAS = new Set(['say', 'tell', 'speak', 'announce', 'report', 'add']);

/** "in" at k after a body or a verb of saying: "the government in Sofia", "told reporters in Warsaw", "said in Bratislava". */
export function speakerSeat(tokens: Token[], k: number): boolean {
  if (tokens[k]?.lower !== 'in') return false;
  const before = tokens[k - 1];
  return before !== undefined && (SEAT_WORDS.has(before.lower) || SPEECH_LEMMAS.has(before.lemma ?? before.lower));
}

/** An agency word at i, after title words ("Deputy Interior Minister", "Prime Minister", "border guard"). */
export function agencyTitleAt(tokens: Token[], i: number): boolean {
  for (let k = i; k < i + 3; k++) {
    const word = tokens[k]?.lower ?? '';
    // "the Slovak border" is a place, not a body: "border" needs its guard, police or service.
    if (word === 'border') return AGENCY_WORDS.has(tokens[k + 1]?.lower ?? '') || ['service', 'agency', 'force', 'authority'].includes(tokens[k + 1]?.lower ?? '');
    if (AGENCY_WORDS.has(word)) return true;
    if (!TITLE_WORDS.has(word)) return false;
  }
  return false;
}

/** "the Government of Poland", "the Ministry of Interior of Slovakia", "the authorities of the Republic of Moldova". */
export function agencyOf(tokens: Token[], i: number): boolean {
  // "Border guards of the Slovak Republic"
  let k = tokens[i - 1]?.lower === 'the' ? i - 2 : i - 1;
  if (tokens[k]?.lower === 'of' && FORMAL_HEADS.has(tokens[k - 1]?.lower ?? '')) k -= tokens[k - 2]?.lower === 'the' ? 3 : 2;
  return tokens[k]?.lower === 'of' && AGENCY_WORDS.has(tokens[k - 1]?.lower ?? '');
}

export function agencyAfter(tokens: Token[], last: number): boolean {
  if (!/['’]s$/.test(tokens[last].text) && !(tokens[last + 1]?.text === "'s" || tokens[last + 1]?.text === '’s')) return false;
  // "Poland's tally of arrivals": a country's own count is for that country too.
  for (let k = last + 1; k <= last + 3; k++) if (AGENCY_WORDS.has(tokens[k]?.lower ?? '') || COUNT_WORDS.has(tokens[k]?.lower ?? '')) return true;
  return false;
}
