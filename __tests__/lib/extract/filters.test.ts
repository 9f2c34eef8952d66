import { notAFigureReason } from '@/lib/extract/filters';
import { findNumberMentions } from '@/lib/extract/numbers';
import { tokenize } from '@/lib/extract/tokens';

function reasons(sentence: string): Array<string | null> {
  const tokens = tokenize(sentence);
  return findNumberMentions(tokens, sentence).map((m) => notAFigureReason(tokens, m));
}

describe('notAFigureReason', () => {
  it.each([
    ['the crossing is 350 kilometres away', 'unit'],
    ['some 220 km away', 'unit'],
    ['about 90 percent of those', 'unit'],
    ['90% of arrivals', 'unit'],
    ['a 75-year-old woman', 'unit'],
    ['pledged 500 million euros', 'unit'],
    ['a $3 billion package', 'money'],
    ['a town of 250,000', 'population'],
    ['a country of 44 million', 'population'],
    ['a port city of about 430,000', 'population'],
    ['home to 60,000 people', 'population'],
    ['men aged 18', 'label'],
    ['at 9:00 am', 'time'],
    ['by 21:00', 'time'],
    ['on 8 March', 'date'],
    ['March 8', 'date'],
    ['in 1945', 'year'],
    ['under decree No. 64/2022', 'label'],
    ['temperatures fell to minus 6', 'label'],
    ['call the hotline at +48 47 721 75 75', 'phone'],
    ['by 7 a.m. on Sunday', 'time'],
    ['the hall has room for 3,000 people', 'capacity'],
    ['one in four Ukrainians', 'share'],
  ])('rejects "%s" (%s)', (sentence, reason) => {
    expect(reasons(sentence)[0]).toBe(reason);
  });

  it('accepts a plain count of people', () => {
    expect(reasons('more than 5,000 people fled')).toEqual([null]);
  });

  it('reads every group of a telephone number, and the number offered instead of it, as a telephone number', () => {
    expect(reasons('call +48 47 721 75 75, or 112 in an emergency')).toEqual(['phone', 'phone', 'phone', 'phone', 'phone']);
  });

  it('does not take a date’s year and the count after it for a telephone number', () => {
    expect(reasons('as of 8 March 2022 1,200 people')).toEqual(['date', 'year', null]);
  });

  it('does not take "in one strike" or "in 24 hours" for a share', () => {
    expect(reasons('killed five in one strike')).toEqual([null, null]);
  });
});
