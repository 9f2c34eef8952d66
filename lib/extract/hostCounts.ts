// Counts a host abroad states or holds, where no cue word says what is counted.
//
// A second national body's count with no noun of its own: "More than 140,000 people have crossed
// into Hungary, police said, while Slovakia's interior ministry reported 105,000." The bare number
// counts what the sentence's earlier figure counts, in the body's own country (the body is a host
// subject, so `pickPlaces` gives its country as the destination).
import type { Predicate } from './metrics';
import type { NumberMention } from './numbers';
import type { PlaceMention } from './places';
import type { Token } from './tokens';

// Verbs a body states a count with, right before the number ("reported 105,000", "counted 380,000").
const COUNTING_LEMMAS = new Set(['report', 'record', 'count', 'register', 'log', 'put']);
// What may follow the bare number: the end of the clause, or a date or period ("… 105,000 on Monday").
const AFTER_COUNT = new Set(['on', 'by', 'as', 'so', 'since', 'over', 'for', 'until', 'till']);
// How far the body may stand before its verb ("Slovakia's interior ministry reported").
const BODY_REACH = 6;

/**
 * Whether a bare number (no noun, not a number word) is a national body's count: the object of a
 * verb of counting right before it, whose subject is a national body of a country abroad in the
 * same clause ("Slovakia's interior ministry", "Romanian border police"). The caller decides that
 * an earlier figure in the sentence gives it its metric.
 */
export function isNationalBodyCount(tokens: Token[], mention: NumberMention, clause: [number, number], places: PlaceMention[]): boolean {
  const verb = tokens[mention.first - 1];
  if (verb === undefined || !COUNTING_LEMMAS.has(verb.lemma ?? verb.lower)) return false;
  const next = tokens[mention.last + 1];
  if (next !== undefined && mention.last + 1 < clause[1] && next.kind !== 'punct' && !AFTER_COUNT.has(next.lower)) return false;
  const verbAt = mention.first - 1;
  return places.some((p) => p.national === true && p.abroad && p.first >= clause[0] && p.last < verbAt && verbAt - p.last <= BODY_REACH);
}

/**
 * "The Hungarian capital is now sheltering roughly 40,000 Ukrainians", "Moldova is sheltering
 * 100,000 people": a host abroad, the subject, shelters the people counted (its object), so they are
 * refugees there. People sheltering (in a metro, a basement) or sheltered by a town at home are not.
 */
export function shelteredByHost(tokens: Token[], predicate: Predicate, places: PlaceMention[]): boolean {
  if (predicate.verb === null || !predicate.object) return false;
  const verb = tokens[predicate.verb];
  if ((verb.lemma ?? verb.lower) !== 'shelter') return false;
  return places.some((p) => p.abroad && !p.home && p.role === 'destination' && p.subject === true && p.last < predicate.verb!);
}
