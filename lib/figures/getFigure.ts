// One figure for its page: the full citation, the other published claims for
// the same metric, place and day (headline first), and its revision history.
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { headlineOrderSql, placeKeySql } from './headlineRule';
import { claimSelectSql, type Claim } from './listClaims';

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

/** A published figure with its context; NOT_FOUND for unknown ids and, publicly, for drafts. */
export async function getFigure(id: number, options: { includeUnpublished?: boolean } = {}): Promise<FigurePage> {
  const [figure] = await sql<FigureDetail[]>`
    SELECT c.*, m.unit, m.label AS "metricLabel", f.notes, f."retractedReason", s."archiveUrl", to_char(s."accessedAt", 'YYYY-MM-DD') AS "accessedAt"
    FROM (${claimSelectSql()} WHERE f.id = ${id}) c
    JOIN figure f ON f.id = c.id JOIN metric m ON m.id = f."metricId" JOIN source s ON s.id = f."sourceId"`;
  if (!figure || (!options.includeUnpublished && figure.status !== 'PUBLISHED')) {
    throw new AppError('NOT_FOUND', `No published figure has id ${id}.`, 'id');
  }
  const [sameDay, revisions] = await Promise.all([
    sql<Claim[]>`
      ${claimSelectSql()}
      JOIN figure me ON me.id = ${id}
      WHERE f."metricId" = me."metricId" AND f."asOf" = me."asOf" AND f.status = 'PUBLISHED'
        AND ${placeKeySql(sql)} IS NOT DISTINCT FROM coalesce(me."originId", me."destinationId")
      ORDER BY ${headlineOrderSql(sql)}`,
    sql<Revision[]>`
      SELECT r.id::text AS id, r.version, r.action, r.reason, u.name AS user,
             to_char(r."createdAt", 'YYYY-MM-DD HH24:MI "UTC"') AS "createdAt",
             ARRAY(SELECT k FROM jsonb_object_keys(coalesce(r.after, '{}'::jsonb)) k
                   WHERE r.before IS NOT NULL AND (r.before -> k) IS DISTINCT FROM (r.after -> k) ORDER BY k) AS changed
      FROM figure_revision r LEFT JOIN "user" u ON u.id = r."userId"
      WHERE r."figureId" = ${id} ORDER BY r."createdAt" DESC, r.id DESC`,
  ]);
  return { figure, sameDay, revisions };
}
