// Sources per sentence: who a sentence names (never a place), and which source a number takes (a
// pronoun reaches back a few sentences; nothing else carries over).
import { findAttributions, pickAttribution, type AttributionMention } from './attribution';
import type { NumberMention } from './numbers';
import type { PlaceMatcher } from './placeMatcher';
import type { SentenceContext } from './sentenceContext';
import { tokenize, type Token } from './tokens';

// How many sentences back a pronoun ("she said") may find the speaker it stands for.
const PRONOUN_REACH = 3;

/** Sources named in a sentence; a place is never one ("Mariupol: …" is a dateline, "Ukraine registered" a subject). */
export function sources(tokens: Token[], sentence: string, matcher: PlaceMatcher): AttributionMention[] {
  return findAttributions(tokens, sentence).filter((a) => {
    if (a.name === null) return true;
    const words = tokenize(a.name);
    // A live blog's clock time before the name ("14:20 Moldova says …") is no part of it.
    let start = 0;
    while (words[start]?.kind === 'number' || words[start]?.text === ':') start++;
    const place = start < words.length ? matcher.at(words, start) : null;
    // "Moldova", "Moldova, which borders Ukraine": a place with or without its appositive.
    return !(place && (start + place.length === words.length || words[start + place.length]?.text === ','));
  });
}

/**
 * The source the sentence names for the figure. A pronoun or back-reference ("he added", "the
 * agency said") takes the last named source of the same paragraph; nothing else carries over.
 */
export function resolveAttribution(context: SentenceContext, history: SentenceContext[], mention: NumberMention): string | null {
  const here = pickAttribution(context.attributions, mention.first, mention.last);
  if (!here) return null;
  if (here.name) return here.name;
  // "“We estimate … 270,000 …,” said Vít Rakušan": the speaker named in the same sentence.
  const named = context.attributions.filter((a) => a.name !== null && !a.weak);
  if (named.length > 0) return named.sort((a, b) => Math.abs(a.at - here.at) - Math.abs(b.at - here.at))[0].name;
  // Wire copy puts each sentence in its own paragraph, so look back a few sentences, not one paragraph.
  // "he", "she", "the agency" stand for one person or body, never for "border guards" or "officials".
  const plural = (name: string) => /\b[a-z]+s$/.test(name);
  const fits = (a: AttributionMention) => a.name !== null && !a.weak && (here.pronoun === 'they' || !plural(a.name));
  for (let k = history.length - 1; k >= 0 && k >= history.length - PRONOUN_REACH; k--) {
    const found = history[k].attributions.filter(fits);
    if (found.length > 0) return found.at(-1)!.name;
  }
  return null;
}
