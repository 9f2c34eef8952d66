// Word-level tokens with offsets; every extractor rule reads these rather than raw characters.
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'number' | 'word' | 'punct';
  /** Universal part-of-speech tag (NOUN, VERB, AUX, PROPN…) once the sentence is tagged. */
  pos?: string;
  /** Lower-case lemma ("killed" → "kill") once the sentence is tagged. */
  lemma?: string;
}

// A digit token: grouped thousands (5,000 / 5 000), plain digits, decimals, and an attached
// scale suffix (1.5m, 12k). Times (9:00) stay as number-colon-number so filters can spot them.
const TOKEN =
  /\d{1,3}(?:([,\u00a0\u202f ])\d{3}(?!\d))(?:\1\d{3}(?!\d))*(?:\.\d+)?(?:(?:m|mn|bn|k)\b)?|\d+(?:\.\d+)?(?:(?:m|mn|bn|k)\b)?|[A-Za-zÀ-ÿĀ-žА-я]+(?:['’-][A-Za-zÀ-ÿĀ-žА-я]+)*|\S/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const value = match[0];
    const start = match.index ?? 0;
    const kind = /^\d/.test(value) ? 'number' : /^[A-Za-zÀ-ÿĀ-žА-я]/.test(value) ? 'word' : 'punct';
    tokens.push({ text: value, lower: value.toLowerCase(), start, end: start + value.length, kind });
  }
  return tokens;
}

/** True when tokens from index i spell out phrase (lower-case words separated by spaces). */
const PHRASE_WORDS = new Map<string, string[]>();

function wordsOf(phrase: string): string[] {
  let words = PHRASE_WORDS.get(phrase);
  if (!words) {
    words = phrase.split(' ');
    PHRASE_WORDS.set(phrase, words);
  }
  return words;
}

export function matchesPhrase(tokens: Token[], i: number, phrase: string): boolean {
  const words = wordsOf(phrase);
  if (tokens[i]?.lower !== words[0]) return false;
  for (let k = 1; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

// Phrase lists indexed by their first (or last) word, built once per list: every token of a long
// report is tried against several lists, and most tokens start none of their phrases.
const BY_FIRST = new WeakMap<readonly string[], Map<string, string[]>>();
const BY_LAST = new WeakMap<readonly string[], Map<string, string[]>>();

function indexOf(phrases: readonly string[], cache: WeakMap<readonly string[], Map<string, string[]>>, pick: (words: string[]) => string) {
  let index = cache.get(phrases);
  if (!index) {
    index = new Map();
    for (const phrase of phrases) {
      const key = pick(wordsOf(phrase));
      const list = index.get(key) ?? [];
      list.push(phrase);
      index.set(key, list);
    }
    cache.set(phrases, index);
  }
  return index;
}

/** Length in tokens of the first phrase matching at index i, or 0. Phrases should be sorted longest first. */
export function matchPhraseAt(tokens: Token[], i: number, phrases: readonly string[]): { phrase: string; length: number } | null {
  const token = tokens[i];
  if (!token) return null;
  for (const phrase of indexOf(phrases, BY_FIRST, (w) => w[0]).get(token.lower) ?? []) {
    if (matchesPhrase(tokens, i, phrase)) return { phrase, length: wordsOf(phrase).length };
  }
  return null;
}

/** Length in tokens of a phrase ending at index i (inclusive), or null. */
export function matchPhraseEndingAt(tokens: Token[], i: number, phrases: readonly string[]): { phrase: string; length: number } | null {
  const token = tokens[i];
  if (!token) return null;
  for (const phrase of indexOf(phrases, BY_LAST, (w) => w[w.length - 1]).get(token.lower) ?? []) {
    const length = wordsOf(phrase).length;
    if (i - length + 1 >= 0 && matchesPhrase(tokens, i - length + 1, phrase)) return { phrase, length };
  }
  return null;
}
