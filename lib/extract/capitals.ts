// "the Polish capital", "the Slovak capital": a capital named by its country's adjective is that
// city. The city comes from the place table when it is there (so it keeps its id and its country),
// else it is a place the table lacks, by name.
import type { Token } from './tokens';

// Capitals of the countries 2022 reporting on Ukraine names (the home country, its neighbours and
// the hosts further on). A fact table, not a list of phrasings: it says which city "the X capital" is.
const CAPITALS: Record<string, string> = Object.assign(Object.create(null), {
  ukraine: 'Kyiv', poland: 'Warsaw', romania: 'Bucharest', moldova: 'Chisinau', hungary: 'Budapest', slovakia: 'Bratislava',
  'czech republic': 'Prague', germany: 'Berlin', austria: 'Vienna', bulgaria: 'Sofia', lithuania: 'Vilnius', latvia: 'Riga',
  estonia: 'Tallinn', italy: 'Rome', france: 'Paris', spain: 'Madrid', 'united kingdom': 'London', ireland: 'Dublin',
  netherlands: 'Amsterdam', belgium: 'Brussels', switzerland: 'Bern', sweden: 'Stockholm', denmark: 'Copenhagen',
  finland: 'Helsinki', norway: 'Oslo', portugal: 'Lisbon', greece: 'Athens', turkey: 'Ankara', croatia: 'Zagreb',
  slovenia: 'Ljubljana', serbia: 'Belgrade', georgia: 'Tbilisi', canada: 'Ottawa', russia: 'Moscow', belarus: 'Minsk',
});

export interface CapitalPhrase {
  /** The capital's name ("Warsaw"). */
  city: string;
  /** The country whose capital it is ("Poland"). */
  country: string;
  /** The token of "capital". */
  last: number;
}

/**
 * "the Polish capital" at i (i is "the"; adjectives may stand between: "the Ukrainian capital",
 * "the Hungarian capital"). Not when the city's own name follows ("the Polish capital Warsaw",
 * "the Polish capital, Warsaw,"): the name is then the place. `countryOf` reads a country's
 * adjective ("polish" → "Poland").
 */
export function capitalAt(tokens: Token[], i: number, countryOf: (adjective: string) => string | undefined): CapitalPhrase | null {
  if (tokens[i].lower !== 'the') return null;
  const adjective = tokens[i + 1];
  if (adjective === undefined || !/^[A-Z]/.test(adjective.text)) return null;
  const country = countryOf(adjective.lower);
  if (country === undefined || tokens[i + 2]?.lower !== 'capital') return null;
  const city = CAPITALS[country.toLowerCase()];
  if (city === undefined) return null;
  const after = tokens[i + 3]?.text === ',' ? tokens[i + 4] : tokens[i + 3];
  if (after !== undefined && after.kind === 'word' && /^[A-Z]/.test(after.text)) return null;
  return { city, country, last: i + 2 };
}

/** The capital of a country by its name ("Poland" → "Warsaw"), if the table knows it. */
export function capitalOf(country: string): string | undefined {
  return CAPITALS[country.toLowerCase()];
}

/**
 * "the capital" at i with no country's adjective and no name after it ("evacuated … to the
 * capital"): the caller resolves it to the capital of the country the passage is about. Not "the
 * capital of …", nor "the capital, Kyiv,".
 */
export function bareCapitalAt(tokens: Token[], i: number): boolean {
  if (tokens[i].lower !== 'the' || tokens[i + 1]?.lower !== 'capital') return false;
  const after = tokens[i + 2]?.text === ',' ? tokens[i + 3] : tokens[i + 2];
  if (tokens[i + 2]?.lower === 'of' || tokens[i + 2]?.lower === "'s" || tokens[i + 2]?.lower === '’s') return false;
  return !(after !== undefined && after.kind === 'word' && /^[A-Z]/.test(after.text));
}

/** Whether a city is a capital in the table ("Warsaw"). */
export function isCapital(city: string): boolean {
  const lower = city.toLowerCase();
  return Object.values(CAPITALS).some((c) => c.toLowerCase() === lower);
}
