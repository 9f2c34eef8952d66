// The headline rule: when several published claims exist for one metric, place
// and day, the chart draws one of them. Kept in one place so the charts, the
// figure page and the docs (docs/architecture.md, "Dashboard") agree.
import type { Sql } from '@/lib/db/sql';

/**
 * ORDER BY terms that put the headline claim first, over `figure f` joined to `source s`:
 * 1. a source an editor marked as preferred;
 * 2. the most recently published source (sources without a date last);
 * 3. tie: the figure updated most recently; 4. tie: the highest figure id.
 * Only published figures take part; callers filter on status first.
 */
export function headlineOrderSql(sql: Sql) {
  return sql`s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC`;
}

/**
 * Rule 2 (a place's flow is part of the flow of a place containing it on the same
 * day) as CTEs over a relation `keys` with (day, place) columns, each pair once:
 * `ancestors` (p, ids: every place above p) and `day_keys` (day, places). A key is a
 * part when `ancestors.ids && day_keys.places`: an array overlap per key, not a join
 * of the day's keys with themselves (keys² rows a day: 711,000 for one search's 7,600
 * claims, sorted on disk). The caller's WITH must be RECURSIVE.
 */
export function ruleTwoCtesSql(sql: Sql, keys: string) {
  const k = sql(keys);
  return sql`
    up (p, a) AS (
      SELECT pl.id, pl."parentId" FROM place pl WHERE pl.id IN (SELECT place FROM ${k}) AND pl."parentId" IS NOT NULL
      UNION
      SELECT up.p, pl."parentId" FROM up JOIN place pl ON pl.id = up.a WHERE pl."parentId" IS NOT NULL
    ),
    ancestors AS (SELECT up.p, array_agg(up.a) AS ids FROM up GROUP BY up.p),
    day_keys AS (SELECT ${k}.day, array_agg(${k}.place) AS places FROM ${k} GROUP BY ${k}.day)`;
}

/** The place a claim is about for the rule: its origin, else its destination. */
export function placeKeySql(sql: Sql) {
  return sql`coalesce(f."originId", f."destinationId")`;
}

/** The single number plotted for a claim; mirrors headlineValue() in value.ts. */
export function plottedValueSql(sql: Sql, alias = 'f') {
  const a = sql(alias);
  return sql`CASE ${a}.qualifier WHEN 'RANGE' THEN (${a}.low + ${a}.high + 1) / 2 WHEN 'AT_MOST' THEN ${a}.high ELSE ${a}.low END`;
}
