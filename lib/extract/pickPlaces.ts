// Which of a sentence's places are one number's origin and destination.
import { FACILITY_NOUNS } from './borders';
import type { PlaceMention } from './places';
import { siteBeforeIn } from './sites';
import type { Token } from './tokens';

export interface PickedPlaces {
  origin: PlaceMention | null;
  destination: PlaceMention | null;
  /** A place with no cue right beside the number, as in a gapped list ("Romania 530,000", "850 Makariv"), or before ", where". */
  bare: PlaceMention | null;
  /** The bare place is the one a relative clause ("Poland, where …") is about. */
  where?: boolean;
}

/** Only the number's noun and "that", "which" or "whom" stand between the number and a host subject after it. */
function relativeHost(tokens: Token[], numberLast: number, first: number): boolean {
  const between = tokens.slice(numberLast + 1, first);
  return between.length >= 1 && between.length <= 3 && between.every((t) => (t.kind === 'word' && /^[a-z]/.test(t.text) && (t.pos === 'NOUN' || ['that', 'which', 'whom'].includes(t.lower))));
}

/**
 * Origin and destination for one number among several. Places in the number's clause only (when
 * the sentence has one figure, the whole sentence). Between two numbers of a clause, a place with a
 * cue belongs to the number before it ("2,694 people reached Zaporizhzhia — 1,263 from Mariupol"),
 * and a bare place right before a number to that number ("Poland (over 756,000)", "Romania 530,000").
 * "in X" before the number counts only at the start ("In Germany, … 272,000").
 */
export function pickPlaces(
  mentions: PlaceMention[],
  tokens: Token[],
  number: { first: number; last: number },
  clause: [number, number],
  others: Array<{ first: number; last: number }>,
): PickedPlaces {
  const alone = others.length === 0;
  const inClause = (m: PlaceMention) => m.first >= clause[0] && m.last < clause[1];
  const previous = others.filter((o) => o.last < number.first && o.first >= clause[0]).at(-1);
  const next = others.find((o) => o.first > number.last && o.first < clause[1]);
  const from = previous ? previous.last + 1 : alone ? 0 : clause[0];
  const to = next ? next.first - 1 : alone ? tokens.length - 1 : clause[1] - 1;
  const adjacentBefore = (m: PlaceMention) => {
    let k = m.last + 1;
    // "Poland: 2,336,800", "- Poland: 1.2 million": a key-figure line, bulleted or not.
    const opensLine = m.first === 0 || (m.first === 1 && ['-', '–', '•', '*', '·'].includes(tokens[0].text));
    // "…, and Moldova for 370,000", "Hungary with 230,000": a gapped item's preposition.
    const gapped = (t: Token) => k === m.last + 1 && ['for', 'with'].includes(t.lower) && k + 1 <= number.first;
    while (k < number.first && (tokens[k].text === '(' || tokens[k].text === ',' || tokens[k].lower === 'some' || (tokens[k].text === ':' && opensLine) || gapped(tokens[k]))) k++;
    return k === number.first;
  };
  // "Poland – 1,916,445; Romania – 481,000": a name and its number across a spaced dash (a clause break).
  const besideDash = (m: PlaceMention) => m.role === null && !m.referred && ['–', '—', '-'].includes(tokens[m.last + 1]?.text ?? '') && tokens[m.last + 2]?.kind === 'number' && m.last + 2 === number.first;
  // "Irpin, where about 2,000 people were evacuated", "Poland, where 1.8 million have arrived": the
  // relative clause is about the place; the number's own verb says whether people left or reached it.
  // "Poland's Medyka crossing, where …": a site's noun may stand between.
  const whereAt = (m: PlaceMention) => (FACILITY_NOUNS.has(tokens[m.last + 1]?.lower ?? '') ? m.last + 2 : m.last + 1);
  const whereBefore = (m: PlaceMention) => !m.home && !m.referred && tokens[whereAt(m)]?.text === ',' && tokens[whereAt(m) + 1]?.lower === 'where' && m.last < number.first && !others.some((o) => o.first > m.last && o.first < number.first);
  const own = mentions.filter((m) => {
    if (whereBefore(m) || besideDash(m)) return true;
    if (m.first < from || m.last > to) return false;
    if (!alone && !inClause(m)) return false;
    // A host subject goes with the number after it ("…, Hungary received 312,120").
    // "The 2.1 million refugees that Poland has taken in": a host subject in a relative clause on the number's noun.
    if (m.first > number.last) return !m.subject || relativeHost(tokens, number.last, m.first);
    // Before the number: only when no earlier number in the clause could own it, a bare name right beside it, or a host subject.
    return previous === undefined || m.subject === true || (m.role === null && adjacentBefore(m));
  });
  // "in X" before the number counts at the head of the clause, before a comma, right beside the
  // number, or after the noun of those hosted ("the number of refugees in Romania rose to 500,000").
  // Also the bodies of a place ("Authorities in Moldova said …") and people arriving there ("Refugees arriving in Hungary numbered …").
  // "The number in Hungary is about 305,000", "the figure in Romania": a count's own place.
  const HOSTED = ['refugees', 'arrivals', 'evacuees', 'ukrainians', 'refugee', 'arriving', 'arrived', 'entering', 'authorities', 'officials', 'police', 'number', 'figure', 'total', 'tally', 'count'];
  // "The reception point in Iasi has registered …": a site's town.
  const usable = own.filter((m) => {
    if (whereBefore(m)) return false;
    if (m.role !== 'destination' || tokens[m.first - 1]?.lower !== 'in') return m.role !== null;
    return m.first > number.last || m.first <= 1 || m.first - 1 === clause[0] || adjacentBefore(m) || HOSTED.includes(tokens[m.first - 2]?.lower ?? '') || siteBeforeIn(tokens, m.first - 1);
  });
  const distance = (m: PlaceMention) => (m.last < number.first ? number.first - m.last : m.first - number.last);
  // Several places for one figure ("from Lysychansk, Rubizhne and Severodonetsk"): the first named.
  const pick = (role: 'origin' | 'destination') => {
    const ofRole = usable.filter((m) => m.role === role);
    const after = ofRole.filter((m) => m.first > number.last).sort((a, b) => a.first - b.first);
    const before = ofRole.filter((m) => m.last < number.first).sort((a, b) => distance(a) - distance(b));
    return (after.length > 0 && (before.length === 0 || distance(after[0]) <= distance(before[0]) + 6) ? after[0] : before[0]) ?? null;
  };
  const where = own.find(whereBefore);
  // "Iryna Vereshchuk, Vice Prime Minister of Ukraine, 3,810 people …": a place after "of" in a title names whose
  // official speaks, not an item of a list ("the Republic of Moldova 367,000" keeps its formal head).
  const inTitle = (m: PlaceMention) => tokens[m.first - 1]?.lower === 'of' && /^[A-Z]/.test(tokens[m.first - 2]?.text ?? '') && tokens[m.first - 2].lower !== 'republic';
  const bareCandidates = own.filter((m) => m.role === null && !inTitle(m) && (adjacentBefore(m) || m.first === number.last + 1 || besideDash(m)));
  const origin = pick('origin');
  // "… have come in, according to figures from the Moldovan government": with no destination of its own,
  // a national body named after the number, with no other number between, gives its country.
  // Not a body in a later clause that states a count of its own ("Police said 1.4 million had crossed, while Slovakia's ministry reported 165,000").
  const national = mentions.find((m) => m.national && m.first > number.last && m.first <= to && (alone || m.first < clause[1]) && !others.some((o) => o.first > number.last && o.first < m.first));
  const destination = pick('destination') ?? national ?? null;
  // People do not leave and reach one place ("sheltering in Kharkiv's metro … have left the city").
  const same = origin && destination && (origin.place.placeId ?? origin.place.name) === (destination.place.placeId ?? destination.place.name);
  return { origin, destination: same ? null : destination, bare: where ?? bareCandidates[0] ?? null, where: where !== undefined };
}
