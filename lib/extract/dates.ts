// Date expressions relative to the publication date. chrono-node finds and reads them ("on
// Tuesday", "19 March", "two days ago", "as of midnight on 2 March"); this module applies the
// corpus conventions on top: a weekday is the most recent one on or before publication, "the
// weekend" is its Sunday, "over the past day" is the publication day, and spans ("last week",
// "earlier this week", "now") are no date at all. Returns null rather than guess.
import * as chrono from 'chrono-node';
import { format, getDay, isAfter, addDays, subDays } from 'date-fns';
import type { Token } from './tokens';

export interface DateMention {
  date: string;
  text: string;
  first: number;
  last: number;
  /** "since 24 February", "between 24 February and …" opens a period; it is not the date of the figure. */
  since: boolean;
  /** "said on Sunday": the day of the statement, used only when the figure has no date of its own. */
  statement: boolean;
}

/** Publication day as a local calendar date, ignoring any time or zone so results never shift a day. */
export function publicationDay(publishedAt: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (!match) throw new Error(`publishedAt must start with YYYY-MM-DD, got "${publishedAt}"`);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** The most recent given weekday on or before the publication day (a Tuesday story's "on Tuesday" is that day). */
function lastWeekday(published: Date, weekday: number, strictlyBefore: boolean): Date {
  let back = (getDay(published) - weekday + 7) % 7;
  if (back === 0 && strictlyBefore) back = 7;
  return subDays(published, back);
}

// chrono's casual English parser. Its British variant reads "March 11" as March 2011, so it is not used.
const parser = chrono.casual;

// Phrases chrono does not read as a day, with the day the corpus rules give them.
const SAME_DAY = /\b(?:overnight|during the day|over the (?:past|last) (?:day|24 hours)|in the (?:past|last) (?:day|24 hours)|this (?:morning|afternoon|evening)|tonight)\b/gi;
// Spans and vague references that are not one day: chrono reads some of them as a day.
const NOT_A_DAY = /^(?:(?:over |in |during )?(?:the )?(?:past|last|previous) (?:week|fortnight|month|year)|now|(?:earlier |later )?this week|last week|next .*|in \S+ (?:days?|weeks?|months?)|this month|last month|this year|recent.*|(?:the )?(?:past|last|previous|next|coming) \S+ (?:days|weeks|months|years))$/i;
const REPORTING = /\b(?:said|says|told|announced|reported|wrote|posted|tweeted|added|stated|confirmed|published|released|issued)\s+(?:late\s+|early\s+)?$/i;

type Range = { start: number; end: number; date: Date };

function readChrono(sentence: string, published: Date): Range[] {
  const ranges: Range[] = [];
  // A number grouped in thousands ("1 April, 4,019,287") is no part of a date: hide its digits
  // (same length, so offsets hold) so chrono cannot read "April, 4" from it.
  const masked = sentence.replace(/\d{1,3}(?:,\d{3})+/g, (n) => n.replace(/\d/g, '#'));
  for (const result of parser.parse(masked, published, { forwardDate: false })) {
    let text = result.text;
    let start = result.index;
    // "Last night 17 buses": chrono reads the count as an hour. Drop a bare trailing number.
    const trailing = /\s+\d[\d,.]*$/.exec(text);
    if (trailing && result.start.isCertain('hour') && !/:\d\d\b|\b(?:am|pm|a\.m|p\.m|o'clock)\b/i.test(text)) {
      text = text.slice(0, trailing.index);
      const again = parser.parse(text, published, { forwardDate: false })[0];
      if (!again) continue;
      ranges.push(...resolve(again, start + again.index, published));
      continue;
    }
    ranges.push(...resolve(result, start, published));
  }
  for (const match of sentence.matchAll(SAME_DAY)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const inside = ranges.findIndex((r) => r.start < end && start < r.end);
    if (inside >= 0) ranges.splice(inside, 1);
    ranges.push({ start, end, date: published });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

function resolve(result: chrono.ParsedResult, start: number, published: Date): Range[] {
  const text = result.text.replace(/^(?:on|by|as of|at|in)\s+/i, '');
  if (NOT_A_DAY.test(text.trim())) return [];
  const c = result.start;
  const end = start + result.text.length;
  if (/weekend/i.test(text)) return [{ start, end, date: lastWeekday(published, 0, /\blast\b/i.test(text)) }];
  if (c.isCertain('day')) {
    // A span of days ("14-15 March") is true at its end, as "between 24 February and 13 March" is.
    let date = result.end?.isCertain('day') ? result.end.date() : c.date();
    // A day and month with no year that lands well after publication belongs to the previous year.
    if (!c.isCertain('year') && isAfter(date, addDays(published, 7))) date = new Date(date.getFullYear() - 1, date.getMonth(), date.getDate(), 12);
    // A report cannot give a figure for a day after it was published ("in just 24 hours" read as tomorrow).
    if (iso(date) > iso(published)) return [];
    return [{ start, end, date }];
  }
  if (c.isCertain('weekday')) {
    return [{ start, end, date: lastWeekday(published, c.get('weekday')!, /\blast\b/i.test(result.text)) }];
  }
  // "the night of 7 March": chrono finds the phrase but leaves the day to its inner date.
  const inner = /\b(?:night|morning|evening|afternoon) of (.+)$/i.exec(result.text);
  if (inner) {
    const again = parser.parse(inner[1], published, { forwardDate: false })[0];
    if (again?.start.isCertain('day')) return resolve(again, start, published).map((r) => ({ ...r, end }));
  }
  // Only a time of day ("16:30", "07:00"), a month, or a relative span: no day.
  return [];
}

// Words without which a sentence holds no date; chrono is not run on the others (it is the costliest step).
const DATE_HINT = /day|night|morning|evening|afternoon|weekend|week|yesterday|today|tonight|overnight|ago|hours|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{1,2}[./-]\d{1,2}/i;

/** All date expressions in a sentence, as token ranges. */
export function findDates(tokens: Token[], sentence: string, publishedAt: string): DateMention[] {
  if (!DATE_HINT.test(sentence)) return [];
  const published = publicationDay(publishedAt);
  const found: DateMention[] = [];
  for (const range of readChrono(sentence, published)) {
    let first = tokens.findIndex((t) => t.end > range.start);
    let last = tokens.length - 1;
    while (last > 0 && (tokens[last].start >= range.end || tokens[last].kind === 'punct')) last--;
    if (first < 0 || last < first) continue;
    if (['on', 'by'].includes(tokens[first - 1]?.lower ?? '')) first--;
    found.push({
      date: iso(range.date),
      text: sentence.slice(tokens[first].start, tokens[last].end),
      first,
      last,
      since: opensPeriod(tokens, first),
      statement: REPORTING.test(sentence.slice(0, tokens[first].start)),
    });
  }
  return found;
}

// "since 24 February", "since the invasion began on 24 February", "between 24 February and …"
// ("from" is not enough: "the death toll from Tuesday's strike").
function opensPeriod(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 7); k--) {
    if (tokens[k].kind === 'punct') return false;
    if (['since', 'between', 'starting', 'beginning'].includes(tokens[k].lower)) return true;
    if (tokens[k].kind === 'number') return false;
  }
  return false;
}

/**
 * The date of a figure: its own date nearest the number; failing that, the day of the statement
 * ("said on Sunday"). Dates that open a period never count.
 */
export function pickDate(dates: DateMention[], numberFirst: number, numberLast: number): DateMention | null {
  const distance = (m: DateMention) => (m.last < numberFirst ? numberFirst - m.last : m.first - numberLast);
  const usable = dates.filter((m) => !m.since);
  const own = usable.filter((m) => !m.statement).sort((a, b) => distance(a) - distance(b));
  // "8,400 … over the past day, and 186,000 since February 24": a period right after the number is its own,
  // and a day nearer another number is not.
  const period = dates.find((m) => m.since && m.first > numberLast && m.first <= numberLast + 2);
  if (period && own.length > 0 && own[0].last < numberFirst) return null;
  if (own.length > 0) return own[0];
  return usable.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}
