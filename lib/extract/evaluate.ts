// Scores extractCandidates against an annotated corpus: precision and recall per field, and how
// well `confidence` predicts a right candidate. The corpus format is described in
// __tests__/lib/extract/corpus/README.md.
import { DEFAULT_METRIC_CUES, extractCandidates } from './extractCandidates';
import type { Candidate, ExtractOptions, MetricCue, NamedPlace, PlaceRef } from './types';

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
  /** Further verbatim restatements of the same figure (headline, quote). */
  mentions?: string[];
}

export interface Passage {
  id: string;
  publishedAt: string;
  text: string;
  expected: ExpectedCandidate[];
  style?: string;
  kinds?: string[];
}

export const FIELDS = ['metric', 'value', 'qualifier', 'date', 'origin', 'destination', 'attribution'] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldScore {
  correct: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
}

export interface ReliabilityBucket {
  /** Inclusive lower and exclusive upper confidence (the last bucket includes 1). */
  from: number;
  to: number;
  candidates: number;
  /** Candidates that are a real figure with the right metric, value and qualifier. */
  right: number;
  /** Candidates right in every field. */
  allRight: number;
}

export interface PassageMiss {
  id: string;
  spurious: string[];
  missed: string[];
  /** Matched candidates with a wrong field: "asStated field: predicted ≠ expected". */
  wrong: string[];
}

export interface EvaluationReport {
  passages: number;
  expectedCandidates: number;
  fields: Record<Field, FieldScore>;
  overall: FieldScore;
  reliability: ReliabilityBucket[];
  misses: PassageMiss[];
}

type Extractor = (text: string, options: ExtractOptions) => Candidate[];

/** The gates: metric, value and qualifier P ≥ 0.95 and R ≥ 0.90; the rest ≥ 0.85 each. */
export const TARGETS: Record<Field, { precision: number; recall: number }> = {
  metric: { precision: 0.95, recall: 0.9 },
  value: { precision: 0.95, recall: 0.9 },
  qualifier: { precision: 0.95, recall: 0.9 },
  date: { precision: 0.85, recall: 0.85 },
  origin: { precision: 0.85, recall: 0.85 },
  destination: { precision: 0.85, recall: 0.85 },
  attribution: { precision: 0.85, recall: 0.85 },
};

const BUCKETS: Array<[number, number]> = [[0, 0.5], [0.5, 0.6], [0.6, 0.7], [0.7, 0.8], [0.8, 0.9], [0.9, 1.0001]];

const normalise = (s: string) =>
  s.toLowerCase().replace(/^the\s+/, '').replace(/['’]s\b/g, '').replace(/\s+/g, ' ').normalize('NFC').trim();

/** Attribution matches when one contains the other: "Mayor Vitali Klitschko" matches "Vitali Klitschko". */
function sameSource(predicted: string, expected: string): boolean {
  const a = normalise(predicted);
  const b = normalise(expected);
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

function placeKey(place: NamedPlace | null): string | null {
  if (!place) return null;
  return place.placeId ?? `?${place.name.toLowerCase()}`;
}

function expectedPlaceKey(value: string | null): string | null {
  if (!value) return null;
  return value.startsWith('?') ? value.toLowerCase() : value;
}

type SlotSource = Pick<ExpectedCandidate, 'metric' | 'qualifier' | 'date' | 'attribution'> & { low: bigint | string; high: bigint | string };

/** One slot per field; a null slot is neither predicted nor expected ("where the passage states it"). */
function slots(x: SlotSource, origin: string | null, destination: string | null): Record<Field, string | null> {
  return { metric: x.metric, value: `${x.low}-${x.high}`, qualifier: x.qualifier, date: x.date, origin, destination, attribution: x.attribution };
}

const predictedSlots = (c: Candidate) => slots(c, placeKey(c.origin), placeKey(c.destination));
const expectedSlots = (e: ExpectedCandidate) => slots(e, expectedPlaceKey(e.origin), expectedPlaceKey(e.destination));

function fieldRight(field: Field, predicted: string | null, expected: string | null): boolean {
  if (predicted === null || expected === null) return predicted === expected;
  return field === 'attribution' ? sameSource(predicted, expected) : predicted === expected;
}

type Range = [number, number];
const overlaps = (a: Range, b: Range) => a[0] < b[1] && b[0] < a[1];

/**
 * Where each expected figure sits, as the corpus README defines it: each `asStated` at its first
 * occurrence; then each of `mentions`, in order, at its first occurrence overlapping no span placed so far.
 */
export function expectedSpans(text: string, expected: ExpectedCandidate[]): Range[][] {
  const placed: Range[] = [];
  const spans = expected.map((e) => {
    const index = text.indexOf(e.asStated);
    if (index < 0) throw new Error(`"${e.asStated}" is not in the passage text`);
    const span: Range = [index, index + e.asStated.length];
    placed.push(span);
    return [span];
  });
  expected.forEach((e, i) => {
    for (const mention of e.mentions ?? []) {
      let from = 0;
      for (;;) {
        const index = text.indexOf(mention, from);
        if (index < 0) throw new Error(`mention "${mention}" has no free occurrence in the passage text`);
        const span: Range = [index, index + mention.length];
        if (!placed.some((p) => overlaps(p, span))) {
          placed.push(span);
          spans[i].push(span);
          break;
        }
        from = index + 1;
      }
    }
  });
  return spans;
}

/** Spans of a candidate's number phrase, the stated one first. */
function candidateSpans(c: Candidate): Range[] {
  const spans: Range[] = c.mentions.map((m) => [m.start, m.end]);
  return spans.length > 0 ? spans : [[c.start, c.end]];
}

/**
 * Pairs each prediction with at most one expected figure: a prediction on any span of a figure
 * (its statement or a restatement) is that figure; a second prediction of the same figure is spurious.
 */
function align(text: string, predicted: Candidate[], expected: ExpectedCandidate[]) {
  const spans = expectedSpans(text, expected);
  const used = new Set<number>();
  const pairs: Array<[Candidate | null, ExpectedCandidate | null]> = [];
  // Predictions whose stated span hits a figure's stated span pair first, then the rest.
  const order = predicted.map((c, i) => ({ c, i, primary: spans.some((s) => overlaps(s[0], candidateSpans(c)[0])) }));
  order.sort((a, b) => Number(b.primary) - Number(a.primary) || a.i - b.i);
  for (const { c } of order) {
    const mine = candidateSpans(c);
    const match = spans.findIndex((figure, i) => !used.has(i) && figure.some((s) => mine.some((m) => overlaps(s, m))));
    if (match >= 0) used.add(match);
    pairs.push([c, match >= 0 ? expected[match] : null]);
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

export function evaluateExtraction(
  passages: Passage[],
  places: PlaceRef[],
  metrics: MetricCue[] = DEFAULT_METRIC_CUES,
  extract: Extractor = extractCandidates,
): EvaluationReport {
  const counts = Object.fromEntries(FIELDS.map((f) => [f, { correct: 0, predicted: 0, expected: 0 }])) as Record<
    Field,
    { correct: number; predicted: number; expected: number }
  >;
  const reliability: ReliabilityBucket[] = BUCKETS.map(([from, to]) => ({ from, to: Math.min(to, 1), candidates: 0, right: 0, allRight: 0 }));
  const misses: PassageMiss[] = [];
  for (const passage of passages) {
    const predicted = extract(passage.text, { publishedAt: passage.publishedAt, metrics, places });
    const pairs = align(passage.text, predicted, passage.expected);
    const wrong: string[] = [];
    for (const [p, e] of pairs) {
      const pSlots = p ? predictedSlots(p) : null;
      const eSlots = e ? expectedSlots(e) : null;
      let core = p !== null && e !== null;
      let all = core;
      for (const field of FIELDS) {
        const pv = pSlots?.[field] ?? null;
        const ev = eSlots?.[field] ?? null;
        if (pv !== null) counts[field].predicted++;
        if (ev !== null) counts[field].expected++;
        const right = p !== null && e !== null && fieldRight(field, pv, ev);
        if (right && pv !== null) counts[field].correct++;
        if (p && e && !right) {
          wrong.push(`${e.asStated} ${field}: ${pv ?? 'null'} ≠ ${ev ?? 'null'}`);
          all = false;
          if (field === 'metric' || field === 'value' || field === 'qualifier') core = false;
        }
      }
      if (p) {
        const bucket = reliability.find((b, i) => p.confidence >= b.from && (p.confidence < BUCKETS[i][1]));
        if (bucket) {
          bucket.candidates++;
          if (core) bucket.right++;
          if (all) bucket.allRight++;
        }
      }
    }
    const spurious = pairs.filter(([p, e]) => p && !e).map(([p]) => p!.asStated);
    const missed = pairs.filter(([p, e]) => e && !p).map(([, e]) => e!.asStated);
    if (spurious.length || missed.length || wrong.length) misses.push({ id: passage.id, spurious, missed, wrong });
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
  return {
    passages: passages.length,
    expectedCandidates: passages.reduce((n, p) => n + p.expected.length, 0),
    fields,
    overall: score(total.correct, total.predicted, total.expected),
    reliability,
    misses,
  };
}

/** Fields whose precision or recall falls below its gate. */
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
