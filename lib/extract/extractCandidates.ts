// Deterministic extraction of cited figure candidates from prose. Pure: the caller passes
// metrics and places loaded from the database; nothing here touches the network or a model.
import { findAttributions, pickAttribution, type AttributionMention } from './attribution';
import { findDates, pickDate } from './dates';
import { notAFigureReason } from './filters';
import { classifyMetric, headKeywordIndex, type MetricMatch } from './metrics';
import { findNumberMentions, type NumberMention } from './numbers';
import { createPlaceMatcher, findPlaces, pickPlaces, type PlaceMatcher } from './places';
import { splitClauses, splitSentences } from './sentences';
import { tokenize, type Token } from './tokens';
import type { Candidate, ExtractOptions, MetricCue, Span } from './types';

export { DEFAULT_METRIC_CUES } from './metrics';
export type { Candidate, ExtractOptions, MetricCue, PlaceRef, NamedPlace } from './types';

interface SentenceContext {
  sentence: Span;
  tokens: Token[];
  attributions: AttributionMention[];
}

export function extractCandidates(text: string, opts: ExtractOptions): Candidate[] {
  const matcher = createPlaceMatcher(opts.places);
  const candidates: Candidate[] = [];
  const history: SentenceContext[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(sentence.text);
    const context = { sentence, tokens, attributions: findAttributions(tokens, sentence.text) };
    candidates.push(...candidatesInSentence(context, history, opts, matcher));
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
  const places = findPlaces(tokens, matcher);
  const results: Candidate[] = [];
  for (const mention of mentions) {
    const clause = clauses.find(([from, to]) => mention.first >= from && mention.first < to) ?? [0, tokens.length];
    let metric = classifyMetric(tokens, mention, clause, opts.metrics, claimed);
    let sentenceWide = false;
    if (!metric && mentions.length === 1) {
      metric = classifyMetric(tokens, mention, [0, tokens.length], opts.metrics, claimed);
      sentenceWide = metric !== null;
    }
    if (!metric) continue;
    results.push(buildCandidate(context, history, mention, metric, sentenceWide, clause, dates, places));
  }
  return results;
}

function buildCandidate(
  context: SentenceContext,
  history: SentenceContext[],
  mention: NumberMention,
  metric: MetricMatch,
  sentenceWide: boolean,
  clause: [number, number],
  dates: ReturnType<typeof findDates>,
  places: ReturnType<typeof findPlaces>,
): Candidate {
  const { sentence, tokens } = context;
  const date = pickDate(dates, mention.first, mention.last);
  const { origin, destination } = pickPlaces(places, tokens, mention, clause);
  const attribution = resolveAttribution(context, history, mention);
  return {
    metric: metric.metric,
    qualifier: mention.qualifier,
    low: mention.low,
    high: mention.high,
    asStated: sentence.text.slice(tokens[mention.first].start, tokens[mention.last].end),
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
