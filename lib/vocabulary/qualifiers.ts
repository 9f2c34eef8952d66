// Qualifiers: how a source states a number ("more than 5,000", "some 60",
// "2.1 to 2.2 million"). The form, the filters, the importer, the exporter, the
// charts and the extractor all read their names, labels and phrases from here.

export const QUALIFIERS = ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST', 'RANGE'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
/** A value as a source states it; low === high for every qualifier but RANGE. */
export interface StatedValue {
  qualifier: Qualifier;
  low: bigint;
  high: bigint;
}

/** A stated value with its wording and the days it is true for (YYYY-MM-DD). */
export interface DatedValue extends StatedValue {
  valueAsStated: string | null;
  asOf: string;
  periodStart: string | null;
  periodEnd: string | null;
}

/** Qualifiers that a phrase next to one number can signal. */
export type PhraseQualifier = Exclude<Qualifier, 'EXACT' | 'RANGE'>;

export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  EXACT: 'Exact',
  APPROXIMATE: 'Approximate',
  AT_LEAST: 'At least',
  AT_MOST: 'At most',
  RANGE: 'Range',
};

/** Chart and filter marks: "≥" for a lower bound, "≤" for an upper bound. */
export const QUALIFIER_SYMBOLS: Record<Qualifier, string> = { EXACT: '', APPROXIMATE: '', AT_LEAST: '≥', AT_MOST: '≤', RANGE: '' };

/** What each qualifier means, for legends, tooltips and the data dictionary. */
export const QUALIFIER_MEANINGS: Record<Qualifier, string> = {
  EXACT: 'the source gives an exact count',
  APPROXIMATE: 'the source gives an approximate count ("some", "about")',
  AT_LEAST: 'a lower bound: the true count is this or more ("more than", "at least")',
  AT_MOST: 'an upper bound: the true count is this or fewer ("up to", "fewer than")',
  RANGE: 'the source gives a range from low to high',
};

export interface QualifierPhrase {
  /** Lower-case words separated by single spaces, or a symbol. */
  phrase: string;
  qualifier: PhraseQualifier;
  /** Whether the phrase stands before the number ("more than 5,000") or after it ("5,000 or more"). */
  position: 'before' | 'after';
}

const before = (qualifier: PhraseQualifier, phrases: string[]) => phrases.map((phrase) => ({ phrase, qualifier, position: 'before' as const }));
const after = (qualifier: PhraseQualifier, phrases: string[]) => phrases.map((phrase) => ({ phrase, qualifier, position: 'after' as const }));

/**
 * Every phrase that signals a qualifier, longest first so that "no more than" is
 * never read as "more than". The value parser and the extractor both match against
 * this one table (a test holds them to it).
 */
export const QUALIFIER_PHRASES: readonly QualifierPhrase[] = [
  ...before('AT_MOST', ['no more than', 'not more than', 'at most', 'up to', 'as many as', 'fewer than', 'less than', 'under', 'below', '<=', '≤', '<']),
  ...before('AT_LEAST', ['no fewer than', 'no less than', 'well over', 'just over', 'at least', 'more than', 'upwards of', 'in excess of', 'passed', 'passes', 'topped', 'over', '>=', '≥', '>']),
  ...before('APPROXIMATE', ['an estimated', 'close to', 'approximately', 'approx.', 'approx', 'about', 'around', 'roughly', 'some', 'nearly', 'almost', 'estimated', 'circa', 'ca.', 'c.', '~']),
  ...after('AT_LEAST', ['or more', 'and more', 'and over', 'or above', 'plus', '+']),
  ...after('AT_MOST', ['or fewer', 'or less', 'and under', 'or below']),
].sort((a, b) => b.phrase.length - a.phrase.length);

/** The word a formatted value uses when the source's own wording is not known. */
export const DEFAULT_QUALIFIER_WORDS: Record<PhraseQualifier, string> = {
  APPROXIMATE: 'about',
  AT_LEAST: 'at least',
  AT_MOST: 'up to',
};

/** The phrases of one position, longest first. */
export function qualifierPhrases(position: QualifierPhrase['position']): readonly QualifierPhrase[] {
  return QUALIFIER_PHRASES.filter((p) => p.position === position);
}

/** The qualifier a phrase signals, or undefined for an unknown phrase. */
export function qualifierOfPhrase(phrase: string, position: QualifierPhrase['position'] = 'before'): PhraseQualifier | undefined {
  return QUALIFIER_PHRASES.find((p) => p.phrase === phrase && p.position === position)?.qualifier;
}

export function isQualifier(value: string): value is Qualifier {
  return (QUALIFIERS as readonly string[]).includes(value);
}
