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
  // The lookups are independent: asked together, a request waits for one round trip,
  // not up to six. A bad place names the first bad parameter in order, as before.
  const settled = await Promise.allSettled([
    ...PLACE_PARAMS.map((param) => placeTree(param, filters[param])),
    filters.publisher ? sourceIds(publisherSql(sql, filters.publisher)) : undefined,
    filters.q ? sourceIds(sql`title ILIKE ${searchPatternOf(filters.q)}`) : undefined,
    filters.metric ? metricIdsOf(filters.metric) : undefined,
  ]);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const [place, origin, destination, publisherSources, searchSources, metricIds] = settled.map((r) => (r as PromiseFulfilledResult<number[] | undefined>).value);
  return { place, origin, destination, publisherSources, searchSources, metricIds };
}

/** A place filter's tree as ids; a 400 naming the parameter when no place has the reference. */
async function placeTree(param: (typeof PLACE_PARAMS)[number], ref: string | undefined): Promise<number[] | undefined> {
  if (!ref) return undefined;
  const [row] = await sql<{ found: boolean; ids: number[] }[]>`
    SELECT EXISTS (SELECT 1 FROM place WHERE ${placeMatch(ref)}) AS found, coalesce(array_agg(id ORDER BY id), '{}') AS ids
    FROM ${placeTreeSql(sql, ref)} tree`;
  if (!row.found) throw new AppError('BAD_REQUEST', `${param}: no place has the id or code "${ref}"`, param);
  return row.ids;
}

/** The metrics' ids, or undefined when a key names no metric (the caller says which). */
async function metricIdsOf(keys: string[]): Promise<number[] | undefined> {
  const metrics = await sql<{ id: number }[]>`SELECT id FROM metric WHERE key = ANY(${keys}::text[]) ORDER BY id`;
  return metrics.length === keys.length ? metrics.map((m) => m.id) : undefined;
}

async function sourceIds(condition: Fragment): Promise<number[]> {
  const [row] = await sql<{ ids: number[] }[]>`SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids FROM source WHERE ${condition}`;
  return row.ids;
}

const placeMatch = (ref: string) => (/^\d+$/.test(ref) ? sql`id = ${Number(ref)}` : sql`code = ${ref}`);
