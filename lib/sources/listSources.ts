// The sources page: each source with its publisher, how many published figures
// it backs and the first of them, newest source first, paged by keyset.
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { isRecordId, type Qualifier } from '@/lib/vocabulary';

export interface SourceFigure { id: number; metric: string; unit: string; low: bigint; high: bigint; qualifier: Qualifier; valueAsStated: string | null; asOf: string }
export interface SourceRow {
  id: number;
  title: string;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
  preferred: boolean;
  figureCount: number;
  figures: SourceFigure[];
}

export const SOURCES_PER_PAGE = 50;
const FIGURES_PER_SOURCE = 10;

/** The page's `before` parameter: absent, or a source id (positive 32-bit integer). */
export function parseSourcesPage(params: URLSearchParams): { before?: number } {
  const before = params.get('before')?.trim();
  if (!before) return {};
  if (!isRecordId(before)) throw new AppError('BAD_REQUEST', 'before must be a source id, as in the "Older sources" link', 'before');
  return { before: Number(before) };
}

/** Sources with id below `before` (or the newest), highest id first. */
export async function listSources(before?: number): Promise<{ sources: SourceRow[]; nextBefore: number | null }> {
  const rows = await sql<SourceRow[]>`
    SELECT s.id, s.title, s.url, o.name AS publisher, to_char(s."publishedAt", 'YYYY-MM-DD') AS "publishedAt", s.preferred,
           (SELECT count(*)::int FROM figure f WHERE f."sourceId" = s.id AND f.status = 'PUBLISHED') AS "figureCount",
           coalesce((SELECT json_agg(x) FROM (
             SELECT f.id, m.label AS metric, m.unit, f.low::text AS low, f.high::text AS high, f.qualifier, f."valueAsStated", to_char(f."asOf", 'YYYY-MM-DD') AS "asOf"
             FROM figure f JOIN metric m ON m.id = f."metricId"
             WHERE f."sourceId" = s.id AND f.status = 'PUBLISHED' ORDER BY f."asOf" DESC, f.id DESC LIMIT ${FIGURES_PER_SOURCE}) x), '[]') AS figures
    FROM source s LEFT JOIN organization o ON o.id = s."publisherId"
    WHERE s."retiredAt" IS NULL ${before ? sql`AND s.id < ${before}` : sql``}
    ORDER BY s.id DESC LIMIT ${SOURCES_PER_PAGE + 1}`;
  const sources = rows.slice(0, SOURCES_PER_PAGE).map((s) => ({
    ...s,
    figures: s.figures.map((f) => ({ ...f, low: BigInt(f.low as unknown as string), high: BigInt(f.high as unknown as string) })),
  }));
  return { sources, nextBefore: rows.length > SOURCES_PER_PAGE ? sources.at(-1)!.id : null };
}
