// Finds places in a sentence and their role: "out of Sumy" is an origin, "into Poland" a destination.
// The concepts it uses live in their own modules: countries.ts, placeMatcher.ts, placeRoles.ts (cues),
// hostSubjects.ts, nationalBodies.ts, borders.ts; pickPlaces.ts picks one number's places.
import { borderSide, siteReached } from './borders';
import { bareCapitalAt, capitalAt, capitalOf, isCapital } from './capitals';
import { COUNTRY_NAMES, DEMONYMS, HOME_COUNTRY, SIDE_DEMONYMS, isAbroad, isCountry, isCountryName, isHomeCountry, stripPossessive, unknownCountryAt } from './countries';
import { hostsAfter, subjectOfVerb } from './hostSubjects';
import { COUNT_WORDS, agencyAfter, agencyOf, agencyTitleAt, speakerSeat } from './nationalBodies';
import { reachedOnward } from './onward';
import type { PlaceMatcher } from './placeMatcher';
import { FORMAL_HEADS, PLACE_NOUNS, cueIndex, roleBefore } from './placeRoles';
import { dropLocatingCountries, siteBeforeIn } from './sites';
import { tokenize, type Token } from './tokens';
import type { NamedPlace } from './types';

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

const TERRITORY_WORDS = new Set(['territory', 'soil', 'side']);
// Where a host country puts people up: "in Polish homes", "by Slovak families", "in Polish towns".
const HOST_PLACE_NOUNS = new Set(['homes', 'families', 'households', 'towns', 'cities', 'villages', 'schools', 'hotels', 'shelters', 'communities', 'dormitories', 'centres', 'centers', 'camps']);
// "more than half of them to Poland": the place goes with the share, not with the total.
const SHARE_WORDS = new Set(['half', 'most', 'majority', 'third', 'quarter', 'bulk', 'many', 'some', 'two-thirds', 'three-quarters']);
const TIME_WORDS = new Set(['yesterday', 'today', 'tonight', 'overnight', 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'day']);
const NOT_PLACES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'the', 'a', 'reuters', 'afp', 'ap', 'unhcr', 'un',
  'iom', 'unicef', 'telegram', 'facebook', 'twitter', 'i', 'we', 'they', 'he', 'she', 'mr', 'ms', 'mrs', 'dr', 'president',
  'minister', 'governor', 'mayor', 'it', 'europe', 'eu', 'european', 'asia', 'america',
]);

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


/** The last country and town named in these mentions, else the ones before. */
export function lastPlaces(mentions: PlaceMention[], before: LastPlaces | null): LastPlaces {
  const named = mentions.filter((m) => !m.referred);
  return {
    // "Moldova borders Romania to the west. … entered the country": a sentence that opens with a country is about it.
    // "Moldova has received 340,000 people from Ukraine. … stayed in the country": not the country people came from.
    country: (named.find((m) => isCountryName(m.place) && m.first <= 1 && m.role !== 'origin' && !m.home) ?? named.filter((m) => isCountryName(m.place) && m.role !== 'origin').at(-1) ?? named.filter((m) => isCountryName(m.place)).at(-1))?.place ?? before?.country ?? null,
    town: named.filter((m) => !isCountryName(m.place)).at(-1)?.place ?? before?.town ?? null,
    townAbroad: named.filter((m) => !isCountryName(m.place)).at(-1)?.abroad ?? before?.townAbroad ?? false,
    last: named.filter((m) => m.role !== 'origin' && !m.home).at(-1)?.place ?? before?.last ?? null,
    lastAbroad: named.filter((m) => m.role !== 'origin' && !m.home).at(-1)?.abroad ?? before?.lastAbroad ?? false,
  };
}

/**
 * Places in a sentence with their roles. "the country", "the city" as a destination or host
 * ("crossed into the country", "the city has received") refer back to the last place named,
 * here or in the previous sentence (previous): "the country" the last country, "the city" the last town or region.
 */
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
    // "the Donetsk and Luhansk regions": names sharing a plural head are regions; the first named stands for them.
    if (tokens[i + 1]?.lower === 'and' && ['regions', 'oblasts'].includes(tokens[i + 3]?.lower ?? '') && /^[A-Z]/.test(tokens[i].text) && /^[A-Z]/.test(tokens[i + 2]?.text ?? '')) {
      const ref = matcher.at(tokenize(`${tokens[i].text} region`), 0)?.ref;
      if (ref) {
        const place = { name: ref.name, placeId: ref.id };
        mentions.push({ place, role: roleBefore(tokens, i), first: i, last: i + 3, abroad: isAbroad(ref), home: false });
        recent.town = place;
        i += 3;
        continue;
      }
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
      const home = isHomeCountry(place);
      if (!home) mentions.push({ place, role: 'destination', first: i, last: i, abroad: recent.lastAbroad ?? isCountryName(place), home, referred: true });
      continue;
    }
    // "crossed its border": the border of the country named before; leaving the home country, entering any other.
    // "entered its territory" too.
    if (tokens[i].lower === 'its' && (/^borders?$/.test(tokens[i + 1]?.lower ?? '') || TERRITORY_WORDS.has(tokens[i + 1]?.lower ?? '')) && recent.country) {
      const place = recent.country;
      const home = isHomeCountry(place);
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
        const home = isHomeCountry(lastNamed);
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
    // Also where people were killed ("were killed in Chasiv Yar"), and a list item's own place ("and one in
    // Bakhmut", "4 - in Dolyna").
    const killedIn = ['killed', 'died', 'dead'].includes(tokens[i - 2]?.lower ?? '') || tokens[i - 2]?.kind === 'number' || (tokens[i - 2]?.text === '-' && tokens[i - 3]?.kind === 'number');
    const arrivedIn = tokens[i - 1].lower === 'in' && (country >= i || STAYING_IN.has(tokens[i - 2]?.lower ?? '') || siteBeforeIn(tokens, i - 1) || killedIn);
    if (!arrivedIn && ['in', 'for', 'left', 'leaving', 'leave', 'reach', 'entered', 'entering'].includes(tokens[i - 1].lower)) continue;
    const last = unknownPlaceAt(tokens, i);
    if (last < i || tokens[i].start === 0) continue;
    const name = tokens.slice(i, last + 1).map((t) => t.text).join(' ').replace(/['’]s$/, '');
    // "for Poland's Border Guard": a body named after its country, not a place.
    if (BODY_NAMES.test(name)) continue;
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


const BODY_NAMES = /\b(?:guards?|police|ministry|department|service|office|authorit(?:y|ies))$/i;
const ORGANISATION_WORDS = /\b(?:organi[sz]ation|agency|office|committee|council|ministry|service|programme|program|fund|federation|union|association|foundation|institute|commission|bank|group|network)\b/i;
const sentenceWords = (tokens: Token[], i: number, n: number) => tokens.slice(i, i + n).filter((t) => /^[A-Z]/.test(t.text) || t.lower === 'of' || t.lower === 'for').map((t) => t.text).join(' ');
