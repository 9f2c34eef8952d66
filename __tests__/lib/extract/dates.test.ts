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

  it('gives no day for a span ("last week", "earlier this week") or "now"', () => {
    expect(dateIn('5,000 fled last week')).toBeNull();
    expect(dateIn('Earlier this week 5,000 fled')).toBeNull();
    expect(dateIn('5,000 have now fled')).toBeNull();
  });

  it.each([
    ['On Sunday 5,000 fled', '2022-03-06'],
    ["Sunday's evacuation took 5,000 out", '2022-03-06'],
    ['As of 07:00 on Sunday, 5,000 had crossed', '2022-03-06'],
    ['By Thursday evening 5,000 had crossed', '2022-03-03'],
    ['Last night 17 buses left', '2022-03-08'],
    ['5,000 left this morning', '2022-03-09'],
    ['Over the past day 5,000 left', '2022-03-09'],
    ['By March 8, Slovakia had taken in 5,000', '2022-03-08'],
  ])('"%s" is %s (a weekday is the last one on or before publication)', (sentence, date) => {
    expect(dateIn(sentence)).toBe(date);
  });

  it('takes the day the figure is true for over the day of the statement', () => {
    const sentence = 'On Saturday, 3,960 were evacuated, Vereshchuk said on Sunday.';
    const tokens = tokenize(sentence);
    const number = tokens.findIndex((t) => t.kind === 'number');
    expect(pickDate(findDates(tokens, sentence, '2022-03-28'), number, number)?.date).toBe('2022-03-26');
  });

  it('reads "the night of 7 March" and a span of days at its end', () => {
    expect(dateIn('On the night of 7 March 500 left')).toBe('2022-03-07');
    expect(dateIn('500 left on 6-7 March')).toBe('2022-03-07');
  });

  it('does not read a clock time as a day, nor a count after "last night" as an hour', () => {
    const sentence = '16:30 Vereshchuk: 4,554 people were evacuated.';
    expect(findDates(tokenize(sentence), sentence, '2022-03-24')).toEqual([]);
  });

  it('ignores the date that opens a period ("since 24 February")', () => {
    expect(dateIn('5,000 fled since the invasion began on 24 February')).toBeNull();
    expect(dateIn('2 million fled since 24 February, UNHCR said on Tuesday')).toBe('2022-03-08');
  });

  it('resolves the same way whatever the time of day in publishedAt', () => {
    expect(dateIn('5,000 fled yesterday', '2022-03-09T23:30:00+02:00')).toBe('2022-03-08');
  });
});
