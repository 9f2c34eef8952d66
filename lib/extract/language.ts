// Part of speech and lemma for each token, from wink-nlp and its English model
// (wink-eng-lite-web-model, shipped in the npm package: nothing is downloaded). The model is
// loaded once, on first use. Only sentences that hold a number are tagged, so a long report
// costs little more than its figures.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from './tokens';

let nlp: ReturnType<typeof winkNLP> | null = null;

function load() {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/** Sets `pos` (Universal POS tag) and `lemma` on each token from wink's analysis of the sentence. */
export function tagTokens(sentence: string, tokens: Token[]): void {
  const engine = load();
  const its = engine.its;
  const doc = engine.readDoc(sentence);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // The lemma helper needs the model's add-ons, which its typing leaves out.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  let offset = 0;
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    const start = sentence.indexOf(values[i], offset);
    if (start < 0) continue;
    offset = start + values[i].length;
    // Every token of ours starting inside this wink token takes its tag.
    while (k < tokens.length && tokens[k].start < offset) {
      if (tokens[k].end > start) {
        tokens[k].pos = pos[i];
        tokens[k].lemma = tokens[k].kind === 'word' ? lemmas[i].toLowerCase() : tokens[k].lower;
      }
      k++;
    }
  }
  for (const token of tokens) {
    token.pos ??= token.kind === 'number' ? 'NUM' : token.kind === 'punct' ? 'PUNCT' : 'X';
    token.lemma ??= token.lower;
  }
  // "1,458 left Mariupol": the model may read an irregular past verb between a count and a name or
  // article as a noun; there it is the count's verb.
  tokens.forEach((token, k) => {
    const lemma = IRREGULAR_PAST[token.lower];
    if (!lemma || token.pos === 'VERB' || tokens[k - 1]?.kind !== 'number') return;
    const next = tokens[k + 1];
    if (next && (next.pos === 'PROPN' || next.pos === 'DET')) {
      token.pos = 'VERB';
      token.lemma = lemma;
    }
  });
}

// Irregular past forms of verbs of movement, which the model sometimes tags as nouns or adjectives.
const IRREGULAR_PAST: Record<string, string> = Object.assign(Object.create(null), { left: 'leave', fled: 'flee', came: 'come', went: 'go', got: 'get', made: 'make' });
