// Splits prose into sentences and clauses, keeping absolute offsets so quotes can be cited exactly.
import type { Span } from './types';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'col', 'lt', 'sgt', 'prof', 'no', 'nos', 'vs', 'approx', 'est',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e',
  'a.m', 'p.m', 'u.n', 'u.s', 'u.k', 'e.u', 'etc', 'gov', 'rep', 'sen', 'maj', 'capt', 'cpl',
]);

function endsWithAbbreviation(before: string): boolean {
  const match = /([A-Za-z.]+)$/.exec(before);
  if (!match) return false;
  const word = match[1].toLowerCase().replace(/\.$/, '');
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { text: text.slice(start, end), start, end } : null;
}

/** Sentences end at . ! ? (not after an abbreviation or inside a decimal) and at blank lines or newlines. */
export function splitSentences(text: string): Span[] {
  const sentences: Span[] = [];
  const boundary = /([.!?]["'”’)]*)(\s+)(?=["'“‘(]?[A-Z0-9])|\n+/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const index = match.index ?? 0;
    if (match[1] && endsWithAbbreviation(text.slice(start, index + 1).replace(/\.$/, '')) && match[1] === '.') {
      continue;
    }
    if (!match[1] && isWrappedLine(text, index, match[0])) continue;
    const end = match[1] ? index + match[1].length : index;
    const span = trimSpan(text, start, end);
    if (span) sentences.push(span);
    start = index + match[0].length;
  }
  const last = trimSpan(text, start, text.length);
  if (last) sentences.push(last);
  return sentences;
}

// A single line break inside a sentence (hard-wrapped copy: "267,570 – to\nHungary.") joins the
// lines; a blank line, a bullet, or a break after a headline or a full stop ends the sentence.
const JOINING_WORDS = /(?:^|\s)(?:to|of|the|a|an|and|or|in|into|from|for|by|at|on|with|than|as|about|some|nearly|over)$/i;

function isWrappedLine(text: string, index: number, breaks: string): boolean {
  if (breaks.replace(/[^\n]/g, '').length > 1) return false;
  const before = text.slice(Math.max(0, text.lastIndexOf('\n', index - 1) + 1), index).trimEnd();
  const after = text.slice(index + breaks.length, index + breaks.length + 40).trimStart();
  if (/^[-•*–—]/.test(after) || /^\d{1,2}[:.]\d\d\b/.test(after)) return false;
  return /[,–—-]$/.test(before) || JOINING_WORDS.test(before) || /^[a-z]/.test(after);
}

// Clause breaks: semicolons, colons, spaced dashes, and contrastive joins that often
// introduce a second figure ("..., while Hungary counted 140,000"). A dash right after a
// number ("459,485 – to Romania") joins the number to its place and breaks nothing.
const CLAUSE_BREAK = /;|:\s|(?<!\d)\s[–—-]\s|,?\s(?:while|whereas|but|and then|and that)\s|,\s(?:with|where)\s/g;

export function splitClauses(sentence: Span): Span[] {
  const clauses: Span[] = [];
  let start = 0;
  for (const match of sentence.text.matchAll(CLAUSE_BREAK)) {
    const index = match.index ?? 0;
    const span = trimSpan(sentence.text, start, index);
    if (span) clauses.push({ text: span.text, start: sentence.start + span.start, end: sentence.start + span.end });
    start = index + match[0].length;
  }
  const last = trimSpan(sentence.text, start, sentence.text.length);
  if (last) clauses.push({ text: last.text, start: sentence.start + last.start, end: sentence.start + last.end });
  return clauses;
}
