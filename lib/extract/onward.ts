// Onward travel: "have since travelled on to Romania", "moved on to Germany". The country reached
// onward is not the one a passage is about, so "the country" after it still means the host before
// ("Many who came to Moldova have travelled on to Romania, but the country still shelters …").
import type { Token } from './tokens';

const ONWARD_LEMMAS = new Set(['travel', 'move', 'continue', 'go', 'head', 'journey', 'press']);
const ONWARD_WORDS = new Set(['on', 'onward', 'onwards', 'further']);

/** The place at i is reached by onward travel: "travelled on to", "moved onwards to", "continued on into". */
export function reachedOnward(tokens: Token[], i: number): boolean {
  let k = i - 1;
  if (tokens[k]?.lower === 'the') k--;
  if (!['to', 'into', 'towards'].includes(tokens[k]?.lower ?? '')) return false;
  const word = tokens[k - 1];
  const verb = tokens[k - 2];
  return word !== undefined && ONWARD_WORDS.has(word.lower) && verb !== undefined && ONWARD_LEMMAS.has(verb.lemma ?? verb.lower);
}

/**
 * The verb at v is onward travel, not an arrival: "have travelled on", "moved on", "have transited
 * through Moldova" (people passing through a host towards another country).
 */
export function isOnwardMove(tokens: Token[], v: number): boolean {
  const lemma = tokens[v].lemma ?? tokens[v].lower;
  if (lemma === 'transit' || /^transit(?:ed|ing|s)?$/.test(tokens[v].lower)) return true;
  return ['travel', 'move', 'continue', 'go', 'head'].includes(lemma) && ['on', 'onward', 'onwards'].includes(tokens[v + 1]?.lower ?? '');
}
