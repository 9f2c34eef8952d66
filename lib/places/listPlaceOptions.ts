// Places for the filter pickers, in hierarchy order with their depth, so a
// select can indent cities under their oblast and the oblast under its country.
import { sql } from '@/lib/db/sql';

export interface PlaceOption { id: number; name: string; code: string | null; depth: number }

export async function listPlaceOptions(): Promise<PlaceOption[]> {
  return sql<PlaceOption[]>`
    WITH RECURSIVE tree AS (
      SELECT id, name, code, 0 AS depth, ARRAY[name::text] AS path FROM place WHERE "parentId" IS NULL AND "retiredAt" IS NULL
      UNION ALL
      SELECT p.id, p.name, p.code, t.depth + 1, t.path || p.name::text
      FROM place p JOIN tree t ON p."parentId" = t.id WHERE p."retiredAt" IS NULL
    )
    SELECT id, name, code, depth FROM tree ORDER BY path`;
}
