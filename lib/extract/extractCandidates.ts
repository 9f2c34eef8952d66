// Extraction of cited figure candidates from prose. Pure and offline: the caller passes metrics
// and places loaded from the database; the language model (wink-nlp) and the date parser
// (chrono-node) ship in their npm packages.
import { NUMBER_WORDS } from '@/lib/figures/parseStatedValue';
import { scoreConfidence } from './confidence';
import { isCountry } from './countries';
import { findDates, pickDate, type DateMention } from './dates';
import { countryOf, elidedDestination, INTERNATIONAL_BODIES } from './elidedDestination';
import { datesFor, isDaysEntries } from './figureDates';
import { notAFigureReason } from './filters';
import { isNationalBodyCount, shelteredByHost } from './hostCounts';
import { headingAbove, isFigureLine } from './keyFigures';
import { tagTokens } from './language';
import { listHead, parentOf } from './lists';
import { classifyMetric, governingVerb, headKeywordIndex, headNoun, isInPlace, isSubfigure, namedSubgroup, notACount, peopleCountedBefore, type MetricMatch } from './metrics';
import { findNumberMentions, opensCount, type NumberMention } from './numbers';
import { pickPlaces } from './pickPlaces';
import { createPlaceMatcher, type PlaceMatcher } from './placeMatcher';
import { findPlaces, lastPlaces, type PlaceMention } from './places';
import { mergeRestatements } from './restatements';
import type { Draft, Reading, SentenceContext } from './sentenceContext';
import { resolveAttribution, sources } from './sentenceSources';
import { splitClauses, splitSentences } from './sentences';
import { siteBeforeIn } from './sites';
import { PRE_WAR, stayedOn, staysAbroad, withinHomeCountry } from './staying';
import { matchesPhrase, tokenize, type Token } from './tokens';
import type { Candidate, ExtractOptions, MetricCue, NamedPlace, Span } from './types';

export { DEFAULT_METRIC_CUES } from './metrics';
export type { Candidate, ExtractOptions, MetricCue, PlaceRef, NamedPlace } from './types';

// A border agency named in the sentence ("Poland's border guard", "the Border Police of Moldova").
const BORDER_AGENCY = /\bborder\s+(?:guards?|police|service|agency|officials)\b/i;
// "Of those, roughly 1.8 million ...", "put the figure at ...": the count continues the previous sentence's.
// Words after a place that make it part of an official's title: "Donetsk Oblast Governor", "Kharkiv regional governor".
const TITLE_AFTER = new Set(['governor', 'mayor', 'regional', 'head', 'chief', 'administration', 'council', 'authorities', 'officials', 'police', 'prosecutor', 'prosecutors']);
// Leaving with no place of its own, and where people are said to be trapped.
const LEAVE_LEMMAS = new Set(['leave', 'escape', 'flee', 'evacuate']);
const TRAPPED_WORDS = new Set(['trapped', 'stuck', 'stranded', 'remain', 'remaining', 'remained', 'blockaded', 'besieged']);
const ANAPHORA = ['the figure', 'the number', 'the total', 'of those', 'of them', 'that figure', 'the tally', 'the count', 'bringing the total'];
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
    // findPlaces reads the tags when there are any: its answer holds after tagging only if they were there already.
    const taggedWhenNamed = tokens[0]?.pos !== undefined;
    // A host subject ("Slovakia has opened …") needs the tags; a sentence without a number is tagged only if asked.
    // Both read the sentence again with its tags, only when a later sentence asks, once, and not at all when it names no place.
    let went: PlaceMention | undefined | null = null;
    const wentTo = () => (went !== null ? went : (went = named.length === 0 ? undefined : wentToNow()));
    const wentToNow = () => {
      if (tokens[0]?.pos === undefined) tagTokens(sentence.text, tokens);
      // The place the sentence is about when it opens with it ("Bulgaria has sent buses to the Romanian border"), else the last.
      const abroad = (taggedWhenNamed ? named : findPlaces(tokens, matcher, previousPlace)).filter((p) => p.role !== 'origin' && p.abroad && !p.referred && !p.seat);
      return abroad.find((p) => p.first <= 1) ?? abroad.at(-1);
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
      const found = candidatesInSentence(context, history, history.length, opts, matcher, leftovers, named);
      context.lastMetric = found.at(-1)?.candidate.metric;
      context.lastCandidate = found.at(-1);
      drafts.push(...found);
    }
    history.push(context);
  }
  quotedSpeakers(drafts, history);
  return mergeRestatements(drafts, leftovers);
}

/**
 * "“Almost 116,000 have crossed international borders. This may go up,” said Shabia Mantoo": a figure in
 * a sentence that opens a quotation takes the speaker named where the quotation closes, up to three
 * sentences on.
 */
function quotedSpeakers(drafts: Draft[], history: SentenceContext[]): void {
  const opensQuote = (text: string) => {
    const t = text.trim();
    if (t.startsWith('“')) return !t.includes('”');
    return t.startsWith('"') && (t.match(/"/g) ?? []).length % 2 === 1;
  };
  for (const draft of drafts) {
    if (draft.candidate.attribution || !opensQuote(history[draft.sentenceIndex]?.sentence.text ?? '')) continue;
    for (let k = draft.sentenceIndex + 1; k < history.length && k <= draft.sentenceIndex + 3; k++) {
      if (!/[”"]/.test(history[k].sentence.text)) continue;
      const named = history[k].attributions.find((a) => a.name !== null && !a.weak);
      if (named) draft.candidate.attribution = named.name;
      break;
    }
  }
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
  places: PlaceMention[],
): Draft[] {
  const { sentence, tokens } = context;
  const mentions = findNumberMentions(tokens, sentence.text).filter((m) => notAFigureReason(tokens, m) === null);
  if (mentions.length === 0) return [];
  const clauses = clauseRanges(sentence, tokens);
  const claimed = new Set(mentions.map((m) => headKeywordIndex(tokens, m, opts.metrics)).filter((i): i is number => i !== null));
  const previousContext = history.at(-1);
  // "3,455 (3,372 a day earlier)": the day of an earlier report's value in brackets is no figure's date.
  const inEarlierValue = (d: DateMention) => {
    const open = tokens.slice(0, d.first).findLastIndex((t) => t.text === '(' || t.text === ')');
    return open > 0 && tokens[open].text === '(' && tokens[open - 1]?.kind === 'number' && tokens[open + 1]?.kind === 'number';
  };
  const dates = findDates(tokens, sentence.text, opts.publishedAt).filter((d) => !inEarlierValue(d));
  // "The same day, 1,200 people …": the day of the sentence before, by an explicit back-reference.
  const sameDay = tokens.findIndex((t, k) => t.lower === 'same' && tokens[k + 1]?.lower === 'day' && tokens[k - 1]?.lower === 'the');
  if (sameDay > 0 && previousContext) {
    const before = findDates(previousContext.tokens, previousContext.sentence.text, opts.publishedAt).filter((d) => !d.since).at(-1);
    if (before) dates.push({ ...before, text: sentence.text.slice(tokens[sameDay - 1].start, tokens[sameDay + 1].end), first: sameDay - 1, last: sameDay + 1, since: false, statement: false });
  }

  // 1. What each number counts, on its own.
  const readings: Reading[] = mentions.map((mention) => {
    const clause = clauses.find(([from, to]) => mention.first >= from && mention.first < to) ?? [0, tokens.length];
    const predicate = governingVerb(tokens, mention, clause, opts.metrics);
    const head = headNoun(tokens, mention, opts.metrics);
    const subfigure = isSubfigure(tokens, mention);
    let rejected = notACount(tokens, mention, clause, predicate);
    // Children and other sub-groups are a part of the metric, never the metric ("42 children were killed").
    if ((head.kind === 'people' && head.subgroup) || namedSubgroup(tokens, mention)) rejected = 'subgroup';
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
    // "The bodies of 410 civilians have been found": people counted by their bodies were killed.
    if (!metric && !rejected && head.kind === 'people' && tokens[mention.first - 1]?.lower === 'of' && ['bodies', 'remains'].includes(tokens[mention.first - 2]?.lower ?? '') && opts.metrics.some((m) => m.key === 'civilian_deaths')) {
      metric = { metric: 'civilian_deaths', viaHead: false };
    }
    if (!metric && !rejected && mentions.length === 1 && head.kind !== 'other' && !(mention.words && head.kind === 'none' && !mention.vague)) {
      metric = classifyMetric(tokens, mention, [0, tokens.length], opts.metrics, claimed);
    }
    return { mention, headKind: head.kind, clause, metric, rejected, subfigure };
  });

  // 1b. "30,000 a day, down from more than 100,000": an earlier value of what the number before counts,
  //     so no figure when that number is a rate.
  readings.forEach((reading, i) => {
    const before = readings[i - 1];
    const compared = tokens[reading.mention.first - 1]?.lower === 'from' && ['down', 'up'].includes(tokens[reading.mention.first - 2]?.lower ?? '');
    if (compared && before?.rejected === 'rate' && reading.headKind === 'none' && !reading.rejected) {
      reading.rejected = before.rejected;
      reading.metric = null;
    }
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
      // "The reception point in Iasi has helped 12,000 people": people a reception site in a town the table lacks has seen.
      const siteTown = (p: PlaceMention) => p.place.placeId === null && reading.headKind === 'people' && siteBeforeIn(tokens, p.first - 1);
      if (places.some((p) => (p.abroad || (ukrainians && p.place.placeId === null) || siteTown(p)) && p.role === 'destination' && p.first >= from && p.last < to)) reading.metric = { metric: 'refugees', viaHead: false };
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

  // 3c. "… have crossed west into Poland. The UNHCR said that 453,982 people had done so": "done so" repeats
  //     the movement of the sentence before; its cue words give the metric.
  if (previousContext) {
    readings.forEach((reading) => {
      if (reading.rejected || reading.headKind === 'other') return;
      const after = tokens.slice(reading.mention.last + 1, reading.mention.last + 6);
      const doneSo = after.some((t, k) => ['done', 'did', 'do'].includes(t.lower) && after[k + 1]?.lower === 'so');
      const cue = doneSo ? opts.metrics.find((m) => m.key !== 'buses' && previousContext.tokens.some((t) => m.keywords.includes(t.lower))) : undefined;
      if (cue) {
        reading.metric ??= { metric: cue.key, viaHead: false };
        reading.doneSo = true;
      }
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
  // "The day's 27,000 entries brought the total for Romania to 480,000": a finite verb only with "the" total
  // and "to" a number ("took a heavy toll" is no total).
  const totalTo = (k: number) => tokens[k + 1]?.lower === 'the' && tokens.slice(k + 2, k + 9).some((w, n, rest) => w.lower === 'to' && opensCount(tokens, k + 2 + n + 1));
  const totalAt = tokens.findIndex((t, k) => (['bringing', 'taking', 'pushing', 'raising'].includes(t.lower) || (['brought', 'took', 'pushed', 'raised'].includes(t.lower) && totalTo(k))) && tokens.slice(k + 1, k + 5).some((w) => ['total', 'number', 'tally', 'toll'].includes(w.lower)));
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
    // "casualties … stand at 3,455, including 1,417 killed": the deaths among casualties are the figure.
    const deathsOfCasualties = results[i].candidate.metric === 'civilian_deaths' && ['killed', 'dead'].includes(tokens[results[i].mention.last + 1]?.lower ?? '') && tokens.some((t) => t.lower === 'casualties');
    if (reading.subfigure && !results[i].originMention && !results[i].destinationMention && !deathsOfCasualties) {
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
  const movedBy = reading.metric!.movement || metricKey === 'evacuees' ? governingVerb(tokens, mention, clause, metrics).verb : null;
  // "had boarded evacuation trains in Kramatorsk": people board where they leave from.
  if (movedBy !== null && tokens[movedBy].lemma === 'board' && !originMention && destinationMention && !destinationMention.abroad && tokens[destinationMention.first - 1]?.lower === 'in') {
    originMention = destinationMention;
    destinationMention = null;
  }
  // "About 100,000 people are still trapped in Mariupol, while 4,000 managed to leave": leaving with no
  // place of its own is leaving where the sentence says people are trapped.
  // "managed to leave", "were able to leave": the verb after "to".
  const leaving = movedBy !== null && [movedBy, movedBy + 2].some((k) => LEAVE_LEMMAS.has(tokens[k]?.lemma ?? '') && (k === movedBy || tokens[movedBy + 1]?.lower === 'to'));
  if (leaving && !originMention && !destinationMention) {
    const trappedIn = places.find((p) => !p.abroad && !p.home && p.last < mention.first && tokens[p.first - 1]?.lower === 'in' && tokens.slice(Math.max(0, p.first - 4), p.first - 1).some((t) => TRAPPED_WORDS.has(t.lower)));
    if (trappedIn) originMention = trappedIn;
  }
  // "had done so": where the sentence before says people went.
  if (reading.doneSo && !destinationMention && !originMention) destinationMention = history.at(-1)?.wentTo() ?? null;
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
      // Not a country that acts ("when Russia started the war"): the subject of a verb is no place of killing.
      // Nor a place in a speaker's title ("Donetsk Oblast Governor Pavlo Kyrylenko").
      const actor = (p: PlaceMention) => p.role === null && ((isCountry({ name: p.place.name }) && tokens[p.last + 1]?.pos === 'VERB') || TITLE_AFTER.has(tokens[p.last + 1]?.lower ?? ''));
      const inClause = places.filter((p) => (others.length === 0 || (p.first >= clause[0] && p.last < clause[1])) && !actor(p));
      const rank = (p: PlaceMention) => (p.home ? 1000 : 0) + (p.first > mention.last ? p.first - mention.last : 100 + mention.first - p.last);
      originMention = inClause.sort((a, b) => rank(a) - rank(b))[0] ?? null;
    }
  }
  // "There are 17 buses near Berdyansk": buses standing by, not buses that ran.
  if (metricKey === 'buses' && tokens[mention.first - 2]?.lower === 'there' && ['are', 'were', 'is'].includes(tokens[mention.first - 1]?.lower ?? '')) return null;
  const date = pickDate(datesFor(dates, mention, clause, others, tokens), mention.first, mention.last);
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

const HEADER_HOST_LEMMAS = new Set(['receive', 'host', 'welcome', 'admit', 'accept', 'shelter', 'register']);

