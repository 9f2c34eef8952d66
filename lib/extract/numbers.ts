// Finds number phrases in a sentence: digits, scaled decimals, number words, vague counts,
// with their qualifier ("more than") and ranges ("2.1 to 2.2 million").
import { qualifierPhrases, type Qualifier } from '@/lib/vocabulary';
import { NUMBER_WORDS, parseNumber, parseNumberWords, parseStatedValue } from '@/lib/figures/parseStatedValue';
import { matchPhraseAt, type Token } from './tokens';

export interface NumberMention {
  qualifier: Qualifier;
  low: bigint;
  high: bigint;
  /** Token indexes [first, last] of the whole phrase, qualifier included. */
  first: number;
  last: number;
  /** Token indexes of the number itself, without the qualifier. */
  numberFirst: number;
  numberLast: number;
  /** "tens of thousands": a lower bound read from a vague count. */
  vague: boolean;
  /** Written in words ("sixty"), which are easy to misread ("one of them"). */
  words: boolean;
}

// The qualifier phrases are the vocabulary's, the same table the value parser reads.
// Only word phrases can match tokens; the table is already sorted longest first.
const wordPhrases = (position: 'before' | 'after') => qualifierPhrases(position).filter((p) => /^[a-z][a-z ]*$/.test(p.phrase));
const QUALIFIER_BY_PHRASE = new Map(wordPhrases('before').map((p) => [p.phrase, p.qualifier]));
const QUALIFIER_WORDS = [...QUALIFIER_BY_PHRASE.keys()];
const SUFFIX_BY_PHRASE = new Map<string, Qualifier>([...wordPhrases('after').map((p) => [p.phrase, p.qualifier] as const), ['+', 'AT_LEAST']]);
const SUFFIX_WORDS = [...SUFFIX_BY_PHRASE.keys()];

/** The qualifier phrases this extractor recognises, for the test that holds it to the vocabulary. */
export const EXTRACTOR_QUALIFIER_PHRASES: ReadonlyMap<string, Qualifier> = new Map([...QUALIFIER_BY_PHRASE, ...SUFFIX_BY_PHRASE]);

/** Whether a stated count opens at k: a number, or one of the vocabulary's qualifier phrases before one ("more than 480,000"). */
export function opensCount(tokens: Token[], k: number): boolean {
  if (tokens[k]?.kind === 'number') return true;
  const q = matchPhraseAt(tokens, k, QUALIFIER_WORDS);
  return q !== null && tokens[k + q.length]?.kind === 'number';
}

const SCALE_WORDS = ['thousand', 'million', 'billion'];

// Vague counts become lower bounds: "thousands" is at least two thousand, never exact.
const VAGUE_COUNTS: Array<[string, bigint]> = [
  ['hundreds of thousands', 200_000n], ['tens of thousands', 20_000n], ['several hundred thousand', 300_000n],
  ['several thousand', 3_000n], ['a few thousand', 2_000n], ['several hundred', 300n], ['a few hundred', 200n],
  ['millions', 2_000_000n], ['thousands', 2_000n], ['hundreds', 200n], ['dozens', 24n], ['scores', 40n],
];
const VAGUE_WORDS = VAGUE_COUNTS.map(([phrase]) => phrase);
const VAGUE_VALUE = new Map(VAGUE_COUNTS);

// Word numbers below a hundred, from the value parser's own list: "sixty", "sixty-five".
const SMALL_NUMBER_WORDS = NUMBER_WORDS.filter((w) => !['hundred', ...SCALE_WORDS].includes(w));
const UNIT_WORDS = SMALL_NUMBER_WORDS.slice(1, 10).join('|');
const NUMBER_WORD = new RegExp(`^(?:${SMALL_NUMBER_WORDS.join('|')})(?:-(?:${UNIT_WORDS}))?$`);
const CHANGE_VERBS = ['rose', 'risen', 'rising', 'increased', 'grew', 'climbed', 'jumped', 'fell', 'dropped', 'up', 'down'];

interface Atom {
  value: bigint;
  first: number;
  last: number;
  vague: boolean;
  words: boolean;
}

/** Reads one number at token i: "5,000", "2.1 million", "sixty-five", "a million", "half a million", "tens of thousands". */
function readAtom(tokens: Token[], i: number): Atom | null {
  const vague = matchPhraseAt(tokens, i, VAGUE_WORDS);
  if (vague) {
    return { value: VAGUE_VALUE.get(vague.phrase)!, first: i, last: i + vague.length - 1, vague: true, words: true };
  }
  const token = tokens[i];
  if (!token) return null;
  if (token.kind === 'number') {
    const fraction = readFraction(tokens, i);
    if (fraction) return fraction;
    const scale = SCALE_WORDS.includes(tokens[i + 1]?.lower ?? '') ? 1 : 0;
    const text = scale ? `${token.text} ${tokens[i + 1].lower}` : token.text;
    const parsed = parseNumber(text);
    return parsed.ok ? { value: parsed.value, first: i, last: i + scale, vague: false, words: false } : null;
  }
  if (token.lower === 'a' && tokens[i + 1]?.lower === 'dozen') {
    return { value: 12n, first: i, last: i + 1, vague: false, words: true };
  }
  return readFraction(tokens, i) ?? readNumberWords(tokens, i);
}

const SCALE_VALUE: Record<string, bigint> = { thousand: 1_000n, million: 1_000_000n, billion: 1_000_000_000n };

/**
 * Fractions of a scale word, which the value parser does not read: "half a million",
 * "a quarter of a million", "three quarters of a million", "two and a half million",
 * "one and a half million".
 */
function readFraction(tokens: Token[], i: number): Atom | null {
  const at = (k: number) => tokens[k]?.lower ?? '';
  const scaleAt = (k: number) => SCALE_VALUE[at(k)];
  // "half a million"
  if (at(i) === 'half' && at(i + 1) === 'a' && scaleAt(i + 2)) {
    return { value: scaleAt(i + 2) / 2n, first: i, last: i + 2, vague: false, words: true };
  }
  // "a quarter of a million", "three quarters of a million"
  const quarters = at(i) === 'a' || at(i) === 'one' ? (at(i + 1) === 'quarter' ? 1n : 0n) : at(i) === 'three' && at(i + 1) === 'quarters' ? 3n : 0n;
  if (quarters > 0n && at(i + 2) === 'of' && at(i + 3) === 'a' && scaleAt(i + 4)) {
    return { value: (scaleAt(i + 4) * quarters) / 4n, first: i, last: i + 4, vague: false, words: true };
  }
  // "two and a half million": a whole number word, "and a half", a scale word.
  if (NUMBER_WORD.test(at(i)) && at(i + 1) === 'and' && at(i + 2) === 'a' && at(i + 3) === 'half' && scaleAt(i + 4)) {
    const whole = parseNumberWords(at(i));
    if (whole !== null) return { value: whole * scaleAt(i + 4) + scaleAt(i + 4) / 2n, first: i, last: i + 4, vague: false, words: true };
  }
  if (tokens[i]?.kind === 'number' && /^\d+$/.test(tokens[i].text) && at(i + 1) === 'and' && at(i + 2) === 'a' && at(i + 3) === 'half' && scaleAt(i + 4)) {
    return { value: BigInt(tokens[i].text) * scaleAt(i + 4) + scaleAt(i + 4) / 2n, first: i, last: i + 4, vague: false, words: false };
  }
  return null;
}

function readNumberWords(tokens: Token[], i: number): Atom | null {
  const first = tokens[i];
  const startsWithA = first.lower === 'a' || first.lower === 'an';
  if (!startsWithA && !NUMBER_WORD.test(first.lower) && first.lower !== 'hundred') return null;
  let last = i;
  let k = i + 1;
  while (k < tokens.length) {
    const lower = tokens[k].lower;
    if (NUMBER_WORD.test(lower) || lower === 'hundred' || SCALE_WORDS.includes(lower)) {
      last = k;
    } else if (lower === 'and' && NUMBER_WORD.test(tokens[k + 1]?.lower ?? '') && tokens[k - 1].lower === 'hundred') {
      // "one hundred and twenty"
    } else {
      break;
    }
    k++;
  }
  if (startsWithA && last === i) return null;
  if (startsWithA && !['hundred', ...SCALE_WORDS].includes(tokens[i + 1].lower)) return null;
  const text = tokens.slice(i, last + 1).map((t) => t.lower).join(' ');
  const value = parseNumberWords(text);
  return value === null ? null : { value, first: i, last, vague: false, words: true };
}

/**
 * "2.1 to 2.2 million", "between 3,000 and 4,000", "1.5-1.7 million" starting at token i.
 * Reuses the editor parser so the scale word written once applies to both ends.
 */
function readRange(tokens: Token[], i: number, sentence: string): { first: number; last: number; low: bigint; high: bigint; words: boolean } | null {
  const lowToken = tokens[i];
  if (!lowToken) return null;
  const low = lowToken.kind === 'number' ? null : readNumberWords(tokens, i);
  if (lowToken.kind !== 'number' && !low) return null;
  let lowLast = low ? low.last : i;
  if (!low && SCALE_WORDS.includes(tokens[i + 1]?.lower ?? '')) lowLast = i + 1;
  const connector = tokens[lowLast + 1]?.lower;
  const between = tokens[i - 1]?.lower === 'between';
  const fromChange = tokens[i - 1]?.lower === 'from' && CHANGE_VERBS.includes(tokens[i - 2]?.lower ?? '');
  const dash = connector === '-' || connector === '–' || connector === '—';
  if (fromChange || !(connector === 'to' || dash || (connector === 'and' && between))) return null;
  // "since February 24 to 180,000": a day of the month ends a date phrase, it does not open a range.
  if (!low && MONTH_NAMES.includes(tokens[i - 1]?.lower.replace(/\.$/, '') ?? '') && /^\d{1,2}$/.test(lowToken.text)) return null;
  if (connector === '-' && tokens[lowLast].end !== tokens[lowLast + 1].start) return null;
  const high = readAtom(tokens, lowLast + 2);
  if (!high || high.vague) return null;
  const phrase = sentence.slice(tokens[i].start, tokens[high.last].end).replace(/[–—]/g, '-');
  const parsed = parseStatedValue(phrase);
  if (!parsed.ok || parsed.value.qualifier !== 'RANGE') return null;
  return { first: between ? i - 1 : i, last: high.last, low: parsed.value.low, high: parsed.value.high, words: low !== null };
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

/** All number phrases in one sentence, left to right, without overlaps. */
export function findNumberMentions(tokens: Token[], sentence: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const qualifierMatch = matchPhraseAt(tokens, i, QUALIFIER_WORDS);
    const numberAt = qualifierMatch ? i + qualifierMatch.length : i;
    const range = readRange(tokens, numberAt, sentence);
    const atom = range ? null : readAtom(tokens, numberAt);
    if (!range && !atom) {
      i++;
      continue;
    }
    const first = qualifierMatch ? i : numberAt;
    const mention = range
      ? buildRange(range, qualifierMatch ? i : range.first)
      : buildSingle(tokens, atom!, qualifierMatch ? QUALIFIER_BY_PHRASE.get(qualifierMatch.phrase)! : null, first);
    mentions.push(mention);
    i = mention.last + 1;
  }
  return mentions;
}

function buildRange(range: { first: number; last: number; low: bigint; high: bigint; words: boolean }, first: number): NumberMention {
  return {
    qualifier: 'RANGE', low: range.low, high: range.high, first, last: range.last,
    numberFirst: range.first, numberLast: range.last, vague: false, words: range.words,
  };
}

function buildSingle(tokens: Token[], atom: Atom, prefix: Qualifier | null, first: number): NumberMention {
  let qualifier: Qualifier = prefix ?? 'EXACT';
  let last = atom.last;
  const suffix = matchPhraseAt(tokens, atom.last + 1, SUFFIX_WORDS);
  if (suffix && !prefix && !(tokens[atom.last + 1].lower === '+' && tokens[atom.last + 1].start !== tokens[atom.last].end)) {
    qualifier = SUFFIX_BY_PHRASE.get(suffix.phrase)!;
    last += suffix.length;
  }
  // A vague count is a floor, whatever word precedes it ("some tens of thousands").
  if (atom.vague && qualifier !== 'AT_MOST') qualifier = 'AT_LEAST';
  return {
    qualifier, low: atom.value, high: atom.value, first, last,
    numberFirst: atom.first, numberLast: atom.last, vague: atom.vague, words: atom.words,
  };
}

