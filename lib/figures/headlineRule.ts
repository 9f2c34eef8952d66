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

/** The place a claim is about for the rule: its origin, else its destination. */
export function placeKeySql(sql: Sql) {
  return sql`coalesce(f."originId", f."destinationId")`;
}

/** The single number plotted for a claim; mirrors headlineValue() in value.ts. */
export function plottedValueSql(sql: Sql, alias = 'f') {
  const a = sql(alias);
  return sql`CASE ${a}.qualifier WHEN 'RANGE' THEN (${a}.low + ${a}.high + 1) / 2 WHEN 'AT_MOST' THEN ${a}.high ELSE ${a}.low END`;
}
