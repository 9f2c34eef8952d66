// The body of GET /api/v1/series as finished JSON text. Where a headline table
// (figure_headline, or figure_headline_pair for place filters) answers the filters,
// PostgreSQL writes the whole body in one query, so Node does not parse rows or
// serialise them again (that was most of a request's CPU; see docs/performance.md,
// "Dashboard"). Other requests go through getSeries and toJson. Both give
// byte-identical text (__tests__/lib/figures/figureHeadline.test.ts, headlinePair.test.ts).
import type { Fragment } from 'postgres';
import { sql, type Sql } from '@/lib/db/sql';
import { toJson } from '@/lib/http/respond';
import { getMetricByKey, getSeries, type SeriesQuery } from './getSeries';
import { tablePointsSql } from './listSeriesPoints';

/** The series as the API answers it: `{ metric, unit, kind, interval, points }`. */
export async function getSeriesJson(query: SeriesQuery): Promise<string> {
  const metric = await getMetricByKey(query.metric);
  const points = query.includeClaims ? undefined : tablePointsSql(sql, metric, query.filters, query.interval);
  if (!points) {
    const { label: _label, ...body } = await getSeries(query, metric);
    return toJson(body);
  }
  const [row] = await sql<{ body: string }[]>`
    SELECT '{"metric":' || to_json(${metric.key}::text) || ',"unit":' || to_json(${metric.unit}::text)
           || ',"kind":' || to_json(${metric.kind}::text) || ',"interval":' || to_json(${query.interval}::text)
           || ',"points":[' || coalesce(string_agg(${pointJsonSql(sql)}, ',' ORDER BY p.date), '') || ']}' AS body
    FROM (${points}) p`;
  return row.body;
}

// One point, keys in the order toJson writes SeriesPoint's. Dates and qualifiers
// need no escaping; figure_ids is already JSON (array_to_json writes no spaces).
function pointJsonSql(sql: Sql) {
  return sql`'{"date":"' || p.date || '","value":' || ${bigintJsonSql(sql, sql`p.value`)}
    || ',"low":' || ${bigintJsonSql(sql, sql`p.low`)} || ',"high":' || ${bigintJsonSql(sql, sql`p.high`)}
    || ',"qualifier":' || coalesce(to_json(${combinedQualifierSql(sql)})::text, 'null')
    || ',"claims":' || coalesce(p.claims::text, 'null') || ',"figureIds":' || coalesce(p.figure_ids::text, 'null') || '}'`;
}

/** toJson's rule for BIGINT: a JSON number when it is a safe integer, else a string. */
function bigintJsonSql(sql: Sql, value: Fragment) {
  return sql`coalesce(CASE WHEN ${value} BETWEEN ${-Number.MAX_SAFE_INTEGER}::bigint AND ${Number.MAX_SAFE_INTEGER}::bigint
    THEN ${value}::text ELSE to_json(${value}::text)::text END, 'null')`;
}

/** combineQualifiers() over p.qualifiers, p.low and p.high; change both together. */
function combinedQualifierSql(sql: Sql) {
  const has = (q: string) => sql`${q}::text = ANY(p.qualifiers)`;
  return sql`CASE
    WHEN cardinality(p.qualifiers) > 0 AND p.qualifiers[1] = ALL(p.qualifiers) THEN p.qualifiers[1]
    WHEN ${has('AT_LEAST')} AND ${has('AT_MOST')} THEN 'APPROXIMATE'
    WHEN ${has('AT_LEAST')} THEN 'AT_LEAST'
    WHEN ${has('AT_MOST')} THEN 'AT_MOST'
    WHEN p.low <> p.high THEN 'RANGE'
    WHEN ${has('APPROXIMATE')} THEN 'APPROXIMATE'
    ELSE 'EXACT' END`;
}
