import { QUALIFIERS, type Qualifier, type StatedValue } from '@/lib/vocabulary';
import { parseNumber, parseNumberWords, parseStatedValue } from '@/lib/figures/parseStatedValue';
import { boundMarker, formatCount, formatExact, formatStatedValue, headlineValue } from '@/lib/figures/formatValue';

function value(input: string): bigint {
  const result = parseNumber(input);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.message}`);
  return result.value;
}

function message(result: { ok: boolean; message?: string }): string {
  if (result.ok) throw new Error('expected a parse error');
  return result.message ?? '';
}

function stated(input: string, qualifier?: Qualifier): StatedValue {
  const result = parseStatedValue(input, qualifier);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.message}`);
  return result.value;
}

describe('parseNumber', () => {
  it.each([
    ['5,000', 5000n],
    ['5 000', 5000n],
    ['5\u00a0000', 5000n],
    ['5000', 5000n],
    ['60', 60n],
    ['0', 0n],
    ['1,234,567', 1234567n],
    ['2.1 million', 2_100_000n],
    ['2.1million', 2_100_000n],
    ['1.5m', 1_500_000n],
    ['1.5M', 1_500_000n],
    ['3 million', 3_000_000n],
    ['12k', 12_000n],
    ['1.25 billion', 1_250_000_000n],
    ['2bn', 2_000_000_000n],
    ['a million', 1_000_000n],
    ['sixty', 60n],
    ['Sixty-five', 65n],
    ['two hundred', 200n],
    ['one hundred and twenty thousand', 120_000n],
    ['  5,000  ', 5000n],
  ])('reads %s as %s', (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it('rejects an empty value and asks for a number', () => {
    expect(message(parseNumber('   '))).toMatch(/Enter a number/);
  });

  it('rejects negative numbers', () => {
    expect(message(parseNumber('-5'))).toMatch(/negative/);
    expect(message(parseNumber('−5,000'))).toMatch(/negative/);
  });

  it('rejects exponent notation and suggests writing the number out', () => {
    expect(message(parseNumber('1e30'))).toMatch(/exponent/);
    expect(message(parseNumber('2.1E6'))).toMatch(/exponent/);
  });

  it('rejects a decimal comma and shows the decimal-point spelling', () => {
    expect(message(parseNumber('2,1 million'))).toBe('Use a decimal point, not a comma: write "2.1 million".');
  });

  it('rejects misplaced thousands separators', () => {
    expect(message(parseNumber('50,00'))).toMatch(/thousands separators/);
    expect(message(parseNumber('5,0000'))).toMatch(/thousands separators/);
  });

  it('rejects mixed separators in one number', () => {
    expect(parseNumber('1,000 000').ok).toBe(false);
  });

  it('rejects fractional counts without a scale word', () => {
    expect(message(parseNumber('2.5'))).toMatch(/whole number/);
  });

  it('rejects a scaled decimal that is not a whole number', () => {
    expect(message(parseNumber('1.0000005 million'))).toMatch(/whole number/);
  });

  it('rejects text that is not a number', () => {
    expect(message(parseNumber('NaN'))).toMatch(/not a number/);
    expect(message(parseNumber('many'))).toMatch(/not a number/);
    expect(parseNumber('5,000 refugees').ok).toBe(false);
  });

  it('rejects values too large for a BIGINT column', () => {
    expect(message(parseNumber('99999999999 billion'))).toMatch(/too large/);
  });
});

describe('parseNumberWords', () => {
  it('returns null for words that are not numbers', () => {
    expect(parseNumberWords('several')).toBeNull();
    expect(parseNumberWords('a')).toBeNull();
  });

  it('reads compound number words', () => {
    expect(parseNumberWords('two thousand five hundred')).toBe(2500n);
  });
});

describe('parseStatedValue', () => {
  it('reads a plain number as exact', () => {
    expect(stated('5,000')).toEqual({ qualifier: 'EXACT', low: 5000n, high: 5000n });
  });

  it.each<[string, Qualifier, bigint]>([
    ['about 2 million', 'APPROXIMATE', 2_000_000n],
    ['some 60', 'APPROXIMATE', 60n],
    ['around 4,000', 'APPROXIMATE', 4000n],
    ['nearly 1 million', 'APPROXIMATE', 1_000_000n],
    ['almost 300', 'APPROXIMATE', 300n],
    ['roughly 12,000', 'APPROXIMATE', 12_000n],
    ['more than 5,000', 'AT_LEAST', 5000n],
    ['over 100', 'AT_LEAST', 100n],
    ['at least 1 million', 'AT_LEAST', 1_000_000n],
    ['5,000+', 'AT_LEAST', 5000n],
    ['5,000 or more', 'AT_LEAST', 5000n],
    ['up to 300', 'AT_MOST', 300n],
    ['fewer than 10', 'AT_MOST', 10n],
    ['as many as 2,000', 'AT_MOST', 2000n],
    ['no more than 50', 'AT_MOST', 50n],
  ])('reads "%s" as %s %s', (input, qualifier, n) => {
    expect(stated(input)).toEqual({ qualifier, low: n, high: n });
  });

  it.each<[string, bigint, bigint]>([
    ['2.1–2.2 million', 2_100_000n, 2_200_000n],
    ['2.1 - 2.2 million', 2_100_000n, 2_200_000n],
    ['2.1 to 2.2 million', 2_100_000n, 2_200_000n],
    ['2-3 million', 2_000_000n, 3_000_000n],
    ['between 3,000 and 4,000', 3000n, 4000n],
    ['from 3,000 to 4,000', 3000n, 4000n],
    ['500,000 to 1 million', 500_000n, 1_000_000n],
    ['one to two million', 1_000_000n, 2_000_000n],
    ['about 2–3 million', 2_000_000n, 3_000_000n],
  ])('reads "%s" as a range %s–%s', (input, low, high) => {
    expect(stated(input)).toEqual({ qualifier: 'RANGE', low, high });
  });

  it('rejects a range whose low exceeds its high and says to swap them', () => {
    expect(message(parseStatedValue('2.2 to 2.1 million'))).toBe(
      'Low value 2,200,000 is greater than high value 2,100,000; swap them.',
    );
  });

  it('rejects a range with equal ends', () => {
    expect(message(parseStatedValue('5,000–5,000'))).toMatch(/single value/);
  });

  it('lets a selected qualifier qualify a bare number', () => {
    expect(stated('5,000', 'AT_LEAST')).toEqual({ qualifier: 'AT_LEAST', low: 5000n, high: 5000n });
    expect(stated('60', 'APPROXIMATE').qualifier).toBe('APPROXIMATE');
  });

  it('accepts a selected qualifier that agrees with the wording', () => {
    expect(stated('more than 5,000', 'AT_LEAST').qualifier).toBe('AT_LEAST');
    expect(stated('2–3 million', 'RANGE').qualifier).toBe('RANGE');
  });

  it('rejects a selected qualifier that contradicts the wording', () => {
    expect(message(parseStatedValue('more than 5,000', 'AT_MOST'))).toMatch(/"At least".*"At most"/);
    expect(message(parseStatedValue('about 5,000', 'EXACT'))).toMatch(/change the selection/);
  });

  it('rejects a range when a single-value qualifier is selected', () => {
    expect(message(parseStatedValue('2–3 million', 'AT_LEAST'))).toMatch(/choose "Range"/);
  });

  it('rejects a single number when Range is selected', () => {
    expect(message(parseStatedValue('5,000', 'RANGE'))).toMatch(/two values/);
  });

  it('rejects a bound combined with a range', () => {
    expect(message(parseStatedValue('more than 2–3 million'))).toMatch(/bound with a range/);
  });

  it('passes on the number error for unreadable input', () => {
    expect(message(parseStatedValue('about 2,1 million'))).toMatch(/decimal point/);
    expect(message(parseStatedValue(''))).toMatch(/Enter a value/);
  });
});

describe('formatExact', () => {
  it.each([
    [0n, '0'],
    [999n, '999'],
    [5000n, '5,000'],
    [2_100_000n, '2,100,000'],
    [1_234_567_890n, '1,234,567,890'],
  ])('formats %s as %s', (n, expected) => {
    expect(formatExact(n)).toBe(expected);
  });
});

describe('formatCount', () => {
  it.each([
    [60n, '60'],
    [5000n, '5,000'],
    [999_999n, '999,999'],
    [1_000_000n, '1 million'],
    [2_000_000n, '2 million'],
    [2_100_000n, '2.1 million'],
    [1_234_567n, '1.23 million'],
    [12_345_678n, '12.3 million'],
    [123_456_789n, '123 million'],
    [999_999_999n, '1 billion'],
    [3_500_000_000n, '3.5 billion'],
  ])('formats %s as %s', (n, expected) => {
    expect(formatCount(n)).toBe(expected);
  });
});

describe('formatStatedValue', () => {
  const v = (qualifier: Qualifier, low: bigint, high = low): StatedValue => ({ qualifier, low, high });

  it('reads each qualifier in words', () => {
    expect(formatStatedValue(v('EXACT', 5000n))).toBe('5,000');
    expect(formatStatedValue(v('APPROXIMATE', 2_000_000n))).toBe('about 2 million');
    expect(formatStatedValue(v('AT_LEAST', 5000n))).toBe('at least 5,000');
    expect(formatStatedValue(v('AT_MOST', 300n))).toBe('up to 300');
  });

  it('shares the scale word across a range and joins with an en dash', () => {
    expect(formatStatedValue(v('RANGE', 2_100_000n, 2_200_000n))).toBe('2.1–2.2 million');
    expect(formatStatedValue(v('RANGE', 3000n, 4000n))).toBe('3,000–4,000');
  });

  it('spells out each end of a range whose ends need different scales', () => {
    expect(formatStatedValue(v('RANGE', 500_000n, 1_200_000n))).toBe('500,000–1.2 million');
  });

  it('appends the noun', () => {
    expect(formatStatedValue(v('RANGE', 2_100_000n, 2_200_000n), 'refugees')).toBe('2.1–2.2 million refugees');
    expect(formatStatedValue(v('APPROXIMATE', 60n), 'buses')).toBe('about 60 buses');
  });

  it('never rounds away digits the source stated', () => {
    expect(formatStatedValue(v('EXACT', 1_234_567n))).toBe('1,234,567');
    expect(formatStatedValue(v('EXACT', 2_150_000n))).toBe('2.15 million');
  });

  it('round-trips through parseStatedValue', () => {
    for (const input of ['5,000', 'about 2 million', 'at least 5,000', 'up to 300', '2.1–2.2 million']) {
      expect(formatStatedValue(stated(input))).toBe(input);
    }
  });
});

describe('boundMarker', () => {
  it('marks bounds and leaves other qualifiers bare', () => {
    expect(boundMarker('AT_LEAST')).toBe('≥');
    expect(boundMarker('AT_MOST')).toBe('≤');
    expect(QUALIFIERS.filter((q) => boundMarker(q) === '')).toEqual(['EXACT', 'APPROXIMATE', 'RANGE']);
  });
});

describe('headlineValue', () => {
  it('uses the rounded midpoint of a range', () => {
    expect(headlineValue({ qualifier: 'RANGE', low: 2_100_000n, high: 2_200_000n })).toBe(2_150_000n);
    expect(headlineValue({ qualifier: 'RANGE', low: 1n, high: 2n })).toBe(2n);
  });

  it('uses the stated number for single values and bounds', () => {
    expect(headlineValue({ qualifier: 'EXACT', low: 5000n, high: 5000n })).toBe(5000n);
    expect(headlineValue({ qualifier: 'AT_LEAST', low: 5000n, high: 5000n })).toBe(5000n);
    expect(headlineValue({ qualifier: 'AT_MOST', low: 0n, high: 300n })).toBe(300n);
  });
});

describe('formatStatedValue with the source phrase', () => {
  it('keeps "more than" from the source instead of "at least"', () => {
    expect(formatStatedValue({ qualifier: 'AT_LEAST', low: 4_000_000n, high: 4_000_000n, valueAsStated: 'more than four million' })).toBe('more than 4 million');
  });
  it('keeps "some" for an approximate count', () => {
    expect(formatStatedValue({ qualifier: 'APPROXIMATE', low: 60n, high: 60n, valueAsStated: 'some 60' }, 'buses')).toBe('some 60 buses');
  });
  it('keeps "fewer than" for an upper bound', () => {
    expect(formatStatedValue({ qualifier: 'AT_MOST', low: 10n, high: 10n, valueAsStated: 'fewer than ten' })).toBe('fewer than 10');
  });
  it('falls back to the default word when the phrase has none', () => {
    expect(formatStatedValue({ qualifier: 'AT_LEAST', low: 5_000n, high: 5_000n, valueAsStated: '5,000' })).toBe('at least 5,000');
    expect(formatStatedValue({ qualifier: 'AT_LEAST', low: 5_000n, high: 5_000n, valueAsStated: null })).toBe('at least 5,000');
  });
});
