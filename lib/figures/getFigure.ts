// One figure for its page: the full citation, the other published claims for
// the same metric, place and day (headline first), and its revision history.
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { headlineOrderSql, placeKeySql } from './headlineRule';
import { claimSelectSql, type Claim } from './listClaims';
import { figuresFromSql } from './vintage';

export interface FigureDetail extends Claim {
  unit: string;
  metricLabel: string;
  notes: string | null;
  retractedReason: string | null;
  archiveUrl: string | null;
  accessedAt: string | null;
}

export interface Revision {
  id: string;
  version: number;
  action: string;
  reason: string | null;
  user: string | null;
  createdAt: string;
  changed: string[];
}

export interface FigurePage {
  figure: FigureDetail;
  sameDay: Claim[];
  revisions: Revision[];
}

/**
 * A published figure with its context; NOT_FOUND for unknown ids and, publicly, for drafts.
 * With a vintage (vintage.ts): the figure, its same-day claims and its history as they
 * stood at that instant; NOT_FOUND if it was not published then.
 */
export async function getFigure(id: number, options: { includeUnpublished?: boolean; vintage?: string } = {}): Promise<FigurePage> {
  const figures = figuresFromSql(sql, options);
  const [figure] = await sql<FigureDetail[]>`
    SELECT c.*, m.unit, m.label AS "metricLabel", f.notes, f."retractedReason", s."archiveUrl", to_char(s."accessedAt", 'YYYY-MM-DD') AS "accessedAt"
    FROM (${claimSelectSql(figures)} WHERE f.id = ${id}) c
    JOIN ${figures} f ON f.id = c.id JOIN metric m ON m.id = f."metricId" JOIN source s ON s.id = f."sourceId"`;
  if (!figure || (!options.includeUnpublished && figure.status !== 'PUBLISHED')) {
    const when = options.vintage ? ` as of ${options.vintage}` : '';
    throw new AppError('NOT_FOUND', `No published figure has id ${id}${when}.`, 'id');
  }
  const until = options.vintage ? sql`AND r."createdAt" <= (${options.vintage}::timestamptz AT TIME ZONE 'UTC')` : sql``;
  const [sameDay, revisions] = await Promise.all([
    sql<Claim[]>`
      ${claimSelectSql(figures)}
      JOIN ${figures} me ON me.id = ${id}
      WHERE f."metricId" = me."metricId" AND f."asOf" = me."asOf" AND f.status = 'PUBLISHED'
        AND ${placeKeySql(sql)} IS NOT DISTINCT FROM coalesce(me."originId", me."destinationId")
      ORDER BY ${headlineOrderSql(sql)}`,
    sql<Revision[]>`
      SELECT r.id::text AS id, r.version, r.action, r.reason, u.name AS user,
             to_char(r."createdAt", 'YYYY-MM-DD HH24:MI "UTC"') AS "createdAt",
             ARRAY(SELECT k FROM jsonb_object_keys(coalesce(r.after, '{}'::jsonb)) k
                   WHERE r.before IS NOT NULL AND (r.before -> k) IS DISTINCT FROM (r.after -> k) ORDER BY k) AS changed
      FROM figure_revision r LEFT JOIN "user" u ON u.id = r."userId"
      WHERE r."figureId" = ${id} ${until} ORDER BY r."createdAt" DESC, r.id DESC`,
  ]);
  return { figure, sameDay, revisions };
}
