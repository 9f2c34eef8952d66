// Reception sites and the towns they stand in: "The reception point in Iasi, in north-eastern
// Romania, has registered more than 12,000 people." The town after the site's "in" is where people
// arrived, even when the place table lacks it; the country after it only locates the town.
import type { PlaceMention } from './places';
import type { Token } from './tokens';

// Sites where arrivals are received or counted.
const SITE_WORDS = new Set([
  'point', 'points', 'centre', 'centres', 'center', 'centers', 'camp', 'camps', 'station', 'stations', 'shelter', 'shelters', 'hub', 'hubs',
]);

/** "in" at k follows a reception site: "the reception point in Iasi", "a transit centre in Suceava". */
export function siteBeforeIn(tokens: Token[], k: number): boolean {
  return tokens[k]?.lower === 'in' && SITE_WORDS.has(tokens[k - 1]?.lower ?? '');
}

/**
 * "Iasi, in north-eastern Romania,": a country after a town, a comma and "in" (adjectives may
 * stand between) locates the town and is no destination of its own. Such countries lose their role.
 */
export function dropLocatingCountries(mentions: PlaceMention[], tokens: Token[], isCountryName: (m: PlaceMention) => boolean): void {
  for (let n = 1; n < mentions.length; n++) {
    const country = mentions[n];
    const town = mentions[n - 1];
    if (!isCountryName(country) || isCountryName(town) || country.role !== 'destination' || town.role !== 'destination') continue;
    let k = country.first - 1;
    while (k > town.last && tokens[k].kind === 'word' && /^[a-z]/.test(tokens[k].text) && tokens[k].lower !== 'in') k--;
    if (tokens[k]?.lower === 'in' && tokens[k - 1]?.text === ',' && k - 1 === town.last + 1) country.role = null;
  }
}

/** A noun phrase naming a site, not a body ("The reception point in Iasi", "the Medyka crossing"): no source of what it counts. */
export function isSitePhrase(phrase: string): boolean {
  return /^(?:the |a |an |its |one )?(?:[\w-]+ ){0,2}(?:point|centre|center|camp|station|crossing|checkpoint|shelter|hub)s?(?: |$)/i.test(phrase);
}
