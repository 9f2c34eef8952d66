import { splitClauses, splitSentences } from '@/lib/extract/sentences';

describe('splitSentences', () => {
  it('keeps offsets so each sentence can be quoted exactly', () => {
    const text = 'About 2.1 million fled. Mr. Smith said 5,000 left on Tuesday!\nNew paragraph here.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'About 2.1 million fled.',
      'Mr. Smith said 5,000 left on Tuesday!',
      'New paragraph here.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split at decimals or abbreviations such as a.m. or U.N.', () => {
    expect(splitSentences('At 9 a.m. the U.N. said 1.5 million had fled.')).toHaveLength(1);
  });
});

describe('splitClauses', () => {
  it('splits at contrastive joins and semicolons', () => {
    const [sentence] = splitSentences('Hungary counted 180,000, while Slovakia counted 120,000; Poland more.');
    expect(splitClauses(sentence).map((c) => c.text)).toEqual(['Hungary counted 180,000', 'Slovakia counted 120,000', 'Poland more.']);
  });
});
