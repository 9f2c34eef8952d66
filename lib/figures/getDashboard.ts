// The overview's data in one call: a series per chosen metric (all by default) under the current
// filters, the events in range and freshness. The page lists filter options itself.
import { sql } from '@/lib/db/sql';
import { toDay, type Interval } from '@/lib/vocabulary';
import type { FigureFilters } from './filters';
import { getSeries, type Series } from './getSeries';
import { figuresFromSql } from './vintage';
import { listClaims } from './listClaims';
import { listChartEvents, type ChartEvent } from './listChartEvents';

/** Without a chosen range the overview shows the year up to the latest figure. */
const DEFAULT_SPAN_DAYS = 365;

export interface Dashboard {
  from: string;
  to: string;
  interval: Interval;
  intervalChosen: boolean;
  series: Series[];
  events: ChartEvent[];
  lastUpdated: string | null;
}

const addDays = (day: string, n: number) => toDay(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000);

/** The interval that keeps a chart readable: days up to three months, weeks up to two years, else months. */
export function fitInterval(from: string, to: string): Interval {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days <= 92) return 'day';
  if (days <= 731) return 'week';
  return 'month';
}

async function dataRange(filters: FigureFilters): Promise<{ from: string; to: string }> {
  if (filters.from && filters.to) return { from: filters.from, to: filters.to };
  // Uses the (metricId, status, asOf) index: one backward index step per metric.
  const [row] = await sql<{ latest: string | null; earliest: string | null }[]>`
    SELECT to_char(max(x.latest), 'YYYY-MM-DD') AS latest, to_char(min(x.earliest), 'YYYY-MM-DD') AS earliest FROM metric m,
      LATERAL (SELECT max("asOf") AS latest, min("asOf") AS earliest FROM ${figuresFromSql(sql, filters)} f WHERE f."metricId" = m.id AND f.status = 'PUBLISHED') x`;
  const today = toDay();
  const to = filters.to ?? row?.latest ?? today;
  const earliest = row?.earliest ?? to;
  const from = filters.from ?? (addDays(to, -DEFAULT_SPAN_DAYS) > earliest ? addDays(to, -DEFAULT_SPAN_DAYS) : earliest);
  return { from, to: to < from ? from : to };
}

export async function getDashboard(filters: FigureFilters, interval?: Interval): Promise<Dashboard> {
  const range = await dataRange(filters);
  const ranged = { ...filters, ...range };
  const chosen = interval ?? fitInterval(range.from, range.to);
  // The metrics chosen (metric=…), else every metric in use.
  const chosenMetrics = filters.metric ? sql`AND key = ANY(${filters.metric}::text[])` : sql``;
  const metrics = await sql<{ key: string }[]>`SELECT key FROM metric WHERE "retiredAt" IS NULL ${chosenMetrics} ORDER BY id`;
  const [series, events, updated] = await Promise.all([
    // Points only: a point's claims load when its tooltip opens (GET /api/v1/claims).
    Promise.all(metrics.map((m) => getSeries({ metric: m.key, filters: ranged, interval: chosen }))),
    listChartEvents(range.from, range.to),
    sql<{ at: string | null }[]>`SELECT to_char(max("updatedAt"), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at FROM ${figuresFromSql(sql, filters)} f WHERE status = 'PUBLISHED'`,
  ]);
  await attachLatestHeadlines(series, filters.vintage);
  return { ...range, interval: chosen, intervalChosen: interval !== undefined, series, events, lastUpdated: updated[0]?.at ?? null };
}

/** The headline card cites the latest point's headline claim: only that claim is loaded per series. */
async function attachLatestHeadlines(series: Series[], vintage: string | undefined): Promise<void> {
  const latest = series.flatMap((s) => s.points.at(-1) ?? []);
  const byId = new Map((await listClaims(latest.flatMap((p) => p.figureIds.slice(0, 1)), { vintage })).map((c) => [c.id, c]));
  for (const p of latest) p.claimDetails = p.figureIds.slice(0, 1).flatMap((id) => byId.get(id) ?? []);
}
