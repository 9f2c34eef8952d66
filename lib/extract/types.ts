import type { Qualifier } from '@/lib/vocabulary';

/**
 * What a metric is called in prose. `counts: 'things'` (buses) is only assigned when a keyword is
 * the noun right after the number ("60 buses"); 'people' metrics (the default) also take cues
 * from verbs in the same clause ("5,000 fled").
 */
export interface MetricCue {
  key: string;
  keywords: string[];
  counts?: 'people' | 'things';
}

export interface PlaceRef {
  id: string;
  name: string;
  aliases: string[];
  /** The country a town, region or crossing lies in (from the place table's hierarchy), if known. */
  country?: string;
}

export interface NamedPlace {
  name: string;
  placeId: string | null;
}

export interface Candidate {
  metric: string;
  qualifier: Qualifier;
  low: bigint;
  high: bigint;
  /** The number phrase as written, e.g. "more than 5,000". */
  asStated: string;
  /**
   * Every place the text states this figure (headline, body, quote), as spans of the number
   * phrase; the first is `asStated` in `quote`. One figure is one candidate.
   */
  mentions: Span[];
  /** The sentence stating it; text.slice(start, end) === quote. */
  quote: string;
  start: number;
  end: number;
  /** YYYY-MM-DD */
  date: string | null;
  dateText: string | null;
  origin: NamedPlace | null;
  destination: NamedPlace | null;
  attribution: string | null;
  /** 0..1 */
  confidence: number;
}

export interface ExtractOptions {
  /** ISO date or date-time of publication; relative dates resolve against it. */
  publishedAt: string;
  metrics: MetricCue[];
  places: PlaceRef[];
}

/** A span of the source text: absolute offsets into the full text. */
export interface Span {
  text: string;
  start: number;
  end: number;
}
