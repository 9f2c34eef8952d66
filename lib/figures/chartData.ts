// Pure mapping from a series to what the charts draw: numbers for the axes,
// exact strings for the words, and bounds kept apart from exact points.
import type { Claim } from './listClaims';
import type { Series, SeriesPoint } from './getSeries';
import { type Qualifier } from '@/lib/vocabulary';
import { boundMarker, formatCount, formatExact, formatStatedValue } from './formatValue';

export interface ChartClaim {
  id: number;
  stated: string;
  sourceTitle: string;
  publisher: string | null;
  date: string | null;
  quote: string | null;
  headline: boolean;
}

export interface ChartPoint {
  date: string;
  time: number; // ms since epoch, for a time axis that events can sit on
  value: number;
  /** Set only where the value is a point estimate; bounds are not drawn on the line. */
  line: number | null;
  /** Set only for bounds: where the "≥"/"≤" marker sits. */
  bound: number | null;
  marker: '≥' | '≤' | '';
  /** [low, high] for a range, else null: the shaded band. */
  band: [number, number] | null;
  /** Distances from the value down to low and up to high, for the range whisker. */
  spread: [number, number] | null;
  cumulative: number;
  qualifier: Qualifier;
  label: string; // "2.1–2.2 million"
  exact: string; // "2,100,000–2,200,000"
  claims: number;
  figureIds: number[];
  claimList: ChartClaim[];
}

export const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** A figure's page; at a vintage, the figure as it stood then (a snapshot's points open that). */
export const figureHref = (id: number, vintage?: string) =>
  vintage ? `/figures/${id}?vintage=${encodeURIComponent(vintage)}` : `/figures/${id}`;

function claimText(c: Claim, unit: string): string {
  return c.valueAsStated ?? formatStatedValue({ qualifier: c.qualifier, low: c.low, high: c.high }, unit);
}

export function toChartClaims(claims: Claim[] | undefined, unit: string): ChartClaim[] {
  return (claims ?? []).map((c, i) => ({
    id: c.id,
    stated: claimText(c, unit),
    sourceTitle: c.source.title,
    publisher: c.source.publisher,
    date: c.source.publishedAt,
    quote: c.quote,
    headline: i === 0,
  }));
}

function exactText(p: SeriesPoint): string {
  return p.low === p.high ? formatExact(p.low) : `${formatExact(p.low)}–${formatExact(p.high)}`;
}

export function toChartPoints(series: Pick<Series, 'unit' | 'points'>): ChartPoint[] {
  let running = 0;
  return series.points.map((p) => {
    const value = Number(p.value);
    running += value;
    const marker = boundMarker(p.qualifier) as ChartPoint['marker'];
    return {
      date: p.date,
      time: toTime(p.date),
      value,
      line: marker ? null : value,
      bound: marker ? value : null,
      marker,
      band: p.low !== p.high ? [Number(p.low), Number(p.high)] : null,
      spread: p.low !== p.high && !marker ? [value - Number(p.low), Number(p.high) - value] : null,
      cumulative: running,
      qualifier: p.qualifier,
      label: formatStatedValue({ qualifier: p.qualifier, low: p.low, high: p.high }),
      exact: exactText(p),
      claims: p.claims,
      figureIds: p.figureIds,
      claimList: toChartClaims(p.claimDetails, series.unit),
    };
  });
}

/** One sentence for screen readers: the span, the first and last values, the peak. */
export function describeSeries(label: string, unit: string, kind: 'STOCK' | 'FLOW', points: ChartPoint[]): string {
  if (points.length === 0) return `No figures for ${label.toLowerCase()}.`;
  const first = points[0];
  const last = points.at(-1)!;
  const peak = points.reduce((a, b) => (b.value > a.value ? b : a));
  if (kind === 'STOCK') {
    return `${label}: ${points.length} dated ${points.length === 1 ? 'value' : 'values'} from ${first.date} to ${last.date}, from ${first.label} to ${last.label} ${unit}. Highest: ${peak.label} on ${peak.date}.`;
  }
  const total = points.reduce((sum, p) => sum + p.value, 0);
  return `${label}: ${points.length} ${points.length === 1 ? 'period' : 'periods'} from ${first.date} to ${last.date}, ${formatCount(BigInt(total))} ${unit} in total. Largest: ${peak.label} on ${peak.date}.`;
}

/** "No figures for evacuees in Sumy between 1 March 2022 and 5 March 2022." */
export function emptySeriesMessage(label: string, placeName: string | null, fromText: string, toText: string): string {
  const where = placeName ? ` in ${placeName}` : '';
  return `No figures for ${label.toLowerCase()}${where} between ${fromText} and ${toText}. Widen the dates or clear a filter.`;
}
