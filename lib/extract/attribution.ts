// Finds who states a figure: "X said", "according to Y", "Z told local media", "said Q, the
// governor", a live-blog label "Vereshchuk: …". The source is the whole noun phrase, read with
// the part-of-speech tags (language.ts): title, name, "of"-phrases and an appositive between
// commas ("Kyrylo Tymoshenko, deputy head of the president's office, wrote").
import { opensCount } from './numbers';
import { isSitePhrase } from './sites';
import { matchPhraseAt, type Token } from './tokens';

export interface AttributionMention {
  /** Null when the source is a pronoun or back-reference ("she said", "the agency said"), resolved from earlier sentences. */
  name: string | null;
  /** Token index of the reporting verb, "according" or the label. */
  at: number;
  /** From a verb of counting ("had recorded"): used only when the sentence has no other source. */
  weak?: boolean;
  /** The pronoun or back-reference word when name is null ("she", "agency"). */
  pronoun?: string;
}

const REPORTING_LEMMAS = new Set(['say', 'tell', 'report', 'estimate', 'announce', 'write', 'post', 'state', 'add', 'confirm', 'show', 'put', 'note', 'tweet', 'claim', 'brief', 'inform', 'declare', 'explain', 'stress', 'emphasise', 'emphasize', 'insist', 'warn']);
const REPORTING_WORDS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'estimate', 'estimated', 'estimates', 'announced', 'wrote', 'posted',
  'stated', 'added', 'adding', 'confirmed', 'informed', 'showed', 'show', 'shows', 'put', 'puts', 'noted', 'tweeted', 'claimed',
]);
// Verbs of counting name a source only when no one in the sentence says the figure:
// "OHCHR had recorded 1,151 civilian deaths" but "monitors verified 249 deaths, a spokesman said".
const COUNTING_LEMMAS = new Set(['count', 'record', 'tally', 'verify', 'document', 'calculate', 'register', 'publish']);
const INVERTIBLE = new Set(['said', 'says', 'wrote', 'added', 'noted', 'tweeted', 'announced', 'reported', 'stated', 'according']);
const AUXILIARIES = new Set(['there', 'has', 'have', 'had', 'also', 'later', 'separately', 'previously', 'earlier', 'would', 'so', 'far', 'now', 'then', 'further', 'again', 'just', 'already']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
// "the agency said", "the ministry added": a back-reference to a source named before.
const BACK_REFERENCES = new Set(['agency', 'organisation', 'organization', 'ministry', 'official', 'spokesperson', 'spokesman', 'spokeswoman', 'office', 'service']);
const DATA_NOUNS = new Set(['figures', 'data', 'statistics', 'numbers', 'estimates', 'counts', 'count', 'tally']);
// Outlets and channels are where a source spoke, not the source.
const CHANNELS = new Set(['telegram', 'facebook', 'twitter', 'tv', 'television', 'reporters', 'journalists', 'media', 'briefing']);
const NP_JOINS = new Set(['of', 'for', 'in', 'at', 'on']);
const OTHER_PREPOSITIONS = new Set(['through', 'with', 'by', 'during', 'after', 'before', 'into', 'to', 'under', 'across', 'about', 'against', 'from', 'since']);
const NOT_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'on', 'in', 'at', 'by', 'late', 'early', 'that', 'this', 'the']);

const isCapitalised = (token: Token | undefined) => token !== undefined && token.kind === 'word' && /^[A-ZÀ-ÞĀ-Ž]/.test(token.text);
// Function words stay function words when capitalised at the start of a sentence ("As reported, …").
const FUNCTION_TAGS = new Set(['ADP', 'DET', 'PRON', 'SCONJ', 'CCONJ', 'AUX', 'PART', 'ADV']);
const isNominal = (t: Token | undefined) =>
  t !== undefined &&
  t.kind === 'word' &&
  (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || (isCapitalised(t) && !FUNCTION_TAGS.has(t.pos ?? '')));
const isPossessive = (t: Token | undefined) => t !== undefined && /^['’]s$/.test(t.text);

function join(tokens: Token[], first: number, last: number, sentence: string): string {
  let a = first;
  while (a <= last && ['the', 'a', 'an'].includes(tokens[a].lower)) a++;
  if (a > last) return '';
  return sentence.slice(tokens[a].start, tokens[last].end).replace(/['’]s$/, '').replace(/[,;:]$/, '').trim();
}

/**
 * The noun phrase ending at `end`, read backwards: nouns, adjectives, names, possessives
 * ("Mykolaiv's governor Vitaliy Kim") and "of/for/in" phrases ("officials in those countries",
 * "spokesman for the UN human rights office").
 */
function phraseBefore(tokens: Token[], end: number): number | null {
  if (!isNominal(tokens[end]) || PRONOUNS.has(tokens[end].lower)) return null;
  let first = end;
  let k = end - 1;
  while (k >= 0) {
    const t = tokens[k];
    if (isNominal(t) && !NOT_NAMES.has(t.lower)) first = k;
    else if (isPossessive(t) || /['’]s$/.test(t.text)) first = k;
    // "The U.N. refugee agency": the full stops of an abbreviation.
    else if (t.text === '.' && /^[A-Z]$/.test(tokens[k - 1]?.text ?? '') && t.start === tokens[k - 1].end) first = k;
    // "14:05 Iryna Vereshchuk says": a clock time before a name is no part of it.
    else if (t.kind === 'number' && isNominal(tokens[k + 1]) && tokens[k - 1]?.text !== ':') first = k;
    else if (t.lower === 'the' || t.lower === 'a' || t.lower === 'an' || t.lower === 'its' || t.lower === 'their') {
      first = k;
      // "a spokesman for the UN human rights office": keep reading back over a join.
      if (!NP_JOINS.has(tokens[k - 1]?.lower ?? '')) break;
    } else if (NP_JOINS.has(t.lower) && isNominal(tokens[k - 1]) && (tokens[k + 1]?.lower === 'the' || tokens[k + 1]?.lower === 'those' || isNominal(tokens[k + 1]))) {
      first = k;
    } else if (t.lower === 'those' || t.lower === 'these') {
      first = k;
    } else break;
    k--;
  }
  // A phrase cannot start with a join word.
  while (first < end && NP_JOINS.has(tokens[first].lower)) first++;
  return first;
}

/** The noun phrase starting at `start`, read forwards over names, titles and "of" phrases. */
function phraseAfter(tokens: Token[], start: number): number | null {
  let k = start;
  while (tokens[k] && ['the', 'a', 'an'].includes(tokens[k].lower)) k++;
  if (!isNominal(tokens[k]) || NOT_NAMES.has(tokens[k].lower)) return null;
  let last = k;
  for (k = k + 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (isNominal(t) && !NOT_NAMES.has(t.lower) && !CHANNELS.has(t.lower)) last = k;
    else if (isPossessive(t)) last = k;
    else if (NP_JOINS.has(t.lower) && t.lower !== 'on' && t.lower !== 'in' && (isNominal(tokens[k + 1]) || tokens[k + 1]?.lower === 'the')) continue;
    else if (t.lower === 'the' && NP_JOINS.has(tokens[k - 1]?.lower ?? '')) continue;
    else break;
  }
  return last;
}

/** Subject of a reporting verb at i: a pronoun (null), a noun phrase, or a name with an appositive. */
function subjectOf(tokens: Token[], i: number, sentence: string): string | null | undefined {
  let end = i - 1;
  while (end >= 0 && AUXILIARIES.has(tokens[end].lower)) end--;
  // "the Border Guard (SG) said": an acronym in brackets after the name.
  if (tokens[end]?.text === ')' && tokens[end - 2]?.text === '(') end -= 3;
  if (end < 0) return undefined;
  const last = tokens[end];
  if (PRONOUNS.has(last.lower)) return null;
  // "Kyrylo Tymoshenko, deputy head of the president's office, wrote"
  if (last.text === ',') {
    const open = tokens.findLastIndex((t, k) => k < end && k >= end - 14 && t.text === ',');
    // "an adviser to the mayor, Petro Andriushchenko, said", "Deputy Prime Minister for …, Iryna Vereschuk, said":
    // a name between the commas is the source.
    const between = tokens.slice(open + 1, end);
    if (open > 0 && between.length > 0 && between.length <= 4 && between.every((t) => isCapitalised(t))) return join(tokens, open + 1, end - 1, sentence);
    // "The UN refugee agency, citing data provided by national authorities, said": a participle clause between.
    if (open > 0 && /^[a-z]+ing$/.test(between[0]?.text ?? '')) {
      const start = phraseBefore(tokens, open - 1);
      if (start !== null) return join(tokens, start, open - 1, sentence) || undefined;
    }
    // "Kyrylo Tymoshenko, deputy head of the president's office, wrote": the name and its title.
    if (open > 0 && isCapitalised(tokens[open - 1])) {
      const nameStart = phraseBefore(tokens, open - 1);
      if (nameStart !== null) return join(tokens, nameStart, end - 1, sentence);
    }
    return undefined;
  }
  const first = phraseBefore(tokens, end);
  if (first === null) return undefined;
  // "a woman who lived through the Second World War said": the object of a preposition is no source.
  if (OTHER_PREPOSITIONS.has(tokens[first - 1]?.lower ?? '')) return undefined;
  const words = tokens.slice(first, end + 1);
  const head = words.filter((t) => t.kind === 'word').at(-1);
  if (head && BACK_REFERENCES.has(head.lower) && words.length === 2 && ['the', 'its'].includes(words[0].lower)) return null;
  if (head && DATA_NOUNS.has(head.lower) && words.length === 1) return undefined;
  // "UNHCR data show", "the agency's figures show": the source is whose data they are.
  if (head && DATA_NOUNS.has(head.lower) && words.length > 1) {
    let owner = end - 1;
    while (owner > first && (DATA_NOUNS.has(tokens[owner].lower) || tokens[owner].pos === 'ADJ' || ['latest', 'official', 'new'].includes(tokens[owner].lower))) owner--;
    const ownerWords = tokens.slice(first, owner + 1).filter((t) => !['the', 'its', 'their'].includes(t.lower));
    if (ownerWords.length === 1 && BACK_REFERENCES.has(ownerWords[0].lower.replace(/['’]s$/, ''))) return null;
    if (owner >= first) return join(tokens, first, owner, sentence) || undefined;
  }
  const name = join(tokens, first, end, sentence);
  return name || undefined;
}

function pronounBefore(tokens: Token[], i: number): string {
  let k = i - 1;
  while (k >= 0 && AUXILIARIES.has(tokens[k].lower)) k--;
  return tokens[k]?.lower ?? '';
}

export function findAttributions(tokens: Token[], sentence: string): AttributionMention[] {
  const found: AttributionMention[] = [];
  // Live-blog label: "16:30 Vereshchuk: …", "UNHCR: …".
  let s = 0;
  while (tokens[s] && (tokens[s].kind === 'number' || tokens[s].text === ':') && tokens[s + 1] && tokens[s].end === tokens[s + 1].start) s++;
  if (tokens[s]?.kind === 'number') s++;
  if (isCapitalised(tokens[s])) {
    const last = phraseAfter(tokens, s);
    // A topic label ("Evacuations: …", "Arrivals: …", "Deaths: …") is a plural common noun, not a name.
    const topic = last === s && /^[A-Z][a-z]+(?:ions|ees|als|ths|ties|ings|ures)$/.test(tokens[s].text);
    if (last !== null && last - s <= 4 && tokens[last + 1]?.text === ':' && !topic) found.push({ name: join(tokens, s, last, sentence), at: last + 1 });
  }
  // Headline credit: "… have now fled Ukraine — UNHCR".
  // A spaced dash only: "the Ukraine–Moldova border" joins two names.
  const dash = tokens.findLastIndex((t, k) => (t.text === '—' || t.text === '–') && !(tokens[k - 1]?.end === t.start && tokens[k + 1]?.start === t.end));
  if (dash > 0 && isCapitalised(tokens[dash + 1]) && phraseAfter(tokens, dash + 1) === tokens.length - 1 - (tokens.at(-1)?.kind === 'punct' ? 1 : 0)) {
    found.push({ name: join(tokens, dash + 1, phraseAfter(tokens, dash + 1)!, sentence), at: dash });
  }
  for (let i = 0; i < tokens.length; i++) {
    if (matchPhraseAt(tokens, i, ['according to'])) {
      const start = i + 2;
      // A name within a few words wins: "according to an AFP count".
      let named: number | null = null;
      for (let k = start; k < start + 4 && k < tokens.length && tokens[k].kind !== 'punct'; k++) {
        if (isCapitalised(tokens[k])) {
          named = k;
          break;
        }
      }
      let from = named ?? start;
      // "according to the latest government data compiled by UNHCR": whose data they are.
      const by = tokens.findIndex((t, k) => k > start && k < start + 8 && t.lower === 'by' && ['compiled', 'collected', 'gathered', 'published', 'released'].includes(tokens[k - 1].lower));
      const owner = tokens[by + 1]?.lower === 'the' ? by + 2 : by + 1;
      if (by > 0 && isCapitalised(tokens[owner]) && tokens.slice(start, by - 1).some((t) => DATA_NOUNS.has(t.lower))) from = owner;
      const last = phraseAfter(tokens, from);
      if (last !== null) {
        // "according to the latest UNHCR figures": whose figures they are, without the data noun.
        // "according to UNHCR's latest figures": its modifiers go with it.
        let end = last;
        if (end > from && DATA_NOUNS.has(tokens[end].lower) && isNominal(tokens[end - 1]) && !DATA_NOUNS.has(tokens[end - 1].lower)) {
          end--;
          while (end > from && /^[a-z]/.test(tokens[end].text) && (tokens[end].pos === 'ADJ' || ['latest', 'official', 'new', 'preliminary'].includes(tokens[end].lower))) end--;
        }
        const name = join(tokens, from, end, sentence);
        // "according to the ministry" refers back; "according to the interior ministry" names the body.
        // "according to the data", "according to the figures": the data of a source named before.
        const backReference = named === null && (BACK_REFERENCES.has(tokens[last].lower) || DATA_NOUNS.has(tokens[last].lower)) && tokens[start].lower === 'the' && last === start + 1;
        found.push({ name: backReference ? null : name, at: i });
      }
      i++;
      continue;
    }
    // "The UN refugee agency's tally rose to 2.5 million": whose count it is, whatever the verb.
    if (DATA_NOUNS.has(tokens[i].lower) && i > 0 && /['’]s$/.test(tokens[i - 1].text)) {
      const first = phraseBefore(tokens, i - 1);
      if (first !== null) {
        const words = tokens.slice(first, i).filter((t) => !['the', 'its', 'their'].includes(t.lower));
        const only = words.length === 1 ? words[0].lower.replace(/['’]s$/, '') : '';
        if (BACK_REFERENCES.has(only)) found.push({ name: null, at: i, pronoun: only });
        else found.push({ name: join(tokens, first, i - 1, sentence), at: i });
      }
    }
    if (DATA_NOUNS.has(tokens[i].lower) && tokens[i + 1]?.lower === 'from' && isCapitalised(tokens[i + 2])) {
      const last = phraseAfter(tokens, i + 2);
      if (last !== null) found.push({ name: join(tokens, i + 2, last, sentence), at: i });
      continue;
    }
    const t = tokens[i];
    const counting = t.pos === 'VERB' && COUNTING_LEMMAS.has(t.lemma ?? '');
    const reporting = REPORTING_WORDS.has(t.lower) || (t.pos === 'VERB' && REPORTING_LEMMAS.has(t.lemma ?? '')) || counting;
    if (!reporting || t.kind !== 'word') continue;
    const subject = subjectOf(tokens, i, sentence);
    // "Over 100,000 people have registered at …": the people counted are no source of the count.
    if (counting && subject && /\d/.test(subject)) continue;
    // "The reception point in Iasi has registered …": a site counting is no source either.
    if (counting && subject && isSitePhrase(subject)) continue;
    if (subject !== undefined) {
      if (!(counting && subject === null)) found.push({ name: subject, at: i, weak: counting || undefined, pronoun: subject === null ? pronounBefore(tokens, i) : undefined });
      // "Moldova's government counted 230,000 arrivals, and Romania's border police 380,000": a second body with a gapped verb.
      const gapped = subject ? gappedSource(tokens, i, sentence) : null;
      if (gapped) found.push({ ...gapped, weak: counting || undefined });
      continue;
    }
    // ", said Serhiy Haidai" / "said Filippo Grandi, the UN High Commissioner" / ", said the mayor"
    if (INVERTIBLE.has(t.lower) && (tokens[i - 1]?.kind === 'punct' || i === 0)) {
      const last = phraseAfter(tokens, i + 1);
      if (last !== null) found.push({ name: join(tokens, i + 1, last, sentence), at: i });
    }
  }
  return found;
}


/**
 * A second source after a reporting verb at i whose verb is left out: ", and Romania's border police
 * 380,000", "while Slovakia's interior ministry 140,000". The noun phrase after "and" or "while" stands
 * right before a number, with no verb of its own.
 */
function gappedSource(tokens: Token[], i: number, sentence: string): { name: string; at: number } | null {
  for (let k = i + 1; k < tokens.length - 2; k++) {
    if (tokens[k].text === ';' || tokens[k].text === '.') return null;
    if (!((tokens[k].lower === 'and' && tokens[k - 1]?.text === ',') || tokens[k].lower === 'while')) continue;
    const last = phraseAfter(tokens, k + 1);
    if (last === null) continue;
    if (!opensCount(tokens, last + 1)) continue;
    const name = join(tokens, k + 1, last, sentence);
    if (name && /['’]s\b|\b(?:police|ministry|government|guards?|office|authorities|agency|service)\b/i.test(name)) return { name, at: last };
  }
  return null;
}

/** The attribution nearest the number in its sentence. */
export function pickAttribution(mentions: AttributionMention[], numberFirst: number, numberLast: number): AttributionMention | null {
  const strong = mentions.filter((m) => !m.weak);
  let best: { mention: AttributionMention; distance: number } | null = null;
  for (const mention of strong.length > 0 ? strong : mentions) {
    const distance = mention.at < numberFirst ? numberFirst - mention.at : mention.at - numberLast;
    if (!best || distance < best.distance) best = { mention, distance };
  }
  return best?.mention ?? null;
}
