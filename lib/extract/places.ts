// Finds places in a sentence and their role: "out of Sumy" is an origin, "into Poland" a destination.
import { bareCapitalAt, capitalAt, capitalOf, isCapital } from './capitals';
import { reachedOnward } from './onward';
import { dropLocatingCountries, siteBeforeIn } from './sites';
import { matchPhraseEndingAt, tokenize, type Token } from './tokens';
import type { NamedPlace, PlaceRef } from './types';

export interface PlaceMention {
  place: NamedPlace;
  role: 'origin' | 'destination' | null;
  first: number;
  last: number;
  /** A country other than the one people leave ("Poland"): arrivals there are refugees. */
  abroad: boolean;
  /** The home country ("Ukraine"): leaving it makes a refugee. */
  home: boolean;
  /** The subject of a host verb ("Hungary received 312,120"): it goes with the number after it. */
  subject?: boolean;
  /** "the city", "the country": a place named before, referred to here. */
  referred?: boolean;
  /** A national body of a country abroad ("the Moldovan government", "Poland's border guard"): its counts are that country's. */
  national?: boolean;
  /** Where a speaker sits ("Speaking in Warsaw", "the government in Sofia"), not where people went. */
  seat?: boolean;
}

// The country the figures are about. Leaving it makes a refugee; a city inside it is an evacuation.
const HOME_COUNTRY = 'ukraine';

// Country names from the runtime's own ISO 3166 region table (Intl.DisplayNames), so any
// country in the places table is known as one without a list here.
const COUNTRY_NAMES: Set<string> = (() => {
  // Names the runtime's table no longer uses or never did ("Türkiye" is "Turkey" in 2022 reporting).
  const names = new Set<string>(['czech republic', 'russian federation', 'republic of moldova', 'moldova', 'slovak republic', 'turkey', 'britain', 'great britain', 'holland']);
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      try {
        const name = display.of(code);
        if (name && name !== code) names.add(name.toLowerCase());
      } catch {
        // not a region code
      }
    }
  }
  return names;
})();

export function isCountry(ref: { name: string; aliases?: string[] }): boolean {
  return [ref.name, ...(ref.aliases ?? [])].some((n) => COUNTRY_NAMES.has(n.toLowerCase()));
}

/** A place outside the home country: a country abroad, or a town or crossing whose country is abroad ("Przemysl"). */
export function isAbroad(ref: PlaceRef): boolean {
  if (isCountry(ref)) return !isHomeCountry(ref);
  return ref.country !== undefined && ref.country.toLowerCase() !== HOME_COUNTRY && COUNTRY_NAMES.has(ref.country.toLowerCase());
}

export function isHomeCountry(ref: { name: string; aliases?: string[] }): boolean {
  return [ref.name, ...(ref.aliases ?? [])].some((n) => n.toLowerCase() === HOME_COUNTRY);
}

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

function stripPossessive(word: string): string {
  return word.replace(/['’]s$/, '');
}

const ORIGIN_CUES = [
  'from', 'out of', 'fled', 'flee', 'fleeing', 'left', 'leaving', 'leave', 'escaped', 'escaping', 'evacuated', 'departed',
  'residents of', 'inhabitants of', 'got out of', 'brought out of', 'taken out of',
];
const DESTINATION_CUES = [
  'to', 'into', 'towards', 'toward', 'for', 'reached', 'reaching', 'reach', 'arrived in', 'arriving in', 'arrived at', 'entered',
  'entering', 'in', 'made it to', 'taken in', 'received in', 'crossed into', 'hosted in', 'are now in', 'were in', 'passed through',
  'through', 'shelter in', 'arriving at', 'arrive at', 'arrives at', 'arrive in', 'arrives in', 'crossed at', 'crossing at', 'entered at', 'via',
  // The passive of a host verb: "are now hosted by Bulgaria", "have been taken in by Slovakia".
  'border at', 'hosted by', 'welcomed by', 'taken in by', 'received by', 'sheltered by', 'accepted by', 'admitted by', 'registered by',
];
const HOST_VERBS = [
  'has counted', 'counted', 'has taken in', 'have taken in', 'had taken in', 'took in', 'has received', 'has registered', 'registered',
  'received', 'hosts', 'is hosting', 'now hosts', 'has welcomed', 'welcomed', 'has now taken in', 'has so far taken in',
  'has recorded', 'recorded', 'had recorded',
];
// Neighbouring and host countries' adjectives, for "Polish border guards" (a national agency names its country).
const DEMONYMS: Record<string, string> = {
  polish: 'Poland', romanian: 'Romania', hungarian: 'Hungary', slovak: 'Slovakia', slovakian: 'Slovakia', moldovan: 'Moldova',
  czech: 'Czech Republic', german: 'Germany', lithuanian: 'Lithuania', bulgarian: 'Bulgaria', austrian: 'Austria',
  latvian: 'Latvia', estonian: 'Estonia', italian: 'Italy', french: 'France', spanish: 'Spain', british: 'United Kingdom', irish: 'Ireland',
  dutch: 'Netherlands', belgian: 'Belgium', swiss: 'Switzerland', swedish: 'Sweden', danish: 'Denmark', finnish: 'Finland', norwegian: 'Norway',
  portuguese: 'Portugal', greek: 'Greece', turkish: 'Turkey', croatian: 'Croatia', slovenian: 'Slovenia', serbian: 'Serbia', georgian: 'Georgia',
  canadian: 'Canada',
};
// Adjectives that name a country's side, soil or towns, though not its agencies: "taken to Russian
// territory", "the Russian border town of Taganrog" (a Russian ministry's count is no arrival in Russia).
const SIDE_DEMONYMS: Record<string, string> = { ...DEMONYMS, russian: 'Russia', belarusian: 'Belarus' };
const TERRITORY_WORDS = new Set(['territory', 'soil', 'side']);
// Where a host country puts people up: "in Polish homes", "by Slovak families", "in Polish towns".
const HOST_PLACE_NOUNS = new Set(['homes', 'families', 'households', 'towns', 'cities', 'villages', 'schools', 'hotels', 'shelters', 'communities', 'dormitories', 'centres', 'centers', 'camps']);
// "more than half of them to Poland": the place goes with the share, not with the total.
const SHARE_WORDS = new Set(['half', 'most', 'majority', 'third', 'quarter', 'bulk', 'many', 'some', 'two-thirds', 'three-quarters']);
const COUNT_WORDS = new Set(['tally', 'count', 'total', 'figures', 'population']);
const TIME_WORDS = new Set(['yesterday', 'today', 'tonight', 'overnight', 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'day']);
const PLACE_NOUNS = new Set(['country', 'city', 'town', 'capital', 'village', 'region']);
// Nouns of kind a country's name may follow in apposition: "fellow neighbours Hungary", "EU member Romania".
const KIND_NOUNS = new Set(['neighbour', 'neighbours', 'neighbor', 'neighbors', 'member', 'members', 'ally', 'allies']);
// "the Republic of Moldova": a name's formal head, read through like "the city of".
const FORMAL_HEADS = new Set(['republic']);
// A national agency's count is for its country: "Romania's interior ministry", "Poland's border guard".
const AGENCY_WORDS = new Set([
  'interior', 'ministry', 'border', 'police', 'government', 'authorities', 'migration', 'office', 'statistics', 'guard', 'guards', 'officials',
  'minister', 'president', 'premier', 'spokesman', 'spokeswoman', 'spokesperson', 'inspectorate', 'immigration',
]);
// Words of a title before its agency word: "Polish Deputy Interior Minister", "Moldovan Prime Minister".
const TITLE_WORDS = new Set(['deputy', 'prime', 'foreign', 'national', 'state', 'general', 'chief', 'head', 'vice', 'first', 'county', 'regional', 'local']);
// The side of a border: "at the Hungarian border", "on the Polish side", "crossed the Polish-Ukrainian border".
const BORDER_WORDS = new Set(['border', 'borders', 'frontier', 'side', 'crossing', 'crossings', 'checkpoints', 'checkpoint', 'section', 'stretch']);
const NOT_PLACES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'the', 'a', 'reuters', 'afp', 'ap', 'unhcr', 'un',
  'iom', 'unicef', 'telegram', 'facebook', 'twitter', 'i', 'we', 'they', 'he', 'she', 'mr', 'ms', 'mrs', 'dr', 'president',
  'minister', 'governor', 'mayor', 'it', 'europe', 'eu', 'european', 'asia', 'america',
]);

function roleBefore(tokens: Token[], i: number): 'origin' | 'destination' | null {
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
    while (k > 0 && (((tokens[k].pos === 'ADJ' || tokens[k].pos === 'NOUN') && /^[a-z]/.test(tokens[k].text)) || SIDE_DEMONYMS[tokens[k].lower] !== undefined)) k--;
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

// "Moldova, a country of 2.6 million, has taken in ...": a host country as subject.
function hostsAfter(tokens: Token[], last: number): boolean {
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
  if (lemma === 'take') return tokens[v + 1]?.lower === 'in';
  return HOST_LEMMAS.has(lemma);
}
// Where people are received in a host country: "at Romania's reception points".
const SITE_NOUNS = new Set(['points', 'centres', 'centers', 'camps', 'shelters', 'stations']);
const FACILITY_NOUNS = new Set(['crossing', 'station', 'checkpoint', 'border', 'camp', 'centre', 'center']);
const HOST_NOUNS = new Set(['destination', 'host', 'recipient']);
const HOST_LEMMAS = new Set(['receive', 'register', 'host', 'welcome', 'count', 'record', 'admit', 'accept', 'shelter', 'see']);

const HELD_PEOPLE = new Set(['refugees', 'ukrainians', 'arrivals', 'evacuees']);
// Words a stated count may open with ("over 100,000", "about 60,000").
const QUALIFIER_STARTS = new Set(['over', 'about', 'around', 'some', 'nearly', 'almost', 'roughly', 'more', 'close', 'at', 'up', 'an', 'approximately', 'just']);

/** The name opens its clause and a verb follows it: "Slovakia has seen", "Poland is now hosting". */
function subjectOfVerb(tokens: Token[], first: number, last: number): boolean {
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
    if (['has', 'have', 'had'].includes(tokens[k].lower) && (tokens[k + 1]?.kind === 'number' || QUALIFIER_STARTS.has(tokens[k + 1]?.lower ?? ''))) {
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

const SEAT_WORDS = new Set(['government', 'ministry', 'parliament', 'officials', 'authorities', 'reporters', 'journalists', 'conference', 'briefing']);
const SPEECH_LEMMAS = new Set(['say', 'tell', 'speak', 'announce', 'report', 'add']);

/** "in" at k after a body or a verb of saying: "the government in Sofia", "told reporters in Warsaw", "said in Bratislava". */
function speakerSeat(tokens: Token[], k: number): boolean {
  if (tokens[k]?.lower !== 'in') return false;
  const before = tokens[k - 1];
  return before !== undefined && (SEAT_WORDS.has(before.lower) || SPEECH_LEMMAS.has(before.lemma ?? before.lower));
}

/** An agency word at i, after title words ("Deputy Interior Minister", "Prime Minister", "border guard"). */
function agencyTitleAt(tokens: Token[], i: number): boolean {
  for (let k = i; k < i + 3; k++) {
    const word = tokens[k]?.lower ?? '';
    // "the Slovak border" is a place, not a body: "border" needs its guard, police or service.
    if (word === 'border') return AGENCY_WORDS.has(tokens[k + 1]?.lower ?? '') || ['service', 'agency', 'force', 'authority'].includes(tokens[k + 1]?.lower ?? '');
    if (AGENCY_WORDS.has(word)) return true;
    if (!TITLE_WORDS.has(word)) return false;
  }
  return false;
}

/**
 * The country whose side of the border a phrase names, when no cue before it gave a role:
 * "at the Hungarian border", "on the Polish side", "crossed the Polish-Ukrainian border" (the side
 * that is not Ukraine's). Not a border agency ("Polish border guards").
 */
function borderSide(tokens: Token[], i: number): { country: string; last: number } | null {
  // Cheap checks first: this runs on every word.
  const word = tokens[i].lower;
  if (tokens[i].kind !== 'word' || !/^[A-Z]/.test(tokens[i].text) || (SIDE_DEMONYMS[word] === undefined && !COUNTRY_NAMES.has(word) && !word.includes('-'))) return null;
  // "Polish–Ukrainian" with an en dash is three tokens, with a hyphen one.
  const dash = tokens[i + 1];
  const joined = dash !== undefined && ['–', '—', '-'].includes(dash.text) && dash.start === tokens[i].end && tokens[i + 2]?.start === dash.end;
  const parts = joined ? [tokens[i].lower, tokens[i + 2].lower] : tokens[i].lower.split('-');
  const n = joined ? i + 3 : i + 1;
  // "the Polish-Ukrainian border", "the Ukraine-Moldova border": a demonym or a country's name on each side.
  const countries = parts.map((part) => SIDE_DEMONYMS[part] ?? (COUNTRY_NAMES.has(part) ? part.replace(/^./, (c) => c.toUpperCase()) : undefined));
  let country: string | undefined;
  if (parts.length === 1) country = countries[0];
  else {
    const home = parts.findIndex((part) => part === 'ukrainian' || part === HOME_COUNTRY);
    if (parts.length === 2 && home >= 0) country = countries[1 - home];
  }
  if (!country || !BORDER_WORDS.has(tokens[n]?.lower ?? '') || AGENCY_WORDS.has(tokens[n + 1]?.lower ?? '') || TITLE_WORDS.has(tokens[n + 1]?.lower ?? '')) return null;
  // "the Hungarian border town of Zahony": the place named after it is meant; "Polish border crossings" are the border.
  const after = tokens[n + 1];
  if (after?.kind === 'word' && /^[a-z]/.test(after.text) && (after.pos === 'NOUN' || PLACE_NOUNS.has(after.lower)) && !BORDER_WORDS.has(after.lower)) return null;
  // With no article, only after "through", "at", "across" ("passed through Polish border crossings").
  const article = tokens[i - 1]?.lower === 'the';
  if (!article && !['through', 'at', 'across', 'via'].includes(tokens[i - 1]?.lower ?? '')) return null;
  const before = tokens[article ? i - 2 : i - 1];
  if (!before) return null;
  // A cue before it decides ("from the Polish border" is no arrival); "at", "on", "across" and a crossing verb mean people reached it.
  const last = tokens[n + 1] && BORDER_WORDS.has(tokens[n + 1].lower) ? n + 1 : n;
  if (roleBefore(tokens, i) !== null) return roleBefore(tokens, i) === 'destination' ? { country, last } : null;
  if (['at', 'on', 'across', 'over', 'through', 'via'].includes(before.lower) || ['cross', 'reach', 'pass'].includes(before.lemma ?? before.lower)) return { country, last };
  return null;
}

/**
 * A place abroad named as the site people reached: "at the Medyka crossing", "through the Siret
 * checkpoint", "crossed Slovakia's border with Ukraine", "at Poland's border crossings".
 */
function siteReached(tokens: Token[], first: number, last: number): boolean {
  const possessive = /['’]s$/.test(tokens[last].text);
  // "Poland's eastern border": adjectives before the noun.
  // "Poland's eastern border", "Romania's reception points": modifiers before the noun.
  let n = last + 1;
  while (possessive && n < last + 3 && (tokens[n]?.pos === 'ADJ' || (tokens[n]?.pos === 'NOUN' && (FACILITY_NOUNS.has(tokens[n + 1]?.lower ?? '') || SITE_NOUNS.has(tokens[n + 1]?.lower ?? '')))) && /^[a-z]/.test(tokens[n].text)) n++;
  const noun = tokens[n]?.lower ?? '';
  if (!(FACILITY_NOUNS.has(noun) || (possessive && (BORDER_WORDS.has(noun) || SITE_NOUNS.has(noun))))) return false;
  // Not a border agency ("Poland's border guard") nor a place named after the site ("the Polish border town of …").
  if (AGENCY_WORDS.has(tokens[n + 1]?.lower ?? '') || PLACE_NOUNS.has(tokens[n + 1]?.lower ?? '')) return false;
  const k = tokens[first - 1]?.lower === 'the' ? first - 2 : first - 1;
  const before = tokens[k];
  if (!before) return false;
  return ['at', 'through', 'across', 'over', 'via'].includes(before.lower) || ['cross', 'reach', 'pass'].includes(before.lemma ?? before.lower);
}

/** "the Government of Poland", "the Ministry of Interior of Slovakia", "the authorities of the Republic of Moldova". */
function agencyOf(tokens: Token[], i: number): boolean {
  // "Border guards of the Slovak Republic"
  let k = tokens[i - 1]?.lower === 'the' ? i - 2 : i - 1;
  if (tokens[k]?.lower === 'of' && FORMAL_HEADS.has(tokens[k - 1]?.lower ?? '')) k -= tokens[k - 2]?.lower === 'the' ? 3 : 2;
  return tokens[k]?.lower === 'of' && AGENCY_WORDS.has(tokens[k - 1]?.lower ?? '');
}

function agencyAfter(tokens: Token[], last: number): boolean {
  if (!/['’]s$/.test(tokens[last].text) && !(tokens[last + 1]?.text === "'s" || tokens[last + 1]?.text === '’s')) return false;
  // "Poland's tally of arrivals": a country's own count is for that country too.
  for (let k = last + 1; k <= last + 3; k++) if (AGENCY_WORDS.has(tokens[k]?.lower ?? '') || COUNT_WORDS.has(tokens[k]?.lower ?? '')) return true;
  return false;
}

/** Capitalised words after a cue ("from Nova Kakhovka") that are not in the place table. */
function unknownPlaceAt(tokens: Token[], i: number): number {
  let last = i - 1;
  for (let k = i; k < i + 3 && k < tokens.length; k++) {
    const token = tokens[k];
    // A name, not an adjective ("the Russian shelling") nor a function word.
    if (token.kind !== 'word' || !/^[A-Z][a-zà-ÿ’'-]+$/.test(token.text) || NOT_PLACES.has(stripPossessive(token.lower))) break;
    if (token.pos !== undefined && token.pos !== 'PROPN') break;
    last = k;
  }
  // "the Azovstal plant", "the Siret crossing": a name before a common noun names a site, not a place.
  const next = tokens[last + 1];
  const nounAfter = next?.kind === 'word' && /^[a-z]/.test(next.text) && (next.pos === 'NOUN' || (next.pos === 'VERB' && /ing$/.test(next.lower)));
  if (last >= i && nounAfter && !TIME_WORDS.has(next.lower)) return i - 1;
  return last;
}


/**
 * Places in a sentence with their roles. "the country", "the city" as a destination or host
 * ("crossed into the country", "the city has received") refer back to the last place named,
 * here or in the previous sentence (previous): "the country" the last country, "the city" the last town or region.
 */
/** The last country and the last town or region named, for "the country" and "the city". */
export interface LastPlaces {
  country: NamedPlace | null;
  town: NamedPlace | null;
  /** The last place named where people went or are, for "there". */
  last?: NamedPlace | null;
  /** Whether that place lies abroad. */
  lastAbroad?: boolean;
  /** Whether the last town lies abroad ("Krakow … in the city"). */
  townAbroad?: boolean;
}

const isCountryName = (place: NamedPlace) => COUNTRY_NAMES.has(place.name.toLowerCase());

/** The last country and town named in these mentions, else the ones before. */
export function lastPlaces(mentions: PlaceMention[], before: LastPlaces | null): LastPlaces {
  const named = mentions.filter((m) => !m.referred);
  return {
    // "Moldova borders Romania to the west. … entered the country": a sentence that opens with a country is about it.
    country: (named.find((m) => isCountryName(m.place) && m.first <= 1 && m.role !== 'origin' && !m.home) ?? named.filter((m) => isCountryName(m.place)).at(-1))?.place ?? before?.country ?? null,
    town: named.filter((m) => !isCountryName(m.place)).at(-1)?.place ?? before?.town ?? null,
    townAbroad: named.filter((m) => !isCountryName(m.place)).at(-1)?.abroad ?? before?.townAbroad ?? false,
    last: named.filter((m) => m.role !== 'origin' && !m.home).at(-1)?.place ?? before?.last ?? null,
    lastAbroad: named.filter((m) => m.role !== 'origin' && !m.home).at(-1)?.abroad ?? before?.lastAbroad ?? false,
  };
}

export function findPlaces(tokens: Token[], matcher: PlaceMatcher, previous: LastPlaces | null = null): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  const recent: LastPlaces = { country: previous?.country ?? null, town: previous?.town ?? null, last: previous?.last ?? null, lastAbroad: previous?.lastAbroad ?? false };
  for (let i = 0; i < tokens.length; i++) {
    // "at the Hungarian border", "crossed the Polish–Ukrainian border", "the Ukraine-Moldova border": the side abroad.
    const border = borderSide(tokens, i);
    if (border) {
      const ref = matcher.at(tokenize(border.country), 0)?.ref;
      const place = ref ? { name: ref.name, placeId: ref.id } : { name: border.country, placeId: null };
      mentions.push({ place, role: 'destination', first: i, last: border.last, abroad: true, home: false });
      recent.country = place;
      i = border.last;
      continue;
    }
    const known = matcher.at(tokens, i);
    if (known) {
      const last = i + known.length - 1;
      const place = { name: known.ref.name, placeId: known.ref.id };
      // "Hungary's Zahony": the town is the place meant, and takes the cue before the country.
      if (isCountry(known.ref) && /['’]s$/.test(tokens[last].text) && matcher.at(tokens, last + 1)) {
        i = last;
        continue;
      }
      const national = isCountry(known.ref) && !isHomeCountry(known.ref) && (agencyAfter(tokens, last) || agencyOf(tokens, i));
      // A dateline ("KYIV, March 21 (Reuters) –", "Kyiv:") says where the story was filed, not where people went.
      // A key-figures line ("Poland: 2,336,800") is no dateline: only a number follows the colon.
      const figureLine = tokens[last + 1]?.text === ':' && tokens.length - last - 2 <= 4 && tokens.slice(last + 2).some((t) => t.kind === 'number');
      // A country abroad as a live blog's label ("Slovakia: More than 150,000 …") is kept, with no role.
      const countryLabel = isCountry(known.ref) && !isHomeCountry(known.ref) && tokens[last + 1]?.text === ':';
      // "VIENNA - …", "PRZEMYSL, Poland –": a place in capitals opening the line, before punctuation.
      const capitals = known.ref.name.length > 3 && tokens.slice(i, last + 1).every((t) => t.text === t.text.toUpperCase()) && tokens[last + 1]?.kind === 'punct';
      if (i === 0 && !figureLine && !countryLabel && (capitals || tokens[last + 1]?.text === ':' || tokens[last + 1]?.text === '(' || (tokens[last + 1]?.text === ',' && /^[A-Z][a-z]+$/.test(tokens[last + 2]?.text ?? '') && tokens[last + 3]?.kind === 'number'))) {
        i = last;
        continue;
      }
      let cued = roleBefore(tokens, i);
      // "refugees from Ukraine in Austria": a place abroad after "in" is where they are, not a site of the origin.
      if (cued === 'origin' && tokens[cueIndex(tokens, i)]?.lower === 'in' && isAbroad(known.ref)) cued = 'destination';
      // "spread across Poland" is where people are; "evacuated across the Luhansk region" is no direction.
      if (tokens[cueIndex(tokens, i)]?.lower === 'across') cued = isAbroad(known.ref) ? 'destination' : null;
      // "more than half of them to Poland": a share's place, not the total's.
      // Also "the majority into Poland", "most to Poland": a share word right before the cue, after a comma.
      const cueAt = cueIndex(tokens, i);
      const shareOf = ['them', 'whom'].includes(tokens[cueAt - 1]?.lower ?? '') && tokens[cueAt - 2]?.lower === 'of' && SHARE_WORDS.has(tokens[cueAt - 3]?.lower ?? '');
      const bareShare = SHARE_WORDS.has(tokens[cueAt - 1]?.lower ?? '') && (tokens[cueAt - 2]?.text === ',' || (tokens[cueAt - 2]?.lower === 'the' && tokens[cueAt - 3]?.text === ','));
      if (cued === 'destination' && (shareOf || bareShare)) cued = null;
      // "the government in Sofia said", "Heger said in Bratislava": a town after "in" is where the speaker sits, not where people went.
      const seat = !isCountry(known.ref) && speakerSeat(tokens, cueIndex(tokens, i));
      if (cued === 'destination' && seat) cued = null;
      // "at the Medyka crossing", "crossed Slovakia's border with Ukraine": a site or border abroad people reached.
      if (cued === null && isAbroad(known.ref) && siteReached(tokens, i, last)) cued = 'destination';
      // A country abroad as the subject of a verb ("Slovakia has seen …", "Poland is now hosting …")
      // hosts what it counts.
      const abroad = isCountry(known.ref) && !isHomeCountry(known.ref);
      const subject = cued === null && (hostsAfter(tokens, last) || national || (abroad && subjectOfVerb(tokens, i, last)));
      const role = cued ?? (subject ? 'destination' : null);
      mentions.push({ place, role, first: i, last, abroad: isAbroad(known.ref), home: isHomeCountry(known.ref), subject, national: national && role === 'destination', seat });
      // Within the sentence "the city" is not the place people left: "evacuees from Mariupol arrived in the city".
      // Nor is "the country" the one people came from ("refugees from Ukraine registered in the country").
      if (role !== 'origin' || !recent[isCountryName(place) ? 'country' : 'town']) {
        // "travelled on to Romania, but the country still shelters …": the host before stays "the country".
        if (isCountryName(place) && !(recent.country && reachedOnward(tokens, i))) recent.country = place;
        else if (role !== 'origin') {
          recent.town = place;
          recent.townAbroad = isAbroad(known.ref);
        }
      }
      if (role !== 'origin') {
        recent.last = place;
        recent.lastAbroad = isAbroad(known.ref);
      }
      i = last;
      continue;
    }
    // "have stayed there", "arrived there": the last place named where people went.
    if (tokens[i].lower === 'there' && recent.last && i > 0 && ['VERB', 'ADV'].includes(tokens[i - 1].pos ?? '') && !['is', 'are', 'was', 'were', 'be', 'been'].includes(tokens[i + 1]?.lower ?? '')) {
      const place = recent.last;
      const home = place.name.toLowerCase() === HOME_COUNTRY;
      if (!home) mentions.push({ place, role: 'destination', first: i, last: i, abroad: recent.lastAbroad ?? isCountryName(place), home, referred: true });
      continue;
    }
    // "crossed its border": the border of the country named before; leaving the home country, entering any other.
    // "entered its territory" too.
    if (tokens[i].lower === 'its' && (/^borders?$/.test(tokens[i + 1]?.lower ?? '') || TERRITORY_WORDS.has(tokens[i + 1]?.lower ?? '')) && recent.country) {
      const place = recent.country;
      const home = place.name.toLowerCase() === HOME_COUNTRY;
      mentions.push({ place, role: home ? 'origin' : 'destination', first: i, last: i + 1, abroad: !home, home, referred: true });
      i += 1;
      continue;
    }
    // "Polish border guards", "the Romanian interior ministry": a national agency's count is for its country.
    const demonym = DEMONYMS[tokens[i].lower];
    const sideDemonym = SIDE_DEMONYMS[tokens[i].lower];
    // "reached Romanian territory", "crossed to the Hungarian side": the country, where the cue before says.
    // "are put up in Polish homes", "taken in by Slovak families", "arrived on Polish soil": where people are hosted.
    if (sideDemonym && (TERRITORY_WORDS.has(tokens[i + 1]?.lower ?? '') || HOST_PLACE_NOUNS.has(tokens[i + 1]?.lower ?? '') || (tokens[i + 1]?.pos === 'NOUN' && HOST_PLACE_NOUNS.has(tokens[i + 2]?.lower ?? '')))) {
      const role = roleBefore(tokens, i) ?? (tokens[i - 1]?.lower === 'on' || tokens[i - 2]?.lower === 'on' ? 'destination' : null);
      if (role) {
        const ref = matcher.at(tokenize(sideDemonym), 0)?.ref;
        const place = ref ? { name: ref.name, placeId: ref.id } : { name: sideDemonym, placeId: null };
        mentions.push({ place, role, first: i, last: i + 1, abroad: true, home: false });
        recent.country = place;
        i += 1;
        continue;
      }
    }
    // "Polish border guards", "Polish Deputy Interior Minister …": title words up to an agency word.
    // "The Romanian tally of arrivals", "Slovak figures show": a country's own count.
    if (demonym && (agencyTitleAt(tokens, i + 1) || (COUNT_WORDS.has(tokens[i + 1]?.lower ?? '') && tokens[i + 1].lower !== 'population'))) {
      const ref = matcher.at(tokenize(demonym), 0)?.ref;
      const place = ref ? { name: ref.name, placeId: ref.id } : { name: demonym, placeId: null };
      mentions.push({ place, role: 'destination', first: i, last: i, abroad: true, home: false, subject: true, national: true });
      recent.country = place;
      continue;
    }
    // "arrived in the Polish capital", "the Hungarian capital is sheltering …": the city itself.
    const capital = capitalAt(tokens, i, (adjective) => SIDE_DEMONYMS[adjective] ?? (adjective === 'ukrainian' ? 'Ukraine' : undefined));
    if (capital) {
      const ref = matcher.at(tokenize(capital.city), 0)?.ref;
      const place = ref ? { name: ref.name, placeId: ref.id } : { name: capital.city, placeId: null };
      const abroad = capital.country.toLowerCase() !== HOME_COUNTRY;
      const cued = roleBefore(tokens, i);
      const subject = cued === null && abroad && (hostsAfter(tokens, capital.last) || subjectOfVerb(tokens, i + 1, capital.last));
      const role = cued ?? (subject ? 'destination' : null);
      mentions.push({ place, role, first: i, last: capital.last, abroad, home: false, subject });
      if (role !== 'origin') {
        recent.town = place;
        recent.townAbroad = abroad;
        recent.last = place;
        recent.lastAbroad = abroad;
      }
      i = capital.last;
      continue;
    }
    // "evacuated … to the capital": a capital named before ("Warsaw's population … now in the capital"),
    // else the capital of the last country named, else of the home country.
    if (bareCapitalAt(tokens, i)) {
      const named = recent.town && isCapital(recent.town.name) ? recent.town : null;
      const country = recent.country?.name ?? HOME_COUNTRY;
      const city = named?.name ?? capitalOf(country);
      const role = city ? roleBefore(tokens, i) ?? (hostsAfter(tokens, i + 1) ? 'destination' : null) : null;
      if (city && role) {
        const ref = named ? null : matcher.at(tokenize(city), 0)?.ref;
        const place = named ?? (ref ? { name: ref.name, placeId: ref.id } : { name: city, placeId: null });
        const abroad = named ? Boolean(recent.townAbroad) : country.toLowerCase() !== HOME_COUNTRY;
        mentions.push({ place, role, first: i, last: i + 1, abroad, home: false, referred: true });
      }
      i += 1;
      continue;
    }
    const cityOf = (tokens[i + 2]?.lower === 'of' && matcher.at(tokens, i + 3) !== null) || tokens[i + 1]?.pos === 'ADJ';
    const noun = tokens[i + 1]?.lower ?? '';
    const lastNamed = noun === 'country' ? recent.country : recent.town;
    if (tokens[i].lower === 'the' && PLACE_NOUNS.has(noun) && lastNamed && !cityOf) {
      const role = roleBefore(tokens, i) ?? (hostsAfter(tokens, i + 1) ? 'destination' : null);
      if (role) {
        const country = isCountryName(lastNamed);
        const home = lastNamed.name.toLowerCase() === HOME_COUNTRY;
        mentions.push({ place: lastNamed, role, first: i, last: i + 1, abroad: country ? !home : Boolean(recent.townAbroad), home, referred: true });
      }
      i += 1;
      continue;
    }
    // A name not in the table starts with a capital; only then is its cue looked for. It counts only
    // after an unambiguous cue ("from", "into", "arrived in"), not after "in" or "for" alone.
    if (!/^[A-Z]/.test(tokens[i].text)) continue;
    // "the Republic of Moldova": the name is the known place after "of".
    if (FORMAL_HEADS.has(tokens[i].lower) && tokens[i + 1]?.lower === 'of' && matcher.at(tokens, i + 2)) continue;
    // A country the table lacks, as the subject of a host verb: "Italy has so far received …".
    const country = unknownCountryAt(tokens, i);
    if (country >= i && roleBefore(tokens, i) === null && (hostsAfter(tokens, country) || subjectOfVerb(tokens, i, country))) {
      const name = tokens.slice(i, country + 1).map((t) => t.text).join(' ');
      mentions.push({ place: { name, placeId: null }, role: 'destination', first: i, last: country, abroad: true, home: false, subject: true });
      recent.country = mentions.at(-1)!.place;
      i = country;
      continue;
    }
    if (i === 0) continue;
    let role = roleBefore(tokens, i);
    // A country the table lacks, with no cue, is named as a known one would be ("… and Spain about 25,000").
    if (role === null && country >= i && !NOT_PLACES.has(tokens[i].lower)) {
      const name = tokens.slice(i, country + 1).map((t) => t.text).join(' ');
      mentions.push({ place: { name, placeId: null }, role: null, first: i, last: country, abroad: true, home: false });
      i = country;
      continue;
    }
    if (role === null) continue;
    // "a spokesperson for the International Organization for Migration": an organisation, not a place.
    const cueWord = tokens[i - 1].lower === 'the' ? tokens[i - 2]?.lower ?? '' : tokens[i - 1].lower;
    if (cueWord === 'for' || ORGANISATION_WORDS.test(sentenceWords(tokens, i, 5))) continue;
    // After plain "in", a country ("in Italy") or a place people are staying in ("are sheltering in Vilnius").
    // Also a town a reception site stands in ("the reception point in Iasi").
    const arrivedIn = tokens[i - 1].lower === 'in' && (country >= i || STAYING_IN.has(tokens[i - 2]?.lower ?? '') || siteBeforeIn(tokens, i - 1));
    if (!arrivedIn && ['in', 'for', 'left', 'leaving', 'leave', 'reach', 'entered', 'entering'].includes(tokens[i - 1].lower)) continue;
    const last = unknownPlaceAt(tokens, i);
    if (last < i || tokens[i].start === 0) continue;
    const name = tokens.slice(i, last + 1).map((t) => t.text).join(' ').replace(/['’]s$/, '');
    const abroad = COUNTRY_NAMES.has(name.toLowerCase());
    // "refugees from Ukraine in the Netherlands": a country abroad after "in" is where they are.
    if (role === 'origin' && abroad && tokens[cueIndex(tokens, i)]?.lower === 'in') role = 'destination';
    mentions.push({ place: { name, placeId: null }, role, first: i, last, abroad, home: false });
    i = last;
  }
  // "have come through here," said the mayor of Przemysl: the speaker's place, else the last place people went.
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].lower !== 'here' || !['VERB', 'ADP', 'ADV', 'NOUN'].includes(tokens[i - 1].pos ?? '') || ['is', 'are', 'was', 'were'].includes(tokens[i + 1]?.lower ?? '')) continue;
    const seat = mentions.find((m) => m.role === null && m.abroad && !m.referred && !m.home) ?? null;
    const place = seat?.place ?? (previous?.lastAbroad ? previous.last : null);
    if (place) mentions.push({ place, role: 'destination', first: i, last: i, abroad: true, home: false, referred: true });
  }
  // "have entered our country," said Maia Sandu, Moldova's president": a speaker's own country is the national body's.
  // "have passed through our town," said Przemysl's mayor: the speaker's town.
  for (let i = 0; i < tokens.length - 1; i++) {
    const noun = tokens[i + 1].lower;
    if (!['our', 'my'].includes(tokens[i].lower) || !PLACE_NOUNS.has(noun) || roleBefore(tokens, i) !== 'destination') continue;
    const body =
      noun === 'country'
        ? mentions.find((m) => m.subject && m.abroad && !m.referred && isCountryName(m.place))
        : mentions.find((m) => m.role === null && m.abroad && !m.referred && !isCountryName(m.place));
    if (body) mentions.push({ ...body, role: 'destination', first: i, last: i + 1, subject: false, referred: true });
  }
  dropLocatingCountries(mentions, tokens, (m) => isCountryName(m.place));
  return mentions;
}

// Words before "in" that say people are staying in a place, so a name the table lacks after it is one.
const STAYING_IN = new Set([
  'arrived', 'arriving', 'sheltering', 'registered', 'staying', 'stayed', 'living', 'settled', 'housed', 'hosted', 'accommodated',
  'shelter', 'refuge', 'safety', 'remain', 'remained', 'now', 'refugees', 'arrivals', 'are', 'were',
]);

/** The index of the cue word before a name, past an article and adjectives ("in the Netherlands", "into neighbouring Poland"). */
function cueIndex(tokens: Token[], i: number): number {
  let k = i - 1;
  while (k > 0 && (tokens[k].lower === 'the' || (tokens[k].pos === 'ADJ' && /^[a-z]/.test(tokens[k].text)))) k--;
  return k;
}

/** The last token of a country name (from the runtime's ISO table) starting at i, or i - 1. */
function unknownCountryAt(tokens: Token[], i: number): number {
  for (let n = 3; n >= 1; n--) {
    const words = tokens.slice(i, i + n);
    if (words.length === n && words.every((t) => t.kind === 'word') && COUNTRY_NAMES.has(words.map((t) => stripPossessive(t.lower)).join(' '))) return i + n - 1;
  }
  return i - 1;
}

const ORGANISATION_WORDS = /\b(?:organi[sz]ation|agency|office|committee|council|ministry|service|programme|program|fund|federation|union|association|foundation|institute|commission|bank|group|network)\b/i;
const sentenceWords = (tokens: Token[], i: number, n: number) => tokens.slice(i, i + n).filter((t) => /^[A-Z]/.test(t.text) || t.lower === 'of' || t.lower === 'for').map((t) => t.text).join(' ');

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
    while (k < number.first && (tokens[k].text === '(' || tokens[k].text === ',' || tokens[k].lower === 'some' || (tokens[k].text === ':' && opensLine))) k++;
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
  const bareCandidates = own.filter((m) => m.role === null && (adjacentBefore(m) || m.first === number.last + 1 || besideDash(m)));
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
