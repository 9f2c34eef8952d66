import { candidateFormValues, fieldForParam, parseSaveDrafts, type CandidateFormValues } from '@/lib/extract/draftInput';
import type { DbCandidate } from '@/lib/extract/extractFromDatabase';

const source = { url: 'https://example.org/r', title: 'Report', publisher: 'Wire', publishedAt: '2022-03-09' };
const candidate = (overrides: Partial<CandidateFormValues> = {}): CandidateFormValues => ({
  key: 'c1',
  metricId: '1',
  qualifier: 'AT_LEAST',
  value: '5,000',
  valueAsStated: 'more than 5,000',
  asOf: '2022-03-08',
  originId: '3',
  destinationId: '',
  attribution: 'Tymoshenko',
  quote: 'More than 5,000 people were evacuated.',
  ...overrides,
});

describe('parseSaveDrafts', () => {
  it('turns the edited strings into typed drafts with the figure form value rules', () => {
    const result = parseSaveDrafts({ source, candidates: [candidate(), candidate({ key: 'c2', qualifier: 'RANGE', value: '2.1–2.2 million', valueAsStated: '' })] });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.keys).toEqual(['c1', 'c2']);
    expect(result.value.drafts[0]).toMatchObject({ metricId: 1, qualifier: 'AT_LEAST', low: 5000n, high: 5000n, valueAsStated: 'more than 5,000', originId: 3, destinationId: null });
    expect(result.value.drafts[0].asOf.toISOString()).toBe('2022-03-08T00:00:00.000Z');
    // Without an as-stated phrase the typed value stands in for it.
    expect(result.value.drafts[1]).toMatchObject({ qualifier: 'RANGE', low: 2_100_000n, high: 2_200_000n, valueAsStated: '2.1–2.2 million' });
    expect(result.value.source.publishedAt?.toISOString().slice(0, 10)).toBe('2022-03-09');
  });

  it('keys each error by candidate and field so it shows beside its input', () => {
    const result = parseSaveDrafts({
      source: { ...source, url: 'ftp://nope' },
      candidates: [candidate({ key: 'c4', asOf: '' }), candidate({ key: 'c7', metricId: '' }), candidate({ key: 'c8', qualifier: 'EXACT', value: 'more than 5,000' })],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        'source.url': expect.stringMatching(/http/),
        'c4.asOf': 'Enter the date the figure is true for.',
        'c7.metricId': 'Choose a metric.',
        'c8.value': expect.stringMatching(/reads as "At least" but "Exact" is selected/),
      },
    });
  });

  it('refuses an empty selection and a candidate without a quote', () => {
    expect(parseSaveDrafts({ source, candidates: [] })).toEqual({ ok: false, errors: { candidates: 'Select at least one figure to save.' } });
    expect(parseSaveDrafts({ source, candidates: [candidate({ quote: '  ' })] })).toEqual({ ok: false, errors: { 'c1.quote': expect.stringMatching(/quote/) } });
  });
});

describe('fieldForParam', () => {
  it('maps lib error params to the page inputs', () => {
    expect(fieldForParam('candidates.1.originId', ['c1', 'c5'])).toBe('c5.originId');
    expect(fieldForParam('candidates.0.low', ['c2'])).toBe('c2.value');
    expect(fieldForParam('source.url', [])).toBe('source.url');
    expect(fieldForParam(undefined, [])).toBe('form');
  });
});

describe('candidateFormValues', () => {
  it('prefills a range as digits the value parser reads back, and leaves a missing date empty', () => {
    const c = { metric: 'refugees', qualifier: 'RANGE', low: 2_100_000n, high: 2_200_000n, asStated: '2.1 to 2.2 million', mentions: [{ text: '2.1 to 2.2 million', start: 0, end: 18 }], quote: 'q', start: 0, end: 1, date: null, dateText: null, origin: { name: 'Ukraine', placeId: 1 }, destination: { name: 'Narnia', placeId: null }, attribution: null, confidence: 0.8 } satisfies DbCandidate;
    expect(candidateFormValues(c, 'c1', { refugees: 7 })).toEqual({
      key: 'c1', metricId: '7', qualifier: 'RANGE', value: '2,100,000–2,200,000', valueAsStated: '2.1 to 2.2 million', asOf: '', originId: '1', destinationId: '', attribution: '', quote: 'q',
    });
  });
});
