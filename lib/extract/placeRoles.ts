// The role a place takes from the cue before it: "out of Sumy" is an origin, "into Poland" a destination.
import { COUNTRY_NAMES, HOME_COUNTRY, SIDE_DEMONYMS, stripPossessive } from './countries';
import { matchPhraseEndingAt, type Token } from './tokens';

export const ORIGIN_CUES = [
  'from', 'out of', 'fled', 'flee', 'fleeing', 'left', 'leaving', 'leave', 'escaped', 'escaping', 'evacuated', 'departed',
  'residents of', 'inhabitants of', 'got out of', 'brought out of', 'taken out of',
];
export const DESTINATION_CUES = [
  'to', 'into', 'towards', 'toward', 'for', 'reached', 'reaching', 'reach', 'arrived in', 'arriving in', 'arrived at', 'entered',
  'entering', 'in', 'made it to', 'taken in', 'received in', 'crossed into', 'hosted in', 'are now in', 'were in', 'passed through',
  'through', 'shelter in', 'arriving at', 'arrive at', 'arrives at', 'arrive in', 'arrives in', 'crossed at', 'crossing at', 'entered at', 'via',
  // The passive of a host verb: "are now hosted by Bulgaria", "have been taken in by Slovakia".
  'border at', 'hosted by', 'welcomed by', 'taken in by', 'received by', 'sheltered by', 'accepted by', 'admitted by', 'registered by',
];
export const PLACE_NOUNS = new Set(['country', 'city', 'town', 'capital', 'village', 'region']);
// Nouns of kind a country's name may follow in apposition: "fellow neighbours Hungary", "EU member Romania".
export const KIND_NOUNS = new Set(['neighbour', 'neighbours', 'neighbor', 'neighbors', 'member', 'members', 'ally', 'allies']);
// "the Republic of Moldova": a name's formal head, read through like "the city of".
export const FORMAL_HEADS = new Set(['republic']);

export function roleBefore(tokens: Token[], i: number): 'origin' | 'destination' | null {
  // "in the Kharkiv region", "from the city of Kharkiv": the cue stands before the article or "the city of".
  if (tokens[i - 1]?.lower === 'the' && i >= 2) return roleBefore(tokens, i - 1);
  // "entered neighbouring Romania", "from war-torn Ukraine": adjectives between the cue and the name.
  if (tokens[i - 1]?.pos === 'ADJ' && /^[a-z]/.test(tokens[i - 1].text) && i >= 2) return roleBefore(tokens, i - 1);
  // "reached government-held Zaporizhzhia": a hyphenated modifier, however tagged.
  if (/^[a-z]+-[a-z]+$/.test(tokens[i - 1]?.text ?? '') && i >= 2) return roleBefore(tokens, i - 1);
  // "fled to neighbouring Poland": the tagger may read the adjective as a verb; a cue word stays a cue.
  const word = tokens[i - 1];
  if (word?.pos === 'VERB' && /^[a-z]+ing$/.test(word.text) && i >= 2 && !matchPhraseEndingAt(tokens, i - 1, ORIGIN_CUES) && !matchPhraseEndingAt(tokens, i - 1, DESTINATION_CUES) && ['to', 'into', 'in', 'from', 'entered', 'reached'].includes(tokens[i - 2]?.lower ?? '')) return roleBefore(tokens, i - 1);
  // "from the city of Kharkiv", "left the besieged city of Sumy"
  if (tokens[i - 1]?.lower === 'of' && (PLACE_NOUNS.has(tokens[i - 2]?.lower ?? '') || FORMAL_HEADS.has(tokens[i - 2]?.lower ?? ''))) {
    // "the Romanian border town of Siret": adjectives, nouns and a country's adjective before the place noun.
    let k = i - 3;
    // "the northeastern Ukrainian city of Sumy": the home country's adjective too.
    while (k > 0 && (((tokens[k].pos === 'ADJ' || tokens[k].pos === 'NOUN') && /^[a-z]/.test(tokens[k].text)) || /^[a-z]+-[a-z]+$/.test(tokens[k].text) || SIDE_DEMONYMS[tokens[k].lower] !== undefined || tokens[k].lower === 'ukrainian')) k--;
    if (tokens[k]?.lower === 'the') return roleBefore(tokens, k);
    // "over 385,000 to Republic of Moldova": a formal head with no article.
    if (FORMAL_HEADS.has(tokens[i - 2]?.lower ?? '')) return roleBefore(tokens, i - 2);
  }
  // "to the capital, Kyiv", "in the Polish capital, Warsaw": a name in apposition takes the cue before its noun.
  if (tokens[i - 1]?.text === ',' && tokens[i - 2]?.lower === 'capital' && i >= 4) {
    const article = tokens[i - 3]?.lower === 'the' ? i - 3 : tokens[i - 4]?.lower === 'the' ? i - 4 : -1;
    if (article >= 0) return roleBefore(tokens, article);
  }
  // "fled to fellow neighbours Hungary and Moldova", "into EU member Romania": a noun of kind in apposition before the name.
  if (i >= 2 && KIND_NOUNS.has(tokens[i - 1].lower) && /^[a-z]/.test(tokens[i - 1].text)) {
    // Its own modifiers: "fellow", "EU", "NATO".
    let k = i - 1;
    while (k > 1 && k > i - 3 && ((/^[a-z]+$/.test(tokens[k - 1].text) && ['NOUN', 'ADJ'].includes(tokens[k - 1].pos ?? '')) || /^[A-Z]{2,5}$/.test(tokens[k - 1].text))) k--;
    return roleBefore(tokens, k);
  }
  // "crossed into Hungary's Zahony": the cue before the country's possessive is the town's.
  if (i >= 2 && /['’]s$/.test(tokens[i - 1].text) && /^[A-Z]/.test(tokens[i - 1].text) && COUNTRY_NAMES.has(stripPossessive(tokens[i - 1].lower))) return roleBefore(tokens, i - 1);
  const previous = tokens[i - 1]?.lower;
  if (previous === undefined) return null;
  if (previous === 'to' && ['according', 'due', 'close', 'next', 'told', 'said'].includes(tokens[i - 2]?.lower ?? '')) return null;
  const origin = matchPhraseEndingAt(tokens, i - 1, ORIGIN_CUES);
  if (origin) return 'origin';
  // "out of the Azovstal plant in Mariupol": "in" inside an origin phrase.
  if (previous === 'in') {
    for (let k = i - 2; k >= Math.max(0, i - 7); k--) {
      // Stop at punctuation or a verb ("from Ukraine have arrived in"); "steel works" is a noun however tagged.
      // A verb ends the origin phrase ("refugees from Ukraine remain in Romania"), except a plural
      // noun the tagger reads as one ("the Azovstal steel works in Mariupol").
      if (tokens[k].kind === 'punct' || tokens[k].pos === 'AUX' || (tokens[k].pos === 'VERB' && !(/s$/.test(tokens[k].lower) && tokens[k - 1]?.pos === 'NOUN'))) break;
      if (matchPhraseEndingAt(tokens, k, ORIGIN_CUES) && tokens[k].lower !== 'left') return 'origin';
    }
  }
  // "crossed Ukraine's borders" (another country's borders go by the cue: "through Romania's border crossings")
  if (/['’]s$/.test(tokens[i].text) && stripPossessive(tokens[i].lower) === HOME_COUNTRY && /^borders?$/.test(tokens[i + 1]?.lower ?? '')) return 'origin';
  if (matchPhraseEndingAt(tokens, i - 1, DESTINATION_CUES)) return 'destination';
  // "the Medyka crossing into Poland" has its cue further back; "Ukraine's western city of Lviv" none.
  return null;
}

/** The index of the cue word before a name, past an article and adjectives ("in the Netherlands", "into neighbouring Poland"). */
export function cueIndex(tokens: Token[], i: number): number {
  let k = i - 1;
  while (k > 0 && (tokens[k].lower === 'the' || (tokens[k].pos === 'ADJ' && /^[a-z]/.test(tokens[k].text)))) k--;
  return k;
}
