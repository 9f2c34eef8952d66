// Reading what an editor types into the source search box: "Reuters, 9 Mar 2022"
// is a publisher and a day, which is enough to find or create a source. Dates are
// parsed with date-fns in a few unambiguous formats (no 3/9/2022: day or month first?).
import { format, isValid, parse } from 'date-fns';
import { dayProblem } from '@/lib/vocabulary';

export interface SourceQuery {
  /** The words that are not the date, e.g. "Reuters". */
  publisher: string;
  /** YYYY-MM-DD, or null when the query names no day. */
  publishedAt: string | null;
}

const DAY_FORMATS = ['d MMM yyyy', 'd MMMM yyyy', 'MMM d yyyy', 'MMMM d yyyy', 'yyyy-MM-dd', 'd MMM. yyyy'];
const REFERENCE = new Date(2000, 0, 1);

function parseDay(text: string): string | null {
  const cleaned = text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  for (const f of DAY_FORMATS) {
    const d = parse(cleaned, f, REFERENCE);
    if (isValid(d)) {
      const day = format(d, 'yyyy-MM-dd');
      return dayProblem(day) ? null : day;
    }
  }
  return null;
}

/** Splits "Reuters, 9 Mar 2022" (or "9 March 2022 Reuters") into publisher and day. */
export function parseSourceQuery(query: string): SourceQuery {
  const words = query.replace(/[,;–—-]+\s*$/, '').trim().split(/\s+/).filter(Boolean);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const tail = parseDay(words.slice(-n).join(' '));
    if (tail) return { publisher: tidy(words.slice(0, -n).join(' ')), publishedAt: tail };
    const head = parseDay(words.slice(0, n).join(' '));
    if (head) return { publisher: tidy(words.slice(n).join(' ')), publishedAt: head };
  }
  return { publisher: tidy(query), publishedAt: null };
}

const tidy = (s: string) => s.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').replace(/\s+/g, ' ');

/** How a source is named when it has no title: "Reuters, 9 Mar 2022". */
export function sourceLabel(publisher: string, publishedAt: Date | string | null): string {
  if (!publishedAt) return publisher;
  const day = typeof publishedAt === 'string' ? new Date(`${publishedAt}T00:00:00Z`) : publishedAt;
  // The day in UTC, whatever the server's time zone.
  const utc = new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return `${publisher}, ${format(utc, 'd MMM yyyy')}`;
}

export interface SearchableSource {
  title: string;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
}

/**
 * True when every word of the query appears in the source's title, publisher or URL,
 * and the day, if the query names one, is the day it was published. "Reuters" finds
 * every Reuters source; "Reuters 9 Mar 2022" the one from that day.
 */
export function sourceMatches(source: SearchableSource, query: SourceQuery): boolean {
  if (query.publishedAt && source.publishedAt !== query.publishedAt) return false;
  const haystack = [source.title, source.publisher, source.url].filter(Boolean).join(' ').toLowerCase();
  return query.publisher
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
