// Context features of every number in a text, for the model comparison in
// scripts/train-figure-model.ts: the same tokens, tags, cues and places the rules read, turned
// into named features so a logistic regression can weigh them instead.
import { notAFigureReason } from './filters';
import { tagTokens } from './language';
import { governingVerb, headNoun, isSubfigure, notACount } from './metrics';
import { findNumberMentions } from './numbers';
import { createPlaceMatcher } from './placeMatcher';
import { findPlaces } from './places';
import { splitClauses, splitSentences } from './sentences';
import { tokenize } from './tokens';
import type { MetricCue, PlaceRef, Span } from './types';

export interface NumberFeatures {
  /** The number phrase in the full text. */
  span: Span;
  features: string[];
}

const WINDOW = 4;

export function numberFeatures(text: string, metrics: MetricCue[], places: PlaceRef[]): NumberFeatures[] {
  const matcher = createPlaceMatcher(places);
  const out: NumberFeatures[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(sentence.text);
    const mentions = findNumberMentions(tokens, sentence.text).filter((m) => notAFigureReason(tokens, m) === null);
    if (mentions.length === 0) continue;
    tagTokens(sentence.text, tokens);
    const clauses = splitClauses(sentence).map((c) => {
      const from = tokens.findIndex((t) => t.start >= c.start - sentence.start);
      const after = tokens.findIndex((t) => t.start >= c.end - sentence.start);
      return [from < 0 ? tokens.length : from, after < 0 ? tokens.length : after] as [number, number];
    });
    const found = findPlaces(tokens, matcher);
    for (const mention of mentions) {
      const clause = clauses.find(([a, b]) => mention.first >= a && mention.first < b) ?? [0, tokens.length];
      const f = new Set<string>(['bias']);
      const head = headNoun(tokens, mention, metrics);
      f.add(`head:${head.kind}`);
      if (head.kind === 'metric') f.add(`head-metric:${head.metric}`);
      if (head.kind !== 'none') f.add(`head-lemma:${tokens[head.at].lemma}`);
      const predicate = governingVerb(tokens, mention, clause, metrics);
      if (predicate.verb !== null) f.add(`verb:${tokens[predicate.verb].lemma}`).add(`verb-${predicate.object ? 'object' : 'subject'}`);
      const reason = notACount(tokens, mention, clause, predicate);
      if (reason) f.add(`not-count:${reason}`);
      if (isSubfigure(tokens, mention)) f.add('subfigure');
      if (mention.vague) f.add('vague');
      if (mention.words) f.add('words');
      f.add(`qualifier:${mention.qualifier}`);
      f.add(`mentions:${Math.min(mentions.length, 3)}`);
      for (let i = Math.max(clause[0], mention.first - WINDOW); i < mention.first; i++) f.add(`before:${tokens[i].lemma}`);
      for (let i = mention.last + 1; i <= Math.min(clause[1] - 1, mention.last + WINDOW); i++) f.add(`after:${tokens[i].lemma}`);
      for (let i = clause[0]; i < clause[1]; i++) {
        for (const metric of metrics) if (metric.keywords.includes(tokens[i].lemma ?? '') || metric.keywords.includes(tokens[i].lower)) f.add(`clause-cue:${metric.key}`);
      }
      for (const p of found) {
        if (p.first < clause[0] || p.last >= clause[1]) continue;
        f.add(`place:${p.role ?? 'bare'}`);
        if (p.abroad) f.add(`place-abroad:${p.role ?? 'bare'}`);
        if (p.home) f.add(`place-home:${p.role ?? 'bare'}`);
      }
      const start = sentence.start + tokens[mention.first].start;
      const end = sentence.start + tokens[mention.last].end;
      out.push({ span: { text: text.slice(start, end), start, end }, features: [...f] });
    }
  }
  return out;
}
