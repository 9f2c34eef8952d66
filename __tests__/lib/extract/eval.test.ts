import passages from './corpus/passages.json';
import places from './corpus/places.json';
import { evaluateExtraction, missedTargets, type Passage } from '@/lib/extract/evaluate';

describe('extractor quality on the annotated corpus', () => {
  const report = evaluateExtraction(passages as Passage[], places);

  it('has at least 40 passages with traps and expected candidates', () => {
    expect(passages.length).toBeGreaterThanOrEqual(40);
  });

  it('meets the precision and recall targets for every field', () => {
    expect(missedTargets(report)).toEqual([]);
  });
});
