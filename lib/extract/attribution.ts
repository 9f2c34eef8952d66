// Finds who states a figure: "X said", "according to Y", "Z told local media", "said Q".
import { matchPhraseAt, type Token } from './tokens';

export interface AttributionMention {
  /** Null when the source is a pronoun ("she said"), to be resolved from earlier sentences. */
  name: string | null;
  /** Token index of the reporting verb or "according". */
  at: number;
}

const VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'estimated', 'estimates', 'announced', 'wrote', 'posted',
  'stated', 'added', 'confirmed', 'counted', 'recorded', 'tallied', 'showed', 'show', 'shows', 'put', 'puts', 'noted',
  'tweeted', 'claimed', 'calculated', 'registered',
]);
const INVERTIBLE = new Set(['said', 'says', 'wrote', 'added', 'noted', 'tweeted']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'later', 'separately', 'previously', 'earlier', 'would']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const CONNECTORS = new Set(['of', 'for', 'the', 'on', 'and', 'de']);
// Words that end a lowercase subject phrase when reading backwards.
const SUBJECT_STOPS = new Set([
  'the', 'a', 'an', 'its', 'their', 'his', 'her', 'and', 'but', 'as', 'that', 'which', 'who', 'while', 'in', 'on', 'at', 'by',
  'from', 'to', 'of', 'for', 'with', 'since', 'after', 'before', 'have', 'has', 'had', 'been', 'were', 'was', 'is', 'are',
  'fled', 'evacuated', 'people', 'refugees',
]);
const DATA_NOUNS = new Set(['figures', 'data', 'statistics', 'numbers', 'estimates', 'counts']);

const isCapitalised = (token: Token | undefined) => token !== undefined && token.kind === 'word' && /^[A-Z]/.test(token.text);

/** A capitalised chunk ending at index end, reading back over "of"/"for" joins ("International Organization for Migration"). */
function capitalisedBack(tokens: Token[], end: number): number {
  let first = end;
  let k = end - 1;
  while (k >= 0) {
    if (isCapitalised(tokens[k])) first = k;
    else if (!(CONNECTORS.has(tokens[k].lower) && tokens[k].lower !== 'the' && isCapitalised(tokens[k - 1]))) break;
    k--;
  }
  return first;
}

function capitalisedForward(tokens: Token[], start: number): number {
  let last = start;
  let k = start + 1;
  while (k < tokens.length) {
    if (isCapitalised(tokens[k])) last = k;
    else if (!(CONNECTORS.has(tokens[k].lower) && tokens[k].lower !== 'the' && isCapitalised(tokens[k + 1]))) break;
    k++;
  }
  return last;
}

function join(tokens: Token[], first: number, last: number, sentence: string): string {
  return sentence.slice(tokens[first].start, tokens[last].end).replace(/['’]s$/, '');
}

const LOCATIVE = new Set(['in', 'of', 'at', 'from']);
const OTHER_PREPOSITIONS = new Set(['through', 'with', 'by', 'during', 'after', 'before', 'on', 'into', 'to', 'for', 'under', 'across', 'about', 'against']);

/**
 * "officials in Zaporizhzhia said" names the officials; "a woman who lived through the Second
 * World War said" names no source at all.
 */
function namedSubject(tokens: Token[], first: number, end: number, sentence: string): string | undefined {
  const before = tokens[first - 1];
  const noun = tokens[first - 2];
  const commonNoun = noun?.kind === 'word' && (!isCapitalised(noun) || first - 2 === 0) && !SUBJECT_STOPS.has(noun.lower);
  if (before && LOCATIVE.has(before.lower) && commonNoun) {
    return join(tokens, first - 2, end, sentence);
  }
  if (before && (OTHER_PREPOSITIONS.has(before.lower) || (before.lower === 'the' && OTHER_PREPOSITIONS.has(tokens[first - 2]?.lower ?? '')))) {
    return undefined;
  }
  return join(tokens, first, end, sentence);
}

/** Subject read backwards from the word before a reporting verb. */
function subjectBefore(tokens: Token[], end: number, sentence: string): string | null | undefined {
  const last = tokens[end];
  if (!last || last.kind !== 'word') return undefined;
  if (PRONOUNS.has(last.lower)) return null;
  if (isCapitalised(last)) return namedSubject(tokens, capitalisedBack(tokens, end), end, sentence);
  let first = end;
  for (let k = end - 1; k >= Math.max(0, end - 3); k--) {
    if (tokens[k].kind !== 'word' || SUBJECT_STOPS.has(tokens[k].lower)) break;
    first = k;
  }
  if (SUBJECT_STOPS.has(last.lower)) return undefined;
  return join(tokens, first, end, sentence);
}

/** Phrase after "according to": a named source within a few words wins over a common noun. */
function sourceAfter(tokens: Token[], start: number, sentence: string): string | undefined {
  for (let k = start; k < start + 6 && k < tokens.length; k++) {
    if (tokens[k].kind === 'punct') break;
    if (isCapitalised(tokens[k])) return join(tokens, k, capitalisedForward(tokens, k), sentence);
  }
  let first = start;
  while (tokens[first] && ['the', 'a', 'an'].includes(tokens[first].lower)) first++;
  let last = first - 1;
  for (let k = first; k < first + 4 && k < tokens.length; k++) {
    if (tokens[k].kind !== 'word' || SUBJECT_STOPS.has(tokens[k].lower)) break;
    last = k;
  }
  return last >= first ? join(tokens, first, last, sentence) : undefined;
}

export function findAttributions(tokens: Token[], sentence: string): AttributionMention[] {
  const found: AttributionMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (matchPhraseAt(tokens, i, ['according to'])) {
      const name = sourceAfter(tokens, i + 2, sentence);
      if (name) found.push({ name, at: i });
      continue;
    }
    if (DATA_NOUNS.has(tokens[i].lower) && tokens[i + 1]?.lower === 'from' && isCapitalised(tokens[i + 2])) {
      found.push({ name: join(tokens, i + 2, capitalisedForward(tokens, i + 2), sentence), at: i });
      continue;
    }
    if (!VERBS.has(tokens[i].lower)) continue;
    let end = i - 1;
    while (end >= 0 && AUXILIARIES.has(tokens[end].lower)) end--;
    const subject = end >= 0 && tokens[end].kind === 'word' ? subjectBefore(tokens, end, sentence) : undefined;
    if (subject !== undefined) {
      found.push({ name: subject, at: i });
      continue;
    }
    // ", said Serhiy Haidai" / ", said the mayor"
    if (INVERTIBLE.has(tokens[i].lower) && (tokens[i - 1]?.kind === 'punct' || i === 0)) {
      const next = tokens[i + 1];
      if (isCapitalised(next) && !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On|In)$/.test(next.text)) {
        found.push({ name: join(tokens, i + 1, capitalisedForward(tokens, i + 1), sentence), at: i });
      } else if (next?.lower === 'the') {
        const name = sourceAfter(tokens, i + 1, sentence);
        if (name) found.push({ name, at: i });
      }
    }
  }
  return found;
}

/** The attribution nearest the number in its sentence. */
export function pickAttribution(mentions: AttributionMention[], numberFirst: number, numberLast: number): AttributionMention | null {
  let best: { mention: AttributionMention; distance: number } | null = null;
  for (const mention of mentions) {
    const distance = mention.at < numberFirst ? numberFirst - mention.at : mention.at - numberLast;
    if (!best || distance < best.distance) best = { mention, distance };
  }
  return best?.mention ?? null;
}
