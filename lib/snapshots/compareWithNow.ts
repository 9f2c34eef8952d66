// "Compare with now": what changed in a snapshot's view since its instant —
// the chart points whose value changed, appeared or went, and the figures added,
// corrected or retracted since, each with the revision that did it. Figures are
// compared in SQL over figure_version (the vintage) and the figure table (now).
import { sql } from '@/lib/db/sql';
import { figureFilterSql } from '@/lib/figures/filters';
import { getSeries } from '@/lib/figures/getSeries';
import { figuresFromSql } from '@/lib/figures/vintage';
import { getSnapshot, snapshotSelection, type Snapshot } from './snapshots';

export interface PointChange { date: string; then: bigint | null; now: bigint | null }

export interface FigureChange {
  id: number;
  change: 'added' | 'corrected' | 'retracted' | 'left the view';
  asOf: string;
  metric: string;
  /** The latest revision, which the change led to. */
  revisionId: string;
  at: string;
}

export interface Comparison { snapshot: Snapshot; points: PointChange[] | null; figures: FigureChange[] }

/** At most this many changed figures are listed (newest change first). */
export const MAX_CHANGES = 500;

export async function compareWithNow(id: string): Promise<Comparison> {
  const snapshot = await getSnapshot(id);
  const { filters, interval, metric } = await snapshotSelection(snapshot);
  const current = { ...filters, vintage: undefined };
  let points: PointChange[] | null = null;
  if (snapshot.view === 'chart' && metric) {
    const [then, now] = await Promise.all([
      getSeries({ metric, filters, interval: interval ?? 'day' }),
      getSeries({ metric, filters: current, interval: interval ?? 'day' }),
    ]);
    const byDate = new Map<string, PointChange>();
    for (const p of then.points) byDate.set(p.date, { date: p.date, then: p.value, now: null });
    for (const p of now.points) byDate.set(p.date, { date: p.date, then: byDate.get(p.date)?.then ?? null, now: p.value });
    points = [...byDate.values()].filter((p) => p.then !== p.now).sort((a, b) => a.date.localeCompare(b.date));
  }
  const figures = await sql<FigureChange[]>`
    WITH was AS (SELECT f.id, f."revisionId" FROM ${figuresFromSql(sql, filters)} f WHERE ${figureFilterSql(sql, filters)}),
    is_ AS (SELECT f.id FROM figure f WHERE ${figureFilterSql(sql, current)}),
    touched AS (
      SELECT coalesce(is_.id, was.id) AS id, was.id IS NULL AS added, is_.id IS NULL AS gone, was."revisionId" AS then_revision
      FROM was FULL JOIN is_ ON is_.id = was.id)
    SELECT t.id, CASE WHEN t.added THEN 'added' WHEN t.gone AND f.status = 'RETRACTED' THEN 'retracted'
                      WHEN t.gone THEN 'left the view' ELSE 'corrected' END AS change,
           to_char(f."asOf", 'YYYY-MM-DD') AS "asOf", m.key AS metric, v."revisionId"::text AS "revisionId",
           to_char(v."validFrom", 'YYYY-MM-DD HH24:MI "UTC"') AS at
    FROM touched t
    JOIN figure f ON f.id = t.id JOIN metric m ON m.id = f."metricId"
    JOIN figure_version v ON v."figureId" = t.id AND v."validTo" IS NULL
    WHERE t.added OR t.gone OR v."revisionId" IS DISTINCT FROM t.then_revision
    ORDER BY v."validFrom" DESC, t.id DESC
    LIMIT ${MAX_CHANGES}`;
  return { snapshot, points, figures };
}
