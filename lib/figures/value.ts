// Pure helpers for figure values: parse what an editor typed ("about 2.1 million"),
// and format stored values back into the words a reader expects.
//
// Convention: for every qualifier except RANGE, low === high and holds the stated number;
// the qualifier says how to read it (AT_LEAST 5,000 means "at least 5,000").

export const QUALIFIERS = ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST', 'RANGE'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export interface StatedValue {
  qualifier: Qualifier;
  low: bigint;
  high: bigint;
}

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

/** Largest value a Postgres BIGINT column holds. */
export const MAX_VALUE = 9_223_372_036_854_775_807n;

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
  if (value > MAX_VALUE) return { ok: false, message: `"${input.trim()}" is too large to store.` };
  return { ok: true, value };
}

interface QualifierCue {
  pattern: RegExp;
  qualifier: Exclude<Qualifier, 'EXACT' | 'RANGE'>;
}

// Order matters: longer phrases first so "no more than" is not read as "more than".
const PREFIX_CUES: QualifierCue[] = [
  { pattern: /^(?:no more than|not more than|at most|up to|as many as|fewer than|less than|under|below|<=|≤|<)\s*/, qualifier: 'AT_MOST' },
  { pattern: /^(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than|>=|≥|>)\s*/, qualifier: 'AT_LEAST' },
  {
    pattern: /^(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|close to|an estimated|estimated|circa|ca\.|c\.|~)\s*/,
    qualifier: 'APPROXIMATE',
  },
];
const SUFFIX_CUES: QualifierCue[] = [
  { pattern: /\s*(?:\+|or more|and more|and over|or above)$/, qualifier: 'AT_LEAST' },
  { pattern: /\s*(?:or fewer|or less|and under|or below)$/, qualifier: 'AT_MOST' },
];

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

const QUALIFIER_LABELS: Record<Qualifier, string> = {
  EXACT: 'Exact',
  APPROXIMATE: 'Approximate',
  AT_LEAST: 'At least',
  AT_MOST: 'At most',
  RANGE: 'Range',
};

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

/** 2100000n -> "2,100,000" */
export function formatExact(n: bigint): string {
  const digits = (n < 0n ? -n : n).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0n ? `-${grouped}` : grouped;
}

const DISPLAY_SCALES: Array<{ value: bigint; word: string }> = [
  { value: 1_000_000_000_000n, word: 'trillion' },
  { value: 1_000_000_000n, word: 'billion' },
  { value: 1_000_000n, word: 'million' },
];

function scaledDecimal(n: bigint, scale: bigint, decimals: number): string {
  const unit = scale / 10n ** BigInt(decimals);
  const scaled = n / unit;
  const whole = scaled / 10n ** BigInt(decimals);
  const fraction = (scaled % 10n ** BigInt(decimals)).toString().padStart(decimals, '0').replace(/0+$/, '');
  const wholeText = formatExact(whole);
  return fraction ? `${wholeText}.${fraction}` : wholeText;
}

function roundToSignificant(n: bigint, digits: number): bigint {
  const length = n.toString().length;
  if (length <= digits) return n;
  const factor = 10n ** BigInt(length - digits);
  return ((n + factor / 2n) / factor) * factor;
}

/**
 * Reader-friendly count: below a million the exact number ("5,000"); from a million up,
 * three significant digits with a scale word ("2.1 million", "1.23 million", "12.3 billion").
 * Lossy on purpose: tables show formatExact beside it.
 */
export function formatCount(n: bigint): string {
  if (n < 1_000_000n) return formatExact(n);
  const rounded = roundToSignificant(n, 3);
  const scale = DISPLAY_SCALES.find((s) => rounded >= s.value)!;
  return `${scaledDecimal(rounded, scale.value, 2)} ${scale.word}`;
}

/** Like formatCount but never rounds: falls back to exact digits when two decimals are not enough. */
function formatLossless(n: bigint): { number: string; scale: string | null } {
  const scale = DISPLAY_SCALES.find((s) => n >= s.value);
  if (scale && n % (scale.value / 100n) === 0n) {
    return { number: scaledDecimal(n, scale.value, 2), scale: scale.word };
  }
  return { number: formatExact(n), scale: null };
}

function joinLossless(part: { number: string; scale: string | null }): string {
  return part.scale ? `${part.number} ${part.scale}` : part.number;
}

const QUALIFIER_WORDS: Record<Exclude<Qualifier, 'RANGE'>, string> = {
  EXACT: '',
  APPROXIMATE: 'about ',
  AT_LEAST: 'at least ',
  AT_MOST: 'up to ',
};

// A source's own qualifier wording, kept when we re-format its number:
// "more than 5,000" stays "more than", not our default "at least".
const STATED_WORDS: Partial<Record<Qualifier, RegExp>> = {
  APPROXIMATE: /^(some|about|around|roughly|nearly|almost|approximately)\b/i,
  AT_LEAST: /^(more than|over|at least|in excess of)\b/i,
  AT_MOST: /^(up to|fewer than|less than|as many as|at most|under)\b/i,
};

function qualifierWord(q: Exclude<Qualifier, 'RANGE'>, asStated: string | null | undefined): string {
  const word = asStated ? STATED_WORDS[q]?.exec(asStated.trim())?.[1] : undefined;
  return word ? `${word.toLowerCase()} ` : QUALIFIER_WORDS[q];
}

/**
 * How the figure reads in prose: "5,000", "about 2 million", "at least 5,000", "up to 300",
 * "2.1–2.2 million refugees". Never rounds, so an exact 1,234,567 reads as written. When
 * the source's phrase is given (`valueAsStated`), its qualifier word is kept ("more than 4 million").
 */
export function formatStatedValue(v: StatedValue & { valueAsStated?: string | null }, noun?: string): string {
  const suffix = noun ? ` ${noun}` : '';
  if (v.qualifier === 'RANGE') {
    const low = formatLossless(v.low);
    const high = formatLossless(v.high);
    const body =
      low.scale !== null && low.scale === high.scale
        ? `${low.number}–${high.number} ${high.scale}`
        : `${joinLossless(low)}–${joinLossless(high)}`;
    return body + suffix;
  }
  const bound = v.qualifier === 'AT_MOST' ? v.high : v.low;
  return `${qualifierWord(v.qualifier, v.valueAsStated)}${joinLossless(formatLossless(bound))}${suffix}`;
}

/** Short marker for chart labels: "≥" for AT_LEAST, "≤" for AT_MOST, "" otherwise. */
export function boundMarker(q: Qualifier): string {
  if (q === 'AT_LEAST') return '≥';
  if (q === 'AT_MOST') return '≤';
  return '';
}

/** The single number to plot: a range's midpoint (rounded half up), an upper bound's high, else low. */
export function headlineValue(v: StatedValue): bigint {
  if (v.qualifier === 'RANGE') return (v.low + v.high + 1n) / 2n;
  if (v.qualifier === 'AT_MOST') return v.high;
  return v.low;
}
