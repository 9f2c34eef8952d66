// Borders and sites abroad people reached: "at the Hungarian border", "at the Medyka crossing", "at Romania's reception points".
import { COUNTRY_NAMES, HOME_COUNTRY, SIDE_DEMONYMS } from './countries';
import { AGENCY_WORDS, TITLE_WORDS } from './nationalBodies';
import { PLACE_NOUNS, roleBefore } from './placeRoles';
import type { Token } from './tokens';

// The side of a border: "at the Hungarian border", "on the Polish side", "crossed the Polish-Ukrainian border".
export const BORDER_WORDS = new Set(['border', 'borders', 'frontier', 'side', 'crossing', 'crossings', 'checkpoints', 'checkpoint', 'section', 'stretch']);
// Where people are received in a host country: "at Romania's reception points".
export const SITE_NOUNS = new Set(['points', 'centres', 'centers', 'camps', 'shelters', 'stations']);
export const FACILITY_NOUNS = new Set(['crossing', 'station', 'checkpoint', 'border', 'camp', 'centre', 'center']);

/**
 * The country whose side of the border a phrase names, when no cue before it gave a role:
 * "at the Hungarian border", "on the Polish side", "crossed the Polish-Ukrainian border" (the side
 * that is not Ukraine's). Not a border agency ("Polish border guards").
 */
export function borderSide(tokens: Token[], i: number): { country: string; last: number } | null {
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
export function siteReached(tokens: Token[], first: number, last: number): boolean {
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
