// Place suggestions for the filter pickers, loaded as a reader types rather than
// sent as a <select> of every place with each page (on the million-figure
// database that list was a third of the overview's HTML). GET /api/v1/places?q=…
import { z } from 'zod';
import { escapeLike, sql } from '@/lib/db/sql';
import { searchText, suggestionLimit } from '@/lib/validation/fields';
import { parseQueryOrThrow } from '@/lib/validation/parseOrThrow';

export const PLACE_SEARCH_LIMIT = 10;
/** Deeper than any real hierarchy (country › region › district › town …). */
const MAX_DEPTH = 12;

/** The query of GET /api/v1/places; the API reference is built from it. */
export const placeSearchQuerySchema = z.object({
  q: searchText('q', 100)
    .trim()
    .default('')
    .meta({ description: 'Part of a place name or alias (any case), or a code such as UKR. Empty: the top-level places.' }),
  limit: suggestionLimit(PLACE_SEARCH_LIMIT),
});

export type PlaceSearchQuery = z.output<typeof placeSearchQuerySchema>;

export interface PlaceSuggestion {
  id: number;
  name: string;
  code: string | null;
  /** The places it lies within, outermost first: "Ukraine › Sumy Oblast". Empty at the top. */
  within: string;
}

export function parsePlaceSearchQuery(params: URLSearchParams): PlaceSearchQuery {
  return parseQueryOrThrow(placeSearchQuerySchema, params);
}

/**
 * Places that are not retired whose code is q, or whose name or an alias ("Kiev")
 * contains it: the code first, then names that start with q, names that contain
 * it, then alias matches; shorter names first within each.
 */
export async function searchPlaces({ q, limit }: PlaceSearchQuery): Promise<PlaceSuggestion[]> {
  const escaped = escapeLike(q);
  return sql<PlaceSuggestion[]>`
    WITH RECURSIVE hit AS (
      SELECT p.id, p.name, p.code, p."parentId",
             CASE WHEN lower(p.code) = lower(${q}) THEN 0 WHEN p.name ILIKE ${`${escaped}%`} THEN 1
                  WHEN p.name ILIKE ${`%${escaped}%`} THEN 2 ELSE 3 END AS rank
      FROM place p
      WHERE p."retiredAt" IS NULL
        AND (${q} = '' AND p."parentId" IS NULL OR ${q} <> '' AND (p.name ILIKE ${`%${escaped}%`} OR lower(p.code) = lower(${q})
                                   OR EXISTS (SELECT 1 FROM unnest(p.aliases) a WHERE a ILIKE ${`%${escaped}%`})))
      ORDER BY rank, length(p.name), p.name, p.id
      LIMIT ${limit}
    ), up (id, depth, ancestor, name) AS (
      SELECT hit.id, 1, pl."parentId", pl.name FROM hit JOIN place pl ON pl.id = hit."parentId"
      UNION ALL
      -- Capped: a place tree with a loop in it must not make this climb forever.
      SELECT up.id, up.depth + 1, pl."parentId", pl.name FROM up JOIN place pl ON pl.id = up.ancestor WHERE up.depth < ${MAX_DEPTH}
    )
    SELECT hit.id, hit.name, hit.code,
           coalesce((SELECT string_agg(up.name, ' › ' ORDER BY up.depth DESC) FROM up WHERE up.id = hit.id), '') AS within
    FROM hit ORDER BY hit.rank, length(hit.name), hit.name, hit.id`;
}
