import { describeSeries, emptySeriesMessage, toChartPoints } from '@/lib/figures/chartData';
import { combineQualifiers } from '@/lib/figures/combineQualifiers';
import type { SeriesPoint } from '@/lib/figures/getSeries';

const point = (date: string, low: bigint, high: bigint, qualifier: SeriesPoint['qualifier']): SeriesPoint => ({
  date, low, high, qualifier, value: qualifier === 'RANGE' ? (low + high + 1n) / 2n : qualifier === 'AT_MOST' ? high : low, claims: 1, figureIds: [1],
});

describe('toChartPoints', () => {
  const points = toChartPoints({
    unit: 'people',
    points: [
      point('2022-03-03', 1_000_000n, 1_000_000n, 'AT_LEAST'),
      point('2022-03-08', 2_000_000n, 2_000_000n, 'APPROXIMATE'),
      point('2022-03-09', 2_100_000n, 2_200_000n, 'RANGE'),
      point('2022-03-10', 300n, 300n, 'AT_MOST'),
    ],
  });

  it('draws bounds as markers, never on the line', () => {
    expect(points.map((p) => [p.line, p.bound, p.marker])).toEqual([
      [null, 1_000_000, '≥'], [2_000_000, null, ''], [2_150_000, null, ''], [null, 300, '≤'],
    ]);
  });

  it('gives a range a low–high band and nothing else one', () => {
    expect(points.map((p) => p.band)).toEqual([null, null, [2_100_000, 2_200_000], null]);
    expect(points[2].spread).toEqual([50_000, 50_000]);
  });

  it('labels values for reading and keeps the exact digits', () => {
    expect(points[2]).toEqual(expect.objectContaining({ label: '2.1–2.2 million', exact: '2,100,000–2,200,000', time: Date.UTC(2022, 2, 9) }));
    expect(points[0].label).toBe('at least 1 million');
  });

  it('keeps a running total for the cumulative line', () => {
    expect(points.map((p) => p.cumulative)).toEqual([1_000_000, 3_000_000, 5_150_000, 5_150_300]);
  });

  it('lists claims as stated, headline first, falling back to the formatted value', () => {
    const [p] = toChartPoints({
      unit: 'people',
      points: [{
        ...point('2022-03-08', 5000n, 5000n, 'AT_LEAST'),
        claimDetails: [
          { id: 7, valueAsStated: 'more than 5,000', low: 5000n, high: 5000n, qualifier: 'AT_LEAST', quote: 'More than 5,000 people', source: { id: 1, title: 'Wire', url: null, publisher: 'Wire service', publishedAt: '2022-03-09', preferred: false } },
          { id: 8, valueAsStated: null, low: 4000n, high: 4000n, qualifier: 'EXACT', quote: null, source: { id: 2, title: 'Other', url: null, publisher: null, publishedAt: null, preferred: false } },
        ] as never,
      }],
    });
    expect(p.claimList).toEqual([
      { id: 7, stated: 'more than 5,000', sourceTitle: 'Wire', publisher: 'Wire service', date: '2022-03-09', quote: 'More than 5,000 people', headline: true },
      { id: 8, stated: '4,000 people', sourceTitle: 'Other', publisher: null, date: null, quote: null, headline: false },
    ]);
  });

  it('describes a series in one sentence and names what is missing when empty', () => {
    expect(describeSeries('Refugees', 'people', 'STOCK', points)).toContain('4 dated values from 2022-03-03 to 2022-03-10');
    expect(emptySeriesMessage('Evacuees', 'Sumy', '1 March 2022', '5 March 2022')).toBe('No figures for evacuees in Sumy between 1 March 2022 and 5 March 2022. Widen the dates or clear a filter.');
  });
});

describe('combineQualifiers', () => {
  it.each([
    [['EXACT', 'EXACT'], 5n, 5n, 'EXACT'],
    [['EXACT', 'AT_LEAST'], 5n, 5n, 'AT_LEAST'],
    [['AT_MOST', 'EXACT'], 5n, 5n, 'AT_MOST'],
    [['AT_LEAST', 'AT_MOST'], 5n, 5n, 'APPROXIMATE'],
    [['RANGE', 'EXACT'], 5n, 9n, 'RANGE'],
    [['APPROXIMATE', 'EXACT'], 5n, 5n, 'APPROXIMATE'],
  ] as const)('%j reads as %s', (qualifiers, low, high, expected) => {
    expect(combineQualifiers(qualifiers, low, high)).toBe(expected);
  });
});
