import { findNumberMentions } from '@/lib/extract/numbers';
import { tokenize } from '@/lib/extract/tokens';

function mentions(sentence: string) {
  const tokens = tokenize(sentence);
  return findNumberMentions(tokens, sentence).map((m) => ({
    text: sentence.slice(tokens[m.first].start, tokens[m.last].end),
    qualifier: m.qualifier,
    low: m.low,
    high: m.high,
  }));
}

describe('findNumberMentions', () => {
  it.each([
    ['5,000 fled', 5000n],
    ['5 000 fled', 5000n],
    ['5000 fled', 5000n],
    ['2.1 million fled', 2_100_000n],
    ['1.5m fled', 1_500_000n],
    ['sixty buses', 60n],
    ['a million children', 1_000_000n],
    ['half a million people', 500_000n],
  ])('reads the number in "%s"', (sentence, value) => {
    expect(mentions(sentence)[0]).toMatchObject({ qualifier: 'EXACT', low: value, high: value });
  });

  it.each([
    ['some 60', 'APPROXIMATE'],
    ['about 60', 'APPROXIMATE'],
    ['nearly 7,000', 'APPROXIMATE'],
    ['almost 7,000', 'APPROXIMATE'],
    ['more than 5,000', 'AT_LEAST'],
    ['over 5,000', 'AT_LEAST'],
    ['at least 5,000', 'AT_LEAST'],
    ['5,000 or more', 'AT_LEAST'],
    ['up to 300', 'AT_MOST'],
    ['fewer than 50', 'AT_MOST'],
    ['as many as 100,000', 'AT_MOST'],
    ['no more than 50', 'AT_MOST'],
  ])('reads "%s" as %s', (sentence, qualifier) => {
    expect(mentions(sentence)[0]).toMatchObject({ text: sentence, qualifier });
  });

  it.each([
    ['2.1 to 2.2 million', 2_100_000n, 2_200_000n],
    ['between 3,000 and 4,000', 3000n, 4000n],
    ['2-3 million', 2_000_000n, 3_000_000n],
    ['1.5–1.7 million', 1_500_000n, 1_700_000n],
    ['120,000 to 130,000', 120_000n, 130_000n],
  ])('reads "%s" as one range', (sentence, low, high) => {
    expect(mentions(sentence)).toEqual([{ text: sentence, qualifier: 'RANGE', low, high }]);
  });

  it.each([
    ['tens of thousands', 20_000n],
    ['hundreds of thousands', 200_000n],
    ['thousands', 2000n],
    ['hundreds', 200n],
    ['dozens', 24n],
  ])('turns the vague count "%s" into a lower bound, never an exact value', (sentence, low) => {
    expect(mentions(sentence)[0]).toMatchObject({ qualifier: 'AT_LEAST', low });
  });

  it('keeps a change "from X to Y" as two numbers, not a range', () => {
    expect(mentions('rose from 660,000 to 874,000').map((m) => m.qualifier)).toEqual(['EXACT', 'EXACT']);
  });

  it('finds two figures in one sentence', () => {
    expect(mentions('Some 60 buses carried about 5,000 evacuees').map((m) => m.low)).toEqual([60n, 5000n]);
  });

  it('ignores the word "one" when it is not part of a number phrase with a scale', () => {
    expect(mentions('a woman said').length).toBe(0);
  });
});
