// One metric as a time series: one headline value per day (or week or month),
// aggregated in PostgreSQL. See docs/architecture.md, "Dashboard", for the rule.
//
// STOCK (a running total): each bucket shows the headline claim of the last day
// in the bucket that has claims. FLOW (a count per period): each bucket sums the
// headline claim of every (day, place) in it. Buckets without claims are absent:
// unknown is not zero. The points come from the precomputed headline tables
// (figure_headline, or figure_headline_pair for place filters) when the filters
// allow it, else from a live ranking (listSeriesPoints.ts).
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import type { FigureFilters } from './filters';
import { combineQualifiers } from './combineQualifiers';
import { listClaims, type Claim } from './listClaims';
import { listLivePoints, MAX_IDS_PER_POINT, tablePointsSql, type PointRow } from './listSeriesPoints';
import type { Interval, Qualifier } from '@/lib/vocabulary';

export { MAX_IDS_PER_POINT };

export interface SeriesPoint {
  date: string; // bucket start, YYYY-MM-DD (weeks start on Monday)
  value: bigint;
  low: bigint;
  high: bigint;
  qualifier: Qualifier;
  claims: number;
  figureIds: number[]; // headline claim(s) first
  claimDetails?: Claim[];
}

export interface Series {
  metric: string;
  label: string;
  unit: string;
  kind: 'STOCK' | 'FLOW';
  interval: Interval;
  points: SeriesPoint[];
}

export interface SeriesQuery {
  metric: string;
  filters: FigureFilters;
  interval: Interval;
  includeClaims?: boolean;
  /** Claims listed per point when includeClaims is set (headline first). */
  claimsPerPoint?: number;
}

export interface MetricRow { id: number; key: string; label: string; unit: string; kind: 'STOCK' | 'FLOW' }

export async function getMetricByKey(key: string): Promise<MetricRow> {
  const [metric] = await sql<MetricRow[]>`SELECT id, key, label, unit, kind FROM metric WHERE key = ${key}`;
  if (!metric) throw new AppError('NOT_FOUND', `Unknown metric "${key}". Use a metric key such as refugees, evacuees or buses.`, 'metric');
  return metric;
}

/** The series for one metric under the given filters (`loaded`: its metric, if already read). Throws NOT_FOUND for an unknown metric. */
export async function getSeries(query: SeriesQuery, loaded?: MetricRow): Promise<Series> {
  const metric = loaded ?? (await getMetricByKey(query.metric));
  const rows = await (tablePointsSql(sql, metric, query.filters, query.interval)
    ?? listLivePoints(sql, metric, query.filters, query.interval));
  const points = toSeriesPoints(rows);
  if (query.includeClaims) await attachClaims(points, query.claimsPerPoint ?? MAX_IDS_PER_POINT, query.filters);
  return { metric: metric.key, label: metric.label, unit: metric.unit, kind: metric.kind, interval: query.interval, points };
}

/** Query rows as series points: a bucket's qualifiers combined into one. */
export function toSeriesPoints(rows: readonly PointRow[]): SeriesPoint[] {
  return rows.map((r) => ({
    date: r.date,
    value: r.value,
    low: r.low,
    high: r.high,
    qualifier: combineQualifiers(r.qualifiers, r.low, r.high),
    claims: r.claims,
    figureIds: r.figure_ids,
  }));
}

async function attachClaims(points: SeriesPoint[], perPoint: number, filters: FigureFilters): Promise<void> {
  const ids = points.flatMap((p) => p.figureIds.slice(0, perPoint));
  const byId = new Map((await listClaims(ids, filters)).map((c) => [c.id, c]));
  for (const p of points) p.claimDetails = p.figureIds.slice(0, perPoint).flatMap((id) => byId.get(id) ?? []);
}
