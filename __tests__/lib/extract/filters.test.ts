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
  ])('rejects "%s" (%s)', (sentence, reason) => {
    expect(reasons(sentence)[0]).toBe(reason);
  });

  it('accepts a plain count of people', () => {
    expect(reasons('more than 5,000 people fled')).toEqual([null]);
  });
});
