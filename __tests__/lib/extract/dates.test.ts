import { findDates, pickDate } from '@/lib/extract/dates';
import { tokenize } from '@/lib/extract/tokens';

// 2022-03-09 was a Wednesday.
function dateIn(sentence: string, publishedAt = '2022-03-09'): string | null {
  const tokens = tokenize(sentence);
  return pickDate(findDates(tokens, sentence, publishedAt), 0, 0)?.date ?? null;
}

describe('dates relative to publication', () => {
  it.each([
    ['5,000 fled on Tuesday', '2022-03-08'],
    ['5,000 fled on Wednesday', '2022-03-09'],
    ['5,000 fled on Thursday', '2022-03-03'],
    ['5,000 fled last Wednesday', '2022-03-02'],
    ['5,000 fled yesterday', '2022-03-08'],
    ['5,000 fled today', '2022-03-09'],
    ['5,000 fled in the past 24 hours', '2022-03-09'],
    ['5,000 fled last week', '2022-03-02'],
    ['5,000 fled two weeks ago', '2022-02-23'],
    ['5,000 fled 3 days ago', '2022-03-06'],
    ['5,000 fled over the weekend', '2022-03-06'],
    ['5,000 fled on 8 March', '2022-03-08'],
    ['5,000 fled on March 8', '2022-03-08'],
    ['5,000 fled on 8th March', '2022-03-08'],
    ['5,000 fled as of March 8, 2022', '2022-03-08'],
  ])('"%s" is %s', (sentence, date) => {
    expect(dateIn(sentence)).toBe(date);
  });

  it('puts a day-month date after publication in the previous year', () => {
    expect(dateIn('5,000 fled on 20 December', '2022-03-09')).toBe('2021-12-20');
  });

  it('returns null rather than guess when no date is stated', () => {
    expect(dateIn('5,000 fled recently')).toBeNull();
  });

  it('ignores the date that opens a period ("since 24 February")', () => {
    expect(dateIn('5,000 fled since the invasion began on 24 February')).toBeNull();
    expect(dateIn('2 million fled since 24 February, UNHCR said on Tuesday')).toBe('2022-03-08');
  });

  it('resolves the same way whatever the time of day in publishedAt', () => {
    expect(dateIn('5,000 fled yesterday', '2022-03-09T23:30:00+02:00')).toBe('2022-03-08');
  });
});
