// Which dates a number takes, and when a dated refugee count is one day's entries rather than the
// running total.
import type { DateMention } from './dates';
import { governingVerb } from './metrics';
import type { NumberMention } from './numbers';
import type { Token } from './tokens';
import type { MetricCue } from './types';

// Crossings counted one by one, and the verbs that count them.
const ENTRY_NOUNS = new Set(['entries', 'crossings', 'arrivals']);
const COUNTED_LEMMAS = new Set(['register', 'record', 'count', 'log', 'report']);
// Border traffic a crossing handled on a day, whatever it counts ("handled 1,250 people … on Saturday").
const PROCESSED_LEMMAS = new Set(['handle', 'process', 'check', 'clear']);

/**
 * Refugees are a running total: one day's crossings ("On Saturday alone, 131,500 crossed",
 * "26,000 arrived there on Wednesday") are not the figure. A day with a simple past verb is one
 * day's entries; "as of Sunday", "by Monday" or a perfect ("had crossed") is the total to that day.
 */
export function isDaysEntries(tokens: Token[], mention: NumberMention, clause: [number, number], date: DateMention, metrics: MetricCue[]): boolean {
  if (date.statement) return false;
  // "had entered … since midnight": the day's entries so far.
  if (tokens.some((t, k) => t.lower === 'since' && tokens[k + 1]?.lower === 'midnight')) return true;
  const lead = tokens.slice(Math.max(0, date.first - 2), date.first + 1).map((t) => t.lower).join(' ');
  if (/\b(?:as of|by|until|up to|through)\b/.test(lead)) return false;
  // "arrived … between 24 February and 28 March": the period's total, not one day's entries.
  if (tokens.slice(Math.max(clause[0], date.first - 5), date.first + 1).some((t) => t.lower === 'between')) return false;
  // "The number of people who have entered Romania … reached 500,000 on Wednesday": a running total.
  // Not "A total of 14,900 … entered … in the past 24 hours": that only states the count.
  if (tokens.slice(clause[0], mention.first).some((t, k, before) => ['number', 'total', 'tally', 'count'].includes(t.lower) && ['the', 'its', 'their', 'a'].includes(before[k - 1]?.lower ?? '') && clause[0] + k + 2 !== mention.first)) return false;
  // "…, and 186,000 since February 24": a number with a period of its own is the running total.
  if (tokens.slice(mention.last + 1, mention.last + 3).some((t) => t.lower === 'since')) return false;
  if (tokens.slice(Math.max(0, mention.first - 3), mention.first).some((t) => t.lower === 'alone') || tokens[date.last + 1]?.lower === 'alone') return true;
  const predicate = governingVerb(tokens, mention, clause, metrics);
  // "… 4,500 entries on Thursday and 3,900 on Friday": a gapped item shares the verb before it.
  const gapped = ['and', ','].includes(tokens[mention.first - 1]?.lower ?? '') ? tokens.slice(clause[0], mention.first).findLastIndex((t) => t.pos === 'VERB') : -1;
  const verb = predicate.verb ?? (gapped >= 0 ? clause[0] + gapped : null);
  if (verb === null) return false;
  const perfect = tokens.slice(Math.max(clause[0], verb - 3), verb).some((t) => ['have', 'has', 'had', "'ve"].includes(t.lower));
  const present = ['are', 'is', 'now'].some((w) => tokens.slice(Math.max(clause[0], verb - 3), verb).some((t) => t.lower === w));
  // "registered 4,500 entries on Thursday and 3,900 on Friday": a count of the day's crossings.
  const entries = tokens.slice(verb + 1, mention.last + 3).some((t) => ENTRY_NOUNS.has(t.lower));
  const counted = (entries && COUNTED_LEMMAS.has(tokens[verb].lemma ?? tokens[verb].lower)) || PROCESSED_LEMMAS.has(tokens[verb].lemma ?? tokens[verb].lower);
  const crossing = counted || ['cross', 'arrive', 'enter', 'flee', 'come', 'leave', 'reach', 'pass', 'make', 'get'].includes(tokens[verb].lemma ?? tokens[verb].lower);
  return crossing && !perfect && !present && /ed$|^(?:fled|came|went|left|crossed|made|got)$/.test(tokens[verb].lower);
}

/** A number's dates: in its clause, or at the head of the sentence before any number, or the day of the statement. */
export function datesFor(dates: DateMention[], mention: NumberMention, clause: [number, number], others: Array<{ first: number; last: number }>, tokens?: Token[]): DateMention[] {
  if (others.length === 0) return dates;
  const firstNumber = Math.min(mention.first, ...others.map((o) => o.first));
  // "2.35 million … since February 24, and 20,300 on Tuesday alone", "261,445 …, including 33,969 on Sunday":
  // a day after a later part or increment (after "including" or ", and") is that number's.
  const opensPart = (first: number) => tokens !== undefined && (tokens[first - 1]?.lower === 'including' || (tokens[first - 1]?.lower === 'and' && tokens[first - 2]?.text === ','));
  const later = others.filter((o) => o.first > mention.last && opensPart(o.first)).map((o) => o.first);
  const beyondLater = (d: DateMention) => !d.statement && later.some((first) => first < d.first);
  return dates.filter((d) => (d.statement || d.last < firstNumber || (d.first >= clause[0] && d.last < clause[1])) && !beyondLater(d));
}
