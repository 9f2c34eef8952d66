// Words that are names of JavaScript's own object properties ("constructor",
// "toString", "__proto__") read like any other word: the extractor's fact tables
// (demonyms, capitals, irregular verbs) are looked up by word, and a plain object
// answered "constructor" with a function, which threw and lost the whole report.
import { DEFAULT_METRIC_CUES, extractCandidates } from '@/lib/extract/extractCandidates';

const extract = (text: string) =>
  extractCandidates(text, { publishedAt: '2022-03-09', metrics: DEFAULT_METRIC_CUES, places: [{ id: '1', name: 'Poland', aliases: [] }] });

describe('words that name object properties', () => {
  it.each([
    'The main constructor office said 2,000 people had left Kharkiv.',
    'The constructor capital saw 2,000 people arrive.',
    'A toString valueOf hasOwnProperty __proto__ office said 2,000 refugees crossed into Poland.',
    'Some 2,000 refugees constructor into Poland, the constructor border guard said.',
  ])('extracts "%s" without throwing', (text) => {
    const candidates = extract(text);
    expect(candidates.map((c) => c.low)).toContain(2000n);
    for (const c of candidates) expect(text.slice(c.start, c.end)).toBe(c.quote);
  });
});
