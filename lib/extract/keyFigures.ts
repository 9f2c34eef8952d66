// Key-figure lines ("Poland: 2,336,800", "Hungary – 89,561", a table row "Poland 1,204,403") and
// the heading above a block of them ("Refugees by country, 30 March").
import type { SentenceContext } from './sentenceContext';
import type { Token } from './tokens';
import type { Span } from './types';

/** A key-figure line: a name and a number parted by a colon or a spaced dash ("Poland: 2,336,800", "Hungary – 89,561"). */
export function isFigureLine(tokens: Token[]): boolean {
  // A table row with no punctuation: "Poland 1,204,403", "Republic of Moldova 367,000" (a name, then its number, alone on the line).
  if (tokens.length >= 2 && tokens.length <= 5 && tokens.at(-1)!.kind === 'number' && tokens.slice(0, -1).every((t, k) => t.kind === 'word' && (/^[A-Z]/.test(t.text) || (t.lower === 'of' && k > 0)))) return true;
  // A number after the colon: "Arrivals since 24 February:" is the heading above such lines, not one of them.
  return tokens.length <= 12 && tokens.some((t, k) => (t.text === ':' && tokens.slice(k + 1).some((n) => n.kind === 'number')) || (['–', '—'].includes(t.text) && tokens[k + 1]?.kind === 'number'));
}

/**
 * The heading line above a block of key-figure lines ("Refugees by country, 30 March" over
 * "Poland: 2,336,800"): lines apart by one line break, the heading without a full stop.
 */
export function headingAbove(history: SentenceContext[], sentence: Span): SentenceContext | null {
  let below = sentence;
  for (let k = history.length - 1; k >= 0 && k >= history.length - 12; k--) {
    const line = history[k];
    if (below.start - line.sentence.end > 3 || below.start <= line.sentence.end) return null;
    if (!isFigureLine(line.tokens)) {
      // A short heading, or a longer line that ends by announcing the list ("… had taken in the following number of refugees:").
      const heading = (!/[.!?”"]\s*$/.test(line.sentence.text) && line.tokens.length <= 12) || (/:\s*$/.test(line.sentence.text) && line.tokens.length <= 40);
      return heading ? line : null;
    }
    below = line.sentence;
  }
  return null;
}
