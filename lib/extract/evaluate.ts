// Scores extractCandidates against an annotated corpus: precision and recall per field.
import { DEFAULT_METRIC_CUES, extractCandidates } from './extractCandidates';
import type { Candidate, MetricCue, NamedPlace, PlaceRef } from './types';

export interface ExpectedCandidate {
  asStated: string;
  metric: string;
  qualifier: string;
  low: string;
  high: string;
  date: string | null;
  /** A place id from the table, or "?Name" for a place the table lacks. */
  origin: string | null;
  destination: string | null;
  attribution: string | null;
}

export interface Passage {
  id: string;
  publishedAt: string;
  text: string;
  expected: ExpectedCandidate[];
}

export const FIELDS = ['metric', 'value', 'qualifier', 'date', 'place', 'attribution'] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldScore {
  correct: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
}

export interface EvaluationReport {
  fields: Record<Field, FieldScore>;
  overall: FieldScore;
  /** Per passage: predicted and expected phrases that found no partner. */
  misses: Array<{ id: string; spurious: string[]; missed: string[] }>;
}

/** Targets from the product issue: precision then recall. */
export const TARGETS: Record<Field, { precision: number; recall: number }> = {
  metric: { precision: 0.95, recall: 0.9 },
  value: { precision: 0.95, recall: 0.9 },
  qualifier: { precision: 0.95, recall: 0.9 },
  date: { precision: 0.85, recall: 0.85 },
  place: { precision: 0.85, recall: 0.85 },
  attribution: { precision: 0.85, recall: 0.85 },
};

const normalise = (s: string) => s.toLowerCase().replace(/^the\s+/, '').replace(/['’]s\b/g, '').replace(/\s+/g, ' ').trim();

/** Attribution matches when one names the other: "Mayor Vitali Klitschko" matches "Vitali Klitschko". */
function sameSource(predicted: string, expected: string): boolean {
  const a = normalise(predicted);
  const b = normalise(expected);
  return a.includes(b) || b.includes(a);
}

function placeKey(place: NamedPlace | null): string | null {
  if (!place) return null;
  return place.placeId ?? `?${place.name.toLowerCase()}`;
}

function expectedPlaceKey(value: string | null): string | null {
  if (!value) return null;
  return value.startsWith('?') ? value.toLowerCase() : value;
}

/** Slot values per field; null slots are neither predicted nor expected. */
function predictedSlots(c: Candidate): Record<Field, Array<string | null>> {
  return {
    metric: [c.metric],
    value: [`${c.low}-${c.high}`],
    qualifier: [c.qualifier],
    date: [c.date],
    place: [placeKey(c.origin) && `o:${placeKey(c.origin)}`, placeKey(c.destination) && `d:${placeKey(c.destination)}`],
    attribution: [c.attribution],
  };
}

function expectedSlots(e: ExpectedCandidate): Record<Field, Array<string | null>> {
  const origin = expectedPlaceKey(e.origin);
  const destination = expectedPlaceKey(e.destination);
  return {
    metric: [e.metric],
    value: [`${e.low}-${e.high}`],
    qualifier: [e.qualifier],
    date: [e.date],
    place: [origin && `o:${origin}`, destination && `d:${destination}`],
    attribution: [e.attribution],
  };
}

function phraseSpan(text: string, phrase: string, from = 0): [number, number] | null {
  const index = text.indexOf(phrase, from);
  return index < 0 ? null : [index, index + phrase.length];
}

/** Pairs predictions with expectations whose number phrases overlap in the text. */
function align(text: string, predicted: Candidate[], expected: ExpectedCandidate[]) {
  const expectedSpans = expected.map((e) => phraseSpan(text, e.asStated));
  const used = new Set<number>();
  const pairs: Array<[Candidate | null, ExpectedCandidate | null]> = [];
  for (const candidate of predicted) {
    const offset = candidate.quote.indexOf(candidate.asStated);
    const span: [number, number] = [candidate.start + offset, candidate.start + offset + candidate.asStated.length];
    const match = expectedSpans.findIndex((s, i) => !used.has(i) && s !== null && s[0] < span[1] && span[0] < s[1]);
    if (match >= 0) used.add(match);
    pairs.push([candidate, match >= 0 ? expected[match] : null]);
  }
  expected.forEach((e, i) => {
    if (!used.has(i)) pairs.push([null, e]);
  });
  return pairs;
}

function score(correct: number, predicted: number, expected: number): FieldScore {
  return {
    correct,
    predicted,
    expected,
    precision: predicted === 0 ? 1 : correct / predicted,
    recall: expected === 0 ? 1 : correct / expected,
  };
}

export function evaluateExtraction(passages: Passage[], places: PlaceRef[], metrics: MetricCue[] = DEFAULT_METRIC_CUES): EvaluationReport {
  const counts = Object.fromEntries(FIELDS.map((f) => [f, { correct: 0, predicted: 0, expected: 0 }])) as Record<
    Field,
    { correct: number; predicted: number; expected: number }
  >;
  const misses: EvaluationReport['misses'] = [];
  for (const passage of passages) {
    const predicted = extractCandidates(passage.text, { publishedAt: passage.publishedAt, metrics, places });
    const pairs = align(passage.text, predicted, passage.expected);
    for (const [p, e] of pairs) {
      const pSlots = p ? predictedSlots(p) : null;
      const eSlots = e ? expectedSlots(e) : null;
      for (const field of FIELDS) {
        const pv = (pSlots?.[field] ?? []).filter((v): v is string => v !== null);
        const ev = (eSlots?.[field] ?? []).filter((v): v is string => v !== null);
        counts[field].predicted += pv.length;
        counts[field].expected += ev.length;
        const equal = field === 'attribution' ? sameSource : (a: string, b: string) => a === b;
        counts[field].correct += pv.filter((v) => ev.some((w) => equal(v, w))).length;
      }
    }
    const spurious = pairs.filter(([p, e]) => p && !e).map(([p]) => p!.asStated);
    const missed = pairs.filter(([p, e]) => e && !p).map(([, e]) => e!.asStated);
    if (spurious.length || missed.length) misses.push({ id: passage.id, spurious, missed });
  }
  const fields = Object.fromEntries(FIELDS.map((f) => [f, score(counts[f].correct, counts[f].predicted, counts[f].expected)])) as Record<
    Field,
    FieldScore
  >;
  const total = FIELDS.reduce(
    (sum, f) => ({
      correct: sum.correct + counts[f].correct,
      predicted: sum.predicted + counts[f].predicted,
      expected: sum.expected + counts[f].expected,
    }),
    { correct: 0, predicted: 0, expected: 0 },
  );
  return { fields, overall: score(total.correct, total.predicted, total.expected), misses };
}

/** Fields whose precision or recall falls below target. */
export function missedTargets(report: EvaluationReport): string[] {
  return FIELDS.flatMap((field) => {
    const s = report.fields[field];
    const t = TARGETS[field];
    const failures: string[] = [];
    if (s.precision < t.precision) failures.push(`${field} precision ${s.precision.toFixed(3)} < ${t.precision}`);
    if (s.recall < t.recall) failures.push(`${field} recall ${s.recall.toFixed(3)} < ${t.recall}`);
    return failures;
  });
}
