// One metric as a time series: one headline value per day (or week or month),
// aggregated in PostgreSQL. See docs/architecture.md, "Dashboard", for the rule.
//
// STOCK (a running total): each bucket shows the headline claim of the last day
// in the bucket that has claims. FLOW (a count per period): each bucket sums the
// headline claim of every (day, place) in it. Buckets without claims are absent:
// unknown is not zero.
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { figureFilterSql, type FigureFilters } from './filters';
import { headlineOrderSql, placeKeySql, plottedValueSql } from './headlineRule';
import { combineQualifiers } from './combineQualifiers';
import { listClaims, type Claim } from './listClaims';
import type { Qualifier } from './value';

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** At most this many figure ids per point; `claims` still counts them all. */
export const MAX_IDS_PER_POINT = 50;

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

interface MetricRow { id: number; key: string; label: string; unit: string; kind: 'STOCK' | 'FLOW' }

export async function getMetricByKey(key: string): Promise<MetricRow> {
  const [metric] = await sql<MetricRow[]>`SELECT id, key, label, unit, kind FROM metric WHERE key = ${key}`;
  if (!metric) throw new AppError('NOT_FOUND', `Unknown metric "${key}". Use a metric key such as refugees, evacuees or buses.`, 'metric');
  return metric;
}

interface PointRow {
  date: string;
  value: bigint;
  low: bigint;
  high: bigint;
  qualifiers: Qualifier[];
  claims: number;
  figure_ids: number[];
}

function pointsSql(metric: MetricRow, filters: FigureFilters, interval: Interval) {
  // Only published figures count towards a headline, whatever status was asked for.
  const where = figureFilterSql(sql, { ...filters, metric: undefined, status: ['PUBLISHED'] });
  const partition = metric.kind === 'STOCK' ? sql`f."asOf"` : sql`f."asOf", ${placeKeySql(sql)}`;
  const claims = sql`
    SELECT f.id, f."asOf" AS day, date_trunc(${interval}, f."asOf"::timestamp)::date AS bucket, f.low, f.high, f.qualifier, ${plottedValueSql(sql)} AS value,
           row_number() OVER (PARTITION BY ${partition} ORDER BY ${headlineOrderSql(sql)}) AS rank
    FROM figure f JOIN source s ON s.id = f."sourceId"
    WHERE f."metricId" = ${metric.id} AND ${where}`;
  if (metric.kind === 'FLOW') {
    return sql<PointRow[]>`
      WITH c AS (${claims})
      SELECT to_char(c.bucket, 'YYYY-MM-DD') AS date,
             sum(c.value) FILTER (WHERE c.rank = 1)::bigint AS value,
             sum(c.low) FILTER (WHERE c.rank = 1)::bigint AS low,
             sum(c.high) FILTER (WHERE c.rank = 1)::bigint AS high,
             array_agg(DISTINCT c.qualifier::text) FILTER (WHERE c.rank = 1) AS qualifiers,
             count(*)::int AS claims,
             (array_agg(c.id ORDER BY c.rank, c.day DESC, c.id DESC))[1:${MAX_IDS_PER_POINT}] AS figure_ids
      FROM c GROUP BY c.bucket ORDER BY c.bucket`;
  }
  return sql<PointRow[]>`
    WITH c AS (${claims}),
    days AS (
      SELECT c.day, c.bucket,
             max(c.value) FILTER (WHERE c.rank = 1) AS value,
             max(c.low) FILTER (WHERE c.rank = 1) AS low,
             max(c.high) FILTER (WHERE c.rank = 1) AS high,
             array_agg(c.qualifier::text) FILTER (WHERE c.rank = 1) AS qualifiers,
             count(*)::int AS claims,
             (array_agg(c.id ORDER BY c.rank))[1:${MAX_IDS_PER_POINT}] AS figure_ids
      FROM c GROUP BY c.day, c.bucket
    )
    SELECT DISTINCT ON (bucket) to_char(bucket, 'YYYY-MM-DD') AS date, value, low, high, qualifiers, claims, figure_ids
    FROM days ORDER BY bucket, day DESC`;
}

/** The series for one metric under the given filters. Throws NOT_FOUND for an unknown metric. */
export async function getSeries(query: SeriesQuery): Promise<Series> {
  const metric = await getMetricByKey(query.metric);
  const rows = await pointsSql(metric, query.filters, query.interval);
  const points: SeriesPoint[] = rows.map((r) => ({
    date: r.date,
    value: r.value,
    low: r.low,
    high: r.high,
    qualifier: combineQualifiers(r.qualifiers, r.low, r.high),
    claims: r.claims,
    figureIds: r.figure_ids,
  }));
  if (query.includeClaims) await attachClaims(points, query.claimsPerPoint ?? MAX_IDS_PER_POINT);
  return { metric: metric.key, label: metric.label, unit: metric.unit, kind: metric.kind, interval: query.interval, points };
}

async function attachClaims(points: SeriesPoint[], perPoint: number): Promise<void> {
  const ids = points.flatMap((p) => p.figureIds.slice(0, perPoint));
  const byId = new Map((await listClaims(ids)).map((c) => [c.id, c]));
  for (const p of points) p.claimDetails = p.figureIds.slice(0, perPoint).flatMap((id) => byId.get(id) ?? []);
}
