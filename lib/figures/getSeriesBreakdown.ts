// One metric broken down by place: a series per destination (or origin), each
// with the headline rule applied within that place. A place's series is exactly
// the series the same filters give with destination=<place> (origin=<place>):
// the scope rules (docs/architecture.md, "Headline rule") decide which claims
// count, so a breakdown never mixes levels the plain series keeps apart.
//
// Which places: the ones named to compare (2–6, `places`), else the places with
// the most published claims in view, at most BREAKDOWN_MAX_PLACES.
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import type { Interval } from '@/lib/vocabulary';
import { figuresFromSql } from './vintage';
import { figureFilterSql, type FigureFilters } from './filters';
import { getMetricByKey, getSeries, type Series } from './getSeries';
import type { Breakdown, BreakdownBy } from './parseSeriesParams';

/** Small multiples stay readable up to this many places. */
export const BREAKDOWN_MAX_PLACES = 8;

export interface BreakdownPlace { id: number; code: string | null; name: string }

export interface SeriesBreakdown {
  metric: string;
  label: string;
  unit: string;
  kind: 'STOCK' | 'FLOW';
  interval: Interval;
  by: BreakdownBy;
  groups: Array<{ place: BreakdownPlace; points: Series['points'] }>;
}

export interface BreakdownQuery {
  metric: string;
  filters: FigureFilters;
  interval: Interval;
  breakdown: Breakdown;
  includeClaims?: boolean;
  claimsPerPoint?: number;
}

const column = (by: BreakdownBy) => (by === 'destination' ? sql`f."destinationId"` : sql`f."originId"`);

/** The places named to compare, in the order given; an unknown one is a 400 naming `places`. */
async function namedPlaces(refs: string[]): Promise<BreakdownPlace[]> {
  const ids = refs.filter((r) => /^\d+$/.test(r)).map(Number);
  const codes = refs.filter((r) => !/^\d+$/.test(r));
  const rows = await sql<BreakdownPlace[]>`SELECT id, code, name FROM place WHERE id = ANY(${ids}::int[]) OR code = ANY(${codes}::text[])`;
  return refs.map((ref) => {
    const found = rows.find((p) => String(p.id) === ref || p.code === ref);
    if (!found) throw new AppError('BAD_REQUEST', `places: no place has the id or code "${ref}"`, 'places');
    return found;
  });
}

/** The places with the most published claims of this metric in view. */
async function busiestPlaces(metricId: number, filters: FigureFilters, by: BreakdownBy): Promise<BreakdownPlace[]> {
  const where = figureFilterSql(sql, { ...filters, metric: undefined, status: ['PUBLISHED'] });
  return sql<BreakdownPlace[]>`
    SELECT p.id, p.code, p.name FROM (
      SELECT ${column(by)} AS place, count(*) AS claims FROM ${figuresFromSql(sql, filters)} f
      WHERE f."metricId" = ${metricId} AND ${column(by)} IS NOT NULL AND ${where}
      GROUP BY 1 ORDER BY claims DESC, place LIMIT ${BREAKDOWN_MAX_PLACES}
    ) c JOIN place p ON p.id = c.place ORDER BY c.claims DESC, p.name`;
}

export async function getSeriesBreakdown(query: BreakdownQuery): Promise<SeriesBreakdown> {
  const { by, places } = query.breakdown;
  const metric = await getMetricByKey(query.metric);
  const chosen = places ? await namedPlaces(places) : await busiestPlaces(metric.id, query.filters, by);
  const groups = await Promise.all(
    chosen.map(async (place) => {
      const series = await getSeries({
        metric: metric.key,
        filters: { ...query.filters, [by]: String(place.id) },
        interval: query.interval,
        includeClaims: query.includeClaims,
        claimsPerPoint: query.claimsPerPoint,
      });
      return { place, points: series.points };
    }),
  );
  return { metric: metric.key, label: metric.label, unit: metric.unit, kind: metric.kind, interval: query.interval, by, groups };
}
