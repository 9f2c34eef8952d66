// Countries: the home country, country names from the runtime's ISO table, and host countries' adjectives.
import type { Token } from './tokens';
import type { NamedPlace, PlaceRef } from './types';

// The country the figures are about. Leaving it makes a refugee; a city inside it is an evacuation.
export const HOME_COUNTRY = 'ukraine';

// Country names from the runtime's own ISO 3166 region table (Intl.DisplayNames), so any
// country in the places table is known as one without a list here.
export const COUNTRY_NAMES: Set<string> = (() => {
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
  // Region codes that name no country: "UN" (United Nations), "EU", "EZ" (Eurozone), "QO", "XA", "XB".
  for (const body of ['united nations', 'european union', 'eurozone', 'outlying oceania', 'pseudo-accents', 'pseudo-bidi', 'unknown region', 'world']) names.delete(body);
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


// Neighbouring and host countries' adjectives, for "Polish border guards" (a national agency names its country).
export const DEMONYMS: Record<string, string> = Object.assign(Object.create(null), {
  polish: 'Poland', romanian: 'Romania', hungarian: 'Hungary', slovak: 'Slovakia', slovakian: 'Slovakia', moldovan: 'Moldova',
  czech: 'Czech Republic', german: 'Germany', lithuanian: 'Lithuania', bulgarian: 'Bulgaria', austrian: 'Austria',
  latvian: 'Latvia', estonian: 'Estonia', italian: 'Italy', french: 'France', spanish: 'Spain', british: 'United Kingdom', irish: 'Ireland',
  dutch: 'Netherlands', belgian: 'Belgium', swiss: 'Switzerland', swedish: 'Sweden', danish: 'Denmark', finnish: 'Finland', norwegian: 'Norway',
  portuguese: 'Portugal', greek: 'Greece', turkish: 'Turkey', croatian: 'Croatia', slovenian: 'Slovenia', serbian: 'Serbia', georgian: 'Georgia',
  canadian: 'Canada',
});
// Adjectives that name a country's side, soil or towns, though not its agencies: "taken to Russian
// territory", "the Russian border town of Taganrog" (a Russian ministry's count is no arrival in Russia).
export const SIDE_DEMONYMS: Record<string, string> = Object.assign(Object.create(null), DEMONYMS, { russian: 'Russia', belarusian: 'Belarus' });

export function stripPossessive(word: string): string {
  return word.replace(/['’]s$/, '');
}

/** A place named by a country's name ("Poland", "the Czech Republic"). */
export const isCountryName = (place: NamedPlace) => COUNTRY_NAMES.has(place.name.toLowerCase());

/** The last token of a country name (from the runtime's ISO table) starting at i, or i - 1. */
export function unknownCountryAt(tokens: Token[], i: number): number {
  for (let n = 3; n >= 1; n--) {
    const words = tokens.slice(i, i + n);
    if (words.length === n && words.every((t) => t.kind === 'word') && COUNTRY_NAMES.has(words.map((t) => stripPossessive(t.lower)).join(' '))) return i + n - 1;
  }
  return i - 1;
}
