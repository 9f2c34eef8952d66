// Deterministic extraction of cited figure candidates from prose. Pure: the caller passes
// metrics and places loaded from the database; nothing here touches the network or a model.
import { findAttributions, pickAttribution, type AttributionMention } from './attribution';
import { findDates, pickDate } from './dates';
import { notAFigureReason } from './filters';
import { classifyMetric, headKeywordIndex, headNoun, type MetricMatch } from './metrics';
import { findNumberMentions, type NumberMention } from './numbers';
import { createPlaceMatcher, findPlaces, pickPlaces, type PlaceMatcher } from './places';
import { splitClauses, splitSentences } from './sentences';
import { matchesPhrase, tokenize, type Token } from './tokens';
import type { Candidate, ExtractOptions, MetricCue, NamedPlace, Span } from './types';

export { DEFAULT_METRIC_CUES } from './metrics';
export type { Candidate, ExtractOptions, MetricCue, PlaceRef, NamedPlace } from './types';

interface SentenceContext {
  sentence: Span;
  tokens: Token[];
  attributions: AttributionMention[];
  /** Metric of the last candidate found here, for "the figure" in the next sentence. */
  lastMetric?: string;
  /** Last place named here that is not an origin, for "the city" in the next sentence. */
  lastPlace?: NamedPlace | null;
  lastCandidate?: Candidate;
}

// "Of those, roughly 1.8 million ...", "put the figure at ...": the count continues the previous sentence's.
const ANAPHORA = ['the figure', 'the number', 'the total', 'of those', 'of them', 'that figure', 'the tally', 'the count'];

export function extractCandidates(text: string, opts: ExtractOptions): Candidate[] {
  const matcher = createPlaceMatcher(opts.places);
  const candidates: Candidate[] = [];
  const history: SentenceContext[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(sentence.text);
    const context: SentenceContext = { sentence, tokens, attributions: findAttributions(tokens, sentence.text) };
    const found = candidatesInSentence(context, history, opts, matcher);
    context.lastMetric = found.at(-1)?.metric;
    context.lastCandidate = found.at(-1);
    candidates.push(...found);
    history.push(context);
  }
  return candidates;
}

/** Token index ranges [from, to) of each clause, so metric cues stay in the number's clause. */
function clauseRanges(sentence: Span, tokens: Token[]): Array<[number, number]> {
  return splitClauses(sentence).map((clause) => {
    const from = tokens.findIndex((t) => t.start >= clause.start - sentence.start);
    const after = tokens.findIndex((t) => t.start >= clause.end - sentence.start);
    return [from < 0 ? tokens.length : from, after < 0 ? tokens.length : after];
  });
}

function candidatesInSentence(
  context: SentenceContext,
  history: SentenceContext[],
  opts: ExtractOptions,
  matcher: PlaceMatcher,
): Candidate[] {
  const { sentence, tokens } = context;
  const mentions = findNumberMentions(tokens, sentence.text).filter((m) => notAFigureReason(tokens, m) === null);
  if (mentions.length === 0) return [];
  const clauses = clauseRanges(sentence, tokens);
  const claimed = new Set(
    mentions.map((m) => headKeywordIndex(tokens, m, opts.metrics)).filter((i): i is number => i !== null),
  );
  const dates = findDates(tokens, sentence.text, opts.publishedAt);
  const places = findPlaces(tokens, matcher, history.at(-1)?.lastPlace ?? null);
  context.lastPlace = places.filter((p) => p.role !== 'origin').at(-1)?.place ?? history.at(-1)?.lastPlace ?? null;
  const results: Candidate[] = [];
  for (const mention of mentions) {
    const clause = clauses.find(([from, to]) => mention.first >= from && mention.first < to) ?? [0, tokens.length];
    let metric = classifyMetric(tokens, mention, clause, opts.metrics, claimed);
    let sentenceWide = false;
    if (!metric && mentions.length === 1) {
      metric = classifyMetric(tokens, mention, [0, tokens.length], opts.metrics, claimed);
      sentenceWide = metric !== null;
    }
    const inherited = metric ? null : inheritedMetric(context, history.at(-1), mention, opts.metrics, claimed);
    metric = metric ?? inherited;
    if (!metric) continue;
    const clauseOnly = mentions.some((other) => other !== mention && !inRange(other.first, clause));
    const candidate = buildCandidate(context, history, mention, metric, sentenceWide, clause, clauseOnly, dates, places);
    const antecedent = history.at(-1)?.lastCandidate;
    if (inherited && antecedent) {
      candidate.origin ??= antecedent.origin;
      candidate.destination ??= antecedent.destination;
    }
    results.push(candidate);
  }
  return results;
}

function inRange(index: number, [from, to]: [number, number]): boolean {
  return index >= from && index < to;
}

function inheritedMetric(
  context: SentenceContext,
  previous: SentenceContext | undefined,
  mention: NumberMention,
  metrics: MetricCue[],
  claimed: Set<number>,
): MetricMatch | null {
  if (!previous?.lastMetric) return null;
  const { tokens } = context;
  const refersBack = tokens.some((_, i) => ANAPHORA.some((phrase) => matchesPhrase(tokens, i, phrase)));
  if (!refersBack) return null;
  // Only a number that counts nothing else may inherit ("the figure at 120,000 to 130,000").
  const own = classifyMetric(tokens, mention, [mention.first, mention.last + 1], metrics, claimed);
  if (own === null && headNoun(tokens, mention, metrics).kind === 'other') return null;
  return { metric: previous.lastMetric, viaHead: false };
}

function buildCandidate(
  context: SentenceContext,
  history: SentenceContext[],
  mention: NumberMention,
  metric: MetricMatch,
  sentenceWide: boolean,
  clause: [number, number],
  clauseOnly: boolean,
  dates: ReturnType<typeof findDates>,
  places: ReturnType<typeof findPlaces>,
): Candidate {
  const { sentence, tokens } = context;
  const date = pickDate(dates, mention.first, mention.last);
  const { origin, destination } = pickPlaces(places, tokens, mention, clause, clauseOnly);
  const attribution = resolveAttribution(context, history, mention);
  const valueStart = sentence.start + tokens[mention.first].start;
  const valueEnd = sentence.start + tokens[mention.last].end;
  return {
    metric: metric.metric,
    qualifier: mention.qualifier,
    low: mention.low,
    high: mention.high,
    asStated: sentence.text.slice(tokens[mention.first].start, tokens[mention.last].end),
    mentions: [{ text: sentence.text.slice(tokens[mention.first].start, tokens[mention.last].end), start: valueStart, end: valueEnd }],
    quote: sentence.text,
    start: sentence.start,
    end: sentence.end,
    date: date?.date ?? null,
    dateText: date?.text ?? null,
    origin,
    destination,
    attribution,
    confidence: scoreConfidence(mention, metric, sentenceWide, {
      date: date !== null,
      place: origin !== null || destination !== null,
      attribution: attribution !== null,
    }),
  };
}

/**
 * Nearest source in the sentence; otherwise the previous sentence's. A pronoun ("she said")
 * takes the last named source from the two sentences before.
 */
function resolveAttribution(context: SentenceContext, history: SentenceContext[], mention: NumberMention): string | null {
  const here = pickAttribution(context.attributions, mention.first, mention.last);
  if (here?.name) return here.name;
  const lookBack = here ? 2 : 1;
  for (const previous of history.slice(-lookBack).reverse()) {
    const named = previous.attributions.filter((a) => a.name !== null);
    if (named.length > 0) return named[named.length - 1].name;
  }
  return null;
}

function scoreConfidence(
  mention: NumberMention,
  metric: MetricMatch,
  sentenceWide: boolean,
  found: { date: boolean; place: boolean; attribution: boolean },
): number {
  let score = 0.5;
  if (metric.viaHead) score += 0.2;
  else if (!sentenceWide) score += 0.1;
  if (found.attribution) score += 0.1;
  if (found.date) score += 0.1;
  if (found.place) score += 0.05;
  if (mention.vague) score -= 0.2;
  if (mention.words) score -= 0.05;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
