// Extraction of cited figure candidates from prose. Pure and offline: the caller passes metrics
// and places loaded from the database; the language model (wink-nlp) and the date parser
// (chrono-node) ship in their npm packages.
import { NUMBER_WORDS } from '@/lib/figures/parseStatedValue';
import { findAttributions, pickAttribution, type AttributionMention } from './attribution';
import { findDates, pickDate, type DateMention } from './dates';
import { notAFigureReason } from './filters';
import { isNationalBodyCount, shelteredByHost } from './hostCounts';
import { tagTokens } from './language';
import { classifyMetric, governingVerb, headKeywordIndex, headNoun, isInPlace, isSubfigure, notACount, peopleCountedBefore, type MetricMatch } from './metrics';
import { findNumberMentions, type NumberMention } from './numbers';
import { createPlaceMatcher, findPlaces, isAbroad, isCountry, isHomeCountry, lastPlaces, pickPlaces, type LastPlaces, type PlaceMatcher, type PlaceMention } from './places';
import { splitClauses, splitSentences } from './sentences';
import { matchesPhrase, tokenize, type Token } from './tokens';
import type { Candidate, ExtractOptions, MetricCue, NamedPlace, PlaceRef, Span } from './types';

export { DEFAULT_METRIC_CUES } from './metrics';
export type { Candidate, ExtractOptions, MetricCue, PlaceRef, NamedPlace } from './types';

interface SentenceContext {
  sentence: Span;
  paragraph: number;
  tokens: Token[];
  attributions: AttributionMention[];
  /** Metric of the last candidate found here, for "the figure" in the next sentence. */
  lastMetric?: string;
  /** The last country and town named here or before, for "the country" and "the city" in the next sentence. */
  lastPlace?: LastPlaces;
  lastCandidate?: Draft;
  /** The last place abroad named here, not as where people came from ("crossing into Moldova", "Slovakia has opened", "Krakow's station"); read when asked. */
  wentTo: () => PlaceMention | undefined;
  /** The last country abroad named here, not as where people came from, or the country of a town abroad or a dateline's city ("BUCHAREST, March 11 –"); read when asked. */
  countryNamed: () => NamedPlace | undefined;
  /** A national body of a country abroad named here ("Moldovan President Maia Sandu"), for "we" in the next sentence; read when asked. */
  nationalNamed: () => PlaceMention | undefined;
  /** Whether the sentence names any place of the table or a country. */
  namesPlace: boolean;
}

/** A candidate under construction, with what the later passes need. */
interface Draft {
  candidate: Candidate;
  mention: NumberMention;
  tokens: Token[];
  /** The metric came from a movement verb with no place to decide it. */
  undecided?: boolean;
  sentenceIndex: number;
  originMention: PlaceMention | null;
  destinationMention: PlaceMention | null;
}

interface Reading {
  mention: NumberMention;
  headKind: string;
  /** A list item or breakdown takes its metric from this reading. */
  parent?: Reading;
  /** An item of a list beside its parent (each names its own place), not a part of it. */
  sibling?: boolean;
  clause: [number, number];
  metric: MetricMatch | null;
  /** Not a figure at all (a plan, the wounded, a daily rate, a sub-group…). */
  rejected: string | null;
  subfigure: boolean;
  /** Those of a host's total who stayed on ("of whom around 104,000 remain"): the total's destination is theirs. */
  stayedOn?: boolean;
}

// A border agency named in the sentence ("Poland's border guard", "the Border Police of Moldova").
const BORDER_AGENCY = /\bborder\s+(?:guards?|police|service|agency|officials)\b/i;
// How many sentences back a pronoun ("she said") may find the speaker it stands for.
const PRONOUN_REACH = 3;
// "Of those, roughly 1.8 million ...", "put the figure at ...": the count continues the previous sentence's.
const ANAPHORA = ['the figure', 'the number', 'the total', 'of those', 'of them', 'that figure', 'the tally', 'the count', 'bringing the total'];
// Words that may stand between the items of a list sharing one noun or verb.
const LIST_GLUE = new Set([',', 'and', '(', ')', '—', '–', '-', 'with', 'followed', 'by', 'another', 'a', 'further', 'while', 'including', 'of', 'them', 'whom', 'in', 'into', 'from', 'to', 'at', 'some', 'about', 'around', 'nearly', 'more', 'than', 'over', 'almost', 'roughly', 'close', 'respectively', ';', 'then', 'the', 'rest']);
// A sentence worth tagging holds digits or a number word (the value parser's own list).
const NUMBERISH = new RegExp(`\\d|\\b(?:${[...NUMBER_WORDS, 'dozen', 'dozens', 'scores', 'hundreds', 'thousands', 'millions', 'half', 'quarter'].join('|')})\\b`, 'i');
const SPEAKING = /\b(?:said|says|told|according|added|reported|wrote|announced|stated|estimated|tweeted|posted)\b|:/;

export function extractCandidates(text: string, opts: ExtractOptions): Candidate[] {
  const matcher = createPlaceMatcher(opts.places);
  const drafts: Draft[] = [];
  const history: SentenceContext[] = [];
  const leftovers: Array<{ mention: NumberMention; span: Span }> = [];
  let paragraph = 0;
  let previousEnd = 0;
  for (const sentence of splitSentences(text)) {
    if (/\n\s*\n/.test(text.slice(previousEnd, sentence.start))) paragraph++;
    previousEnd = sentence.end;
    const tokens = tokenize(sentence.text);
    const hasNumber = NUMBERISH.test(sentence.text);
    if (hasNumber || SPEAKING.test(sentence.text)) tagTokens(sentence.text, tokens);
    const previous = history.at(-1);
    // "The city" may refer to the sentence before, even across a paragraph break (one sentence a paragraph).
    const previousPlace = previous?.lastPlace ?? null;
    const named = findPlaces(tokens, matcher, previousPlace);
    // A host subject ("Slovakia has opened …") needs the tags; a sentence without a number is tagged only if asked.
    // Both read the sentence again with its tags, only when a later sentence asks, once, and not at all when it names no place.
    let went: PlaceMention | undefined | null = null;
    const wentTo = () => (went !== null ? went : (went = named.length === 0 ? undefined : wentToNow()));
    const wentToNow = () => {
      if (tokens[0]?.pos === undefined) tagTokens(sentence.text, tokens);
      // The place the sentence is about when it opens with it ("Bulgaria has sent buses to the Romanian border"), else the last.
      const named = findPlaces(tokens, matcher, previousPlace).filter((p) => p.role !== 'origin' && p.abroad && !p.referred && !p.seat);
      return named.find((p) => p.first <= 1) ?? named.at(-1);
    };
    let country: NamedPlace | undefined | null = null;
    const countryNamed = () => (country !== null ? country : (country = named.length === 0 && !tokens.some((_, k) => matcher.at(tokens, k) !== null) ? undefined : countryNamedNow()));
    const countryNamedNow = () => {
      if (tokens[0]?.pos === undefined) tagTokens(sentence.text, tokens);
      const origins = new Set(findPlaces(tokens, matcher, previousPlace).filter((p) => p.role === 'origin').map((p) => p.first));
      let country: NamedPlace | undefined;
      for (let i = 0; i < tokens.length; i++) {
        const known = matcher.at(tokens, i);
        if (!known) continue;
        if (!origins.has(i)) country = countryOf(known.ref, matcher) ?? country;
        i += known.length - 1;
      }
      return country;
    };
    const nationalNamed = () => named.find((p) => p.national);
    const context: SentenceContext = { sentence, paragraph, tokens, attributions: hasNumber || SPEAKING.test(sentence.text) ? sources(tokens, sentence.text, matcher) : [], wentTo, countryNamed, nationalNamed, namesPlace: named.length > 0 };
    context.lastPlace = lastPlaces(named, previousPlace);
    if (hasNumber) {
      const found = candidatesInSentence(context, history, history.length, opts, matcher, leftovers);
      context.lastMetric = found.at(-1)?.candidate.metric;
      context.lastCandidate = found.at(-1);
      drafts.push(...found);
    }
    history.push(context);
  }
  return mergeRestatements(drafts, leftovers);
}

/** A key-figure line: a name and a number parted by a colon or a spaced dash ("Poland: 2,336,800", "Hungary – 89,561"). */
function isFigureLine(tokens: Token[]): boolean {
  // A table row with no punctuation: "Poland 1,204,403", "Republic of Moldova 367,000" (a name, then its number, alone on the line).
  if (tokens.length >= 2 && tokens.length <= 5 && tokens.at(-1)!.kind === 'number' && tokens.slice(0, -1).every((t, k) => t.kind === 'word' && (/^[A-Z]/.test(t.text) || (t.lower === 'of' && k > 0)))) return true;
  // A number after the colon: "Arrivals since 24 February:" is the heading above such lines, not one of them.
  return tokens.length <= 12 && tokens.some((t, k) => (t.text === ':' && tokens.slice(k + 1).some((n) => n.kind === 'number')) || (['–', '—'].includes(t.text) && tokens[k + 1]?.kind === 'number'));
}

/**
 * The heading line above a block of key-figure lines ("Refugees by country, 30 March" over
 * "Poland: 2,336,800"): lines apart by one line break, the heading without a full stop.
 */
function headingAbove(history: SentenceContext[], sentence: Span): SentenceContext | null {
  let below = sentence;
  for (let k = history.length - 1; k >= 0 && k >= history.length - 12; k--) {
    const line = history[k];
    if (below.start - line.sentence.end > 3 || below.start <= line.sentence.end) return null;
    if (!isFigureLine(line.tokens)) {
      // A short heading, or a longer line that ends by announcing the list ("… had taken in the following number of refugees:").
      const heading = (!/[.!?”"]\s*$/.test(line.sentence.text) && line.tokens.length <= 12) || (/:\s*$/.test(line.sentence.text) && line.tokens.length <= 40);
      return heading ? line : null;
    }
    below = line.sentence;
  }
  return null;
}

/** Sources named in a sentence; a place is never one ("Mariupol: …" is a dateline, "Ukraine registered" a subject). */
function sources(tokens: Token[], sentence: string, matcher: PlaceMatcher): AttributionMention[] {
  return findAttributions(tokens, sentence).filter((a) => {
    if (a.name === null) return true;
    const words = tokenize(a.name);
    // A live blog's clock time before the name ("14:20 Moldova says …") is no part of it.
    let start = 0;
    while (words[start]?.kind === 'number' || words[start]?.text === ':') start++;
    const place = start < words.length ? matcher.at(words, start) : null;
    // "Moldova", "Moldova, which borders Ukraine": a place with or without its appositive.
    return !(place && (start + place.length === words.length || words[start + place.length]?.text === ','));
  });
}

/** Token index ranges [from, to) of each clause, so cues stay in the number's clause. */
function clauseRanges(sentence: Span, tokens: Token[]): Array<[number, number]> {
  return splitClauses(sentence).map((clause) => {
    const from = tokens.findIndex((t) => t.start >= clause.start - sentence.start);
    const after = tokens.findIndex((t) => t.start >= clause.end - sentence.start);
    return [from < 0 ? tokens.length : from, after < 0 ? tokens.length : after];
  });
}

function spanOf(context: SentenceContext, mention: NumberMention): Span {
  const { sentence, tokens } = context;
  const start = tokens[mention.first].start;
  const end = tokens[mention.last].end;
  return { text: sentence.text.slice(start, end), start: sentence.start + start, end: sentence.start + end };
}

function candidatesInSentence(
  context: SentenceContext,
  history: SentenceContext[],
  sentenceIndex: number,
  opts: ExtractOptions,
  matcher: PlaceMatcher,
  leftovers: Array<{ mention: NumberMention; span: Span }>,
): Draft[] {
  const { sentence, tokens } = context;
  const mentions = findNumberMentions(tokens, sentence.text).filter((m) => notAFigureReason(tokens, m) === null);
  if (mentions.length === 0) return [];
  const clauses = clauseRanges(sentence, tokens);
  const claimed = new Set(mentions.map((m) => headKeywordIndex(tokens, m, opts.metrics)).filter((i): i is number => i !== null));
  const previousContext = history.at(-1);
  const dates = findDates(tokens, sentence.text, opts.publishedAt);
  // "The same day, 1,200 people …": the day of the sentence before, by an explicit back-reference.
  const sameDay = tokens.findIndex((t, k) => t.lower === 'same' && tokens[k + 1]?.lower === 'day' && tokens[k - 1]?.lower === 'the');
  if (sameDay > 0 && previousContext) {
    const before = findDates(previousContext.tokens, previousContext.sentence.text, opts.publishedAt).filter((d) => !d.since).at(-1);
    if (before) dates.push({ ...before, text: sentence.text.slice(tokens[sameDay - 1].start, tokens[sameDay + 1].end), first: sameDay - 1, last: sameDay + 1, since: false, statement: false });
  }
  const places = findPlaces(tokens, matcher, previousContext?.lastPlace ?? null);

  // 1. What each number counts, on its own.
  const readings: Reading[] = mentions.map((mention) => {
    const clause = clauses.find(([from, to]) => mention.first >= from && mention.first < to) ?? [0, tokens.length];
    const predicate = governingVerb(tokens, mention, clause, opts.metrics);
    const head = headNoun(tokens, mention, opts.metrics);
    const subfigure = isSubfigure(tokens, mention);
    let rejected = notACount(tokens, mention, clause, predicate);
    // Children and other sub-groups are a part of the metric, never the metric ("42 children were killed").
    if (head.kind === 'people' && head.subgroup) rejected = 'subgroup';
    // "have fled their homes but stayed within Ukraine": displaced inside the country, not refugees.
    if (!rejected && withinHomeCountry(tokens, mention, clause, places)) rejected = 'idp';
    // "about 100,000 of them had remained in Moldova": staying in a host country is being a refugee there.
    // "are now living in the Czech Republic" too, but not a diaspora from before the war
    // ("1 million Ukrainians were already living in Poland before the invasion").
    if (rejected === 'negative' && opts.metrics.some((m) => m.key === 'refugees') && staysAbroad(tokens, mention, predicate.verb, places, head.kind === 'metric' && head.metric === 'refugees')) {
      return { mention, headKind: head.kind, clause, metric: { metric: 'refugees', viaHead: false }, rejected: null, subfigure };
    }
    // "The Hungarian capital is now sheltering roughly 40,000 Ukrainians": a host abroad sheltering people hosts refugees.
    if (rejected === 'negative' && opts.metrics.some((m) => m.key === 'refugees') && shelteredByHost(tokens, predicate, places)) {
      return { mention, headKind: head.kind, clause, metric: { metric: 'refugees', viaHead: false }, rejected: null, subfigure };
    }
    // "320,000 arrivals, of whom around 104,000 remain", "over 100,000 of them are still with us": those who stayed
    // on in the host of the total before; a figure only if that total has a place abroad (checked below).
    if (rejected === 'negative' && opts.metrics.some((m) => m.key === 'refugees') && stayedOn(tokens, mention, clause)) {
      return { mention, headKind: head.kind, clause, metric: { metric: 'refugees', viaHead: false }, rejected: null, subfigure, stayedOn: true };
    }
    let metric = rejected ? null : classifyMetric(tokens, mention, clause, opts.metrics, claimed);
    if (!metric && !rejected && mentions.length === 1 && head.kind !== 'other' && !(mention.words && head.kind === 'none' && !mention.vague)) {
      metric = classifyMetric(tokens, mention, [0, tokens.length], opts.metrics, claimed);
    }
    return { mention, headKind: head.kind, clause, metric, rejected, subfigure };
  });

  // 2. Items of a list take the metric of the item that states it: "eight civilians were killed
  //    in the Kyiv region, five in Mykolaiv", "Romania 530,000 and Moldova 360,000 refugees".
  readings.forEach((reading, i) => {
    if (reading.metric || reading.rejected || reading.headKind === 'other') return;
    const head = listHead(tokens, readings, i, places);
    if (head) {
      reading.metric = { metric: head.metric!.metric, viaHead: false, movement: head.metric!.movement };
      reading.parent = head.reading;
      reading.sibling = head.sibling;
    }
  });

  // 2a. "…, while Slovakia's interior ministry reported 105,000": a second national body's bare count
  //     counts what the sentence's earlier figure counts (`hostCounts.ts`).
  readings.forEach((reading, i) => {
    if (reading.metric || reading.rejected || reading.headKind !== 'none' || reading.mention.words) return;
    const earlier = readings.slice(0, i).find((r) => r.metric !== null && !r.rejected);
    if (earlier && isNationalBodyCount(tokens, reading.mention, reading.clause, places)) reading.metric = { metric: earlier.metric!.metric, viaHead: false };
  });

  // 2b. A list after a header that names what it counts: "Arrivals in neighbouring countries as of
  //     8 March: Poland (1,330,000), Hungary (214,000)". The header's noun gives the metric.
  //     A key-figures line ("Poland: 2,336,800") under a heading line ("Refugees by country, 30 March")
  //     takes the heading's noun and date.
  let colon = tokens.findIndex((t) => t.text === ':');
  const dashLine = colon < 0 && isFigureLine(tokens);
  if (dashLine) colon = tokens.findIndex((t, k) => ['–', '—'].includes(t.text) && tokens[k + 1]?.kind === 'number');
  // A table row ("Poland 1,204,403") splits before its number.
  if (dashLine && colon < 0) colon = tokens.length - 1;
  const headingLine = colon > 0 && tokens.length <= 12 ? headingAbove(history, sentence) : null;
  const cueIn = (header: Token[]) => opts.metrics.find((m) => header.some((t) => m.keywords.includes(t.lower) && (t.pos === undefined || t.pos === 'NOUN' || t.pos === 'PROPN')));
  const inLine = colon > 0 && !dashLine && !readings.some((r) => r.mention.first < colon) ? cueIn(tokens.slice(0, colon)) : undefined;
  // A heading may say what its lines count with a verb: "… had arrived from Ukraine as of 2 March:".
  const arrivalsFromHome = (header: Token[]) =>
    header.some((t) => ['arrive', 'enter', 'cross', 'flee', 'reach'].includes(t.lemma ?? '')) && header.some((t, k) => ['from', 'fled', 'left'].includes(t.lower) && header[k + 1]?.lower === 'ukraine')
      ? opts.metrics.find((m) => m.key === 'refugees')
      : undefined;
  // "Other neighbours have received fewer people: Slovakia about 240,000, Moldova 360,000": a host verb before
  // the colon, and countries abroad beside the numbers after it.
  const hostHeader =
    colon > 0 && !dashLine && !inLine && !readings.some((r) => r.mention.first < colon) &&
    tokens.slice(0, colon).some((t, k, header) => HEADER_HOST_LEMMAS.has(t.lemma ?? '') || (t.lemma === 'take' && header[k + 1]?.lower === 'in')) &&
    places.some((p) => p.first > colon && p.abroad && !p.home)
      ? opts.metrics.find((m) => m.key === 'refugees')
      : undefined;
  const cue = inLine ?? hostHeader ?? (headingLine ? cueIn(headingLine.tokens) ?? arrivalsFromHome(headingLine.tokens) : undefined);
  const headed = new Set<NumberMention>();
  if (cue) {
    readings.forEach((reading) => {
      if (reading.metric || reading.rejected || reading.headKind !== 'none' || (reading.mention.words && !reading.mention.vague) || reading.mention.first < colon) return;
      reading.metric = { metric: cue.key, viaHead: false };
      headed.add(reading.mention);
    });
    if (!inLine && headingLine && headed.size > 0) {
      const headingDate = findDates(headingLine.tokens, headingLine.sentence.text, opts.publishedAt).filter((d) => !d.since)[0];
      if (headingDate) dates.push({ ...headingDate, first: 0, last: 0, statement: false });
    }
  }

  // 2c. Buses used for a plan are planned too: "hope to bring 6,000 people out … using 90 buses".
  readings.forEach((reading, i) => {
    if (reading.metric?.metric !== 'buses' || reading.rejected || i === 0) return;
    const before = readings[i - 1];
    if (before.rejected === 'plan' && before.clause[0] === reading.clause[0]) {
      reading.rejected = 'plan';
      reading.metric = null;
    }
  });

  // 3. People counted with a country abroad as where they are ("300,000 people are now in Germany",
  //    "Lithuania has welcomed 20,000 Ukrainians") are refugees there.
  if (opts.metrics.some((m) => m.key === 'refugees')) {
    readings.forEach((reading) => {
      const inPlace = reading.headKind === 'none' && !reading.mention.words ? isInPlace(tokens, reading.mention) : null;
      if (reading.metric || reading.rejected || (reading.headKind !== 'people' && inPlace === null && !(reading.headKind === 'none' && peopleCountedBefore(tokens, reading.mention, reading.clause)))) return;
      // Not a diaspora from before the war ("had settled in Poland to work in the years before the war").
      if (tokens.some((t) => PRE_WAR.has(t.lower))) return;
      const [from, to] = reading.clause;
      // "Some 9,000 Ukrainians are in Bratislava": Ukrainians counted in a place the table lacks are abroad too.
      const ukrainians = tokens.slice(reading.mention.last + 1, reading.mention.last + 3).some((t) => t.lower === 'ukrainians');
      if (places.some((p) => (p.abroad || (ukrainians && p.place.placeId === null)) && p.role === 'destination' && p.first >= from && p.last < to)) reading.metric = { metric: 'refugees', viaHead: false };
    });
  }

  // 3b. A border agency's count or total with no noun of its own ("its count … stands at 437,000").
  const borderSource = BORDER_AGENCY.test(context.sentence.text);
  if (borderSource && opts.metrics.some((m) => m.key === 'refugees')) {
    readings.forEach((reading) => {
      if (reading.metric || reading.rejected || reading.headKind === 'other' || (reading.mention.words && !reading.mention.vague)) return;
      const near = tokens.slice(Math.max(0, reading.mention.first - 6), reading.mention.first).map((t) => t.lower);
      if (near.some((w) => ['count', 'total', 'tally', 'figure', 'number'].includes(w))) reading.metric = { metric: 'refugees', viaHead: false };
    });
  }

  // 4. "The figure", "of those": a number continuing the previous sentence's figure.
  readings.forEach((reading) => {
    if (reading.metric || reading.rejected) return;
    const inherited = inheritedMetric(context, previousContext, reading.mention, opts.metrics, claimed);
    if (inherited) reading.metric = inherited;
  });

  const results: Draft[] = [];
  // Places and dates are shared out among the numbers that are figures.
  const bounds = readings.filter((r) => r.metric).map((r) => ({ first: r.mention.first, last: r.mention.last }));
  // "…, bringing the total to 44,000": the total is for the places its increment names.
  const totalAt = tokens.findIndex((t, k) => ['bringing', 'taking', 'pushing', 'raising'].includes(t.lower) && tokens.slice(k + 1, k + 5).some((w) => ['total', 'number', 'tally', 'toll'].includes(w.lower)));
  readings.forEach((reading) => {
    if (!reading.metric) {
      // Only a number that simply counts nothing here may restate a figure ("“At least 2,500 — and we are still counting”").
      if (!reading.rejected) leftovers.push({ mention: reading.mention, span: spanOf(context, reading.mention) });
      return;
    }
    const others = totalAt >= 0 && reading.mention.first > totalAt ? [] : bounds.filter((b) => b.first !== reading.mention.first);
    const parent = reading.parent ? results.find((r) => r.mention === reading.parent!.mention) : undefined;
    const draft = buildDraft(context, history, sentenceIndex, reading, others, dates, places, opts.metrics, parent);
    if (draft) results.push(draft);
    else leftovers.push({ mention: reading.mention, span: spanOf(context, reading.mention) });
  });

  // A heading naming where its lines' people came from ("Refugees from Ukraine, by host country:") gives their origin.
  if (headed.size > 0) {
    const headerPlaces = inLine ? places.filter((p) => p.last < colon) : headingLine ? findPlaces(headingLine.tokens, matcher) : [];
    const from = headerPlaces.find((p) => p.home && p.role === 'origin');
    if (from) for (const draft of results) if (headed.has(draft.mention) && !draft.candidate.origin) draft.candidate.origin = from.place;
  }
  // "Romania and Moldova have taken in 540,000 and 365,000 refugees respectively"
  if (tokens.some((t) => t.lower === 'respectively') && results.length > 1) {
    const named = places.filter((p) => p.last < results[0].mention.first);
    if (named.length === results.length) {
      results.forEach((draft, k) => {
        if (draft.candidate.metric === 'civilian_deaths') draft.candidate.origin = named[k].place;
        else draft.candidate.destination = named[k].place;
      });
    }
  }
  // A trailing phrase after the last item of a list is shared by every item that lacks its role:
  // "1,240 people left Berdyansk, 610 Melitopol and 300 Enerhodar, all heading for Zaporizhzhia".
  const tail = results.at(-1);
  if (tail && results.length > 1) {
    for (const role of ['origin', 'destination'] as const) {
      const key = role === 'origin' ? 'originMention' : 'destinationMention';
      const shared = tail[key];
      if (!shared || shared.first <= tail.mention.last) continue;
      const comma = tokens.slice(tail.mention.last + 1, shared.first).findIndex((t) => t.text === ',');
      if (comma < 0) continue;
      const opener = tokens[tail.mention.last + 2 + comma];
      if (!opener || !(['all', 'both', 'each', 'most'].includes(opener.lower) || (opener.pos === 'VERB' && /ing$/.test(opener.lower)))) continue;
      for (const item of results) {
        const reading = readings.find((r) => r.mention === item.mention);
        if (item === tail || item[key] || reading?.subfigure || item.candidate.metric !== tail.candidate.metric || item.candidate.metric === 'civilian_deaths') continue;
        item[key] = shared;
        item.candidate[role] = shared.place;
      }
    }
  }
  // A breakdown "of whom" is of the people its total counts, from the same place.
  results.forEach((draft) => {
    const reading = readings.find((r) => r.mention === draft.mention)!;
    const previousDraft = results.filter((r) => r.mention.last < draft.mention.first).at(-1);
    const word = tokens[draft.mention.first - 1]?.lower;
    if (!draft.candidate.origin && previousDraft?.originMention?.home && (word === 'whom' || word === 'them') && tokens[draft.mention.first - 2]?.lower === 'of' && reading.subfigure) {
      draft.originMention = previousDraft.originMention;
      draft.candidate.origin = previousDraft.candidate.origin;
    }
  });
  // Those who stayed on are in the host of the total before them, if it names one abroad.
  for (let i = results.length - 1; i >= 0; i--) {
    const draft = results[i];
    const reading = readings.find((r) => r.mention === draft.mention)!;
    if (!reading.stayedOn || draft.destinationMention?.abroad) continue;
    const total = results[i - 1];
    if (total?.destinationMention?.abroad && total.candidate.metric === 'refugees') {
      draft.destinationMention = total.destinationMention;
      draft.candidate.destination = total.candidate.destination;
    } else {
      // No host abroad to stay on in ("Of the 5,000 trapped in Mariupol, 3,000 remain"): no figure.
      leftovers.push({ mention: draft.mention, span: draft.candidate.mentions[0] });
      results.splice(i, 1);
    }
  }
  // A part of a total counts only as a breakdown by place ("including 2,980 from Mariupol"),
  // never by group or day ("among them 42 children", "of whom 21,500 crossed on Sunday").
  for (let i = results.length - 1; i >= 0; i--) {
    const reading = readings.find((r) => r.mention === results[i].mention)!;
    if (reading.subfigure && !results[i].originMention && !results[i].destinationMention) {
      leftovers.push({ mention: results[i].mention, span: results[i].candidate.mentions[0] });
      results.splice(i, 1);
    }
  }
  // "…, bringing the total to 44,000": the numbers before it are the increment.
  // Only a running total (refugees) makes its increment no figure; an evacuation on one day is one.
  if (totalAt >= 0) {
    const after = results.find((r) => r.mention.first > totalAt);
    // The total is not for the increment's day.
    if (after?.candidate.dateText && sentence.text.indexOf(after.candidate.dateText) < tokens[totalAt].start) {
      after.candidate.date = null;
      after.candidate.dateText = null;
    }
    const total = after;
    for (let i = results.length - 1; i >= 0; i--) {
      if (results[i].mention.last < totalAt && total && results[i].candidate.metric !== 'evacuees') {
        // The total counts what its increment counts, whatever verb stands near it.
        total.candidate.metric = results[i].candidate.metric;
        // The total is for the same places as its increment.
        total.candidate.origin ??= results[i].candidate.origin;
        total.candidate.destination ??= results[i].candidate.destination;
        leftovers.push({ mention: results[i].mention, span: results[i].candidate.mentions[0] });
        results.splice(i, 1);
      }
    }
  }
  // "Of the 2.5 million who have left, 1.5 million are in Poland, …": a total whose verb could not
  // tell refugees from evacuees counts what its parts count.
  for (const draft of results) {
    if (!draft.undecided) continue;
    const others = results.filter((r) => r !== draft && !r.undecided).map((r) => r.candidate.metric).filter((m) => m === 'refugees' || m === 'evacuees');
    if (others.length > 0 && others.every((m) => m === others[0])) draft.candidate.metric = others[0];
  }
  // Buses and the people they carry describe one movement: "60 buses left Sumy carrying 5,000 evacuees towards Poltava".
  for (const bus of results.filter((r) => r.candidate.metric === 'buses')) {
    for (const people of results.filter((r) => r.candidate.metric === 'evacuees')) {
      bus.candidate.origin ??= people.candidate.origin;
      bus.candidate.destination ??= people.candidate.destination;
      people.candidate.origin ??= bus.candidate.origin;
      people.candidate.destination ??= bus.candidate.destination;
    }
  }
  // Items of a list and parts of a total take the places and date their own words leave out.
  results.forEach((draft, i) => {
    const parent = parentOf(results, i, readings);
    if (!parent) return;
    const c = draft.candidate;
    const p = parent.candidate;
    c.date ??= p.date;
    c.dateText ??= p.dateText;
    const sibling = readings.find((r) => r.mention === draft.mention)?.sibling;
    // Items of a list name their own places ("600 from Hostomel and 1,264 from the combat zone"); parts of a total share its own.
    if (!sibling || c.metric !== 'civilian_deaths') {
      if (!sibling) c.origin ??= p.origin;
      if (c.metric !== 'civilian_deaths') c.destination ??= p.destination;
    }
    c.attribution ??= p.attribution;
  });
  return results;
}

const PRE_WAR = new Set(['before', 'already', 'pre-war', 'prewar']);
// A plight between the verb and the place: "remain stuck at the Polish border" is no refugee stock.
const PLIGHT = new Set(['stuck', 'stranded', 'trapped', 'waiting', 'queuing', 'queueing', 'blocked', 'held']);
// Staying where one is: "remained in Moldova", "are now living in the Czech Republic", "are sheltering in Vilnius".
// "have stayed in Moldova", "have been displaced to Moldova": where people are, abroad.
const STAY_LEMMAS = new Set(['stay', 'remain', 'shelter', 'displace']);

/**
 * "within Ukraine", "inside the country" in the number's clause, or in a clause after it that shares
 * its subject ("have fled their homes but stayed within Ukraine"): people displaced at home.
 */
function withinHomeCountry(tokens: Token[], mention: NumberMention, clause: [number, number], places: PlaceMention[]): boolean {
  let end = clause[1];
  if (tokens[end]?.lower === 'but' && ['VERB', 'AUX'].includes(tokens[end + 1]?.pos ?? '')) {
    end = tokens.findIndex((t, k) => k > end && (t.text === ',' || t.text === ';'));
    if (end < 0) end = tokens.length;
  }
  // Only this number's stretch, to the next number or comma: "the 3.2 million who have fled abroad,
  // 6.5 million … within Ukraine", "2 million have fled to Poland, and many more are displaced inside the country".
  const next = tokens.findIndex((t, k) => k > mention.last && (t.kind === 'number' || (t.text === ',' && k < clause[1])));
  if (next >= 0) end = Math.min(end, next);
  let start = clause[0];
  for (let k = mention.first - 1; k >= clause[0]; k--) if (tokens[k].kind === 'number') { start = k + 1; break; }
  for (let i = start; i < end - 1; i++) {
    if (tokens[i].lower !== 'within' && tokens[i].lower !== 'inside') continue;
    if (places.some((p) => p.home && p.first === i + 1)) return true;
    if (['the', 'their'].includes(tokens[i + 1].lower) && tokens[i + 2]?.lower === 'country') return true;
  }
  return false;
}

/**
 * "about 100,000 of them had remained in Moldova", "82,000 were still in the country": people
 * staying in a country abroad are refugees there; so are refugees (the noun) staying in any place
 * named as where they are ("12,000 refugees are staying in Budapest"). Not a diaspora from before
 * the war ("were already living in Poland before the invasion"), nor people stuck at a border.
 */
function staysAbroad(tokens: Token[], mention: NumberMention, verb: number | null, places: PlaceMention[], refugeeNoun: boolean): boolean {
  let from: number;
  if (verb !== null) {
    const lemma = tokens[verb].lemma ?? '';
    const livingNow = lemma === 'live' && tokens.slice(Math.max(0, verb - 3), verb).some((t) => t.lower === 'now');
    if (!STAY_LEMMAS.has(lemma) && !livingNow && !(lemma === 'live' && refugeeNoun)) return false;
    from = verb;
  } else {
    // "were still in the country": no verb of its own, "still in" after the number.
    const still = tokens.findIndex((t, k) => k > mention.last && k <= mention.last + 6 && t.lower === 'still' && tokens[k + 1]?.lower === 'in');
    if (still < 0) return false;
    from = still;
  }
  if (tokens.some((t) => PRE_WAR.has(t.lower))) return false;
  // "In neighbouring Moldova, more than 82,000 refugees have stayed on": the place heading the sentence.
  const heading = places.find((p) => p.abroad && p.role === 'destination' && p.last < mention.first && tokens.slice(0, p.first).every((t) => t.lower === 'in' || t.lower === 'the' || (t.pos === 'ADJ' && /^[a-z]/.test(t.text))) && tokens[p.last + 1]?.text === ',');
  if (heading && verb !== null) return true;
  const place = places.find((p) => p.first > from && p.first <= from + 4 && (p.abroad || (refugeeNoun && p.role === 'destination' && !p.home && p.place.placeId === null)));
  return place !== undefined && !tokens.slice(from + 1, place.first).some((t) => PLIGHT.has(t.lower));
}

/** The nearest earlier candidate of the sentence that a list item or part belongs to. */
function parentOf(results: Draft[], i: number, readings: Reading[]): Draft | null {
  const draft = results[i];
  const reading = readings.find((r) => r.mention === draft.mention);
  if (reading?.parent) return results.find((r) => r.mention === reading.parent!.mention) ?? null;
  if (!reading?.subfigure && !partOfPrevious(reading, results, i)) return null;
  for (let k = i - 1; k >= 0; k--) if (results[k].candidate.metric === draft.candidate.metric) return results[k];
  return null;
}

const tokens_ = (draft: Draft) => draft.tokens;

/** A breakdown in the same clause as the total, with no verb of its own ("4,128 …, 3,000 of them from Mariupol"). */
function partOfPrevious(reading: Reading | undefined, results: Draft[], i: number): boolean {
  if (!reading || i === 0) return false;
  // "Of the roughly 3.7 million who have left Ukraine, close to 2.2 million are in Poland, …"
  const total = results[0].mention;
  if (results[0].candidate.metric === results[i].candidate.metric && tokens_(results[0]).slice(Math.max(0, total.first - 3), total.first).some((t, k, near) => t.lower === 'of' && near[k + 1]?.lower === 'the')) return true;
  const previous = results[i - 1];
  return previous.mention.first >= reading.clause[0] && !reading.metric?.viaHead && !reading.metric?.movement && reading.headKind === 'none';
}

/** A list item with no noun or verb of its own takes the metric of its neighbour in the list. */
function listHead(tokens: Token[], readings: Reading[], i: number, places: PlaceMention[]): { reading: Reading; metric: MetricMatch | null; sibling: boolean } | null {
  const mine = readings[i].mention;
  // Between two items only list words may stand, back to the comma or "and" that opens the item.
  const glued = (a: NumberMention, b: NumberMention) => {
    for (let k = b.first - 1; k > a.last; k--) {
      const t = tokens[k];
      if (t.text === ',' || t.lower === 'and' || t.text === ';') return true;
      if (LIST_GLUE.has(t.lower)) continue;
      if (places.some((p) => k >= p.first && k <= p.last)) continue;
      if (t.kind === 'word' && /^[A-Z]/.test(t.text)) continue;
      if (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'ADP' || t.pos === 'DET') continue;
      return false;
    }
    return true;
  };
  // A number word is a list item only beside a place: "five in Mykolaiv".
  if (mine.words && !mine.vague) {
    const placeNear = places.some((p) => p.first === mine.last + 2 || p.last === mine.first - 1);
    if (!placeNear) return null;
  }
  // A breakdown after a dash, colon or bracket, or "the figure stands at …", continues the figure before it.
  const lead = tokens[mine.first - 1]?.text ?? '';
  const refersBack = ['—', '–', ':', '('].includes(lead) || tokens.slice(Math.max(0, mine.first - 6), mine.first).some((t, k, near) => t.lower === 'the' && ['figure', 'number', 'total', 'tally'].includes(near[k + 1]?.lower ?? ''));
  const found = (reading: Reading, sibling: boolean) => ({ reading, metric: reading.metric, sibling });
  if (refersBack) {
    for (let k = i - 1; k >= 0; k--) if (readings[k].metric) return found(readings[k], false);
  }
  for (let k = i - 1; k >= 0; k--) {
    if (readings[k].rejected) return null;
    if (readings[k].metric && glued(readings[k].mention, mine)) return found(readings[k], true);
    if (!glued(readings[k].mention, readings[k + 1].mention)) break;
  }
  for (let k = i + 1; k < readings.length; k++) {
    if (readings[k].rejected) return null;
    if (readings[k].metric?.viaHead && glued(mine, readings[k].mention)) return found(readings[k], true);
    if (!glued(readings[k - 1].mention, readings[k].mention)) break;
  }
  return null;
}

function inheritedMetric(
  context: SentenceContext,
  previous: SentenceContext | undefined,
  mention: NumberMention,
  metrics: MetricCue[],
  claimed: Set<number>,
): MetricMatch | null {
  if (!previous?.lastMetric || previous.paragraph !== context.paragraph) return null;
  const { tokens } = context;
  const refersBack = tokens.some((_, i) => ANAPHORA.some((phrase) => matchesPhrase(tokens, i, phrase)));
  if (!refersBack) return null;
  // Only a number that counts nothing else may inherit ("the figure at 120,000 to 130,000").
  const own = classifyMetric(tokens, mention, [mention.first, mention.last + 1], metrics, claimed);
  if (own === null && headNoun(tokens, mention, metrics).kind === 'other') return null;
  if (mention.words && !mention.vague) return null;
  return { metric: previous.lastMetric, viaHead: false };
}

function buildDraft(
  context: SentenceContext,
  history: SentenceContext[],
  sentenceIndex: number,
  reading: Reading,
  others: Array<{ first: number; last: number }>,
  dates: DateMention[],
  places: PlaceMention[],
  metrics: MetricCue[],
  parent?: Draft,
): Draft | null {
  const { sentence, tokens } = context;
  const { mention, clause } = reading;
  const picked = pickPlaces(places, tokens, mention, clause, others);
  let originMention = picked.origin;
  let destinationMention = picked.destination;
  let metricKey = reading.metric!.metric;
  const has = (key: string) => metrics.some((m) => m.key === key);
  // Leaving Ukraine or arriving abroad makes a refugee; between Ukrainian places, an evacuee.
  if (picked.bare && !originMention && !destinationMention) {
    // A list item's bare name plays the part its head's place plays: "Poland (over 756,000), followed by Hungary (157,000)".
    const asOrigin = parent
      ? parent.originMention !== null && parent.destinationMention === null
      : !picked.bare.abroad && (metricKey === 'civilian_deaths' || (metricKey === 'evacuees' && tokens[picked.bare.first - 1]?.lower !== 'in'));
    if (asOrigin) originMention = picked.bare;
    else destinationMention = picked.bare;
  } else if (picked.where && picked.bare?.abroad && !destinationMention) {
    // "Poland, where more than 1.8 million people have arrived from Ukraine"
    destinationMention = picked.bare;
  }
  // "…, 300 Enerhodar, all heading for Zaporizhzhia": a bare name right after an item's number plays
  // the part its head's place plays, even when a shared place fills the other role.
  if (parent && picked.bare && picked.bare.first === mention.last + 1) {
    const parentOrigin = parent.originMention !== null && (parent.destinationMention === null || parent.originMention.first > parent.mention.last);
    if (parentOrigin && !originMention) originMention = picked.bare;
    else if (!parentOrigin && !destinationMention) destinationMention = picked.bare;
  }
  // A border agency counts people entering the country it guards ("the border guard said 14,000 had arrived").
  const borderSource = BORDER_AGENCY.test(context.sentence.text);
  // "09:15 Poland: The border guard says …": the country the label names is the one it guards.
  // "Slovakia: More than 150,000 people have crossed …": a live blog's country label too.
  if (!destinationMention && (metricKey === 'refugees' || reading.metric!.movement)) {
    // A label opens the line, or follows its clock time ("09:15 Poland:"); "BEREGSURANY, Hungary:" is a dateline.
    const opensLine = (p: PlaceMention) => tokens.slice(0, p.first).every((t) => t.kind === 'number' || t.text === ':' || t.text === '.');
    const label = places.find((p) => p.abroad && p.role === null && !p.referred && tokens[p.last + 1]?.text === ':' && p.last < mention.first && (borderSource || (isCountry({ name: p.place.name }) && opensLine(p))));
    // "Poland — The border guard says …", "16:05 Slovakia – Arrivals …": a country label before a spaced dash,
    // for a count that is not an international body's ("Hungary - More than 2 million have fled Ukraine, the UN said").
    const spacedDash = (k: number) => ['—', '–', '-'].includes(tokens[k]?.text ?? '') && tokens[k].start > tokens[k - 1].end && tokens[k + 1]?.start > tokens[k].end;
    const international = tokens.some((t) => INTERNATIONAL_BODIES.has(t.lower));
    const dashLabel = international ? undefined : places.find((p) => p.abroad && p.role === null && !p.referred && spacedDash(p.last + 1) && p.last < mention.first && isCountry({ name: p.place.name }) && opensLine(p));
    if (label ?? dashLabel) destinationMention = label ?? dashLabel!;
  }
  // "Slovakia has opened three more crossing points. More than 140,000 people have crossed from Ukraine so far":
  // an arrival whose sentence names no place it went to is into the place abroad the sentence before named.
  if (!destinationMention && (metricKey === 'refugees' || reading.metric!.movement)) {
    const carried = elidedDestination(tokens, mention, clause, places, metrics, history);
    if (carried) destinationMention = carried;
  }
  // "“We have taken in more than 100,000 people,” she said", after "Moldovan President Maia Sandu visited …":
  // "we" of a national body named here or in the sentence before hosts in its country.
  if (!destinationMention && metricKey === 'refugees' && !places.some((p) => !p.home) && tokens.slice(clause[0], mention.first).some((t) => t.lower === 'we')) {
    const body = places.find((p) => p.national) ?? history.at(-1)?.nationalNamed();
    if (body) destinationMention = { ...body, first: -1, last: -1, referred: true };
  }
  // "have gone to the neighbouring countries", "fled abroad": out of the country without a name.
  const unnamedAbroad = tokens.slice(clause[0], clause[1]).some((t, k, words) => t.lower === 'abroad' || (/^countr(?:y|ies)$/.test(t.lower) && ['neighbouring', 'neighboring', 'other', 'european', 'eu'].includes(words[k - 1]?.lower ?? '')));
  const abroad = Boolean(originMention?.home || destinationMention?.abroad || unnamedAbroad || places.some((p) => p.home && p.role === 'origin' && p.first >= clause[0] && p.last < clause[1]));
  const placed = Boolean(originMention || destinationMention);
  if (reading.metric!.movement && has('refugees') && has('evacuees')) {
    metricKey = parent ? parent.candidate.metric : abroad || (!placed && borderSource) ? 'refugees' : 'evacuees';
  }
  // People going into Ukraine are returning, not fleeing ("had left Poland for Ukraine"); "in Ukraine" only locates.
  if (destinationMention?.home && metricKey !== 'civilian_deaths') {
    let cue = destinationMention.first - 1;
    while (cue > 0 && (tokens[cue].lower === 'the' || (tokens[cue].pos === 'ADJ' && /^[a-z]/.test(tokens[cue].text)))) cue--;
    if (tokens[cue]?.lower !== 'in') return null;
    destinationMention = null;
  }
  if (metricKey === 'civilian_deaths') {
    // Where people were killed: "killed in Kharkiv"; the country only when nothing narrower is named.
    if (!originMention || originMention.home) originMention = destinationMention && !destinationMention.home ? destinationMention : (originMention ?? destinationMention);
    if (originMention?.home && places.some((p) => !p.home && p.first >= clause[0] && p.last < clause[1])) originMention = null;
    destinationMention = null;
    // Where people were killed may be named without a cue: "Kyiv's Sviatoshynskyi district", "strikes on the Kharkiv region".
    if (!originMention) {
      // The most specific place: a city or region before the country ("the city of Kharkiv in northeast Ukraine"), after the number first.
      const inClause = places.filter((p) => others.length === 0 || (p.first >= clause[0] && p.last < clause[1]));
      const rank = (p: PlaceMention) => (p.home ? 1000 : 0) + (p.first > mention.last ? p.first - mention.last : 100 + mention.first - p.last);
      originMention = inClause.sort((a, b) => rank(a) - rank(b))[0] ?? null;
    }
  }
  // "There are 17 buses near Berdyansk": buses standing by, not buses that ran.
  if (metricKey === 'buses' && tokens[mention.first - 2]?.lower === 'there' && ['are', 'were', 'is'].includes(tokens[mention.first - 1]?.lower ?? '')) return null;
  const date = pickDate(datesFor(dates, mention, clause, others), mention.first, mention.last);
  if (metricKey === 'refugees' && date && isDaysEntries(tokens, mention, clause, date, metrics)) return null;
  const attribution = resolveAttribution(context, history, mention);
  const span = spanOf(context, mention);
  const candidate: Candidate = {
    metric: metricKey,
    qualifier: mention.qualifier,
    low: mention.low,
    high: mention.high,
    asStated: span.text,
    mentions: [span],
    quote: sentence.text,
    start: sentence.start,
    end: sentence.end,
    date: date?.date ?? null,
    dateText: date?.text ?? null,
    origin: originMention?.place ?? null,
    destination: destinationMention?.place ?? null,
    attribution,
    confidence: 0,
  };
  candidate.confidence = scoreConfidence(mention, reading, candidate);
  const undecided = Boolean(reading.metric!.movement && !parent && !placed && !borderSource);
  return { candidate, mention, tokens, sentenceIndex, originMention, destinationMention, undecided };
}

/** "of whom 104,000 remain", "100,000 of them are still with us": part of a total, still where the total went. */
function stayedOn(tokens: Token[], mention: NumberMention, clause: [number, number]): boolean {
  // "of whom 104,000 remain", "100,000 of them are still with us", "Of the 390,000 people …, roughly 100,000 have stayed".
  const ofTheTotal = tokens[0]?.lower === 'of' && tokens[1]?.lower === 'the' && tokens[2]?.kind === 'number' && mention.first > 3;
  const part = (tokens[mention.first - 1]?.lower === 'whom' && tokens[mention.first - 2]?.lower === 'of') || (tokens[mention.last + 1]?.lower === 'of' && ['them', 'whom'].includes(tokens[mention.last + 2]?.lower ?? '')) || (ofTheTotal && tokens[mention.first - 1]?.text === ',');
  if (!part) return false;
  const rest = tokens.slice(mention.last + 1, clause[1]);
  if (rest.some((t) => ['trapped', 'stranded', 'waiting', 'stuck', 'internally', 'inside', 'within'].includes(t.lower))) return false;
  return rest.some((t) => ['remain', 'remained', 'stayed', 'still'].includes(t.lower));
}

const HEADER_HOST_LEMMAS = new Set(['receive', 'host', 'welcome', 'admit', 'accept', 'shelter', 'register']);
const NATIONAL_BODIES = new Set(['ministry', 'police', 'guard', 'guards', 'government', 'authorities', 'council', 'mayor', 'governor', 'officials']);
const INTERNATIONAL_BODIES = new Set(['un', 'unhcr', 'iom', 'unicef', 'agency', 'nations']);
const SCOPE_WORDS = new Set(['overall', 'altogether', 'worldwide']);
// Verbs of arriving whose destination may be left to the sentence before ("have crossed so far").
const ARRIVAL_LEMMAS = new Set(['cross', 'enter', 'arrive', 'register', 'reach', 'receive', 'host', 'welcome', 'admit', 'accept', 'come', 'pass']);

/**
 * The destination a sentence leaves out: the number's verb is one of arriving with no "into", "to" or
 * "in" after it, the sentence names no place but the home country people left, and the sentence just
 * before named a place abroad people went to or are in.
 */
function elidedDestination(tokens: Token[], mention: NumberMention, clause: [number, number], places: PlaceMention[], metrics: MetricCue[], history: SentenceContext[]): PlaceMention | null {
  const previous = history.at(-1);
  if (!previous || places.some((p) => !(p.home && p.role === 'origin'))) return null;
  // With the country people left named ("have crossed from Ukraine so far"), only a national body's
  // count ("the interior ministry said") is for the country the sentence before named.
  // An international body's count, or one "across Europe", "in all", is no country's.
  if (tokens.some((t, k) => INTERNATIONAL_BODIES.has(t.lower) || SCOPE_WORDS.has(t.lower) || (['in', 'across'].includes(t.lower) && ['all', 'total', 'europe'].includes(tokens[k + 1]?.lower ?? '')))) return null;
  // With the home country named and no national body, only the sentence just before, and never for people gone
  // to "neighbouring countries" or "abroad" ("Slovakia has opened three more crossing points. More than 140,000
  // people have crossed from Ukraine so far").
  if (places.length > 0 && !tokens.some((t) => NATIONAL_BODIES.has(t.lower)) && tokens.some((t) => ['countries', 'abroad', 'neighbouring', 'neighboring', 'borders'].includes(t.lower))) return null;
  const { verb } = governingVerb(tokens, mention, clause, metrics);
  if (verb === null || !ARRIVAL_LEMMAS.has(tokens[verb].lemma ?? tokens[verb].lower)) return null;
  // A place of its own after the verb ("into Hungary", "to the Czech Republic"), not "across the border".
  const named = (k: number) => tokens.slice(k + 1, k + 4).some((t) => /^[A-Z]/.test(t.text)) && !/^(?:border|frontier)s?$/.test(tokens[k + 2]?.lower ?? '');
  if (tokens.slice(verb + 1, clause[1]).some((t, n) => ['into', 'to', 'towards', 'in'].includes(t.lower) || (t.lower === 'across' && named(verb + 1 + n)))) return null;
  const wentTo = previous.wentTo();
  if (wentTo) return { ...wentTo, first: -1, last: -1, referred: true };
  // A national body's count ("the border guard said", "Police said") is for the country the report
  // is about: the last one named a few sentences back, in a headline, or a dateline's city's country.
  if (!tokens.some((t) => NATIONAL_BODIES.has(t.lower))) {
    // Otherwise past one sentence that names no place at all ("Romania has turned sports halls into
    // dormitories. The Red Cross is handing out blankets. More than 480,000 people have crossed …").
    const before = history.at(-2);
    if (!before || previous.namesPlace) return null;
    const place = before.wentTo();
    return place ? { ...place, first: -1, last: -1, referred: true } : null;
  }
  for (let k = history.length - 1; k >= Math.max(0, history.length - NATIONAL_LOOKBACK); k--) {
    const country = history[k].countryNamed();
    if (country) return { place: country, role: 'destination', first: -1, last: -1, abroad: true, home: false, referred: true };
  }
  return null;
}

// How many sentences back a national body's count looks for its country (a headline and a few lines of wire copy).
const NATIONAL_LOOKBACK = 4;

/** The country abroad a known place is or lies in ("Przemysl" → Poland); none for the home country or a place not known to lie abroad. */
function countryOf(ref: PlaceRef, matcher: PlaceMatcher): NamedPlace | undefined {
  if (isCountry(ref)) return isHomeCountry(ref) ? undefined : { name: ref.name, placeId: ref.id };
  if (!isAbroad(ref) || !ref.country) return undefined;
  const country = matcher.at(tokenize(ref.country), 0)?.ref;
  return country ? { name: country.name, placeId: country.id } : { name: ref.country, placeId: null };
}

/**
 * Refugees are a running total: one day's crossings ("On Saturday alone, 131,500 crossed",
 * "26,000 arrived there on Wednesday") are not the figure. A day with a simple past verb is one
 * day's entries; "as of Sunday", "by Monday" or a perfect ("had crossed") is the total to that day.
 */
function isDaysEntries(tokens: Token[], mention: NumberMention, clause: [number, number], date: DateMention, metrics: MetricCue[]): boolean {
  if (date.statement) return false;
  // "had entered … since midnight": the day's entries so far.
  if (tokens.some((t, k) => t.lower === 'since' && tokens[k + 1]?.lower === 'midnight')) return true;
  const lead = tokens.slice(Math.max(0, date.first - 2), date.first + 1).map((t) => t.lower).join(' ');
  if (/\b(?:as of|by|until|up to|through)\b/.test(lead)) return false;
  // "arrived … between 24 February and 28 March": the period's total, not one day's entries.
  if (tokens.slice(Math.max(clause[0], date.first - 5), date.first + 1).some((t) => t.lower === 'between')) return false;
  // "The number of people who have entered Romania … reached 500,000 on Wednesday": a running total.
  if (tokens.slice(clause[0], mention.first).some((t, k, before) => ['number', 'total', 'tally', 'count'].includes(t.lower) && ['the', 'its', 'their', 'a'].includes(before[k - 1]?.lower ?? ''))) return false;
  if (tokens.slice(Math.max(0, mention.first - 3), mention.first).some((t) => t.lower === 'alone') || tokens[date.last + 1]?.lower === 'alone') return true;
  const predicate = governingVerb(tokens, mention, clause, metrics);
  if (predicate.verb === null) return false;
  const verb = predicate.verb;
  const perfect = tokens.slice(Math.max(clause[0], verb - 3), verb).some((t) => ['have', 'has', 'had', "'ve"].includes(t.lower));
  const present = ['are', 'is', 'now'].some((w) => tokens.slice(Math.max(clause[0], verb - 3), verb).some((t) => t.lower === w));
  const crossing = ['cross', 'arrive', 'enter', 'flee', 'come', 'leave', 'reach', 'pass', 'make', 'get'].includes(tokens[verb].lemma ?? tokens[verb].lower);
  return crossing && !perfect && !present && /ed$|^(?:fled|came|went|left|crossed|made|got)$/.test(tokens[verb].lower);
}

/** A number's dates: in its clause, or at the head of the sentence before any number, or the day of the statement. */
function datesFor(dates: DateMention[], mention: NumberMention, clause: [number, number], others: Array<{ first: number; last: number }>): DateMention[] {
  if (others.length === 0) return dates;
  const firstNumber = Math.min(mention.first, ...others.map((o) => o.first));
  return dates.filter((d) => d.statement || d.last < firstNumber || (d.first >= clause[0] && d.last < clause[1]));
}

/**
 * The source the sentence names for the figure. A pronoun or back-reference ("he added", "the
 * agency said") takes the last named source of the same paragraph; nothing else carries over.
 */
function resolveAttribution(context: SentenceContext, history: SentenceContext[], mention: NumberMention): string | null {
  const here = pickAttribution(context.attributions, mention.first, mention.last);
  if (!here) return null;
  if (here.name) return here.name;
  // "“We estimate … 270,000 …,” said Vít Rakušan": the speaker named in the same sentence.
  const named = context.attributions.filter((a) => a.name !== null && !a.weak);
  if (named.length > 0) return named.sort((a, b) => Math.abs(a.at - here.at) - Math.abs(b.at - here.at))[0].name;
  // Wire copy puts each sentence in its own paragraph, so look back a few sentences, not one paragraph.
  // "he", "she", "the agency" stand for one person or body, never for "border guards" or "officials".
  const plural = (name: string) => /\b[a-z]+s$/.test(name);
  const fits = (a: AttributionMention) => a.name !== null && !a.weak && (here.pronoun === 'they' || !plural(a.name));
  for (let k = history.length - 1; k >= 0 && k >= history.length - PRONOUN_REACH; k--) {
    const found = history[k].attributions.filter(fits);
    if (found.length > 0) return found.at(-1)!.name;
  }
  return null;
}

function scoreConfidence(mention: NumberMention, reading: Reading, c: Candidate): number {
  let score = 0.45;
  if (reading.metric?.viaHead) score += 0.2;
  else if (!reading.metric?.movement) score += 0.1;
  if (c.attribution) score += 0.1;
  if (c.date) score += 0.1;
  if (c.origin || c.destination) score += 0.05;
  if (mention.vague) score -= 0.15;
  if (mention.words) score -= 0.05;
  if (reading.subfigure) score -= 0.1;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

/** How fully a statement gives the figure: qualifier, date, places and source. */
function fullness(c: Candidate): number {
  return (c.qualifier !== 'EXACT' ? 1 : 0) + (c.date ? 1 : 0) + (c.origin ? 1 : 0) + (c.destination ? 1 : 0) + (c.attribution ? 1 : 0);
}

const samePlace = (a: NamedPlace | null, b: NamedPlace | null) => !a || !b || (a.placeId ?? a.name) === (b.placeId ?? b.name);

/**
 * One candidate per figure: a figure restated in a headline, the body and a quote is one
 * candidate whose `mentions` list every statement. The fullest statement gives the fields; the
 * others fill what it leaves out. A number that was not read as a figure but restates one's value
 * ("“At least 2,500 — and we are still counting,” he said") is added as a mention.
 */
function mergeRestatements(drafts: Draft[], leftovers: Array<{ mention: NumberMention; span: Span }>): Candidate[] {
  const groups: Draft[][] = [];
  for (const draft of drafts) {
    const c = draft.candidate;
    const group = groups.find((g) =>
      g.some((o) => {
        const d = o.candidate;
        return (
          o.sentenceIndex !== draft.sentenceIndex &&
          d.metric === c.metric &&
          d.low === c.low &&
          d.high === c.high &&
          samePlace(d.origin, c.origin) &&
          samePlace(d.destination, c.destination) &&
          (d.date === null || c.date === null || d.date === c.date)
        );
      }),
    );
    if (group) group.push(draft);
    else groups.push([draft]);
  }
  const merged = groups.map((group) => {
    // The fullest statement; on a tie, the later one (the body after the headline).
    const primary = [...group].sort((a, b) => fullness(b.candidate) - fullness(a.candidate) || b.sentenceIndex - a.sentenceIndex)[0];
    const c: Candidate = { ...primary.candidate, mentions: [...primary.candidate.mentions] };
    for (const other of group) {
      if (other === primary) continue;
      const o = other.candidate;
      c.mentions.push(...o.mentions);
      if (c.qualifier === 'EXACT' && o.qualifier !== 'EXACT' && o.qualifier !== 'RANGE') c.qualifier = o.qualifier;
      c.date ??= o.date;
      c.dateText ??= o.dateText;
      c.origin ??= o.origin;
      c.destination ??= o.destination;
      c.attribution ??= o.attribution;
    }
    return c;
  });
  for (const { mention, span } of leftovers) {
    if ((mention.low < 10n && !mention.words) || mention.vague) continue;
    const figure = merged.find((c) => c.low === mention.low && c.high === mention.high && !/^(?:dozens|scores|hundreds|thousands|millions|tens|several|a few)/i.test(c.asStated.replace(/^\S+ (?=\S)/, (w) => (/^(?:some|about|around|over)\s$/i.test(w) ? '' : w))) && !c.mentions.some((m) => m.start === span.start));
    if (figure) figure.mentions.push(span);
  }
  for (const c of merged) c.mentions = [c.mentions[0], ...c.mentions.slice(1).sort((a, b) => a.start - b.start)];
  return merged.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
