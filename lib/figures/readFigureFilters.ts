// The one reader of figure filters for every page, API route and export: it
// parses and validates the query (400 naming the parameter), checks that the
// places it names exist, and applies the draft rule: editors and admins may ask
// for draft or retracted figures; anyone else gets the same 403 everywhere.
import type { Fragment } from 'postgres';
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { canViewDrafts, type Actor } from '@/lib/auth/permissions';
import { PUBLIC_STATUS } from '@/lib/vocabulary';
import { parseFigureFilters, placeTreeSql, publisherSql, searchPatternOf, type FigureFilters, type ResolvedFilterIds, type SearchParamsInput } from './filters';

export const DRAFTS_FORBIDDEN_MESSAGE =
  'Only editors and admins can see draft or retracted figures. Sign in as one, or leave status out to see published figures.';

const PLACE_PARAMS = ['place', 'origin', 'destination'] as const;

/** Who is asking; only called when the filters ask for more than published figures. */
export type ActorLookup = () => Promise<Actor | null>;

export async function readFigureFilters(input: SearchParamsInput, lookupActor: ActorLookup): Promise<FigureFilters> {
  const filters = parseFigureFilters(input);
  if (filters.status.some((s) => s !== PUBLIC_STATUS) && !canViewDrafts(await lookupActor())) {
    throw new AppError('FORBIDDEN', DRAFTS_FORBIDDEN_MESSAGE, 'status');
  }
  return { ...filters, resolved: await resolveIds(filters) };
}

/**
 * Each place filter's tree as ids (a typo gets a 400 that names the parameter
 * instead of an empty chart), the metrics' ids, the publisher's sources and the
 * sources whose title matches q, looked up before any figure query is planned
 * (see FigureFilters.resolved). An unknown metric leaves them unresolved, to the
 * caller's own message; an unknown publisher has no sources (no figures), as before.
 * Sources have no history, so the ids hold at a vintage too.
 */
async function resolveIds(filters: FigureFilters): Promise<ResolvedFilterIds> {
  const resolved: ResolvedFilterIds = {};
  for (const param of PLACE_PARAMS) {
    const ref = filters[param];
    if (!ref) continue;
    const [row] = await sql<{ found: boolean; ids: number[] }[]>`
      SELECT EXISTS (SELECT 1 FROM place WHERE ${placeMatch(ref)}) AS found, coalesce(array_agg(id ORDER BY id), '{}') AS ids
      FROM ${placeTreeSql(sql, ref)} tree`;
    if (!row.found) throw new AppError('BAD_REQUEST', `${param}: no place has the id or code "${ref}"`, param);
    resolved[param] = row.ids;
  }
  if (filters.publisher) resolved.publisherSources = await sourceIds(publisherSql(sql, filters.publisher));
  if (filters.q) resolved.searchSources = await sourceIds(sql`title ILIKE ${searchPatternOf(filters.q)}`);
  if (filters.metric) {
    const metrics = await sql<{ id: number }[]>`SELECT id FROM metric WHERE key = ANY(${filters.metric}::text[]) ORDER BY id`;
    if (metrics.length === filters.metric.length) resolved.metricIds = metrics.map((m) => m.id);
  }
  return resolved;
}

async function sourceIds(condition: Fragment): Promise<number[]> {
  const [row] = await sql<{ ids: number[] }[]>`SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids FROM source WHERE ${condition}`;
  return row.ids;
}

const placeMatch = (ref: string) => (/^\d+$/.test(ref) ? sql`id = ${Number(ref)}` : sql`code = ${ref}`);
