// Vintages: the figures as they stood at an instant (docs/architecture.md, "Vintages").
//
// figure_version holds every state each figure has been in, with the half-open
// interval [validFrom, validTo) it held for; a PostgreSQL trigger writes it from
// figure_revision in the writer's transaction (migration *_figure_version). So
// "the figures at instant T" is a relation with the same columns as `figure`
// (updatedAt is the instant of the revision that made the state), and every
// query that reads `figure f` reads the vintage by reading this relation as `f`
// instead: filters, the headline rule, paging and exports then apply to that
// state unchanged. Without a vintage the relation is the figure table itself.
//
// Exported API
//   vintageSchema                        ISO 8601 instant → canonical UTC text (zod; errors name `vintage`).
//   figuresFromSql(sql, { vintage? })    fragment for FROM … f
//   figuresFromText({ vintage? })        the same as SQL text, for COPY statements
import type { Fragment } from 'postgres';
import { z } from 'zod';
import type { Sql } from '@/lib/db/sql';

export const VINTAGE_EXAMPLE = '2022-03-15T12:00:00Z';

/** What vintageSchema returns: Date#toISOString text, safe to inline in SQL. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The vintage parameter. An instant with a time and a zone (Z or ±hh:mm), normalised
 * to UTC. An instant in the future is refused: its answer would change as time
 * passes, so it could not be cited (leave vintage out for the current data).
 */
export const vintageSchema = z
  .string()
  .pipe(
    z.iso.datetime({
      offset: true,
      message: `vintage must be an ISO 8601 instant with a time and a zone, for example ${VINTAGE_EXAMPLE}`,
    }),
  )
  .transform((text) => new Date(text).toISOString())
  .refine((iso) => Date.parse(iso) <= Date.now(), {
    message: 'vintage is in the future; give an instant in the past, or leave vintage out for the current data',
  })
  .meta({
    description: `The data as published at this instant: ISO 8601 with a time and a zone (${VINTAGE_EXAMPLE}), not in the future.`,
    format: 'date-time',
  });

function assertCanonical(vintage: string): string {
  // vintageSchema's output only; anything else here is a programming error, never inlined.
  if (!CANONICAL.test(vintage)) throw new Error(`not a canonical vintage: ${vintage}`);
  return vintage;
}

/** SQL text: each figure's state at the instant, with figure's column names. */
function figuresAtText(vintage: string): string {
  const at = `('${assertCanonical(vintage)}'::timestamptz AT TIME ZONE 'UTC')`;
  return `(SELECT v."figureId" AS id, v."metricId", v.low, v.high, v.qualifier, v."valueAsStated", v."asOf",
      v."periodStart", v."periodEnd", v."originId", v."destinationId", v."sourceId", v.quote, v.attribution, v.notes,
      v.status, v."retractedReason", v."validFrom" AS "updatedAt", v."revisionId"
    FROM figure_version v WHERE v."validFrom" <= ${at} AND (v."validTo" IS NULL OR v."validTo" > ${at}))`;
}

/** The relation to read as `f`: the figure table, or the figures at the vintage. */
export function figuresFromText(filters: { vintage?: string }): string {
  return filters.vintage ? figuresAtText(filters.vintage) : 'figure';
}

/** figuresFromText as a fragment: sql`SELECT … FROM ${figuresFromSql(sql, filters)} f`. */
export function figuresFromSql(sql: Sql, filters: { vintage?: string }): Fragment {
  return filters.vintage ? (sql.unsafe(figuresAtText(filters.vintage)) as unknown as Fragment) : sql`figure`;
}
