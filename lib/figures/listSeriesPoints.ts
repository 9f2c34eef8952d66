// The three ways to compute a series' points, with identical results:
// - from figure_headline, the headline rows PostgreSQL triggers keep current
//   (prisma/migrations/20261122005700_figure_headline), at a vintage from
//   figure_headline_history, their history (*_figure_headline_history), or with one
//   qualifier or one publisher from figure_headline_slice, the same rows over that
//   slice of the claims (*_figure_headline_slice): one indexed range scan;
// - with a place, origin or destination filter, from figure_headline_pair, the
//   headline rows per (origin, destination) pair (*_figure_headline_pair): a range
//   scan of a handful of rows per day, merged;
// - live, ranking every published claim in range with the headline rule: the
//   fallback for filters the precomputed rows cannot answer.
// STOCK: each bucket shows the headline of the last day in it that has claims.
// FLOW: each bucket sums the headline of every (day, place) in it.
import type { Fragment } from 'postgres';
import type { Sql } from '@/lib/db/sql';
import { figureFilterSql, isNarrowTree, placeInSql, publisherIdSql, type FigureFilters, type ResolvedFilterIds } from './filters';
import { figuresFromSql } from './vintage';
import { headlineOrderSql, placeKeySql, plottedValueSql, ruleTwoCtesSql } from './headlineRule';
import type { Interval, Qualifier } from '@/lib/vocabulary';

export interface SeriesMetric { id: number; kind: 'STOCK' | 'FLOW' }

/**
 * At most this many figure ids per point, in rule order (headline first); `claims`
 * still counts them all. figure_headline keeps up to 50 per row; the API and the
 * charts list 10 (the tooltip shows 5), which keeps a year of days to ~40 kB.
 */
export const MAX_IDS_PER_POINT = 10;

export interface PointRow {
  date: string;
  value: bigint;
  low: bigint;
  high: bigint;
  qualifiers: Qualifier[];
  claims: number;
  figure_ids: number[];
}

/**
 * Whether figure_headline answers these filters. Its rows are keyed by metric,
 * day and place key (origin, else destination), over every published claim, so
 * any filter that drops claims within a key (publisher, qualifier, search) or
 * that is not on the place key (place matches origin OR destination; origin and
 * destination alone are not the key either) needs the live query. Status does
 * not matter: series always count published figures only. A vintage (vintage.ts)
 * reads the rows' history instead (dayHeadlinesSql).
 */
export function headlineTableAnswers(filters: FigureFilters): boolean {
  return !filters.place && !filters.origin && !filters.destination && !filters.publisher && !filters.qualifier && !filters.q;
}

/**
 * Whether figure_headline_slice answers these filters: exactly one qualifier, or a
 * publisher, and nothing else but dates and interval (a slice is the claims of one
 * qualifier or of one publisher's sources, ranked among themselves). Both together, a
 * set of qualifiers, a place or a search drop claims within a slice, and the slices
 * are current only (no vintage): live.
 */
export function sliceTableAnswers(filters: FigureFilters): boolean {
  const oneSlice = filters.publisher ? !filters.qualifier : filters.qualifier?.length === 1;
  return oneSlice && !filters.place && !filters.origin && !filters.destination && !filters.q && !filters.vintage;
}

/**
 * Whether figure_headline_pair answers these filters: a place, origin or
 * destination filter (with metric, dates and interval). Each is a predicate on a
 * claim's (origin, destination) pair, and so is rule 1's scope, so the passing
 * pairs' rows hold exactly the passing claims. Publisher, qualifier and search drop
 * claims within a pair, and the pair rows are current only (no vintage): live.
 */
export function pairTableAnswers(filters: FigureFilters): boolean {
  return Boolean(filters.place || filters.origin || filters.destination)
    && !filters.publisher && !filters.qualifier && !filters.q && !filters.vintage;
}

/**
 * The series' points as one query over a trigger-kept table, or undefined when the
 * filters need the live ranking (listLivePoints). Callers may await it or embed it.
 */
export function tablePointsSql(sql: Sql, metric: SeriesMetric, filters: FigureFilters, interval: Interval) {
  if (headlineTableAnswers(filters) || sliceTableAnswers(filters)) return listHeadlinePoints(sql, metric, filters, interval);
  if (pairTableAnswers(filters)) return metric.kind === 'FLOW' ? listFilteredFlowPoints(sql, metric, filters, interval) : listPairPoints(sql, metric, filters, interval);
  return undefined;
}

/**
 * A flow filtered by place, origin or destination. When the filters leave out no
 * claim of the metric in range (a whole country that every evacuation lies in), the
 * filtered series is the unfiltered one, and figure_headline answers it at once; the
 * pair rows would sum every place key again (a country's flow: 119,000 pair rows,
 * ~380 ms on the million). Flows only: rule 1 makes a stock's unfiltered series
 * differ (claims naming a destination compete only under a place filter). One query,
 * so getSeriesJson can embed it: PostgreSQL reads the pair rows once for the check
 * and runs only the branch it selects.
 */
function listFilteredFlowPoints(sql: Sql, metric: SeriesMetric, filters: FigureFilters, interval: Interval) {
  const unfiltered = listHeadlinePoints(sql, metric, { ...filters, place: undefined, origin: undefined, destination: undefined }, interval);
  return sql<PointRow[]>`
    WITH check_ AS MATERIALIZED (
      SELECT EXISTS (SELECT 1 FROM figure_headline_pair h WHERE ${pairScopeSql(sql, metric, filters)} AND NOT (${pairPassSql(sql, metric, filters)})) AS leaves_out
    )
    SELECT * FROM (
      (SELECT * FROM (${unfiltered}) a WHERE NOT (SELECT leaves_out FROM check_))
      UNION ALL
      (SELECT * FROM (${listPairPoints(sql, metric, filters, interval)}) b WHERE (SELECT leaves_out FROM check_))
    ) u ORDER BY date`;
}

// Up to MAX_IDS_PER_POINT ids per point. As JSON they are parsed by JSON.parse instead of
// postgres.js's array parser, which showed in the API's CPU profile (~10% less
// Node CPU per year-of-days request).
const idsJson = (sql: Sql, ids: Fragment) => sql`array_to_json(${ids})`;

const bucketSql = (sql: Sql, interval: Interval) => sql`date_trunc(${interval}, h.day::timestamp)::date`;

/**
 * The relation to read as `h`: each (metric, day)'s across-places headline row
 * (figure_headline's placeKey -1), now or, with a vintage, the history row valid at
 * that instant, or the row of the filters' slice (one qualifier, or one publisher).
 * The tables have the same columns after their keys.
 */
function dayHeadlinesSql(sql: Sql, filters: FigureFilters) {
  if (filters.qualifier) return sql`(SELECT * FROM figure_headline_slice WHERE slice = ${`qualifier:${filters.qualifier[0]}`})`;
  if (filters.publisher) return sql`(SELECT * FROM figure_headline_slice WHERE slice = 'publisher:' || ${publisherIdSql(sql, filters.publisher)})`;
  if (!filters.vintage) return sql`(SELECT * FROM figure_headline WHERE "placeKey" = -1)`;
  const at = sql`(${filters.vintage}::timestamptz AT TIME ZONE 'UTC')`;
  return sql`(SELECT * FROM figure_headline_history WHERE "validFrom" <= ${at} AND ("validTo" IS NULL OR "validTo" > ${at}))`;
}

/** Points from figure_headline (its history, or a slice); only for filters where headlineTableAnswers() or sliceTableAnswers() holds. */
export function listHeadlinePoints(sql: Sql, metric: SeriesMetric, filters: FigureFilters, interval: Interval) {
  // Other filters would be dropped without a word (a vintage with a qualifier would read today's slice).
  if (!headlineTableAnswers(filters) && !sliceTableAnswers(filters)) throw new Error('listHeadlinePoints: these filters need listLivePoints');
  const rows = dayHeadlinesSql(sql, filters);
  const range = [
    filters.from ? sql`AND h.day >= ${filters.from}::date` : sql``,
    filters.to ? sql`AND h.day <= ${filters.to}::date` : sql``,
  ];
  if (metric.kind === 'STOCK') {
    // Each day's headline across places, its claim count and ranked ids.
    return sql<PointRow[]>`
      SELECT DISTINCT ON (bucket) to_char(bucket, 'YYYY-MM-DD') AS date, value, low, high,
             ARRAY[qualifier::text] AS qualifiers, claims,
             ${idsJson(sql, sql`"figureIds"[1:${MAX_IDS_PER_POINT}]`)} AS figure_ids
      FROM (SELECT ${bucketSql(sql, interval)} AS bucket, h.* FROM ${rows} h
            WHERE h."metricId" = ${metric.id} ${range[0]} ${range[1]}) d
      ORDER BY bucket, day DESC`;
  }
  // A flow reads each day's sum of per-place headlines (the sum* columns).
  if (interval === 'day') {
    // A bucket of one day: its ids are already in the live order (rank in their
    // place, then the highest id), so they are cut, not merged (unnesting and
    // sorting 50 ids a day was half of a year's flow query).
    return sql<PointRow[]>`
      SELECT to_char(h.day, 'YYYY-MM-DD') AS date, h."sumValue" AS value, h."sumLow" AS low, h."sumHigh" AS high,
             ARRAY(SELECT q::text FROM unnest(h."sumQualifiers") q ORDER BY 1) AS qualifiers, h.claims,
             ${idsJson(sql, sql`h."sumFigureIds"[1:${MAX_IDS_PER_POINT}]`)} AS figure_ids
      FROM ${rows} h
      WHERE h."metricId" = ${metric.id} ${range[0]} ${range[1]}
      ORDER BY h.day`;
  }
  // Longer buckets merge their days' ids as the live query orders them: rank in
  // their place, then the latest day, then the highest id.
  return sql<PointRow[]>`
    WITH d AS (
      SELECT ${bucketSql(sql, interval)} AS bucket, h.day, h."sumValue", h."sumLow", h."sumHigh", h.claims,
             h."sumQualifiers", h."sumFigureIds", h."sumFigureRanks"
      FROM ${rows} h
      WHERE h."metricId" = ${metric.id} ${range[0]} ${range[1]}
    ), ids AS (
      SELECT d.bucket, (array_agg(u.id ORDER BY u.rank, d.day DESC, u.id DESC))[1:${MAX_IDS_PER_POINT}] AS figure_ids
      FROM d CROSS JOIN LATERAL unnest(d."sumFigureIds", d."sumFigureRanks") AS u(id, rank)
      GROUP BY d.bucket
    ), qualifiers AS (
      SELECT d.bucket, array_agg(DISTINCT q::text) AS qualifiers
      FROM d CROSS JOIN LATERAL unnest(d."sumQualifiers") AS q
      GROUP BY d.bucket
    )
    SELECT to_char(d.bucket, 'YYYY-MM-DD') AS date, sum(d."sumValue")::bigint AS value, sum(d."sumLow")::bigint AS low,
           sum(d."sumHigh")::bigint AS high, min(qualifiers.qualifiers) AS qualifiers,
           sum(d.claims)::int AS claims, ${idsJson(sql, sql`min(ids.figure_ids)`)} AS figure_ids
    FROM d JOIN ids ON ids.bucket = d.bucket JOIN qualifiers ON qualifiers.bucket = d.bucket
    GROUP BY d.bucket ORDER BY d.bucket`;
}

/**
 * Rule 1 (scope of a running total): a stock claim that names a destination counts
 * people in that destination, so it competes only in views that ask for it (a
 * destination filter, or a place filter that its destination falls under).
 */
function stockScopeSql(sql: Sql, filters: FigureFilters): Fragment {
  if (filters.destination) return sql`TRUE`;
  if (filters.place) return sql`(f."destinationId" IS NULL OR ${placeInSql(sql, sql`f."destinationId"`, filters, 'place')})`;
  return sql`f."destinationId" IS NULL`;
}

/**
 * The place filters and rule 1 as a condition on figure_headline_pair `h` (origin
 * and destination keys are 0 for none, never in a tree); the same claims pass as
 * through figureFilterSql and stockScopeSql.
 */
function pairFilterSql(sql: Sql, metric: SeriesMetric, filters: FigureFilters): Fragment {
  return sql`${pairScopeSql(sql, metric, filters)} AND ${pairPassSql(sql, metric, filters)}`;
}

/** The metric and the date range, as a condition on figure_headline_pair `h`. */
function pairScopeSql(sql: Sql, metric: SeriesMetric, filters: FigureFilters): Fragment {
  const conditions: Fragment[] = [sql`h."metricId" = ${metric.id}`];
  if (filters.from) conditions.push(sql`h.day >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`h.day <= ${filters.to}::date`);
  return conditions.reduce((all, condition) => sql`${all} AND ${condition}`);
}

/** The place filters and rule 1, as a condition on figure_headline_pair `h`. */
function pairPassSql(sql: Sql, metric: SeriesMetric, filters: FigureFilters): Fragment {
  const origin = sql`h."originKey"`;
  const destination = sql`h."destinationKey"`;
  const conditions: Fragment[] = [sql`TRUE`];
  if (filters.place) {
    conditions.push(sql`(${placeInSql(sql, origin, filters, 'place')} OR ${placeInSql(sql, destination, filters, 'place')})`);
  }
  if (filters.origin) conditions.push(placeInSql(sql, origin, filters, 'origin'));
  if (filters.destination) conditions.push(placeInSql(sql, destination, filters, 'destination'));
  if (metric.kind === 'STOCK' && !filters.destination) {
    conditions.push(filters.place ? sql`(${destination} = 0 OR ${placeInSql(sql, destination, filters, 'place')})` : sql`${destination} = 0`);
  }
  return conditions.reduce((all, condition) => sql`${all} AND ${condition}`);
}

/**
 * Points from figure_headline_pair; only for filters where pairTableAnswers() holds.
 * The same rows as listLivePoints (__tests__/lib/figures/headlinePair.test.ts). Each
 * pair row lists its claims' ranks among all the day's claims (the rule is a total
 * order), so the best of several pairs is the lowest rank and their lists merge by
 * rank: a claim in the first N of a day or place is in the first N of its pair.
 */
export function listPairPoints(sql: Sql, metric: SeriesMetric, filters: FigureFilters, interval: Interval) {
  const pairs = sql`
    SELECT h.day, ${bucketSql(sql, interval)} AS bucket,
           CASE WHEN h."originKey" <> 0 THEN h."originKey" ELSE h."destinationKey" END AS place,
           h."figureRanks"[1] AS best, h.value, h.low, h.high, h.qualifier, h.claims,
           h."figureIds"[1:${MAX_IDS_PER_POINT}] AS ids, h."figureRanks"[1:${MAX_IDS_PER_POINT}] AS ranks
    FROM figure_headline_pair h WHERE ${pairFilterSql(sql, metric, filters)}`;
  if (metric.kind === 'STOCK') {
    // Rule 1 is in the filter; each bucket's last day, its best pair and merged ids.
    return sql<PointRow[]>`
      WITH p AS (${pairs}),
      last AS (SELECT DISTINCT ON (bucket) bucket, day FROM p ORDER BY bucket, day DESC),
      days AS (
        SELECT last.bucket, last.day, sum(p.claims)::int AS claims FROM last JOIN p ON p.day = last.day GROUP BY last.bucket, last.day
      ), win AS (
        SELECT DISTINCT ON (p.day) p.day, p.value, p.low, p.high, p.qualifier FROM last JOIN p ON p.day = last.day ORDER BY p.day, p.best
      ), ids AS (
        SELECT p.day, (array_agg(u.id ORDER BY u.rank))[1:${MAX_IDS_PER_POINT}] AS figure_ids
        FROM last JOIN p ON p.day = last.day CROSS JOIN LATERAL unnest(p.ids, p.ranks) AS u(id, rank) GROUP BY p.day
      )
      SELECT to_char(days.bucket, 'YYYY-MM-DD') AS date, win.value, win.low, win.high, ARRAY[win.qualifier::text] AS qualifiers,
             days.claims, ${idsJson(sql, sql`ids.figure_ids`)} AS figure_ids
      FROM days JOIN win ON win.day = days.day JOIN ids ON ids.day = days.day
      ORDER BY days.bucket`;
  }
  // FLOW: per (day, place key) the best passing pair, and rule 2 as listLivePoints
  // applies it over the passing keys: a key is a part when one of its ancestors is a
  // key the same day (array overlap, not a join of the day's keys with themselves).
  // Ids sort by (parts after added places, rank in the place, latest day, highest
  // id). Within one section (added or parts) of a bucket: with at least N places, the
  // first N are their headlines by day and id; with fewer, the places' lists merge (a
  // claim's rank in its place is its position in its passing pairs' merged lists,
  // exact up to N). The bucket lists the added section, then the parts.
  return sql<PointRow[]>`
    WITH RECURSIVE p AS (${pairs}),
    g0 AS (
      SELECT DISTINCT ON (p.day, p.place) p.day, p.bucket, p.place, p.value, p.low, p.high, p.qualifier, p.ids[1] AS id
      FROM p ORDER BY p.day, p.place, p.best
    ),
    ${ruleTwoCtesSql(sql, 'g0')},
    g AS (
      SELECT g0.*, coalesce(ancestors.ids && day_keys.places, false) AS is_part
      FROM g0 JOIN day_keys ON day_keys.day = g0.day LEFT JOIN ancestors ON ancestors.p = g0.place
    ),
    sums AS (
      SELECT bucket, sum(value) FILTER (WHERE NOT is_part)::bigint AS value, sum(low) FILTER (WHERE NOT is_part)::bigint AS low,
             sum(high) FILTER (WHERE NOT is_part)::bigint AS high,
             array_agg(DISTINCT qualifier::text) FILTER (WHERE NOT is_part) AS qualifiers
      FROM g GROUP BY bucket
    ),
    sections AS (
      SELECT bucket, is_part, count(*) AS places, (array_agg(id ORDER BY day DESC, id DESC))[1:${MAX_IDS_PER_POINT}] AS headline_ids
      FROM g GROUP BY bucket, is_part
    ),
    ranked AS (
      SELECT p.bucket, p.day, g.is_part, u.id, row_number() OVER (PARTITION BY p.day, p.place ORDER BY u.rank) AS place_rank
      FROM p JOIN g ON g.day = p.day AND g.place = p.place
      JOIN sections s ON s.bucket = p.bucket AND s.is_part = g.is_part AND s.places < ${MAX_IDS_PER_POINT}
      CROSS JOIN LATERAL unnest(p.ids, p.ranks) AS u(id, rank)
    ),
    merged AS (
      SELECT r.bucket, r.is_part, (array_agg(r.id ORDER BY r.place_rank, r.day DESC, r.id DESC)
               FILTER (WHERE r.place_rank <= ${MAX_IDS_PER_POINT}))[1:${MAX_IDS_PER_POINT}] AS ids
      FROM ranked r GROUP BY r.bucket, r.is_part
    ),
    ids AS (
      SELECT s.bucket, s.is_part, coalesce(m.ids, s.headline_ids) AS ids
      FROM sections s LEFT JOIN merged m ON m.bucket = s.bucket AND m.is_part = s.is_part
    ),
    counts AS (SELECT bucket, sum(claims)::int AS claims FROM p GROUP BY bucket)
    SELECT to_char(sums.bucket, 'YYYY-MM-DD') AS date, sums.value, sums.low, sums.high, sums.qualifiers, counts.claims,
           ${idsJson(sql, sql`(added.ids || coalesce(parts.ids, '{}'))[1:${MAX_IDS_PER_POINT}]`)} AS figure_ids
    FROM sums JOIN counts ON counts.bucket = sums.bucket
    JOIN ids added ON added.bucket = sums.bucket AND NOT added.is_part
    LEFT JOIN ids parts ON parts.bucket = sums.bucket AND parts.is_part
    ORDER BY sums.bucket`;
}

/** Narrow place trees stay literal ids in the live ranking (listLivePoints). */
function liveIds({ place, origin, destination, ...ids }: ResolvedFilterIds): ResolvedFilterIds {
  const small = (tree?: number[]) => (isNarrowTree(tree) ? tree : undefined);
  return { ...ids, place: small(place), origin: small(origin), destination: small(destination) };
}

/** Points ranked live from figure and source, for any filters. */
export function listLivePoints(sql: Sql, metric: SeriesMetric, rawFilters: FigureFilters, interval: Interval) {
  // A whole country's tree stays a subquery here: as 265 literal ids the planner chose
  // a far worse plan for the flow ranking (88 s against 4.7 s for place=UKR on the
  // million, issue 16; docs/performance.md). A smaller tree, the publisher's and the
  // search's sources stay literal: the planner then reads the place, source and
  // trigram indexes (place=UA05 with every other filter: ~10 ms against ~100 ms).
  const filters: FigureFilters = { ...rawFilters, resolved: rawFilters.resolved && liveIds(rawFilters.resolved) };
  // Only published figures count towards a headline, whatever status was asked for.
  const where = figureFilterSql(sql, { ...filters, metric: undefined, status: ['PUBLISHED'] });
  const scope = metric.kind === 'STOCK' ? stockScopeSql(sql, filters) : sql`TRUE`;
  const partition = metric.kind === 'STOCK' ? sql`f."asOf"` : sql`f."asOf", ${placeKeySql(sql)}`;
  const claims = sql`
    SELECT f.id, f."asOf" AS day, date_trunc(${interval}, f."asOf"::timestamp)::date AS bucket, f.low, f.high, f.qualifier, ${plottedValueSql(sql)} AS value,
           ${placeKeySql(sql)} AS place,
           row_number() OVER (PARTITION BY ${partition} ORDER BY ${headlineOrderSql(sql)}) AS rank
    FROM ${figuresFromSql(sql, filters)} f JOIN source s ON s.id = f."sourceId"
    WHERE f."metricId" = ${metric.id} AND ${where} AND ${scope}`;
  if (metric.kind === 'FLOW') {
    // Rule 2: a place's count is part of the count of a place containing it on the same day.
    return sql<PointRow[]>`
      WITH RECURSIVE c0 AS (${claims}),
      keys AS (SELECT DISTINCT day, place FROM c0 WHERE place IS NOT NULL),
      ${ruleTwoCtesSql(sql, 'keys')},
      part AS (
        SELECT keys.day, keys.place FROM keys JOIN day_keys ON day_keys.day = keys.day JOIN ancestors ON ancestors.p = keys.place
        WHERE ancestors.ids && day_keys.places
      ),
      c AS (
        SELECT c0.*, part.place IS NOT NULL AS is_part, c0.rank + CASE WHEN part.place IS NOT NULL THEN 100000 ELSE 0 END AS sum_rank
        FROM c0 LEFT JOIN part ON part.day = c0.day AND part.place = c0.place
      )
      SELECT to_char(c.bucket, 'YYYY-MM-DD') AS date,
             sum(c.value) FILTER (WHERE c.rank = 1 AND NOT c.is_part)::bigint AS value,
             sum(c.low) FILTER (WHERE c.rank = 1 AND NOT c.is_part)::bigint AS low,
             sum(c.high) FILTER (WHERE c.rank = 1 AND NOT c.is_part)::bigint AS high,
             array_agg(DISTINCT c.qualifier::text) FILTER (WHERE c.rank = 1 AND NOT c.is_part) AS qualifiers,
             count(*)::int AS claims,
             ${idsJson(sql, sql`(array_agg(c.id ORDER BY c.sum_rank, c.day DESC, c.id DESC))[1:${MAX_IDS_PER_POINT}]`)} AS figure_ids
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
    SELECT DISTINCT ON (bucket) to_char(bucket, 'YYYY-MM-DD') AS date, value, low, high, qualifiers, claims,
           ${idsJson(sql, sql`figure_ids`)} AS figure_ids
    FROM days ORDER BY bucket, day DESC`;
}
