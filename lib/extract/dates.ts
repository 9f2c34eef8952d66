// Resolves date expressions against the publication date. Returns null rather than guess.
import { addDays, format, getDay, isAfter, subDays, subWeeks } from 'date-fns';
import { matchPhraseAt, type Token } from './tokens';

export interface DateMention {
  date: string;
  text: string;
  first: number;
  last: number;
  /** "since 24 February" opens a period; it is not the date of the figure. */
  since: boolean;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_INDEX: Record<string, number> = {
  january: 0, jan: 0, february: 1, feb: 1, march: 2, mar: 2, april: 3, apr: 3, may: 4, june: 5, jun: 5, july: 6, jul: 6,
  august: 7, aug: 7, september: 8, sep: 8, sept: 8, october: 9, oct: 9, november: 10, nov: 10, december: 11, dec: 11,
};
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, a: 1 };

/** Publication day as a local calendar date, ignoring any time or zone so results never shift a day. */
export function publicationDay(publishedAt: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (!match) throw new Error(`publishedAt must start with YYYY-MM-DD, got "${publishedAt}"`);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** The most recent given weekday on or before the publication day (a Tuesday story's "on Tuesday" is that day). */
function lastWeekday(published: Date, weekday: number, strictlyBefore: boolean): Date {
  let back = (getDay(published) - weekday + 7) % 7;
  if (back === 0 && strictlyBefore) back = 7;
  return subDays(published, back);
}

type Reader = (tokens: Token[], i: number, published: Date) => { date: Date; length: number } | null;

const RELATIVE_PHRASES: Array<[string, (published: Date) => Date]> = [
  ['in the past 24 hours', (p) => p], ['in the last 24 hours', (p) => p], ['over the past 24 hours', (p) => p],
  ['over the last 24 hours', (p) => p], ['in the past day', (p) => p], ['over the past day', (p) => p], ['in the last day', (p) => p], ['overnight', (p) => p], ['today', (p) => p],
  ['this morning', (p) => p], ['yesterday', (p) => subDays(p, 1)], ['last night', (p) => subDays(p, 1)],
  ['over the weekend', (p) => lastWeekday(p, 0, false)], ['at the weekend', (p) => lastWeekday(p, 0, false)],
  ['last weekend', (p) => lastWeekday(p, 0, true)], ['last week', (p) => subWeeks(p, 1)],
];
const RELATIVE_TEXTS = RELATIVE_PHRASES.map(([text]) => text);
const RELATIVE = new Map(RELATIVE_PHRASES);

const readRelative: Reader = (tokens, i, published) => {
  const match = matchPhraseAt(tokens, i, RELATIVE_TEXTS);
  return match ? { date: RELATIVE.get(match.phrase)!(published), length: match.length } : null;
};

// "on Tuesday", "last Tuesday", "Tuesday night"
const readWeekday: Reader = (tokens, i, published) => {
  const last = tokens[i].lower === 'last';
  const day = WEEKDAYS.indexOf(tokens[last ? i + 1 : i]?.lower ?? '');
  if (day < 0) return null;
  return { date: lastWeekday(published, day, last), length: last ? 2 : 1 };
};

// "two weeks ago", "3 days ago"
const readAgo: Reader = (tokens, i, published) => {
  const count = NUMBER_WORDS[tokens[i].lower] ?? (/^\d{1,2}$/.test(tokens[i].text) ? Number(tokens[i].text) : NaN);
  const unit = tokens[i + 1]?.lower ?? '';
  if (Number.isNaN(count) || tokens[i + 2]?.lower !== 'ago') return null;
  if (/^days?$/.test(unit)) return { date: subDays(published, count), length: 3 };
  if (/^weeks?$/.test(unit)) return { date: subWeeks(published, count), length: 3 };
  return null;
};

// "8 March", "8 March 2022", "March 8", "March 8, 2022", "8th March"
const readCalendar: Reader = (tokens, i, published) => {
  const parts = calendarParts(tokens, i);
  if (!parts) return null;
  let date = new Date(parts.year ?? published.getFullYear(), parts.month, parts.day);
  if (date.getMonth() !== parts.month) return null;
  // A date without a year that lands well after publication belongs to the previous year.
  if (parts.year === undefined && isAfter(date, addDays(published, 7))) {
    date = new Date(published.getFullYear() - 1, parts.month, parts.day);
  }
  return { date, length: parts.length };
};

function calendarParts(tokens: Token[], i: number): { day: number; month: number; year?: number; length: number } | null {
  const dayAt = (k: number) => (/^\d{1,2}$/.test(tokens[k]?.text ?? '') ? Number(tokens[k].text) : null);
  const monthAt = (k: number) => MONTH_INDEX[(tokens[k]?.lower ?? '').replace(/\.$/, '')];
  const yearAt = (k: number) => (/^(?:19|20)\d\d$/.test(tokens[k]?.text ?? '') ? Number(tokens[k].text) : undefined);
  const firstDay = dayAt(i);
  if (firstDay !== null) {
    const ordinal = ['st', 'nd', 'rd', 'th'].includes(tokens[i + 1]?.lower ?? '') ? 1 : 0;
    const month = monthAt(i + 1 + ordinal);
    if (month === undefined || (tokens[i + 1 + ordinal].lower === 'may' && ordinal === 0 && tokens[i + 2]?.kind === 'word')) return null;
    const year = yearAt(i + 2 + ordinal);
    return { day: firstDay, month, year, length: 2 + ordinal + (year ? 1 : 0) };
  }
  const month = monthAt(i);
  const day = dayAt(i + 1);
  if (month === undefined || day === null || /^[a-z]/.test(tokens[i].text)) return null;
  const comma = tokens[i + 2]?.text === ',' ? 1 : 0;
  const year = yearAt(i + 2 + comma);
  return { day, month, year, length: year ? 3 + comma : 2 };
}

const READERS: Reader[] = [readRelative, readWeekday, readAgo, readCalendar];
const SINCE_WORDS = new Set(['since']);

/** All date expressions in a sentence's tokens. */
export function findDates(tokens: Token[], sentence: string, publishedAt: string): DateMention[] {
  const published = publicationDay(publishedAt);
  const found: DateMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const read of READERS) {
      const result = read(tokens, i, published);
      if (!result) continue;
      const last = i + result.length - 1;
      const lead = tokens[i - 1]?.lower === 'on' ? i - 1 : i;
      found.push({
        date: iso(result.date),
        text: sentence.slice(tokens[lead].start, tokens[last].end),
        first: lead,
        last,
        since: opensPeriod(tokens, i),
      });
      i = last;
      break;
    }
  }
  return found;
}

// "since 24 February", "since the invasion began on 24 February": look back to "since" within the phrase.
function opensPeriod(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 7); k--) {
    if (tokens[k].kind === 'punct') return false;
    if (SINCE_WORDS.has(tokens[k].lower)) return true;
  }
  return false;
}

/** The date nearest the number, ignoring dates that open a period. */
export function pickDate(dates: DateMention[], numberFirst: number, numberLast: number): DateMention | null {
  let best: { mention: DateMention; distance: number } | null = null;
  for (const mention of dates) {
    if (mention.since) continue;
    const distance = mention.last < numberFirst ? numberFirst - mention.last : mention.first - numberLast;
    if (!best || distance < best.distance) best = { mention, distance };
  }
  return best?.mention ?? null;
}
