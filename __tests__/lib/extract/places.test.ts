import { pickPlaces } from '@/lib/extract/pickPlaces';
import { createPlaceMatcher } from '@/lib/extract/placeMatcher';
import { findPlaces } from '@/lib/extract/places';
import { tagTokens } from '@/lib/extract/language';
import { tokenize } from '@/lib/extract/tokens';

const matcher = createPlaceMatcher([
  { id: 'sumy', name: 'Sumy', aliases: [] },
  { id: 'poltava', name: 'Poltava', aliases: [] },
  { id: 'pl', name: 'Poland', aliases: [] },
  { id: 'kyiv', name: 'Kyiv', aliases: ['Kiev'] },
  { id: 'md', name: 'Moldova', aliases: [] },
]);

function places(sentence: string) {
  const tokens = tokenize(sentence);
  tagTokens(sentence, tokens);
  const number = tokens.findIndex((t) => t.kind === 'number');
  const picked = pickPlaces(findPlaces(tokens, matcher), tokens, { first: number, last: number }, [0, tokens.length], []);
  return { origin: picked.origin?.place ?? null, destination: picked.destination?.place ?? null };
}

describe('places and their roles', () => {
  it('reads "out of" and "towards" as origin and destination', () => {
    expect(places('60 buses left out of Sumy towards Poltava')).toEqual({
      origin: { name: 'Sumy', placeId: 'sumy' },
      destination: { name: 'Poltava', placeId: 'poltava' },
    });
  });

  it('matches aliases case-insensitively as whole words', () => {
    expect(places('500 were evacuated into KIEV').destination).toEqual({ name: 'Kyiv', placeId: 'kyiv' });
    expect(places('500 were evacuated to Kievan Rus').destination).toEqual({ name: 'Kievan Rus', placeId: null });
  });

  it('returns a place missing from the table with a null id', () => {
    expect(places('400 were evacuated from Trostianets').origin).toEqual({ name: 'Trostianets', placeId: null });
  });

  it('reads "in Poland" after the number as a destination', () => {
    expect(places('1.2 million refugees are now in Poland').destination?.placeId).toBe('pl');
  });

  it('reads a host country as the destination', () => {
    expect(places('Moldova, a country of 2.6 million, has taken in 350,000 refugees').destination?.placeId).toBe('md');
  });

  it('reads "in" inside an origin phrase as part of the origin', () => {
    expect(places('More than 100 civilians evacuated from the Azovstal steel works in Sumy arrived in Poltava')).toEqual({
      origin: { name: 'Sumy', placeId: 'sumy' },
      destination: { name: 'Poltava', placeId: 'poltava' },
    });
  });

  it('reads a cue before an article ("in the …", "from the city of …")', () => {
    expect(places('1,630 people were evacuated from the city of Sumy').origin?.placeId).toBe('sumy');
  });

  it('gives each item of a list its own place, and a cued place after a number to that number', () => {
    const sentence = '2,694 people reached Poltava — 1,263 from Sumy and 1,431 from Kiev';
    const tokens = tokenize(sentence);
    tagTokens(sentence, tokens);
    const found = findPlaces(tokens, matcher);
    const numbers = tokens.map((t, i) => ({ first: i, last: i })).filter((n) => tokens[n.first].kind === 'number');
    const pick = (k: number) => pickPlaces(found, tokens, numbers[k], [0, tokens.length], numbers.filter((_, j) => j !== k));
    expect(pick(0).destination?.place.placeId).toBe('poltava');
    expect(pick(1).origin?.place.placeId).toBe('sumy');
    expect(pick(2).origin?.place.placeId).toBe('kyiv');
    expect(pick(1).destination).toBeNull();
  });

  it('does not mistake weekdays or "according to" for places', () => {
    expect(places('5,000 fled from Monday, according to Reuters')).toEqual({ origin: null, destination: null });
  });
});
