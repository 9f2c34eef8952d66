// A candidate's confidence: a ranking for the editor, from what the sentence states (see docs/extract.md).
import type { NumberMention } from './numbers';
import type { Reading } from './sentenceContext';
import type { Candidate } from './types';

export function scoreConfidence(mention: NumberMention, reading: Reading, c: Candidate): number {
  let score = 0.45;
  if (reading.metric?.viaHead) score += 0.2;
  else if (!reading.metric?.movement) score += 0.1;
  if (c.attribution) score += 0.1;
  if (c.date) score += 0.1;
  if (c.origin || c.destination) score += 0.05;
  if (mention.vague) score -= 0.15;
  if (mention.words) score -= 0.05;
  if (reading.subfigure) score -= 0.1;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
