// Formats stored values back into the words a reader expects: "2,100,000",
// "2.1 million", "more than 5,000", "2.1–2.2 million".
import { DEFAULT_QUALIFIER_WORDS, QUALIFIER_SYMBOLS, qualifierPhrases, type PhraseQualifier, type Qualifier, type StatedValue } from '@/lib/vocabulary';

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

/**
 * The source's own qualifier wording, kept when we re-format its number:
 * "more than 5,000" stays "more than", not our default "at least".
 */
function qualifierWord(q: PhraseQualifier | 'EXACT', asStated: string | null | undefined): string {
  if (q === 'EXACT') return '';
  const stated = asStated?.trim().toLowerCase() ?? '';
  const own = qualifierPhrases('before').find((p) => p.qualifier === q && /^[a-z]/.test(p.phrase) && stated.startsWith(p.phrase) && !/^[a-z]/.test(stated.slice(p.phrase.length)));
  return `${own?.phrase ?? DEFAULT_QUALIFIER_WORDS[q]} `;
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
  return QUALIFIER_SYMBOLS[q];
}

/** The single number to plot: a range's midpoint (rounded half up), an upper bound's high, else low. */
export function headlineValue(v: StatedValue): bigint {
  if (v.qualifier === 'RANGE') return (v.low + v.high + 1n) / 2n;
  if (v.qualifier === 'AT_MOST') return v.high;
  return v.low;
}
