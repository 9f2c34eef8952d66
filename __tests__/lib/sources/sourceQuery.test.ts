import { parseSourceQuery, sourceLabel, sourceMatches } from '@/lib/sources/sourceQuery';

describe('parseSourceQuery', () => {
  it.each([
    ['Reuters, 9 Mar 2022', { publisher: 'Reuters', publishedAt: '2022-03-09' }],
    ['Reuters 9 March 2022', { publisher: 'Reuters', publishedAt: '2022-03-09' }],
    ['Associated Press, March 9, 2022', { publisher: 'Associated Press', publishedAt: '2022-03-09' }],
    ['9 Mar 2022 Reuters', { publisher: 'Reuters', publishedAt: '2022-03-09' }],
    ['UNHCR 2022-03-15', { publisher: 'UNHCR', publishedAt: '2022-03-15' }],
    ['Reuters', { publisher: 'Reuters', publishedAt: null }],
    ['Reuters, 31 Feb 2022', { publisher: 'Reuters, 31 Feb 2022', publishedAt: null }],
    ['Reuters, 9 Mar 2999', { publisher: 'Reuters, 9 Mar 2999', publishedAt: null }],
  ])('reads %j', (query, expected) => {
    expect(parseSourceQuery(query)).toEqual(expected);
  });
});

describe('sourceLabel', () => {
  it('names a source by publisher and day, whatever the time zone', () => {
    expect(sourceLabel('Reuters', '2022-03-09')).toBe('Reuters, 9 Mar 2022');
    expect(sourceLabel('Reuters', new Date('2022-03-09T00:00:00Z'))).toBe('Reuters, 9 Mar 2022');
    expect(sourceLabel('Reuters', null)).toBe('Reuters');
  });
});

describe('sourceMatches', () => {
  const reuters = { title: 'Ukraine evacuations continue', url: null, publisher: 'Reuters', publishedAt: '2022-03-09' };
  it('finds a source by its publisher, by words of its title, and by publisher and day', () => {
    expect(sourceMatches(reuters, parseSourceQuery('reuters'))).toBe(true);
    expect(sourceMatches(reuters, parseSourceQuery('evacuations Reuters'))).toBe(true);
    expect(sourceMatches(reuters, parseSourceQuery('Reuters, 9 Mar 2022'))).toBe(true);
  });
  it('leaves out another day and other words', () => {
    expect(sourceMatches(reuters, parseSourceQuery('Reuters, 10 Mar 2022'))).toBe(false);
    expect(sourceMatches(reuters, parseSourceQuery('AFP'))).toBe(false);
  });
});
