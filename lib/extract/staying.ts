// People who stay where they are: displaced inside the home country (no figure), staying in a host
// abroad (refugees there), or those of a host's total who stayed on.
import type { NumberMention } from './numbers';
import type { PlaceMention } from './places';
import type { Token } from './tokens';

export const PRE_WAR = new Set(['before', 'already', 'pre-war', 'prewar']);

// A plight between the verb and the place: "remain stuck at the Polish border" is no refugee stock.
const PLIGHT = new Set(['stuck', 'stranded', 'trapped', 'waiting', 'queuing', 'queueing', 'blocked', 'held']);

// Staying where one is: "remained in Moldova", "are now living in the Czech Republic", "are sheltering in Vilnius".
// "have stayed in Moldova", "have been displaced to Moldova": where people are, abroad.
const STAY_LEMMAS = new Set(['stay', 'remain', 'shelter', 'displace']);

/**
 * "within Ukraine", "inside the country" in the number's clause, or in a clause after it that shares
 * its subject ("have fled their homes but stayed within Ukraine"): people displaced at home.
 */
export function withinHomeCountry(tokens: Token[], mention: NumberMention, clause: [number, number], places: PlaceMention[]): boolean {
  let end = clause[1];
  if (tokens[end]?.lower === 'but' && ['VERB', 'AUX'].includes(tokens[end + 1]?.pos ?? '')) {
    end = tokens.findIndex((t, k) => k > end && (t.text === ',' || t.text === ';'));
    if (end < 0) end = tokens.length;
  }
  // Only this number's stretch, to the next number or comma: "the 3.2 million who have fled abroad,
  // 6.5 million … within Ukraine", "2 million have fled to Poland, and many more are displaced inside the country".
  const next = tokens.findIndex((t, k) => k > mention.last && (t.kind === 'number' || (t.text === ',' && k < clause[1])));
  if (next >= 0) end = Math.min(end, next);
  let start = clause[0];
  for (let k = mention.first - 1; k >= clause[0]; k--) if (tokens[k].kind === 'number') { start = k + 1; break; }
  // "has taken in about 200,000 displaced people", "40,000 internally displaced": the people counted are
  // called displaced, and no place abroad is where they went (not "displaced to Moldova").
  const called = tokens.slice(mention.last + 1, mention.last + 3).findIndex((t) => t.lower === 'displaced');
  if (called >= 0) {
    const k = mention.last + 1 + called;
    const abroad = places.some((p) => p.abroad && p.role === 'destination' && p.first >= clause[0] && p.last < clause[1]);
    if (!abroad && !['to', 'into', 'abroad'].includes(tokens[k + 1]?.lower ?? '')) return true;
  }
  for (let i = start; i < end - 1; i++) {
    // "have left their homes but are still in Ukraine": still in the home country.
    if (tokens[i].lower === 'in' && ['still', 'remain', 'remained', 'remaining'].includes(tokens[i - 1]?.lower ?? '') && places.some((p) => p.home && p.first === i + 1)) return true;
    if (tokens[i].lower !== 'within' && tokens[i].lower !== 'inside') continue;
    if (places.some((p) => p.home && p.first === i + 1)) return true;
    if (['the', 'their'].includes(tokens[i + 1].lower) && tokens[i + 2]?.lower === 'country') return true;
  }
  return false;
}

/**
 * "about 100,000 of them had remained in Moldova", "82,000 were still in the country": people
 * staying in a country abroad are refugees there; so are refugees (the noun) staying in any place
 * named as where they are ("12,000 refugees are staying in Budapest"). Not a diaspora from before
 * the war ("were already living in Poland before the invasion"), nor people stuck at a border.
 */
export function staysAbroad(tokens: Token[], mention: NumberMention, verb: number | null, places: PlaceMention[], refugeeNoun: boolean): boolean {
  let from: number;
  if (verb !== null) {
    const lemma = tokens[verb].lemma ?? '';
    const livingNow = lemma === 'live' && tokens.slice(Math.max(0, verb - 3), verb).some((t) => t.lower === 'now');
    if (!STAY_LEMMAS.has(lemma) && !livingNow && !(lemma === 'live' && refugeeNoun)) return false;
    from = verb;
  } else {
    // "were still in the country": no verb of its own, "still in" after the number.
    const still = tokens.findIndex((t, k) => k > mention.last && k <= mention.last + 6 && t.lower === 'still' && tokens[k + 1]?.lower === 'in');
    if (still < 0) return false;
    from = still;
  }
  if (tokens.some((t) => PRE_WAR.has(t.lower))) return false;
  // "In neighbouring Moldova, more than 82,000 refugees have stayed on": the place heading the sentence.
  const heading = places.find((p) => p.abroad && p.role === 'destination' && p.last < mention.first && tokens.slice(0, p.first).every((t) => t.lower === 'in' || t.lower === 'the' || (t.pos === 'ADJ' && /^[a-z]/.test(t.text))) && tokens[p.last + 1]?.text === ',');
  if (heading && verb !== null) return true;
  const place = places.find((p) => p.first > from && p.first <= from + 4 && (p.abroad || (refugeeNoun && p.role === 'destination' && !p.home && p.place.placeId === null)));
  return place !== undefined && !tokens.slice(from + 1, place.first).some((t) => PLIGHT.has(t.lower));
}

/** "of whom 104,000 remain", "100,000 of them are still with us": part of a total, still where the total went. */
export function stayedOn(tokens: Token[], mention: NumberMention, clause: [number, number]): boolean {
  // "of whom 104,000 remain", "100,000 of them are still with us", "Of the 390,000 people …, roughly 100,000 have stayed".
  const ofTheTotal = tokens[0]?.lower === 'of' && tokens[1]?.lower === 'the' && tokens[2]?.kind === 'number' && mention.first > 3;
  const part = (tokens[mention.first - 1]?.lower === 'whom' && tokens[mention.first - 2]?.lower === 'of') || (tokens[mention.last + 1]?.lower === 'of' && ['them', 'whom'].includes(tokens[mention.last + 2]?.lower ?? '')) || (ofTheTotal && tokens[mention.first - 1]?.text === ',');
  if (!part) return false;
  const rest = tokens.slice(mention.last + 1, clause[1]);
  if (rest.some((t) => ['trapped', 'stranded', 'waiting', 'stuck', 'internally', 'inside', 'within'].includes(t.lower))) return false;
  return rest.some((t) => ['remain', 'remained', 'stayed', 'still'].includes(t.lower));
}
