// The evaluator itself: how predictions are paired with the corpus and scored. The corpus
// numbers are reported (and gated on the test split) by `npm run eval:extract`, not here.
import places from './corpus/places.json';
import dev from './corpus/dev.json';
import test from './corpus/test.json';
import { evaluateExtraction, expectedSpans, missedTargets, type Passage } from '@/lib/extract/evaluate';
import type { Candidate } from '@/lib/extract/types';

const text = 'Six killed in Sumy\n\nSix people were killed in Sumy on Sunday, rescuers said. “Six bodies,” he said. 40 fled.';
const passage: Passage = {
  id: 'synthetic',
  publishedAt: '2022-03-07',
  text,
  expected: [
    { asStated: 'Six', metric: 'civilian_deaths', qualifier: 'EXACT', low: '6', high: '6', date: '2022-03-06', origin: 'sumy', destination: null, attribution: 'rescuers', mentions: ['Six', 'Six'] },
  ],
};

function candidate(start: number, fields: Partial<Candidate> = {}): Candidate {
  const end = start + 3;
  return {
    metric: 'civilian_deaths', qualifier: 'EXACT', low: 6n, high: 6n, asStated: text.slice(start, end),
    mentions: [{ text: text.slice(start, end), start, end }], quote: text.slice(start, end), start, end,
    date: '2022-03-06', dateText: 'on Sunday', origin: { name: 'Sumy', placeId: 'sumy' }, destination: null,
    attribution: 'rescuers', confidence: 0.8, ...fields,
  };
}

const secondSix = text.indexOf('Six', 1);
const thirdSix = text.indexOf('Six', secondSix + 1);

describe('the extraction evaluator', () => {
  it('places asStated at its first occurrence and each mention at the next free one', () => {
    expect(expectedSpans(text, passage.expected)).toEqual([[[0, 3], [secondSix, secondSix + 3], [thirdSix, thirdSix + 3]]]);
  });

  it('counts a prediction on a restatement as the figure, not as spurious', () => {
    const report = evaluateExtraction([passage], places, undefined, () => [candidate(thirdSix)]);
    expect(report.fields.metric).toMatchObject({ correct: 1, predicted: 1, expected: 1 });
    expect(report.misses).toEqual([]);
  });

  it('counts a second candidate for the same figure as spurious (one candidate per figure)', () => {
    const report = evaluateExtraction([passage], places, undefined, () => [candidate(secondSix), candidate(0)]);
    expect(report.fields.value).toMatchObject({ correct: 1, predicted: 2, expected: 1 });
    expect(report.misses[0].spurious).toHaveLength(1);
  });

  it('scores origin and destination apart, and attribution by containment', () => {
    const report = evaluateExtraction([passage], places, undefined, () => [
      candidate(secondSix, { origin: null, destination: { name: 'Sumy', placeId: 'sumy' }, attribution: 'the rescuers of the region' }),
    ]);
    expect(report.fields.origin).toMatchObject({ correct: 0, predicted: 0, expected: 1 });
    expect(report.fields.destination).toMatchObject({ correct: 0, predicted: 1, expected: 0 });
    expect(report.fields.attribution.correct).toBe(1);
  });

  it('puts each candidate in a confidence bucket and counts the right ones', () => {
    const report = evaluateExtraction([passage], places, undefined, () => [candidate(0, { confidence: 0.95 }), candidate(text.indexOf('40'), { low: 40n, high: 40n, confidence: 0.55 })]);
    const top = report.reliability.find((b) => b.from === 0.9)!;
    const low = report.reliability.find((b) => b.from === 0.5)!;
    expect(top).toMatchObject({ candidates: 1, right: 1, allRight: 1 });
    expect(low).toMatchObject({ candidates: 1, right: 0 });
  });

  it('reports every gate a report misses', () => {
    const report = evaluateExtraction([passage], places, undefined, () => []);
    expect(missedTargets(report)).toEqual(expect.arrayContaining(['metric recall 0.000 < 0.9', 'origin recall 0.000 < 0.85']));
  });

  it('can place every annotated phrase of both splits in its passage', () => {
    for (const p of [...(dev as Passage[]), ...(test as Passage[])]) expect(() => expectedSpans(p.text, p.expected)).not.toThrow();
    expect((test as Passage[]).length).toBeGreaterThanOrEqual(50);
    expect((dev as Passage[]).length + (test as Passage[]).length).toBeGreaterThanOrEqual(150);
  });
});
