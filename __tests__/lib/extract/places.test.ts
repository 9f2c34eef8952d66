import { createPlaceMatcher, findPlaces, pickPlaces } from '@/lib/extract/places';
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
  const number = tokens.findIndex((t) => t.kind === 'number');
  return pickPlaces(findPlaces(tokens, matcher), tokens, { first: number, last: number }, [0, tokens.length], false);
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

  it('does not mistake weekdays or "according to" for places', () => {
    expect(places('5,000 fled from Monday, according to Reuters')).toEqual({ origin: null, destination: null });
  });
});
