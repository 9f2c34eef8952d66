// Claims with their citations, for tooltips, the figure page and the JSON API.
import type { Fragment } from 'postgres';
import { sql } from '@/lib/db/sql';
import type { DatedValue } from '@/lib/vocabulary';
import { figuresFromSql } from './vintage';

export interface Claim extends DatedValue {
  id: number;
  metric: string;
  origin: { id: number; name: string; code: string | null } | null;
  destination: { id: number; name: string; code: string | null } | null;
  quote: string | null;
  attribution: string | null;
  status: 'DRAFT' | 'PUBLISHED' | 'RETRACTED';
  updatedAt: string;
  source: { id: number; title: string; url: string | null; publisher: string | null; publishedAt: string | null; preferred: boolean };
}

/**
 * Selects a Claim per row from `figure f`; joins are part of the fragment.
 * `figures` replaces the figure table, e.g. with figuresFromSql() for a vintage.
 */
export function claimSelectSql(figures: Fragment = sql`figure`) {
  return sql`
    SELECT f.id, m.key AS metric, f.low, f.high, f.qualifier, f."valueAsStated",
           to_char(f."asOf", 'YYYY-MM-DD') AS "asOf",
           to_char(f."periodStart", 'YYYY-MM-DD') AS "periodStart",
           to_char(f."periodEnd", 'YYYY-MM-DD') AS "periodEnd",
           CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name, 'code', o.code) END AS origin,
           CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'name', d.name, 'code', d.code) END AS destination,
           f.quote, f.attribution, f.status, to_char(f."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
           json_build_object('id', s.id, 'title', s.title, 'url', s.url, 'publisher', org.name,
                             'publishedAt', to_char(s."publishedAt", 'YYYY-MM-DD'), 'preferred', s.preferred) AS source
    FROM ${figures} f
    JOIN metric m ON m.id = f."metricId"
    JOIN source s ON s.id = f."sourceId"
    LEFT JOIN organization org ON org.id = s."publisherId"
    LEFT JOIN place o ON o.id = f."originId"
    LEFT JOIN place d ON d.id = f."destinationId"`;
}

/** The claims with these ids, in the order given (as they stood at the vintage, if given). */
export async function listClaims(ids: readonly number[], filters: { vintage?: string } = {}): Promise<Claim[]> {
  if (ids.length === 0) return [];
  const rows = await sql<Claim[]>`${claimSelectSql(figuresFromSql(sql, filters))} WHERE f.id = ANY(${ids as number[]}::int[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
