// Reads the number in a figure's value-as-stated phrase with the app's own value
// parser (lib/figures/parseStatedValue.ts), after undoing the ways the sources
// write numbers that the parser (English, as editors type) does not read:
// digit groups split by spaces or no-break spaces ("3 674 952"), groups split by
// dots ("835.928", in Portuguese, German and Romanian text) and a few scale words
// in other languages. Words before the number that are not a qualifier ("exceeded",
// "a total of") are skipped: the figure's qualifier column says what they mean.
import { parseStatedValue } from '@/lib/figures/parseStatedValue';
import type { Qualifier } from '@/lib/vocabulary';

/** Spaces of every width, as pages and copies of them render them, count as one space. */
export const normaliseSpaces = (text: string) => text.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();

const LOCALE_WORDS: Array<[RegExp, string]> = [
  [/\bmilioni (\d+(?:\.\d+)?)/i, '$1 million'], // Swahili puts the scale first: "milioni 5.5"
  [/шести/i, 'six'],
  [/тысяч/i, 'thousand'],
];

const NUMBER_START = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/i;

export function statedNumber(stated: string, qualifier: Qualifier): { low: bigint; high: bigint } | null {
  let text = normaliseSpaces(stated);
  for (const [pattern, replacement] of LOCALE_WORDS) text = text.replace(pattern, replacement);
  text = text.replace(/(\d) (?=\d{3}\b)/g, '$1');
  // "835.928" is a count in thousands; "3.6 million" is a decimal with a scale word.
  text = text.replace(/\b\d{1,3}(?:\.\d{3})+\b(?! ?(?:m\b|mln|million|thousand))/gi, (m) => m.replace(/\./g, ''));
  const start = text.search(NUMBER_START);
  if (start < 0) return null;
  const parsed = parseStatedValue(text.slice(start), qualifier);
  return parsed.ok ? { low: parsed.value.low, high: parsed.value.high } : null;
}
