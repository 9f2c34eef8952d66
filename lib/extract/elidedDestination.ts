// A destination left to the sentences before: an arrival whose sentence names no place it went to
// is into the place abroad the sentence before named, or a national body's country a few sentences back.
import { governingVerb } from './metrics';
import type { NumberMention } from './numbers';
import { isAbroad, isCountry, isHomeCountry } from './countries';
import type { PlaceMatcher } from './placeMatcher';
import type { PlaceMention } from './places';
import type { SentenceContext } from './sentenceContext';
import { tokenize, type Token } from './tokens';
import type { MetricCue, NamedPlace, PlaceRef } from './types';

const NATIONAL_BODIES = new Set(['ministry', 'police', 'guard', 'guards', 'government', 'authorities', 'council', 'mayor', 'governor', 'officials']);

export const INTERNATIONAL_BODIES = new Set(['un', 'unhcr', 'iom', 'unicef', 'agency', 'nations']);

const SCOPE_WORDS = new Set(['overall', 'altogether', 'worldwide']);

// Verbs of arriving whose destination may be left to the sentence before ("have crossed so far").
const ARRIVAL_LEMMAS = new Set(['cross', 'enter', 'arrive', 'register', 'reach', 'receive', 'host', 'welcome', 'admit', 'accept', 'come', 'pass']);

/**
 * The destination a sentence leaves out: the number's verb is one of arriving with no "into", "to" or
 * "in" after it, the sentence names no place but the home country people left, and the sentence just
 * before named a place abroad people went to or are in.
 */
export function elidedDestination(tokens: Token[], mention: NumberMention, clause: [number, number], places: PlaceMention[], metrics: MetricCue[], history: SentenceContext[]): PlaceMention | null {
  const previous = history.at(-1);
  if (!previous || places.some((p) => !(p.home && p.role === 'origin'))) return null;
  // With the country people left named ("have crossed from Ukraine so far"), only a national body's
  // count ("the interior ministry said") is for the country the sentence before named.
  // An international body's count, or one "across Europe", "in all", is no country's.
  if (tokens.some((t, k) => INTERNATIONAL_BODIES.has(t.lower) || SCOPE_WORDS.has(t.lower) || (['in', 'across'].includes(t.lower) && ['all', 'total', 'europe'].includes(tokens[k + 1]?.lower ?? '')))) return null;
  // With the home country named and no national body, only the sentence just before, and never for people gone
  // to "neighbouring countries" or "abroad" ("Slovakia has opened three more crossing points. More than 140,000
  // people have crossed from Ukraine so far").
  if (places.length > 0 && !tokens.some((t) => NATIONAL_BODIES.has(t.lower)) && tokens.some((t) => ['countries', 'abroad', 'neighbouring', 'neighboring', 'borders'].includes(t.lower))) return null;
  const { verb } = governingVerb(tokens, mention, clause, metrics);
  if (verb === null || !ARRIVAL_LEMMAS.has(tokens[verb].lemma ?? tokens[verb].lower)) return null;
  // A place of its own after the verb ("into Hungary", "to the Czech Republic"), not "across the border".
  const named = (k: number) => tokens.slice(k + 1, k + 4).some((t) => /^[A-Z]/.test(t.text)) && !/^(?:border|frontier)s?$/.test(tokens[k + 2]?.lower ?? '');
  if (tokens.slice(verb + 1, clause[1]).some((t, n) => ['into', 'to', 'towards', 'in'].includes(t.lower) || (t.lower === 'across' && named(verb + 1 + n)))) return null;
  const wentTo = previous.wentTo();
  if (wentTo) return { ...wentTo, first: -1, last: -1, referred: true };
  // A national body's count ("the border guard said", "Police said") is for the country the report
  // is about: the last one named a few sentences back, in a headline, or a dateline's city's country.
  if (!tokens.some((t) => NATIONAL_BODIES.has(t.lower))) {
    // Otherwise past one sentence that names no place at all ("Romania has turned sports halls into
    // dormitories. The Red Cross is handing out blankets. More than 480,000 people have crossed …").
    const before = history.at(-2);
    if (!before || previous.namesPlace) return null;
    const place = before.wentTo();
    return place ? { ...place, first: -1, last: -1, referred: true } : null;
  }
  for (let k = history.length - 1; k >= Math.max(0, history.length - NATIONAL_LOOKBACK); k--) {
    const country = history[k].countryNamed();
    if (country) return { place: country, role: 'destination', first: -1, last: -1, abroad: true, home: false, referred: true };
  }
  return null;
}

// How many sentences back a national body's count looks for its country (a headline and a few lines of wire copy).
const NATIONAL_LOOKBACK = 4;

/** The country abroad a known place is or lies in ("Przemysl" → Poland); none for the home country or a place not known to lie abroad. */
export function countryOf(ref: PlaceRef, matcher: PlaceMatcher): NamedPlace | undefined {
  if (isCountry(ref)) return isHomeCountry(ref) ? undefined : { name: ref.name, placeId: ref.id };
  if (!isAbroad(ref) || !ref.country) return undefined;
  const country = matcher.at(tokenize(ref.country), 0)?.ref;
  return country ? { name: country.name, placeId: country.id } : { name: ref.country, placeId: null };
}
