// Parses what an editor or a source states ("about 2.1 million", "more than
// 5,000", "2.1 to 2.2 million") into a qualifier and low/high bounds. The
// qualifier phrases come from the vocabulary the extractor also reads.
//
// Convention: for every qualifier except RANGE, low === high and holds the stated number;
// the qualifier says how to read it (AT_LEAST 5,000 means "at least 5,000").
import { MAX_BIGINT, QUALIFIER_LABELS, qualifierPhrases, type PhraseQualifier, type Qualifier, type StatedValue } from '@/lib/vocabulary';
import { formatExact } from './formatValue';

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

const SCALE_WORDS: Record<string, bigint> = {
  thousand: 1_000n,
  k: 1_000n,
  million: 1_000_000n,
  millions: 1_000_000n,
  m: 1_000_000n,
  mn: 1_000_000n,
  mln: 1_000_000n,
  billion: 1_000_000_000n,
  billions: 1_000_000_000n,
  bn: 1_000_000_000n,
  b: 1_000_000_000n,
};

const UNIT_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const WORD_SCALES: Record<string, bigint> = {
  thousand: 1_000n,
  million: 1_000_000n,
  billion: 1_000_000_000n,
};

/** Words the word-number parser understands; the extractor scans text for these. */
export const NUMBER_WORDS: readonly string[] = [
  ...Object.keys(UNIT_WORDS),
  ...Object.keys(TENS_WORDS),
  'hundred',
  ...Object.keys(WORD_SCALES),
];

/**
 * "sixty" -> 60n, "sixty-five" -> 65n, "two hundred" -> 200n, "a million" -> 1000000n,
 * "one hundred and twenty thousand" -> 120000n. Null when any word is not a number word.
 */
export function parseNumberWords(input: string): bigint | null {
  const words = input.toLowerCase().trim().split(/[\s-]+/).filter(Boolean);
  if (words.length === 0) return null;
  let total = 0n;
  let current = 0n;
  let sawNumber = false;
  for (const [i, word] of words.entries()) {
    if ((word === 'a' || word === 'an') && i === 0) {
      current = 1n;
      continue;
    }
    if (word === 'and' && sawNumber) continue;
    if (word in UNIT_WORDS) {
      current += BigInt(UNIT_WORDS[word]);
    } else if (word in TENS_WORDS) {
      current += BigInt(TENS_WORDS[word]);
    } else if (word === 'hundred') {
      current = (current === 0n ? 1n : current) * 100n;
    } else if (word in WORD_SCALES) {
      total += (current === 0n ? 1n : current) * WORD_SCALES[word];
      current = 0n;
    } else {
      return null;
    }
    sawNumber = true;
  }
  return sawNumber ? total + current : null;
}

const GROUPED = /^\d{1,3}(?:([,\u00a0\u202f ])\d{3})(?:\1\d{3})*$/;
const PLAIN = /^\d+$/;
const DECIMAL = /^(\d+)\.(\d+)$/;

function splitScale(input: string): { digits: string; scale: bigint | null; scaleWord: string | null } {
  const match = /^(.*?\d)\s*([a-z]+)$/.exec(input);
  if (match && match[2] in SCALE_WORDS) {
    return { digits: match[1], scale: SCALE_WORDS[match[2]], scaleWord: match[2] };
  }
  return { digits: input, scale: null, scaleWord: null };
}

/** Parses one unsigned number: digits, grouped digits, decimals with a scale word, or number words. */
export function parseNumber(input: string): Result<bigint> {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, message: 'Enter a number, for example 5,000 or 2.1 million.' };
  if (/^[-−–]/.test(text)) {
    return { ok: false, message: `"${input.trim()}" is negative; counts cannot be below zero.` };
  }
  if (/\d\s*e[+-]?\d/.test(text)) {
    return { ok: false, message: `"${input.trim()}" uses exponent notation; write it out, for example 2.1 million.` };
  }
  const words = parseNumberWords(text);
  if (words !== null) return checkRange(words, input);

  const { digits, scale } = splitScale(text);
  const decimalComma = /^(\d+),(\d{1,2})$/.exec(digits);
  if (decimalComma && scale !== null) {
    const suggestion = text.replace(',', '.');
    return { ok: false, message: `Use a decimal point, not a comma: write "${suggestion}".` };
  }
  if (PLAIN.test(digits) || GROUPED.test(digits)) {
    return checkRange(BigInt(digits.replace(/\D/g, '')) * (scale ?? 1n), input);
  }
  const decimal = DECIMAL.exec(digits);
  if (decimal) return parseDecimal(decimal[1], decimal[2], scale, input);
  if (/^[\d,\u00a0\u202f ]+$/.test(digits)) {
    return {
      ok: false,
      message: `Check the thousands separators in "${input.trim()}": groups after the first must have three digits, as in 5,000 or 5 000.`,
    };
  }
  return { ok: false, message: `"${input.trim()}" is not a number. Enter digits such as 5,000 or 2.1 million.` };
}

function parseDecimal(whole: string, fraction: string, scale: bigint | null, input: string): Result<bigint> {
  const denominator = 10n ** BigInt(fraction.length);
  const numerator = BigInt(whole + fraction) * (scale ?? 1n);
  if (numerator % denominator !== 0n) {
    const fix = scale === null ? 'add a scale word (2.1 million) or enter a whole number' : 'use fewer decimal places';
    return { ok: false, message: `"${input.trim()}" is not a whole number of people or items; ${fix}.` };
  }
  return checkRange(numerator / denominator, input);
}

function checkRange(value: bigint, input: string): Result<bigint> {
  if (value > MAX_BIGINT) return { ok: false, message: `"${input.trim()}" is too large to store.` };
  return { ok: true, value };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One anchored pattern per phrase; a word phrase must end at a word boundary. */
function cuePatterns(position: 'before' | 'after'): Array<{ pattern: RegExp; qualifier: PhraseQualifier }> {
  return qualifierPhrases(position).map(({ phrase, qualifier }) => {
    const body = escapeRegExp(phrase);
    const wordy = /[a-z]$/.test(phrase);
    const pattern = position === 'before' ? new RegExp(`^${body}${wordy ? '(?![a-z])' : ''}\\s*`) : new RegExp(`${/^[a-z]/.test(phrase) ? '\\s+' : '\\s*'}${body}$`);
    return { pattern, qualifier };
  });
}

const PREFIX_CUES = cuePatterns('before');
const SUFFIX_CUES = cuePatterns('after');

function detectQualifier(text: string): { rest: string; qualifier: Qualifier } {
  for (const cue of PREFIX_CUES) {
    const match = cue.pattern.exec(text);
    if (match) return { rest: text.slice(match[0].length), qualifier: cue.qualifier };
  }
  for (const cue of SUFFIX_CUES) {
    const match = cue.pattern.exec(text);
    if (match) return { rest: text.slice(0, match.index), qualifier: cue.qualifier };
  }
  return { rest: text, qualifier: 'EXACT' };
}

const RANGE_SEPARATORS = [/\s*[–—]\s*/, /\s+to\s+/, /\s+and\s+/, /\s*-\s*/];

function splitRange(text: string): [string, string] | null {
  const between = /^(?:between|from)\s+(.+)$/.exec(text);
  const body = between ? between[1] : text;
  for (const separator of RANGE_SEPARATORS) {
    const parts = body.split(separator);
    if (parts.length === 2 && parts[0] && parts[1]) return [parts[0], parts[1]];
  }
  return null;
}

const SCALE_WORD_IN_TEXT = /\b(?:thousand|million|billion)s?\b/;

/**
 * "2.1 to 2.2 million", "one to two million": a scale word written once on the high end
 * also applies to a low end that is a small bare number. "500,000 to 1 million" is left alone.
 */
function inheritScale(lowText: string, highText: string): string {
  const highScale = splitScale(highText).scaleWord ?? SCALE_WORD_IN_TEXT.exec(highText)?.[0] ?? null;
  if (highScale === null) return lowText;
  if (splitScale(lowText).scale !== null || SCALE_WORD_IN_TEXT.test(lowText)) return lowText;
  const bare = parseNumber(lowText);
  const isDecimal = /^\d+\.\d+$/.test(lowText);
  if (isDecimal || (bare.ok && bare.value < 1000n)) return `${lowText} ${highScale}`;
  return lowText;
}

function parseRange(lowText: string, highText: string): Result<StatedValue> {
  const high = parseNumber(highText);
  if (!high.ok) return high;
  const low = parseNumber(inheritScale(lowText.trim(), highText.trim()));
  if (!low.ok) return low;
  if (low.value > high.value) {
    return {
      ok: false,
      message: `Low value ${formatExact(low.value)} is greater than high value ${formatExact(high.value)}; swap them.`,
    };
  }
  if (low.value === high.value) {
    return {
      ok: false,
      message: `Both ends of the range are ${formatExact(low.value)}; enter a single value instead of a range.`,
    };
  }
  return { ok: true, value: { qualifier: 'RANGE', low: low.value, high: high.value } };
}


/**
 * Parses editor input such as "5,000", "about 2 million", "more than 5,000", "2.1–2.2 million"
 * or "between 3,000 and 4,000". An explicit qualifier (from a select) wins over an absent cue,
 * but not over a cue that says something else.
 */
export function parseStatedValue(input: string, qualifier?: Qualifier): Result<StatedValue> {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, message: 'Enter a value, for example 5,000 or 2.1–2.2 million.' };
  const detected = detectQualifier(text);

  const single = parseNumber(detected.rest);
  if (single.ok) {
    const chosen = resolveQualifier(detected.qualifier, qualifier);
    if (!chosen.ok) return chosen;
    if (chosen.value === 'RANGE') {
      return { ok: false, message: 'A range needs two values, for example "2.1–2.2 million" or "between 3,000 and 4,000".' };
    }
    return { ok: true, value: { qualifier: chosen.value, low: single.value, high: single.value } };
  }

  const parts = splitRange(detected.rest);
  if (!parts) return single;
  if (detected.qualifier === 'AT_LEAST' || detected.qualifier === 'AT_MOST') {
    return {
      ok: false,
      message: `"${input.trim()}" mixes a bound with a range; enter either a range (3,000–4,000) or one bound (more than 3,000).`,
    };
  }
  if (qualifier !== undefined && qualifier !== 'RANGE') {
    return {
      ok: false,
      message: `You chose "${QUALIFIER_LABELS[qualifier]}" but entered a range; choose "Range" or enter one number.`,
    };
  }
  return parseRange(parts[0], parts[1]);
}

function resolveQualifier(detected: Qualifier, explicit: Qualifier | undefined): Result<Qualifier> {
  if (explicit === undefined || explicit === detected) return { ok: true, value: detected };
  if (detected === 'EXACT') return { ok: true, value: explicit };
  return {
    ok: false,
    message: `The text reads as "${QUALIFIER_LABELS[detected]}" but "${QUALIFIER_LABELS[explicit]}" is selected; change the selection or the wording.`,
  };
}

